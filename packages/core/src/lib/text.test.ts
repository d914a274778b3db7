import { describe, expect, test } from 'vitest';
import { fnv1a, isAllCaps, isCapitalized, jaroWinkler, nameKey, slugify } from './text';

describe('nameKey(name)', () => {
  test.each([
    ['Zelenskyy', 'Zelenskiy'],
    ['Zelenskyy', 'Zelensky'],
    ['Sergei Lavrov', 'Sergey Lavrov'],
    ['Dmitry Peskov', 'Dmitri Peskov'],
    ['Tammy Bruce', 'Tami Bruce'],
    ['Mykhailo Podolyak', 'Mykhailo Podoliak'],
    ['Yuri Ushakov', 'Yury Ushakov'],
    ['Andrii Sybiha', 'Andriy Sybiha'],
    ['Erdoğan', 'Erdogan'],
  ])('folds %s and %s to one key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });
  test.each([
    ['Mike Waltz', 'Michael Waltz'],
    ['Kyiv', 'Kiev'],
    ['Rubio', 'Lavrov'],
  ])('keeps %s and %s apart (those need the alias lexicon)', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});

describe('jaroWinkler(a, b)', () => {
  test.each([
    ['martha', 'marhta', 0.9611],
    ['dixon', 'dicksonx', 0.8133],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
  ])('jaroWinkler(%s, %s) = %d', (a, b, want) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(want, 3);
  });
});

describe('slugify / fnv1a / case helpers', () => {
  test.each([
    ['Sergei Lavrov', 'sergei-lavrov'],
    ['Faisal bin Farhan Al Saud', 'faisal-bin-farhan-al-saud'],
    ['  U.S. Department of State ', 'u-s-department-of-state'],
    ['Erdoğan', 'erdogan'],
  ])('slugify(%s) = %s', (s, want) => expect(slugify(s)).toBe(want));
  test('fnv1a is stable and 8 hex digits', () => {
    expect(fnv1a('ap\u0000npr')).toBe(fnv1a('ap\u0000npr'));
    expect(fnv1a('ap\u0000npr')).toMatch(/^[0-9a-f]{8}$/);
    expect(fnv1a('a')).not.toBe(fnv1a('b'));
  });
  test.each([
    ['NATO', true, true],
    ['U.S.', true, true],
    ['Nato', true, false],
    ['nato', false, false],
    ['Élysée', true, false],
  ])('%s: capitalized %s, all caps %s', (s, cap, caps) => {
    expect(isCapitalized(s)).toBe(cap);
    expect(isAllCaps(s)).toBe(caps);
  });
});
