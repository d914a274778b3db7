import { expect, test } from 'vitest';
import { createEngine } from '@parallax/core';
import { fuzz, rng } from './fuzz';
import { checkTokens } from './fuzz-news';

test('rng(seed) replays the same sequence', () => {
  const a = rng(5);
  const b = rng(5);
  expect([a(), a(), a()]).toEqual([b(), b(), b()]);
});

// A seeded few hundred cases (half file mutations, half news-like sentences from the
// fixtures only, so the cases are the same on every machine). `pnpm fuzz` runs 10,000.
test('fuzz: mutated files and perturbed news sentences never crash and keep every invariant', () => {
  const runs = Number(process.env.FUZZ_RUNS ?? 200);
  const r = fuzz(runs, 20251123);
  expect(r.failures).toEqual([]);
  expect(r.news).toBe(Math.floor(runs / 2));
  expect(r.files).toBe(runs - r.news);
  expect(Object.keys(r.pool)).toEqual(['fixtures']);
  expect(r.articles + r.rejections).toBeGreaterThanOrEqual(runs);
}, 600_000);

test('the token invariant fails on an empty or misplaced token (the checks can fail)', { timeout: 60_000 }, () => {
  const a = createEngine().analyzeArticle({ id: 'a', outlet: 'x', title: 't', published: null, url: null, language: null, text: 'One sentence here. And another one.', source: { path: 'a.txt', line: null } });
  expect(() => checkTokens(a)).not.toThrow();
  const empty = structuredClone(a);
  empty.tokens[0]![1] = { ...empty.tokens[0]![1]!, end: empty.tokens[0]![1]!.start, text: '' };
  expect(() => checkTokens(empty)).toThrow(/empty token/);
  const moved = structuredClone(a);
  moved.tokens[1]![0] = { ...moved.tokens[1]![0]!, start: 0, end: 3, text: 'One' };
  expect(() => checkTokens(moved)).toThrow(/out of order/);
});
