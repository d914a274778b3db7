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
