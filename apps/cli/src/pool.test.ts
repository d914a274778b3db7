/**
 * Failure isolation in the worker pool: an article whose analysis throws comes back as a
 * failed analysis (rejected with its reason by buildReport), in the main thread and in
 * worker threads alike, and the other articles are analysed as usual.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createEngine, type ArticleAnalysis, type ArticleInput } from '@parallax/core';
import { inlineAnalyzer, serializeAnalysis, workerAnalyzer } from './pool';

const root = resolve(import.meta.dirname, '../../..');
const dir = join(root, 'fixtures/riyadh-2025-02-18');
const good: ArticleInput[] = readdirSync(dir)
  .sort()
  .slice(0, 2)
  .map((name) => ({
    id: name,
    outlet: name,
    title: name,
    published: null,
    url: null,
    language: null,
    text: readFileSync(join(dir, name), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''),
    source: { path: name, line: null },
  }));
// A malformed input (no text) makes normalization throw inside the engine: a real stage failure.
const bad = { ...good[0]!, id: 'bad', text: null as unknown as string, source: { path: 'bad.txt', line: null } };
const articles = [good[0]!, bad, good[1]!];

describe('analyzers isolate a failing article', { timeout: 300_000 }, () => {
  test.each([
    ['main thread', () => inlineAnalyzer({})],
    ['2 worker threads', () => workerAnalyzer({}, 2)],
  ])('%s: the failing article is a failed analysis, the others are analysed, output as in the engine', async (_n, make) => {
    const analyzer = make();
    try {
      const text = (r: { bytes: Uint8Array }) => Buffer.from(r.bytes).toString('utf8');
      const json = (await Promise.all(articles.map((a) => analyzer.run(a)))).map(text);
      const engine = createEngine();
      expect(json).toEqual(articles.map((a) => text(serializeAnalysis(engine.analyzeArticle(a), engine.context))));
      const parsed = json.map((j) => JSON.parse(j) as ArticleAnalysis);
      expect(parsed.map((a) => a.failure?.stage ?? null)).toEqual([null, 'normalize', null]);
      const report = engine.buildReport(parsed, []);
      expect(report.inputs.map((i) => [i.article_id, i.status])).toEqual([
        ['ap.md', 'analysed'],
        ['bad', 'rejected'],
        ['mediaite.md', 'analysed'],
      ]);
      expect(report.inputs[1]!.reason).toMatch(/^internal error in stage normalize: TypeError: .*; please report$/);
    } finally {
      await analyzer.close();
    }
  });
});

describe('serializeAnalysis', () => {
  test('bytes are the UTF-8 JSON of the analysis with tokens last; headBytes end just before `,"tokens":`', () => {
    const engine = createEngine();
    const a = engine.analyzeArticle({ ...good[0]!, text: `${good[0]!.text}\n\nCafé “quoted” — naïve ✓.` });
    const r = serializeAnalysis(a, engine.context);
    const text = Buffer.from(r.bytes).toString('utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(a)));
    expect(Object.keys(JSON.parse(text) as object).at(-1)).toBe('tokens');
    expect(Buffer.from(r.bytes.subarray(r.headBytes)).toString('utf8').startsWith(',"tokens":')).toBe(true);
    const { tokens: _t, ...head } = a;
    expect(JSON.parse(`${Buffer.from(r.bytes.subarray(0, r.headBytes)).toString('utf8')}}`)).toEqual(JSON.parse(JSON.stringify(head)));
    expect(r.bytes.byteOffset).toBe(0);
    expect(r.bytes.buffer.byteLength).toBe(r.bytes.length); // its own buffer: transferable
  });
});
