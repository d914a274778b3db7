import { describe, expect, test } from 'vitest';
import { DATE_FORMATS, normalizeDate, readDate, type DateFormat } from './dates';

/** The one output form: what pandas reads without options. */
const ONE_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('normalizeDate(value) — one ISO 8601 form, UTC', () => {
  test.each([
    ['2025-02-18', '2025-02-18T00:00:00Z'],
    ['2025-02-18T10:00:00Z', '2025-02-18T10:00:00Z'],
    ['2025-02-18T10:00:00+01:00', '2025-02-18T09:00:00Z'],
    ['2025-02-18T10:00:00+0100', '2025-02-18T09:00:00Z'],
    ['2025-02-18T10:00+05:30', '2025-02-18T04:30:00Z'],
    ['2025-02-18T23:30:00-05:00', '2025-02-19T04:30:00Z'],
    ['2025-02-18T10:00:00.123Z', '2025-02-18T10:00:00Z'],
    ['2025-02-18T10:00:00.999Z', '2025-02-18T10:00:00Z'],
    ['2025-02-18T10:00:00', '2025-02-18T10:00:00Z'],
    // Media Cloud publish_date (no offset given: read as UTC)
    ['2025-02-18 10:00:00', '2025-02-18T10:00:00Z'],
    ['2025-02-18 10:00:00.402981', '2025-02-18T10:00:00Z'],
    ['2025-02-18 10:00:00 UTC', '2025-02-18T10:00:00Z'],
    ['  2025-02-18  ', '2025-02-18T00:00:00Z'],
    ['2025/2/8', '2025-02-08T00:00:00Z'],
    ['2025.02.18', '2025-02-18T00:00:00Z'],
    ['2025/02/18 10:30', '2025-02-18T10:30:00Z'],
    ['20250218', '2025-02-18T00:00:00Z'],
    ['Tue, 18 Feb 2025 10:00:00 GMT', '2025-02-18T10:00:00Z'],
    ['Tue, 18 Feb 2025 10:00:00 +0100', '2025-02-18T09:00:00Z'],
    ['18 February 2025', '2025-02-18T00:00:00Z'],
    ['February 18, 2025', '2025-02-18T00:00:00Z'],
    ['Feb. 18, 2025 10:30 UTC', '2025-02-18T10:30:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2024-12-31T23:00:00-02:00', '2025-01-01T01:00:00Z'],
    [1739872800, '2025-02-18T10:00:00Z'],
    ['1739872800000', '2025-02-18T10:00:00Z'],
    [1739872800123, '2025-02-18T10:00:00Z'],
    // unambiguous numeric day/month orders under auto
    ['18/02/2025', '2025-02-18T00:00:00Z'],
    ['02/18/2025', '2025-02-18T00:00:00Z'],
    ['18.02.2025', '2025-02-18T00:00:00Z'],
    ['18-02-2025', '2025-02-18T00:00:00Z'],
    ['18/02/2025 14:05', '2025-02-18T14:05:00Z'],
    ['18.02.2025 14:05 +01:00', '2025-02-18T13:05:00Z'],
    ['05/05/2025', '2025-05-05T00:00:00Z'], // same either way: not ambiguous
  ])('%j -> %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
    expect(expected).toMatch(ONE_FORM);
  });

  test.each([
    ['sometime last week'],
    ['2025-02-30'],
    ['2025-13-01'],
    ['2023-02-29'],
    ['2025-02-18T25:00:00Z'],
    ['2025-02-18T10:00:00+99:00'],
    ['31/02/2025'],
    ['13/13/2025'],
    ['03/04/2025'], // ambiguous under auto
    ['18/02/25'], // two-digit year: not read
    [''],
    [null],
    [{}],
    [-5],
    [1.5],
  ])('%j -> null', (input) => {
    expect(normalizeDate(input)).toBeNull();
  });
});

describe('readDate(value, format) — day/month order', () => {
  const cases: [string, DateFormat, string | null, string | null][] = [
    // value, --date-format, iso, problem
    ['18/02/2025', 'dmy', '2025-02-18T00:00:00Z', null],
    ['18.02.2025', 'dmy', '2025-02-18T00:00:00Z', null],
    ['03/04/2025', 'dmy', '2025-04-03T00:00:00Z', null],
    ['03/04/2025', 'mdy', '2025-03-04T00:00:00Z', null],
    ['02/18/2025', 'mdy', '2025-02-18T00:00:00Z', null],
    ['02/18/2025', 'dmy', null, 'format-mismatch'],
    ['18/02/2025', 'mdy', null, 'format-mismatch'],
    ['18/02/2025', 'ymd', null, 'format-mismatch'],
    ['2025/02/18', 'ymd', '2025-02-18T00:00:00Z', null],
    ['2025/02/18', 'dmy', '2025-02-18T00:00:00Z', null], // year first is always y/m/d
    ['2025-02-18', 'mdy', '2025-02-18T00:00:00Z', null], // ISO is never reordered
    ['03/04/2025', 'auto', null, 'ambiguous'],
    ['12.11.2025', 'auto', null, 'ambiguous'],
    ['18/02/2025', 'auto', '2025-02-18T00:00:00Z', null],
    ['02/18/2025', 'auto', '2025-02-18T00:00:00Z', null],
    ['2025-02-18T10:00:00', 'auto', '2025-02-18T10:00:00Z', 'no-zone'],
    ['2025-02-18 10:00', 'dmy', '2025-02-18T10:00:00Z', 'no-zone'],
    ['2025-02-18', 'auto', '2025-02-18T00:00:00Z', null],
    ['never', 'auto', null, 'unreadable'],
  ];
  test.each(cases)('%j under %s -> %s (%s)', (value, format, iso, problem) => {
    const r = readDate(value, format);
    expect(r.iso).toBe(iso);
    expect(r.problem).toBe(problem);
  });

  test('the ambiguity detail names both readings', () => {
    expect(readDate('03/04/2025').detail).toBe('it could be day/month/year (3 April 2025) or month/day/year (March 4, 2025)');
  });

  test('the formats', () => {
    expect(DATE_FORMATS).toEqual(['auto', 'dmy', 'mdy', 'ymd']);
  });
});
