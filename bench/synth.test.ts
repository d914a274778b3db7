import { describe, expect, test } from 'vitest';
import { bcubed, generateCorpus, mulberry32 } from './synth';

const map = (pairs: string): Map<string, string> => new Map(pairs.split(' ').filter(Boolean).map((p) => p.split('=') as [string, string]));

describe('bcubed', () => {
  test.each([
    // [truth, predicted, precision, recall]
    ['a=1 b=1 c=2', 'a=x b=x c=y', 1, 1],
    ['a=1 b=1 c=2', 'a=x b=y c=z', 1, 2 / 3],
    ['a=1 b=1 c=2', 'a=x b=x c=x', 5 / 9, 1],
    ['a=1 b=1 c=2', '', 1, 2 / 3], // unclustered items are singletons
    ['a=1 b=2 c=3 d=4', 'a=x b=x c=x d=x', 1 / 4, 1],
  ])('truth %s, predicted %s', (truth, predicted, p, r) => {
    const s = bcubed(map(truth), map(predicted));
    expect(s.precision).toBeCloseTo(p, 10);
    expect(s.recall).toBeCloseTo(r, 10);
    expect(s.f1).toBeCloseTo((2 * p * r) / (p + r), 10);
  });
});

describe('mulberry32', () => {
  test('is deterministic and in [0, 1)', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Set(xs).size).toBe(1000);
  });
});

describe('generateCorpus', () => {
  test.each([
    [50, 1],
    [1000, 2],
  ])('%i articles (seed %i): exact count, unique ids, deterministic', (n, seed) => {
    const a = generateCorpus({ articles: n, seed });
    expect(a).toHaveLength(n);
    expect(new Set(a.map((x) => x.id)).size).toBe(n);
    expect(generateCorpus({ articles: n, seed })).toEqual(a);
    expect(generateCorpus({ articles: n, seed: seed + 1 })).not.toEqual(a);
  });

  test('events have several outlets within a few days, and names recur across events', () => {
    const a = generateCorpus({ articles: 2000, seed: 3 });
    const byEvent = new Map<string, typeof a>();
    for (const x of a) byEvent.set(x.event, [...(byEvent.get(x.event) ?? []), x]);
    const sizes = [...byEvent.values()].map((g) => g.length);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(5);
    expect(sizes.reduce((s, k) => s + k, 0) / sizes.length).toBeGreaterThan(3);
    for (const g of byEvent.values()) {
      const days = g.map((x) => Date.parse(x.published));
      expect((Math.max(...days) - Math.min(...days)) / 86400000).toBeLessThanOrEqual(3);
      expect(new Set(g.map((x) => x.outlet)).size).toBe(g.length);
    }
    // A shared vocabulary: some city names appear in many different events.
    const riyadh = new Set(a.filter((x) => x.text.includes('Riyadh')).map((x) => x.event));
    expect(riyadh.size).toBeGreaterThan(5);
  });
});
