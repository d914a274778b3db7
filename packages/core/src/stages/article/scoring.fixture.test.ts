/**
 * The Riyadh fixture end to end: every measure for every article, every evidence
 * text equal to the report text at its offsets, and every score recomputed from its
 * evidence with the function its codebook entry documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { createEngine } from '../../engine';
import { definitionFor } from '../../measures';
import type { AnalysisReport, ArticleInput, Evidence } from '../../schema';
import { ALPHA, squash } from '../../lib/sentence-sentiment';
import { GENERIC_FRAMES, MFC_FRAMES } from './frames';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../fixtures/riyadh-2025-02-18');

function load(): ArticleInput[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(DIR, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(raw)!;
      const fm = Object.fromEntries(
        m[1]!
          .split('\n')
          .filter((l) => /^\w+:/.test(l))
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim().replace(/^"|"$/g, '')]),
      );
      return { id: fm.id!, outlet: fm.outlet!, title: fm.title!, published: null, url: null, language: 'en', text: raw.slice(m[0].length), source: { path: f, line: null } };
    });
}

let report: AnalysisReport;
beforeAll(() => {
  report = createEngine().analyze({ articles: load() });
});

const DOC_MEASURES = [
  'sentiment', 'loaded_language', 'hedging', 'intensifiers',
  ...MFC_FRAMES.map((f) => `frame:${f}`), ...GENERIC_FRAMES.map((f) => `generic:${f}`),
];
/** Source balance: per attribute, the values present (and `unknown`) sum to 1. */
const SOURCE_ATTRIBUTES = ['party', 'country', 'role'];

describe('scoring on the Riyadh fixture', () => {
  test('every article has every document measure, sentence sentiment for every sentence, and entity sentiment', () => {
    for (const a of report.articles) {
      const mine = report.scores.filter((s) => s.article_id === a.id);
      for (const m of DOC_MEASURES) expect(mine.some((s) => s.scope === 'document' && s.measure === m), `${a.id} ${m}`).toBe(true);
      for (const s of a.sentences) expect(mine.some((x) => x.scope === 'sentence' && x.target === s.id && x.measure === 'sentiment'), s.id).toBe(true);
      expect(mine.filter((s) => s.scope === 'entity').length, a.id).toBeGreaterThan(0);
      expect(report.quotes.filter((q) => q.article_id === a.id).length, a.id).toBeGreaterThan(0);
    }
  });

  test('evidence text equals the article text at its offsets', () => {
    const text = new Map(report.articles.map((a) => [a.id, a.text]));
    for (const e of report.evidence) expect(text.get(e.article_id)!.slice(e.start, e.end)).toBe(e.text);
    for (const q of report.quotes) expect(text.get(q.article_id)!.slice(q.start, q.end)).toBe(q.text);
  });

  test('every score is recomputed from its evidence by the documented function', () => {
    const byKey = new Map<string, Evidence[]>();
    for (const e of report.evidence) {
      const k = `${e.article_id}\u0000${e.measure}\u0000${e.scope}\u0000${e.target}`;
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(e);
    }
    let checked = 0;
    for (const s of report.scores) {
      if (!definitionFor(s.measure) || !/^(sentiment|bias|frame:|primary_frame:|generic:|loaded_language|hedging|intensifiers|source_balance:)/.test(s.measure)) continue;
      const ev = byKey.get(`${s.article_id}\u0000${s.measure}\u0000${s.scope}\u0000${s.target}`) ?? [];
      expect(ev.length, `${s.measure} ${s.target}`).toBe(s.n_evidence);
      const sum = ev.reduce((x, e) => x + e.weight, 0);
      // Sentence and entity sentiment: S / sqrt(S² + 15); everything else: Σ weights.
      const expected = s.measure === 'sentiment' && s.scope !== 'document' ? squash(sum, ALPHA) : s.measure === 'bias' && s.scope === 'sentence' ? 1 / (1 + Math.exp(-sum)) : sum;
      // Weights and values are rounded to 4 decimals in the report.
      expect(Math.abs(expected - s.value), `${s.article_id} ${s.measure} ${s.scope} ${s.target}`).toBeLessThan(1e-4 * (ev.length + 1));
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });

  test('shares are within their scales', () => {
    for (const s of report.scores) {
      if (/^(frame|generic|source_balance):/.test(s.measure)) {
        expect(s.value).toBeGreaterThanOrEqual(0);
        expect(s.value).toBeLessThanOrEqual(1 + 1e-9);
      }
      if (s.measure === 'sentiment') expect(Math.abs(s.value)).toBeLessThanOrEqual(1);
    }
    for (const a of report.articles) {
      for (const attr of SOURCE_ATTRIBUTES) {
        const bal = report.scores.filter((s) => s.article_id === a.id && s.measure.startsWith(`source_balance:${attr}:`));
        expect(bal.reduce((x, s) => x + s.value, 0), `${a.id} ${attr}`).toBeCloseTo(1, 3);
      }
    }
  });
});
