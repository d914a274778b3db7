import { describe, expect, test } from 'vitest';
import type { Evidence, Score } from '../schema';
import { createEngine } from '../engine';
import { mergeEntityRows } from './merge-entity-rows';
import { squash } from './sentence-sentiment';

const sc = (target: string, value: number, n: number): Score => ({ article_id: 'a', outlet: 'o', event_id: null, scope: 'entity', target, measure: 'sentiment', value, n_evidence: n });
const ev = (target: string, start: number, rule: string, weight: number): Evidence => ({ article_id: 'a', measure: 'sentiment', scope: 'entity', target, start, end: start + 4, text: 'word', rule, weight, reason: 'r' });

describe('mergeEntityRows(scores, evidence)', () => {
  test('two rows of one target become one, recomputed from the union of evidence (shared words once)', () => {
    const scores = [sc('person:paul-ryan', squash(-2), 2), sc('person:paul-ryan', squash(1), 2)];
    const evidence = [ev('person:paul-ryan', 0, 'vader:bad', -1), ev('person:paul-ryan', 10, 'vader:worse', -1), ev('person:paul-ryan', 10, 'vader:worse', -0.5), ev('person:paul-ryan', 20, 'vader:good', 1.5)];
    const out = mergeEntityRows(scores, evidence);
    expect(out.scores).toHaveLength(1);
    expect(out.evidence.map((e) => [e.start, e.weight])).toEqual([[0, -1], [10, -1], [20, 1.5]]);
    expect(out.scores[0]!.value).toBeCloseTo(squash(-0.5), 10);
    expect(out.scores[0]!.n_evidence).toBe(3);
  });
  test('distinct targets are left as they are', () => {
    const scores = [sc('person:a', 0.1, 1), sc('person:b', -0.1, 1)];
    const evidence = [ev('person:a', 0, 'x', 0.4), ev('person:b', 0, 'x', -0.4)];
    expect(mergeEntityRows(scores, evidence)).toEqual({ scores, evidence });
  });
  test('an entity-scope measure without an aggregation throws instead of picking a row', () => {
    const s = { ...sc('person:a', 0, 0), measure: 'mystery' };
    expect(() => mergeEntityRows([s, s], [])).toThrow(/no aggregation/);
  });
});

describe('engine: scores.csv keys are unique', () => {
  test('two spellings of one name ("John O. Brennan", "John Brennan") merged across outlets give one row per article and target', () => {
    const articles = [
      { id: 'one', outlet: 'A', title: '', published: null, url: null, language: null, text: 'Former CIA Director John O. Brennan praised the report on Tuesday. Later, John Brennan was attacked by critics who called him a disgrace.', source: { path: 'one.txt', line: null } },
      { id: 'two', outlet: 'B', title: '', published: null, url: null, language: null, text: 'John Brennan defended the agency. Brennan said the vote would be close.', source: { path: 'two.txt', line: null } },
    ];
    const report = createEngine().analyze({ articles });
    expect(report.scores.filter((s) => s.article_id === 'one' && s.target === 'person:john-brennan')).toHaveLength(1);
    const keys = report.scores.map((s) => `${s.article_id}|${s.scope}|${s.target}|${s.measure}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every entity score is recomputable from its evidence.
    for (const s of report.scores.filter((x) => x.scope === 'entity')) {
      const items = report.evidence.filter((e) => e.scope === 'entity' && e.article_id === s.article_id && e.target === s.target && e.measure === s.measure);
      expect(items).toHaveLength(s.n_evidence);
      expect(s.value).toBeCloseTo(squash(items.reduce((a, e) => a + e.weight, 0)), 3);
    }
  }, 60_000);
});
