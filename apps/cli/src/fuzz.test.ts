import { expect, test } from 'vitest';
import { fuzz, rng } from './fuzz';

test('rng(seed) replays the same sequence', () => {
  const a = rng(5);
  const b = rng(5);
  expect([a(), a(), a()]).toEqual([b(), b(), b()]);
});

test('fuzz: mutated fixtures and random Unicode never crash and are always accounted for', () => {
  const runs = Number(process.env.FUZZ_RUNS ?? 150);
  const r = fuzz(runs, 20251123);
  expect(r.failures).toEqual([]);
  expect(r.files).toBe(runs);
  expect(r.articles + r.rejections).toBeGreaterThanOrEqual(runs);
}, 600_000);
