import { describe, expect, test } from 'vitest';
import type { AnalysisReport } from '@parallax/core';
import { defaultStory, listStories, listWords, plainId, reportDiff, sentenceIndex, speakers, stories, storyFacts, storySummary } from './facts';
import { coverageMatrix } from './model';
import { testReport } from './testReport';

/** A report with an article id that is a prefix of another (`cnn` vs `cnn:sports`). */
function prefixReport(): AnalysisReport {
  const r = testReport();
  const b = r.articles[1]!;
  r.articles[1] = { ...b, id: 'a:sports', sentences: b.sentences.map((s) => ({ ...s, id: `a:sports:s${s.index}` })) };
  r.claims[0] = { ...r.claims[0]!, sentence_ids: ['a:s0', 'a:sports:s0'], article_ids: ['a', 'a:sports'] };
  r.events[0] = { ...r.events[0]!, article_ids: ['a', 'a:sports'] };
  return r;
}

describe('sentenceIndex(report)', () => {
  test('maps every sentence to its own article, never by id prefix', () => {
    const idx = sentenceIndex(prefixReport());
    expect(idx.get('a:sports:s0')?.articleId).toBe('a:sports');
    expect(idx.get('a:s0')?.articleId).toBe('a');
  });
  test('coverage credits `a` only with its own sentences (not a:sports:s0)', () => {
    const rows = coverageMatrix(prefixReport(), 'e1', ['a', 'a:sports']);
    const c1 = rows.find((r) => r.claim.claim_id === 'c1')!;
    expect(c1.cells.map((c) => c.sentenceIds)).toEqual([['a:s0'], ['a:sports:s0']]);
  });
});

describe('stories(report)', () => {
  test('one story per event with outlets, fact counts and blindspots from the omissions', () => {
    const [s] = stories(testReport());
    expect(s).toMatchObject({ id: 'e1', label: 'Riyadh talks', outlets: ['Outlet A (via X)', 'The Outlet B'], facts: { all: 1, some: 0, one: 1 }, blindspots: 0 });
  });
  test('sorting by outlets and by date, searching every word, opening on the biggest story', () => {
    const base = stories(testReport())[0]!;
    const all = [
      { ...base, id: 'x', label: 'Small story', date: '2025-03-01', outlets: ['A'], articleIds: ['a'] },
      { ...base, id: 'y', label: 'Big story in Riyadh', date: '2025-01-01', outlets: ['A', 'B', 'C'], articleIds: ['a', 'b', 'c'] },
      { ...base, id: 'z', label: 'Middle story', date: '2025-02-01', outlets: ['A', 'B'], articleIds: ['a', 'b'] },
    ];
    expect(listStories(all, '', 'outlets').map((s) => s.id)).toEqual(['y', 'z', 'x']);
    expect(listStories(all, '', 'newest').map((s) => s.id)).toEqual(['x', 'z', 'y']);
    expect(listStories(all, 'story riyadh', 'outlets').map((s) => s.id)).toEqual(['y']);
    expect(listStories(all, 'c', 'outlets').map((s) => s.id)).toEqual(['y']);
    expect(defaultStory(all)?.id).toBe('y');
  });
});

describe('storyFacts(report, story, articles)', () => {
  test('numbers facts by how many shown outlets report them, F1 first', () => {
    const facts = storyFacts(testReport(), 'e1', ['a', 'b']);
    expect(facts.map((f) => [f.badge, f.claim.claim_id, f.present])).toEqual([
      ['F1', 'c1', ['a', 'b']],
      ['F2', 'c2', ['a']],
    ]);
    expect(facts[1]!.missing).toEqual([{ articleId: 'b', reason: 'B does not say talks began' }]);
  });
  test('the summary folds one-outlet facts per outlet', () => {
    const facts = storyFacts(testReport(), 'e1', ['a', 'b']);
    const s = storySummary(facts, ['a', 'b']);
    expect(s.everyone.map((f) => f.badge)).toEqual(['F1']);
    expect(s.only.get('a')?.map((f) => f.badge)).toEqual(['F2']);
    expect(s.only.get('b')).toEqual([]);
    expect(s.leavesOut.get('b')).toEqual([]);
  });
  test('listWords joins names in plain English', () => {
    expect([listWords(['A']), listWords(['A', 'B']), listWords(['A', 'B', 'C'])]).toEqual(['A', 'A and B', 'A, B and C']);
  });
});

describe('reportDiff(report, claim, a, b, sentence)', () => {
  test("prefers the report's pair that holds the given sentence; none when the report has none", () => {
    const r = testReport();
    r.claims[0] = { ...r.claims[0]!, sentence_ids: ['a:s0', 'a:s1', 'b:s0'] };
    const d = (a: string, b: string) => ({ claim_id: 'c1', a_sentence_id: a, b_sentence_id: b, parts: [], substitutions: [] });
    r.diffs = [d('a:s0', 'b:s0'), d('b:s0', 'a:s1')];
    expect(reportDiff(r, 'c1', 'a', 'b')?.diff.a_sentence_id).toBe('a:s0');
    expect(reportDiff(r, 'c1', 'a', 'b', 'a:s1')).toMatchObject({ flip: true, diff: { b_sentence_id: 'a:s1' } });
    expect(reportDiff(r, 'c2', 'a', 'b')).toBeNull();
  });
});

describe('speakers(report, articles)', () => {
  test('groups quotes by speaker across outlets, reading an affiliation when core gives one', () => {
    const r = testReport();
    const q = (article_id: string, n: number, speaker: string | null, extra: Record<string, unknown> = {}) => ({
      article_id, quote_id: `${article_id}:q${n}`, start: 0, end: 4, speaker, speaker_entity: speaker ? `person:${speaker.split(' ').pop()!.toLowerCase()}` : null,
      side: 'us', verb: 'said', verb_class: 'neutral' as const, kind: 'direct' as const, text: 'word', n_words: 1 + n,
      rule: 'test', rule_span: null, party: null, country: null, role: null, affiliations: [], ...extra,
    });
    r.quotes = [q('a', 0, 'Marco Rubio'), q('b', 1, 'Rubio', { role: 'government', country: 'us' }), q('a', 2, 'Sergei Lavrov', { side: 'russia' }), q('b', 3, null)];
    const rows = speakers(r, ['a', 'b']);
    expect(rows.map((x) => [x.name, [...x.byArticle.keys()], x.affiliation])).toEqual([
      ['Rubio', ['a', 'b'], 'us'],
      ['Lavrov', ['a'], 'russia'],
      ['No speaker named', ['b'], 'us'],
    ]);
    expect(rows[0]!.byArticle.get('b')![0]!.affiliation).toBe('government_us');
    expect(plainId('us_government')).toBe('US Government');
    expect(plainId('saudi_arabia')).toBe('Saudi Arabia');
    expect(plainId('org:us-department-of-state')).toBe('US Department of State');
  });
});
