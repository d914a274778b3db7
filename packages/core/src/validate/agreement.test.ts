import { describe, expect, test } from 'vitest';
import type { AnalysisReport, Score } from '../schema';
import { agreement, agreementFiles, parseCoded } from './agreement';

const score = (scope: Score['scope'], article_id: string, target: string, measure: string, value: number): Score => ({ article_id, outlet: 'o', event_id: null, scope, target, measure, value, n_evidence: 1 });
const report = {
  articles: [{ id: 'a' }, { id: 'b' }],
  scores: [
    score('sentence', 'a', 'a:s0', 'sentiment', 0.6),
    score('sentence', 'a', 'a:s1', 'sentiment', -0.4),
    score('sentence', 'a', 'a:s2', 'sentiment', 0.01),
    score('sentence', 'b', 'b:s0', 'sentiment', -0.7),
    score('document', 'a', '', 'frame:economic', 0.2),
    score('document', 'b', '', 'frame:economic', 0),
    score('document', 'a', '', 'sentiment', 0.1),
    score('document', 'b', '', 'sentiment', -0.3),
    score('sentence', 'a', 'a:s0', 'bias', 0.9),
    score('sentence', 'a', 'a:s1', 'bias', 0.1),
    score('sentence', 'b', 'b:s0', 'bias', 0.6),
    score('document', 'a', '', 'primary_frame:economic', 0.2),
    score('document', 'b', '', 'primary_frame:political', 0.4),
  ],
} as unknown as AnalysisReport;

describe('parseCoded', () => {
  test.each([
    { csv: 'sentence_id,measure,value\na:s0,sentiment,1\n', scope: 'sentence', article: 'a', target: 'a:s0' },
    { csv: 'article_id,measure,value\nb,frame:economic,yes\n', scope: 'document', article: 'b', target: '' },
    { csv: 'article_id,entity,measure,value\nb,gov:russia,sentiment,-1\n', scope: 'entity', article: 'b', target: 'gov:russia' },
  ])('$scope row', ({ csv, scope, article, target }) => {
    const [row] = parseCoded(csv).rows;
    expect(row).toMatchObject({ scope, article_id: article, target, line: 2 });
  });
  test('a missing column throws with what to do', () => {
    expect(() => parseCoded('article_id,value\na,1\n')).toThrow(/measure/);
  });
});

describe('agreement', () => {
  test('sign categories: kappa, F1 and a confusion table', () => {
    const { rows } = parseCoded('sentence_id,measure,value\na:s0,sentiment,1\na:s1,sentiment,-1\na:s2,sentiment,0\nb:s0,sentiment,-1\nb:s9,sentiment,1\n');
    const res = agreement(report, rows);
    const r = res.rows.find((x) => x.measure === 'sentiment' && x.scope === 'sentence')!;
    expect(r).toMatchObject({ kind: 'both', n: 4, n_unmatched: 1, kappa: 1, macro_f1: 1 });
    expect(r.labels).toEqual(['negative', 'neutral', 'positive']);
    expect(r.confusion).toEqual([[2, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect(res.unmatched[0]!.line).toBe(6);
  });
  test('presence codes and continuous codes', () => {
    const { rows } = parseCoded('article_id,measure,value\na,frame:economic,1\nb,frame:economic,0\na,sentiment,0.3\nb,sentiment,-0.5\n');
    const res = agreement(report, rows);
    expect(res.rows.find((x) => x.measure === 'frame:economic')).toMatchObject({ kind: 'both', kappa: 1, alpha_interval: null });
    expect(res.rows.find((x) => x.measure === 'sentiment')).toMatchObject({ kind: 'continuous', kappa: null });
    expect(res.rows.find((x) => x.measure === 'sentiment')!.pearson).toBeCloseTo(1, 10);
    expect(agreementFiles(res).map((f) => f.name)).toEqual(['agreement.csv', 'agreement.json', 'confusion.csv']);
  });
  test('bias: 0/1 codes against the model threshold, not "> 0"', () => {
    const { rows } = parseCoded('sentence_id,measure,value\na:s0,bias,1\na:s1,bias,0\nb:s0,bias,1\n');
    const r = agreement(report, rows).rows.find((x) => x.measure === 'bias')!;
    expect(r).toMatchObject({ n: 3, kappa: 1, macro_f1: 1 });
  });
  test('primary_frame: coded frame names against the primary_frame:<name> row', () => {
    const { rows } = parseCoded('article_id,measure,value\na,primary_frame,economic\nb,primary_frame,economic\n');
    const r = agreement(report, rows).rows.find((x) => x.measure === 'primary_frame')!;
    expect(r).toMatchObject({ kind: 'categorical', n: 2, n_unmatched: 0 });
    expect(r.labels).toEqual(['economic', 'political']);
    expect(r.confusion).toEqual([[1, 1], [0, 0]]);
  });
});
