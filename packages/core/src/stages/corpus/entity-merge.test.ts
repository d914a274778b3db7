import { describe, expect, test } from 'vitest';
import { mergeNames, sameName, type NameRecord } from './entity-merge';
import { entityMergeStage, loneSurnameMayMerge, mergeEntityNames } from './entity-merge';
import { createEngine } from '../../engine';
import { createNlp } from '../../nlp';
import { lexicons } from '@parallax/lexicons';
import { LookupTables } from '../../lib/lookup-tables';

describe('sameName(a, b, type)', () => {
  test.each([
    ['Volodimir Zelenskyi', 'Volodymyr Zelenskyy', 'PERSON', true],
    ['Mykhailo Podolyak', 'Mykhailo Podoliak', 'PERSON', true],
    ['Brad Bowman', 'Bradley Bowman', 'PERSON', true],
    ['Sergei Markov', 'Sergei Lavrov', 'PERSON', false],
    ['Anna Bowman', 'Bradley Bowman', 'PERSON', false],
    ['Center on Military and Political Power', 'Centre on Military and Political Power', 'ORG', true],
    ['Ministry of Energy', 'Ministry of Defence', 'ORG', false],
  ])('%s ~ %s (%s): %s', (a, b, type, want) => {
    expect(sameName(a, b, type)).toBe(want);
  });
});

describe('mergeNames(records)', () => {
  const rec = (id: string, name: string, count: number, known = false): NameRecord => ({ id, type: 'PERSON', name, count, known });
  test('merges spellings into the gazetteer id, else the most frequent', () => {
    const out = mergeNames([
      rec('person:volodimir-zelenskyi', 'Volodimir Zelenskyi', 1),
      rec('person:volodymyr-zelenskyy', 'Volodymyr Zelenskyy', 0, true),
      rec('person:mykhailo-podoliak', 'Mykhailo Podoliak', 1),
      rec('person:mykhailo-podolyak-x', 'Mykhailo Podolyak', 3),
      rec('person:sergei-markov', 'Sergei Markov', 2),
    ]);
    expect(out).toEqual({
      'person:volodimir-zelenskyi': 'person:volodymyr-zelenskyy',
      'person:mykhailo-podoliak': 'person:mykhailo-podolyak-x',
    });
  });
  test('is independent of input order', () => {
    const rs = [rec('person:a-bowman', 'Brad Bowman', 1), rec('person:b-bowman', 'Bradley Bowman', 2), rec('person:c', 'Carl Cole', 1)];
    expect(mergeNames(rs)).toEqual(mergeNames([...rs].reverse()));
  });
});

describe('entityMergeStage (through the engine)', () => {
  test('an unknown name spelled two ways in two outlets gets one id in the report', async () => {
    const { createEngine } = await import('../../engine');
    const art = (id: string, text: string) => ({ id, outlet: id, title: '', published: null, url: null, language: 'en', text, source: { path: `${id}.txt`, line: null } });
    const report = createEngine().analyze({
      articles: [
        art('a', 'Deputy Prime Minister Mykhailo Fedorova met officials in Kyiv on Monday to discuss drones.'),
        art('b', 'Deputy Prime Minister Mykhaylo Fedorova told officials in Kyiv on Monday that drones matter.'),
        art('c', 'Deputy Prime Minister Mykhailo Fedorova spoke again on Tuesday about drones in Kyiv.'),
      ],
    });
    const ids = report.articles.flatMap((a) => a.entities.filter((m) => m.text.includes('Fedorova')).map((m) => m.entity_id));
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBe('person:mykhailo-fedorova');
  });
});

describe('entity-merge: lone surnames join the one full name across articles (issue 12)', () => {
  const mk = (id: string, text: string) => ({ id, outlet: id, title: '', published: null, url: null, language: null, text, source: { path: `${id}.txt`, line: null } });
  const run = (...texts: string[]) => {
    const engine = createEngine();
    const analyses = texts.map((t, i) => engine.analyzeArticle(mk(`a${i}`, t)));
    const state = { articles: analyses, entityMerges: {} as Record<string, string>, entityMergeReasons: {} as Record<string, string>, events: [], claims: [], omissions: [], diffs: [], terms: [], scores: [], evidence: [], warnings: [] };
    entityMergeStage.run(state as never, { options: {} as never, lexicons, sides: null, nlp: createNlp(), tables: new LookupTables() });
    return state;
  };
  test.each([
    { name: 'President Obama -> Barack Obama', texts: ['President Obama spoke on Monday.', 'Barack Obama spoke in Chicago.'], from: 'person:obama', to: 'person:barack-obama' },
    { name: 'Mr. Brown -> Scott Brown', texts: ['Mr. Brown spoke on Monday.', 'Scott Brown spoke in Boston.'], from: 'person:brown', to: 'person:scott-brown' },
  ])('$name, with a reason', ({ texts, from, to }) => {
    const s = run(...texts);
    expect(s.entityMerges[from]).toBe(to);
    expect(s.entityMergeReasons[from]).toMatch(/only full name with that surname/);
  });
  test('two full names with the surname contradict the merge', () => {
    const s = run('President Clinton spoke to reporters on Monday about the economy.', 'Former President Bill Clinton spoke to voters in Boston about the economy.', 'On Monday, Hillary Clinton spoke to voters in Boston about the economy.');
    expect(s.entityMerges).toEqual({});
  });
});

describe('lone-surname merges need a real surname (issue 12/18)', () => {
  test.each([
    ['Salah', false, true],
    ['McConnell', false, true],
    ['Brown', true, true],
    ['Brown', false, false],
    ['Democrats', false, false],
    ['Democrats', true, false],
    ['Sanders', true, true],
    ['USA', true, false],
    ['Trump2020', false, false],
  ])('loneSurnameMayMerge(%s, titled %s) = %s', (w, titled, want) => {
    expect(loneSurnameMayMerge(w, titled)).toBe(want);
  });
  const engine = createEngine();
  const art = (id: string, text: string) =>
    engine.analyzeArticle({ id, outlet: id, title: '', published: '2024-01-01', url: null, language: 'en', text, source: { path: `${id}.txt`, line: null } } as Parameters<typeof engine.analyzeArticle>[0]);
  test.each([
    // A lone surname spelled differently from the one full name never joins it (Salah / Michael Sallah).
    [['Reporter Michael Sallah wrote the story on Monday.', 'Salah said the team would win.'], 'person:salah', undefined],
    // The same surname letter for letter joins the one full name, with its reason in the report.
    [['Mr. Brown spoke on Monday.', 'Scott Brown spoke in Boston.'], 'person:brown', 'person:scott-brown'],
  ] as const)('%j: %s -> %s', (texts, from, to) => {
    const report = engine.buildReport(texts.map((t, k) => art(`a${k}`, t)), []);
    const row = report.entity_merges.find((m) => m.from === from);
    expect(row?.to).toBe(to);
    if (to) expect(row!.reason).toMatch(/lone surname/);
    expect(report.entity_merges.map((m) => m.from)).toEqual([...report.entity_merges.map((m) => m.from)].sort());
  });
});

describe('mergeEntityNames: lone surnames (issue 12)', () => {
  const ctx = createEngine().context;
  const m = (id: string, text: string, rule: string, lower = 0) => ({ id, type: 'PERSON', text, rule, lower });
  test('a word the corpus also writes in lower case is no surname and no merge target ("Boy" / "Danny Boy")', () => {
    const reasons: Record<string, string> = {};
    const merges = mergeEntityNames(
      [[m('person:danny-boy', 'Danny Boy', 'pattern:propn-name', 3)], [m('person:boy', 'Boy', 'pattern:lone-propn', 4)], [m('person:zorvath', 'Zorvath', 'pattern:lone-propn'), m('person:agnes-zorvath', 'Agnes Zorvath', 'pattern:title-name')]],
      ctx,
      reasons,
    );
    expect(merges['person:boy']).toBeUndefined();
    expect(merges['person:zorvath']).toBe('person:agnes-zorvath');
    expect(reasons['person:zorvath']).toMatch(/only full name/);
  });
  test('several full names with the surname: the lone name joins one only when it dominates', () => {
    const full = (k: number, id: string, text: string) => Array.from({ length: k }, () => [m(id, text, 'pattern:propn-name')]);
    const lists = [...full(9, 'person:donald-trump', 'Donald Trump'), ...full(2, 'person:melania-trump', 'Melania Trump').map(([x]) => [{ ...x!, rule: 'pattern:title-name' }]), [m('person:trump', 'Trump', 'pattern:lone-subject')]];
    const reasons: Record<string, string> = {};
    expect(mergeEntityNames(lists, ctx, reasons)['person:trump']).toBe('person:donald-trump');
    expect(reasons['person:trump']).toMatch(/dominant full name .* 9 articles/);
    // Bill and Hillary Clinton named about as often: nothing is merged.
    const even = [...full(5, 'person:hillary-clinton', 'Hillary Clinton'), ...full(4, 'person:bill-clinton', 'Bill Clinton'), [m('person:clinton', 'Clinton', 'pattern:lone-subject')]];
    expect(mergeEntityNames(even, ctx)['person:clinton']).toBeUndefined();
  });
});
