import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { findBoilerplate } from './boilerplate';

describe('findBoilerplate: datelines are boilerplate with a reason (issue 12)', () => {
  test.each([
    ['WASHINGTON — The Senate voted on Tuesday.', 'WASHINGTON — '],
    ['TEHRAN (Tasnim) – The talks ended.', 'TEHRAN (Tasnim) – '],
    ['NEW YORK (AP) — Stocks fell.', 'NEW YORK (AP) — '],
    ['KYIV, Ukraine — Sirens sounded overnight.', 'KYIV, Ukraine — '],
    ['LOS ANGELES — Fires spread.', 'LOS ANGELES — '],
    ['WASHINGTON/NEW YORK (Reuters) - U.S. officials met.', 'WASHINGTON/NEW YORK (Reuters) - '],
  ])('%s', (text, dateline) => {
    const spans = findBoilerplate(text, '', lexicons.boilerplate.entries);
    expect(spans.map((s) => s.text)).toEqual([dateline]);
    expect(spans[0]!.reason).toMatch(/dateline/);
  });
  test.each([
    'COVID-19 cases rose in the state.',
    'NATO said the drills would continue.',
    'The WASHINGTON office — a small one — closed.',
    'UPDATE - the vote was delayed.',
  ])('not a dateline: %s', (text) => {
    expect(findBoilerplate(text, '', lexicons.boilerplate.entries).filter((s) => s.rule.startsWith('dateline'))).toEqual([]);
  });
});
