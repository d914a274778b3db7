import { describe, expect, test } from 'vitest';
import { cohenKappa, confusion, f1Scores, krippendorffAlpha, macroF1, pearson, ranks, spearman } from './stats';

describe('pearson', () => {
  test.each([
    // Textbook example: r = sqrt(0.6) = 0.7746
    { x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5], r: 0.7745966692 },
    { x: [1, 2, 3], y: [3, 2, 1], r: -1 },
    { x: [1, 2, 3], y: [2, 4, 6], r: 1 },
  ])('pearson($x, $y) = $r', ({ x, y, r }) => {
    expect(pearson(x, y)).toBeCloseTo(r, 8);
  });
  test('is NaN without variance and throws on unequal lengths', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => pearson([1, 2], [1])).toThrow(/same length/);
  });
});

describe('spearman', () => {
  test.each([
    { x: [1, 2, 3, 4, 5], y: [5, 6, 7, 8, 7], rho: 0.8207826817 }, // ties get average ranks
    { x: [10, 20, 30], y: [1, 100, 1000], rho: 1 },
  ])('spearman($x, $y) = $rho', ({ x, y, rho }) => {
    expect(spearman(x, y)).toBeCloseTo(rho, 8);
  });
  test('ranks averages ties', () => {
    expect(ranks([5, 6, 7, 8, 7])).toEqual([1, 2, 3.5, 5, 3.5]);
  });
});

describe('cohenKappa', () => {
  // Wikipedia "Cohen's kappa" worked example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> 0.4
  const a = [...Array(20).fill('yes'), ...Array(5).fill('yes'), ...Array(10).fill('no'), ...Array(15).fill('no')] as string[];
  const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')] as string[];
  test.each([
    { name: 'textbook', a, b, k: 0.4 },
    { name: 'perfect', a: ['x', 'y', 'x'], b: ['x', 'y', 'x'], k: 1 },
  ])('$name', ({ a, b, k }) => {
    expect(cohenKappa(a, b)).toBeCloseTo(k, 10);
  });
});

describe('krippendorffAlpha', () => {
  test.each([
    // Krippendorff (2011) "Computing Krippendorff's alpha-reliability", binary data, two observers: alpha = 0.095
    { level: 'nominal' as const, a: [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], b: [1, 1, 1, 0, 0, 1, 0, 0, 0, 0], alpha: 0.095, digits: 3 },
    { level: 'nominal' as const, a: ['p', 'n', 'p'], b: ['p', 'n', 'p'], alpha: 1, digits: 10 },
    // Interval, hand-computed from the coincidence formula: 1 - (2/6) / (82/30) = 0.87805
    { level: 'interval' as const, a: [1, 2, 3], b: [1, 2, 4], alpha: 0.8780487805, digits: 8 },
  ])('$level $a vs $b = $alpha', ({ level, a, b, alpha, digits }) => {
    expect(krippendorffAlpha(a, b, level)).toBeCloseTo(alpha, digits);
  });
});

describe('f1Scores / confusion', () => {
  test('per-label precision, recall, F1 and macro average', () => {
    const gold = ['pos', 'pos', 'neg', 'neg', 'neu'];
    const pred = ['pos', 'neg', 'neg', 'neg', 'pos'];
    const f = f1Scores(gold, pred);
    const byLabel = Object.fromEntries(f.labels.map((l) => [l.label, l]));
    expect(byLabel.pos!.precision).toBeCloseTo(0.5);
    expect(byLabel.pos!.recall).toBeCloseTo(0.5);
    expect(byLabel.neg!.f1).toBeCloseTo(0.8);
    expect(byLabel.neu!.f1).toBe(0);
    expect(f.macroF1).toBeCloseTo((0.5 + 0.8 + 0) / 3);
    expect(macroF1([1, 0], [1, 0])).toBe(1);
    expect(confusion(gold, pred, ['neg', 'neu', 'pos'])).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 1]]);
  });
});
