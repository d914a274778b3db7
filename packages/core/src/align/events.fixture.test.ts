/**
 * Event grouping must not depend on what else is in the corpus: any two fixture
 * articles given alone land in one event (a student uploading two files expects
 * that), and the off-event articles never join them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createEngine } from '../engine';
import type { ArticleAnalysis, ArticleInput } from '../index';
import { extractEventFeatures, groupEvents } from './events';

const ROOT = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));

/** Minimal front-matter reader (ingest is a separate package that depends on core). */
function load(dir: string): ArticleInput[] {
  return readdirSync(ROOT + dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = readFileSync(`${ROOT}${dir}/${f}`, 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(raw)!;
      const fm = Object.fromEntries(
        m[1]!.split('\n').flatMap((l) => {
          const kv = /^(\w+):\s*(.*)$/.exec(l);
          return kv ? [[kv[1]!, kv[2]!.replace(/^"|"$/g, '')]] : [];
        }),
      ) as Record<string, string>;
      const val = (k: string) => (fm[k] && fm[k] !== 'null' ? fm[k]! : null);
      return { id: fm.id!, outlet: fm.outlet ?? '', title: fm.title ?? '', published: val('published'), url: null, language: val('language'), text: raw.slice(m[0].length), source: { path: `${dir}/${f}`, line: null } };
    });
}

const engine = createEngine();
const riyadh = load('riyadh-2025-02-18').map((a) => engine.analyzeArticle(a));
const off = load('off-event').map((a) => engine.analyzeArticle(a));
const pairs: [ArticleAnalysis, ArticleAnalysis][] = [];
for (let i = 0; i < riyadh.length; i++) for (let j = i + 1; j < riyadh.length; j++) pairs.push([riyadh[i]!, riyadh[j]!]);

describe('groupEvents on the fixture, two articles at a time', () => {
  test.each(pairs.map(([a, b]) => [a.article.id, b.article.id, a, b] as const))('%s + %s form one event', (_x, _y, a, b) => {
    expect(groupEvents([a, b].map(extractEventFeatures))).toHaveLength(1);
  });

  test.each(riyadh.flatMap((r) => off.map((o) => [r.article.id, o.article.id, r, o] as const)))('%s + %s stay apart', (_x, _y, r, o) => {
    expect(groupEvents([r, o].map(extractEventFeatures))).toHaveLength(2);
  });
});
