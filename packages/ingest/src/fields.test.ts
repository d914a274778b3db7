import { describe, expect, test } from 'vitest';
import type { DateFormat } from './dates';
import { normalizeAuthor, normalizePublished } from './fields';
import { parseFile } from './index';
import type { IngestWarning } from './types';

const where = { path: 'a.jsonl', line: 1 };
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('normalizeAuthor(value)', () => {
  test.each([
    ['Jane Roe', 'Jane Roe'],
    ['  By   Jane Roe ', 'Jane Roe'],
    ['by Jane Roe', 'Jane Roe'],
    [['Jane Roe', 'John Poe'], 'Jane Roe; John Poe'],
    [['Jane Roe', { name: 'John Poe' }, 'Jane Roe'], 'Jane Roe; John Poe'],
    [{ '@type': 'Person', name: 'Ada Park' }, 'Ada Park'],
    ['https://www.example.com/people/jroe', null],
    ['', null],
    [null, null],
    [undefined, null],
    [[], null],
  ])('%j -> %j', (value, expected) => {
    const warnings: IngestWarning[] = [];
    expect(normalizeAuthor(value, where, warnings)).toBe(expected);
    expect(warnings).toEqual([]);
  });

  test('an object without a name is ignored with a warning', () => {
    const warnings: IngestWarning[] = [];
    expect(normalizeAuthor({ id: 3 }, where, warnings)).toBeNull();
    expect(warnings.map((w) => w.message)).toEqual(['author must be a string or a list of names, got an object; ignored']);
  });
});

describe('author from every format', () => {
  test.each([
    ['front matter author', 'a.md', '---\noutlet: X\nauthor: By Jane Roe\n---\nBody.', 'Jane Roe'],
    ['front matter authors list', 'a.md', '---\noutlet: X\nauthors: [Jane Roe, John Poe]\n---\nBody.', 'Jane Roe; John Poe'],
    ['front matter byline', 'a.md', '---\noutlet: X\nbyline: Jane Roe\n---\nBody.', 'Jane Roe'],
    ['JSONL author', 'a.jsonl', '{"id":"1","outlet":"X","author":"Jane Roe","text":"Body."}', 'Jane Roe'],
    ['JSONL byline', 'a.jsonl', '{"id":"1","outlet":"X","byline":"By Jane Roe","text":"Body."}', 'Jane Roe'],
    ['CSV author', 'a.csv', 'id,outlet,author,text\n1,X,Jane Roe,Body.\n', 'Jane Roe'],
    ['HTML meta', 'a.html', '<html><head><meta name="author" content="Jane Roe"><meta property="og:site_name" content="X"></head><body><p>Officials met on Tuesday.</p></body></html>', 'Jane Roe'],
    ['none', 'a.txt', 'Body.', null],
  ])('%s', (_name, file, src, author) => {
    const r = parseFile(file, enc(src));
    expect(r.articles[0]?.author).toBe(author);
  });
});

describe('normalizePublished(value, format) — warnings say what to do', () => {
  test.each([
    ['03/04/2025', 'auto', null, 'published date "03/04/2025" is ambiguous: it could be day/month/year (3 April 2025) or month/day/year (March 4, 2025); set to null (pass --date-format dmy or mdy)'],
    ['02/18/2025', 'dmy', null, 'published date "02/18/2025" does not match the date format: it is not a valid date under --date-format dmy (day/month/year); set to null'],
    ['18/02/2025', 'ymd', null, 'published date "18/02/2025" does not match the date format: it has the year last, but --date-format is ymd (year/month/day); set to null'],
    ['2025-02-18 10:00', 'auto', '2025-02-18T10:00:00Z', 'published time "2025-02-18 10:00" has no time zone; read as UTC'],
    ['soon', 'auto', null, 'published date "soon" is not a date we can read; set to null'],
    ['18/02/2025', 'auto', '2025-02-18T00:00:00Z', null],
    ['03/04/2025', 'dmy', '2025-04-03T00:00:00Z', null],
  ])('%j under %s', (value, format, iso, message) => {
    const warnings: IngestWarning[] = [];
    expect(normalizePublished(value, where, warnings, format as DateFormat)).toBe(iso);
    expect(warnings.map((w) => w.message)).toEqual(message === null ? [] : [message]);
  });

  test('parseFile({ dateFormat }) reaches every reader; a bad dateFormat throws', () => {
    const md = '---\noutlet: X\npublished: 03/04/2025\n---\nBody.';
    expect(parseFile('a.md', enc(md), { dateFormat: 'mdy' }).articles[0]?.published).toBe('2025-03-04T00:00:00Z');
    expect(parseFile('a.jsonl', enc('{"id":"1","outlet":"X","published":"03/04/2025","text":"x"}'), { dateFormat: 'dmy' }).articles[0]?.published).toBe('2025-04-03T00:00:00Z');
    expect(() => parseFile('a.md', enc(md), { dateFormat: 'dm' as never })).toThrow('`dateFormat` must be one of auto, dmy, mdy, ymd, got "dm"');
  });
});
