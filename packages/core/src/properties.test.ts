/**
 * Properties of the whole engine over arbitrary input (fast-check): analysis never
 * throws, every span lies inside the text and its `text` equals the slice, every
 * number is finite, every score is backed by evidence of its own scope and target,
 * and the exports are deterministic.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createEngine } from './engine';
import { exportFiles } from './exports';
import { definitionFor } from './measures';
import type { AnalysisReport, ArticleInput } from './schema';

const engine = createEngine();

const SAMPLE =
  'Secretary of State Marco Rubio led a US delegation to meet Russia\'s negotiators in Riyadh on Tuesday. "This is unacceptable to us," Lavrov said. Kyiv was not invited, and critics called it a "preemptive surrender." Reportedly, the talks lasted 4-1/2 hours.';

/**
 * Every code point, lone surrogates included: the range of fast-check's `unit: 'binary'`,
 * without the seconds that unit spends building its tables on first use (busy machines).
 */
const ANY_CODE_POINT = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** Random text: mutations of a news paragraph, arbitrary Unicode, and mixtures. */
const text = fc.oneof(
  fc.string({ unit: ANY_CODE_POINT, maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc
    .array(fc.oneof(fc.constantFrom(...SAMPLE.split(/(?<=\s)/)), fc.string({ unit: ANY_CODE_POINT, maxLength: 8 }), fc.constantFrom('"', '“', '”', '\n', '\n\n', '—', '(', ')', 'but', 'not', 'said')), {
      maxLength: 120,
    })
    .map((parts) => parts.join('')),
);

const article = (id: string, body: string, title = ''): ArticleInput => ({
  id,
  outlet: `outlet-${id}`,
  title,
  published: null,
  url: null,
  language: null,
  text: body,
  source: { path: `${id}.txt`, line: null },
});

function checkReport(report: AnalysisReport): void {
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const inText = (articleId: string, s: { start: number; end: number; text?: string }) => {
    const a = byId.get(articleId)!;
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(a.text.length);
    if (s.text !== undefined) expect(a.text.slice(s.start, s.end)).toBe(s.text);
  };
  for (const a of report.articles) {
    for (const s of a.sentences) inText(a.id, s);
    for (const r of a.removed) inText(a.id, r);
    for (const e of a.entities) inText(a.id, e);
  }
  for (const e of report.evidence) {
    inText(e.article_id, e);
    expect(Number.isFinite(e.weight)).toBe(true);
  }
  for (const q of report.quotes) inText(q.article_id, q);
  for (const d of report.diffs) {
    for (const p of d.parts) expect(p.a !== null || p.b !== null).toBe(true);
  }
  const evidenceKey = (x: { article_id: string; measure: string; scope: string; target: string }) =>
    `${x.article_id}\u0000${x.measure}\u0000${x.scope}\u0000${x.target}`;
  const evidenceCount = new Map<string, number>();
  for (const e of report.evidence) evidenceCount.set(evidenceKey(e), (evidenceCount.get(evidenceKey(e)) ?? 0) + 1);
  for (const s of report.scores) {
    expect(Number.isFinite(s.value), `${s.measure} is not finite`).toBe(true);
    expect(definitionFor(s.measure), `measure ${s.measure} has no codebook definition`).toBeDefined();
    // n_evidence counts exactly the evidence items that share the score's key.
    expect(s.n_evidence, `n_evidence of ${evidenceKey(s)}`).toBe(evidenceCount.get(evidenceKey(s)) ?? 0);
  }
}

describe('engine properties', () => {
  test('for any text: no throw, spans inside the text, finite scores, evidence behind every score', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const report = engine.analyze({ articles: [article('a', a, a.slice(0, 40)), article('b', b)] });
        checkReport(report);
      }),
      { numRuns: 60, seed: 20250218 },
    );
  });

  test('deterministic: the same input gives byte-identical exports', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(text, (a) => {
        const input = { articles: [article('x', SAMPLE), article('y', a)] };
        const one = exportFiles(engine.analyze(input));
        const two = exportFiles(createEngine().analyze(input));
        expect(two).toEqual(one);
      }),
      { numRuns: 15, seed: 42 },
    );
  });

  test('input order does not change the report', { timeout: 120_000 }, () => {
    const arts = [article('p', SAMPLE), article('q', SAMPLE.replace('Kyiv', 'Kiev')), article('r', 'Unrelated text about football scores.')];
    const one = JSON.stringify(engine.analyze({ articles: arts }));
    const two = JSON.stringify(engine.analyze({ articles: [...arts].reverse() }));
    expect(two).toBe(one);
  });

  test.each([
    ['same text twice', [article('a', SAMPLE), article('b', SAMPLE)], ['analysed', 'duplicate']],
    ['same id, different text', [article('a', SAMPLE), { ...article('a', 'Other text entirely.'), source: { path: 'z.txt', line: null } }], ['analysed', 'rejected']],
  ])('input accounting: %s', (_n, arts, statuses) => {
    const report = engine.analyze({ articles: arts });
    expect(report.inputs.map((i) => i.status)).toEqual(statuses);
    expect(report.articles).toHaveLength(1);
    expect(report.inputs[1]!.reason).toMatch(/\S/);
  });

  test('unknown engine options throw with a message that says what to do', () => {
    expect(() => createEngine({ colour: 'red' } as never)).toThrow(/Unknown engine option `colour`/);
  });
});
