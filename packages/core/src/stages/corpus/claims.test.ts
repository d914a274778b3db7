import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { groupScored, scoreEvent, sifEmbeddings, trimLabel, type ClaimCoverage, type ScoredEvent, type SentenceKeys } from './claims';
import { omissionsForEvent } from './omissions';
import type { ArticleAnalysis } from '../../model';
import type { Claim, Event } from '../../schema';
import { cosine, wordVectors } from '../../lib/word-vectors';

const vectors = wordVectors(lexicons.wordVectors);

function sk(id: string, a: number, keys: string[], words: string[] = []): SentenceKeys {
  const lw = new Map(keys.filter((k) => k.startsWith('L:')).map((k) => [k, 1]));
  return { sentence_id: id, article_id: id.split(':')[0]!, a, index: Number(id.split(':s')[1]), keys: new Map(keys.map((k) => [k, 1])), words, lw, speaker: null, nWords: words.length, text: id };
}

describe('wordVectors', () => {
  test.each([
    ['meeting', 'summit', 'banana'],
    ['cancel', 'postpone', 'harvest'],
    ['agreement', 'deal', 'river'],
  ])('cosine(%s, %s) > cosine(%s, %s)', (a, b, c) => {
    const [va, vb, vc] = [vectors.get(a)!, vectors.get(b)!, vectors.get(c)!];
    expect(cosine(va, vb)).toBeGreaterThan(cosine(va, vc));
  });

  test('vectors are unit length; unknown words have none; 20k words of 100 dimensions', () => {
    expect(cosine(vectors.get('talks')!, vectors.get('talks')!)).toBeCloseTo(1, 5);
    expect(vectors.get('zzqxv')).toBeUndefined();
    expect(vectors.dimensions).toBe(100);
    expect(lexicons.wordVectors.entries.reduce((n, e) => n + e.words.split(' ').length, 0)).toBe(20000);
  });
});

describe('sifEmbeddings', () => {
  test('unit vectors; the same words give cosine 1; a paraphrase scores above an unrelated sentence', () => {
    const items = [
      sk('x:s0', 0, [], ['press', 'conference', 'cancel']),
      sk('y:s0', 1, [], ['press', 'conference', 'scrap']),
      sk('y:s1', 1, [], ['minister', 'visit', 'factory']),
      sk('z:s0', 2, [], ['press', 'conference', 'cancel']),
    ];
    const e = sifEmbeddings(items, vectors);
    const dot = (i: number, j: number) => e[i]!.reduce((acc, v, d) => acc + v * e[j]![d]!, 0);
    expect(dot(0, 0)).toBeCloseTo(1, 6);
    expect(dot(0, 3)).toBeCloseTo(1, 6);
    expect(dot(0, 1)).toBeGreaterThan(dot(0, 2));
  });
});

describe('scoreEvent', () => {
  test('scores only cross-article pairs of sentences with at least minKeys keys; same keys score 1', () => {
    const s = [sk('a:s0', 0, ['E:x', 'L:y', 'L:z', 'N:3']), sk('a:s1', 0, ['E:x', 'L:y', 'L:z', 'N:4']), sk('b:s0', 1, ['E:x', 'L:y', 'L:z', 'N:3']), sk('b:s1', 1, ['L:y'])];
    const scored = scoreEvent(s, { sif: 0 });
    expect(scored.items.map((x) => x.sentence_id)).toEqual(['a:s0', 'a:s1', 'b:s0']);
    expect(scored.pairs.map((p) => [p.i, p.j])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(scored.pairs[0]!.score).toBeCloseTo(1, 9);
    expect(scored.pairs[1]!.score).toBeLessThan(1);
  });
});

describe('scoreEvent at scale', () => {
  test('above FULL_PAIRS sentences, each sentence is scored against at most 64 later candidates', () => {
    // 1,000 one-sentence articles; each shares some keys with ~180 others.
    const s = Array.from({ length: 1000 }, (_, i) => sk(`a${i}:s0`, i, [`E:k${i % 50}`, `L:m${i % 37}`, `L:n${i % 23}`, `N:${i % 11}`]));
    const { pairs } = scoreEvent(s, { sif: 0 });
    const perSentence = new Map<number, number>();
    for (const p of pairs) perSentence.set(p.i, (perSentence.get(p.i) ?? 0) + 1);
    expect(Math.max(...perSentence.values())).toBe(64);
    expect(pairs.every((p) => p.i < p.j && p.score > 0)).toBe(true);
  });
});

describe('groupScored', () => {
  // a:s0 ~ b:s0 strongly; c:s0 resembles b:s0 a little and a:s0 not at all.
  const items = [sk('a:s0', 0, []), sk('b:s0', 1, []), sk('c:s0', 2, [])];
  const scored: ScoredEvent = {
    items,
    pairs: [
      { i: 0, j: 1, score: 0.9 },
      { i: 1, j: 2, score: 0.3 },
      { i: 0, j: 2, score: 0 },
    ],
  };
  test.each([
    [0.25, 0.15, [['a:s0', 'b:s0', 'c:s0']]],
    [0.25, 0.2, [['a:s0', 'b:s0'], ['c:s0']]],
    [0.95, 0.1, [['a:s0'], ['b:s0'], ['c:s0']]],
  ])('threshold %f, groupThreshold %f (average link: c joins only if (0.3 + 0) / 2 ≥ groupThreshold)', (threshold, groupThreshold, want) => {
    expect(groupScored(scored, { threshold, groupThreshold }).map((g) => g.map((x) => x.sentence_id))).toEqual(want);
  });
});

describe('trimLabel(s)', () => {
  test.each([
    ['short stays', 'Rubio met Lavrov.', 'Rubio met Lavrov.'],
    ['cut at a space', 'word '.repeat(40), `${'word '.repeat(19)}word…`],
    ['never splits a surrogate pair', 'x'.repeat(98) + '😀😀😀', 'x'.repeat(98) + '…'],
  ])('%s', (_n, input, expected) => {
    const out = trimLabel(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('groupScored with maxRank', () => {
  // a:s0 is b:s0's best match and b:s1's second best; with maxRank 1 only the best may start a merge.
  const items = [sk('a:s0', 0, []), sk('b:s0', 1, []), sk('b:s1', 1, [])];
  const scored: ScoredEvent = {
    items,
    pairs: [
      { i: 0, j: 1, score: 0.9 },
      { i: 0, j: 2, score: 0.5 },
    ],
  };
  test.each([
    [0, [['a:s0', 'b:s0', 'b:s1']]],
    [1, [['a:s0', 'b:s0'], ['b:s1']]],
    [2, [['a:s0', 'b:s0', 'b:s1']]],
  ])('maxRank %i', (maxRank, want) => {
    expect(groupScored(scored, { threshold: 0.3, groupThreshold: 0.3, maxRank }).map((g) => g.map((x) => x.sentence_id))).toEqual(want);
  });
});

describe('omissionsForEvent(event, claims, analyses, named, coverage)', () => {
  const event = { event_id: 'e', article_ids: ['a', 'b', 'c'] } as unknown as Event;
  const analyses = ['a', 'b', 'c'].map((id) => ({ article: { id, outlet: id.toUpperCase() } })) as unknown as ArticleAnalysis[];
  const claim = (id: string, sids: string[]): Claim => ({ claim_id: id, event_id: 'e', label: id, sentence_ids: sids, article_ids: [...new Set(sids.map((x) => x.split(':')[0]!))], n_outlets: 2, pairs: [] });
  const claims = [claim('e:c0', ['a:s0', 'b:s0']), claim('e:c1', ['c:s3'])];
  const named = new Map([['c:s3', 4]]);
  const coverage = (near: number, soft: number, cohesion = 0.5): ClaimCoverage => ({
    near: new Map([['e:c0', new Map([['c', { sentence_id: 'c:s1', member: 'a:s0', score: near }]])], ['e:c1', new Map([['a', { sentence_id: 'a:s2', member: 'c:s3', score: near }]])]]),
    soft: new Map([['e:c0', new Map([['c', { sentence_id: 'c:s1', member: 'a:s0', score: soft }]])]]),
    cohesion: new Map([['e:c0', cohesion], ['e:c1', 1]]),
    coverThreshold: 0.15,
    cohesionThreshold: 0.15,
    softCover: 0.4,
  });
  const kinds = (cov: ClaimCoverage | null) => omissionsForEvent(event, claims, analyses, named, cov).map((o) => `${o.kind}:${o.claim_id}:${o.article_id}`);
  test.each([
    ['no coverage check: C leaves out c0, c1 is unique to C', null, ['omitted_by:e:c0:c', 'unique_to:e:c1:c']],
    ['C has nothing close: both stand', coverage(0.05, 0.1), ['omitted_by:e:c0:c', 'unique_to:e:c1:c']],
    ['a keyed score at the cover threshold: C may report c0 in other words, and A may report c1', coverage(0.15, 0.1), []],
    ['a soft word alignment at softCover: no omission (the unique_to check is keyed only)', coverage(0.05, 0.4), ['unique_to:e:c1:c']],
    ['a loose claim (cohesion below the threshold) is no fact to miss', coverage(0.05, 0.1, 0.1), ['unique_to:e:c1:c']],
  ] as const)('%s', (_n, cov, want) => {
    expect(kinds(cov)).toEqual(want);
  });
});
