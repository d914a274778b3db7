import { describe, expect, test } from 'vitest';
import { bestThreshold, predict, prf, trainLr, type BiasRow } from './bias-data';

describe('prf (biased-class precision/recall/F1)', () => {
  test.each([
    // [gold, predicted, balanced, precision, recall]
    ['1 1 0 0', '1 0 1 0', false, 1 / 2, 1 / 2],
    ['1 1 0 0', '1 0 1 0', true, 1 / 2, 1 / 2], // already balanced: re-weighting changes nothing
    ['1 0 0 0', '1 1 0 0', false, 1 / 2, 1],
    ['1 0 0 0', '1 1 0 0', true, 3 / 4, 1], // one false positive of three negatives weighs 1/3
    ['1 1 1 0', '1 1 1 1', false, 3 / 4, 1],
    ['1 1 1 0', '1 1 1 1', true, 1 / 2, 1], // "every sentence biased" at a 50 % base rate
    ['1 0', '0 0', true, 0, 0],
  ])('gold %s, predicted %s, balanced %s', (g, p, balanced, precision, recall) => {
    const nums = (s: string) => s.split(' ').map(Number);
    const r = prf(nums(g), nums(p), balanced);
    expect(r.p).toBeCloseTo(precision, 12);
    expect(r.r).toBeCloseTo(recall, 12);
    expect(r.f1).toBeCloseTo(precision + recall ? (2 * precision * recall) / (precision + recall) : 0, 12);
  });

  test('bestThreshold picks the F1-maximising cut in 0.05 … 0.95', () => {
    expect(bestThreshold([1, 1, 0, 0], [0.9, 0.6, 0.4, 0.1])).toEqual({ t: 0.41, f1: 1 });
  });
});

describe('trainLr balance (prior-neutral training)', () => {
  // 1 in 4 sentences biased; a feature-free model can only learn the base rate.
  const rows: BiasRow[] = Array.from({ length: 40 }, (_, i) => ({ id: String(i), text: '', y: i % 4 === 0 ? 1 : 0, set: 'newssd', split: 'train', fold: 0, x: new Map() }));
  test.each([
    [false, 0.25],
    [true, 0.5],
  ])('balance %s: the intercept-only probability is the base rate the model assumes (%s)', (balance, p) => {
    const m = trainLr(rows, { lambda: 1, wncWeight: 0, minCount: 1, iterations: 300, balance });
    expect(predict(m, new Map())).toBeCloseTo(p, 3);
  });
});
