import { describe, expect, test } from 'vitest';
import {
  claimDiff,
  claimOfSentence,
  coverageMatrix,
  documentMeasure,
  entityLabel,
  entitySentiment,
  eventGroups,
  rankProfile,
  groupChanges,
  evidenceFor,
  highlightRuns,
  measureLabel,
  measureProfile,
  outletRefs,
  segmentArticle,
  withoutBoilerplate,
  sentimentArc,
  shortOutlet,
  termTable,
  UNGROUPED,
  type ProfileRow,
} from './model';
import { testReport } from './testReport';

describe('eventGroups(report)', () => {
  test('lists the report events, then articles in no event', () => {
    const r = testReport();
    expect(eventGroups(r).map((g) => [g.id, g.articleIds])).toEqual([['e1', ['a', 'b']]]);
    r.events = [];
    expect(eventGroups(r)).toEqual([{ id: UNGROUPED, label: 'All articles', date: null, articleIds: ['a', 'b'] }]);
  });
});

describe('shortOutlet(outlet)', () => {
  test.each([
    ['Associated Press (via an aggregator)', 'Associated Press'],
    ['The Washington Times', 'Washington Times'],
    ['NPR', 'NPR'],
    ['(weird)', '(weird)'],
  ])('%s -> %s', (input, out) => expect(shortOutlet(input)).toBe(out));
});

describe('segmentArticle(article, claimOf)', () => {
  test('covers the text exactly once, in order, with sentences, boilerplate and gaps', () => {
    const r = testReport();
    const a = r.articles[0]!;
    const segs = segmentArticle(a, claimOfSentence(r.claims));
    expect(segs.map((s) => s.text).join('')).toBe(a.text);
    expect(segs.map((s) => s.kind)).toEqual(['sentence', 'gap', 'sentence', 'gap', 'removed']);
    expect(segs[0]).toMatchObject({ kind: 'sentence', sentenceId: 'a:s0', claimId: 'c1' });
    expect(segs[4]).toMatchObject({ kind: 'removed', text: 'Subscribe now.' });
  });
  test('overlapping spans resolve to the earlier one, never duplicating text', () => {
    const r = testReport();
    const a = { ...r.articles[0]!, removed: [{ start: 15, end: 30, text: '', rule: 'x', reason: 'x' }] };
    const segs = segmentArticle(a, new Map());
    expect(segs.map((s) => s.text).join('')).toBe(a.text);
  });
});

describe('withoutBoilerplate(segments)', () => {
  test('drops boilerplate and the blank lines it leaves, keeping sentence text intact', () => {
    const r = testReport();
    const a = { ...r.articles[0]!, text: 'Sub.\n\nKyiv was not invited.\n\nAd.\n\nTalks began.', removed: [], sentences: [] } as typeof r.articles[0];
    a.removed = [
      { start: 0, end: 4, text: 'Sub.', rule: 'x', reason: 'x' },
      { start: 29, end: 32, text: 'Ad.', rule: 'x', reason: 'x' },
    ];
    a.sentences = [
      { id: 'a:s0', index: 0, paragraph: 0, start: 6, end: 27, n_words: 4 },
      { id: 'a:s1', index: 1, paragraph: 1, start: 34, end: 46, n_words: 2 },
    ];
    const segs = withoutBoilerplate(segmentArticle(a, new Map()));
    expect(segs.map((s) => s.text)).toEqual(['Kyiv was not invited.', '\n\n', 'Talks began.']);
  });
});

describe('coverageMatrix(report, event, articles)', () => {
  test('omissions first, with their reasons', () => {
    const rows = coverageMatrix(testReport(), 'e1', ['a', 'b']);
    expect(rows.map((r) => [r.claim.claim_id, r.present, r.missing])).toEqual([
      ['c2', 1, 1],
      ['c1', 2, 0],
    ]);
    expect(rows[0]!.cells[1]).toEqual({ articleId: 'b', sentenceIds: [], reason: 'B does not say talks began' });
    expect(rows[0]!.salience).toBe(0.5);
  });
  test('claims none of the shown articles report are left out', () => {
    expect(coverageMatrix(testReport(), 'e1', ['b']).map((r) => r.claim.claim_id)).toEqual(['c1']);
  });
});

describe('claimDiff(report, claim, a, b)', () => {
  test('null when the report has no diff of the pair: the app never diffs on its own', () => {
    expect(claimDiff(testReport(), 'c1', 'a', 'b')).toBeNull();
  });
  test('uses report.diffs (flipped when the pair is stored the other way round)', () => {
    const r = testReport();
    r.diffs = [
      {
        claim_id: 'c1',
        a_sentence_id: 'b:s0',
        b_sentence_id: 'a:s0',
        parts: [
          { op: 'delete', text: 'Kiev', a: { start: 0, end: 4 }, b: null },
          { op: 'insert', text: 'Kyiv', a: null, b: { start: 0, end: 4 } },
        ],
        substitutions: [{ concept_id: 'place:kyiv', a_text: 'Kiev', b_text: 'Kyiv', a: { start: 0, end: 4 }, b: { start: 0, end: 4 } }],
      },
    ];
    const d = claimDiff(r, 'c1', 'a', 'b')!;
    expect(d.origin).toBe('report');
    expect(d.parts.map((p) => [p.op, p.text, p.substitution])).toEqual([
      ['delete', 'Kyiv', true],
      ['insert', 'Kiev', true],
    ]);
    expect(d.substitutions).toEqual([{ concept: 'place:kyiv', a: 'Kyiv', b: 'Kiev' }]);
  });
  test('restores the spaces between report parts and marks only concept substitutions', () => {
    const r = testReport();
    // a:s0 "Kyiv was not invited." vs b:s0 "Kiev was not invited to the talks."
    r.diffs = [
      {
        claim_id: 'c1',
        a_sentence_id: 'a:s0',
        b_sentence_id: 'b:s0',
        parts: [
          { op: 'delete', text: 'Kyiv', a: { start: 0, end: 4 }, b: null },
          { op: 'insert', text: 'Kiev', a: null, b: { start: 0, end: 4 } },
          { op: 'equal', text: 'was', a: { start: 5, end: 8 }, b: { start: 5, end: 8 } },
          { op: 'equal', text: 'not', a: { start: 9, end: 12 }, b: { start: 9, end: 12 } },
          { op: 'delete', text: 'invited.', a: { start: 13, end: 21 }, b: null },
          { op: 'insert', text: 'invited', a: null, b: { start: 13, end: 20 } },
          { op: 'insert', text: 'to', a: null, b: { start: 21, end: 23 } },
        ],
        substitutions: [
          { concept_id: 'place:kyiv', a_text: 'Kyiv', b_text: 'Kiev', a: { start: 0, end: 4 }, b: { start: 0, end: 4 } },
          { concept_id: null, a_text: 'invited.', b_text: 'invited', a: { start: 13, end: 21 }, b: { start: 13, end: 20 } },
        ],
      },
    ];
    const d = claimDiff(r, 'c1', 'a', 'b')!;
    expect(d.parts.map((p) => [p.op, p.text, p.substitution])).toEqual([
      ['delete', 'Kyiv', true],
      ['insert', 'Kiev', true],
      ['equal', ' was not', false],
      ['delete', ' invited.', false],
      ['insert', ' invited to', false],
    ]);
    expect(d.substitutions).toEqual([{ concept: 'place:kyiv', a: 'Kyiv', b: 'Kiev' }]);
  });
  test('null when one outlet lacks the claim', () => {
    expect(claimDiff(testReport(), 'c2', 'a', 'b')).toBeNull();
  });
});

describe('groupChanges(parts)', () => {
  test.each([
    [
      [['delete', 'a'], ['insert', 'b'], ['delete', ' c'], ['insert', ' d'], ['equal', ' e']],
      [['delete', 'a c'], ['insert', 'b d'], ['equal', ' e']],
    ],
    [[['equal', 'x'], ['equal', 'y']], [['equal', 'xy']]],
    [
      [['delete', 'a'], ['insert', 'b'], ['equal', ' '], ['delete', 'c'], ['insert', 'd'], ['equal', ' same']],
      [['delete', 'a c'], ['insert', 'b d'], ['equal', ' same']],
    ],
    [[], []],
  ] as const)('%j', (input, out) => {
    const parts = input.map(([op, text]) => ({ op, text, substitution: false }));
    expect(groupChanges(parts).map((p) => [p.op, p.text])).toEqual(out);
  });
});

describe('chart data builders', () => {
  const r = testReport();
  const refs = outletRefs(r, ['a', 'b']);
  test('documentMeasure gives one value per outlet, null when missing', () => {
    expect(documentMeasure(r, refs, 'sentiment').map((d) => [d.articleId, d.value])).toEqual([
      ['a', -0.25],
      ['b', 0.1],
    ]);
    expect(documentMeasure(r, refs, 'nope').every((d) => d.value === null)).toBe(true);
  });
  test('sentimentArc places sentences at their relative position', () => {
    const arc = sentimentArc(r, refs);
    expect(arc[0]!.points).toEqual([
      { position: 0, value: -0.5, sentenceId: 'a:s0', index: 0 },
      { position: 100, value: 0, sentenceId: 'a:s1', index: 1 },
    ]);
    expect(arc[1]!.points).toEqual([]);
  });
  test('measureProfile collects frame:/generic: measures by name', () => {
    expect(measureProfile(r, refs, ['frame:', 'generic:'])).toEqual([
      { measure: 'frame:political', label: 'Political (frame)', values: { a: 0.5 } },
      { measure: 'generic:conflict', label: 'Conflict (news frame)', values: { b: 1 } },
    ]);
  });
  test('entitySentiment uses the entity-scope sentiment and the mention text as label', () => {
    expect(entitySentiment(r, refs)).toEqual({ measure: 'sentiment', rows: [{ entityId: 'place:kyiv', label: 'Kyiv', values: { a: -0.4 }, coverage: 1 }] });
  });
  test('entitySentiment tells apart two entities with the same name', () => {
    const r2 = testReport();
    r2.scores.push({ ...r2.scores[r2.scores.length - 1]!, target: 'gov:kyiv', value: 0.2 });
    r2.articles[0]!.entities.push({ start: 0, end: 4, text: 'Kyiv', type: 'GOV', entity_id: 'gov:kyiv', rule: 'test' });
    expect(entitySentiment(r2, refs).rows.map((x) => x.label)).toEqual(['Kyiv (the place)', 'Kyiv (government)']);
  });
  test('rankProfile drops all-zero rows and orders by family, then mean', () => {
    const rows: ProfileRow[] = [
      { measure: 'generic:conflict', label: '', values: { a: 0.9, b: 0.9 } },
      { measure: 'frame:economic', label: '', values: { a: 0.1, b: 0.1 } },
      { measure: 'frame:political', label: '', values: { a: 0.5 } },
      { measure: 'frame:morality', label: '', values: { a: 0, b: 0 } },
    ];
    expect(rankProfile(rows, refs, ['frame:', 'generic:']).map((r) => r.measure)).toEqual(['frame:political', 'frame:economic', 'generic:conflict']);
  });
  test('termTable marks concepts whose wording differs', () => {
    expect(termTable(r.terms, refs)).toEqual([
      { conceptId: 'place:kyiv', label: 'Kiev / Kyiv', cells: { a: [{ surface: 'Kyiv', count: 1 }], b: [{ surface: 'Kiev', count: 1 }] }, varies: true },
    ]);
  });
  test.each([
    ['frame:economic_consequences', 'Economic consequences (frame)'],
    ['source_balance:russia', 'Russia (share of quoted words)'],
    ['sentiment', 'Tone'],
    ['source_balance:us', 'US (share of quoted words)'],
    ['source_balance:iran', 'Iran (share of quoted words)'],
  ])('measureLabel(%s)', (m, label) => expect(measureLabel(m)).toBe(label));
  test.each([
    ['person:marco-rubio', 'Marco Rubio'],
    ['kyiv', 'Kyiv'],
  ])('entityLabel(%s)', (id, label) => expect(entityLabel(id)).toBe(label));
});

describe('evidenceFor(evidence, query)', () => {
  const ev = testReport().evidence;
  test.each([
    [{ articleId: 'a', measure: 'sentiment', scope: 'document' as const, target: '' }, 1],
    [{ articleId: 'a', measure: 'sentiment', scope: 'sentence' as const, target: 'a:s0' }, 1],
    [{ articleId: null, measure: 'sentiment', scope: null, target: null }, 2],
    [{ articleId: 'a', measure: 'frame:', scope: 'document' as const, target: '' }, 1],
    [{ articleId: 'b', measure: 'sentiment', scope: null, target: null }, 0],
  ])('%j -> %i items', (q, n) => expect(evidenceFor(ev, q)).toHaveLength(n));
});

describe('highlightRuns(text, spans)', () => {
  test.each([
    ['abcdef', [{ start: 1, end: 3 }], [['a', false], ['bc', true], ['def', false]]],
    ['abcdef', [{ start: 1, end: 3 }, { start: 2, end: 5 }], [['a', false], ['bcde', true], ['f', false]]],
    ['abc', [], [['abc', false]]],
    ['abc', [{ start: 0, end: 99 }], [['abc', true]]],
  ])('%s %j', (text, spans, runs) => {
    expect(highlightRuns(text, spans).map((r) => [r.text, r.marked])).toEqual(runs);
  });
});
