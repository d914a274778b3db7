import { describe, expect, test } from 'vitest';
import { mergeNames, sameName, type NameRecord } from './merge';

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
    const { createEngine } = await import('../engine');
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
