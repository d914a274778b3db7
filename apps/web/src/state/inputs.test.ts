import { describe, expect, test } from 'vitest';
import { parseFile } from '@parallax/ingest';
import { pastedFile, slugify } from './inputs';
import { ingestWarningToReport, REPORT_OPTIONS } from '../worker/protocol';
import { ingestWarning, reportOptions } from '../../../cli/src/commands/analyze';

describe('slugify(name)', () => {
  test.each([
    ['The Washington Times', 'the-washington-times'],
    ['  Le Monde (Paris)  ', 'le-monde-paris'],
    ['Café Été', 'cafe-ete'],
    ['!!!', 'pasted'],
  ])('%s -> %s', (s, out) => expect(slugify(s)).toBe(out));
});

describe('pastedFile(outlet, text)', () => {
  test('becomes a Markdown article whose outlet comes from front matter, even with YAML-hostile names', () => {
    const f = pastedFile('BBC: "News" # 1', 'Headline\n\nKyiv was not invited to the talks in Riyadh.');
    expect(f.name).toBe('pasted/bbc-news-1.md');
    const r = parseFile(f.name, f.bytes);
    expect(r.rejections).toEqual([]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({ id: 'bbc-news-1', outlet: 'BBC: "News" # 1' });
    expect(r.articles[0]!.text).toContain('Kyiv was not invited');
  });
  test('gets a unique name when the slug is taken', () => {
    expect(pastedFile('NPR', 'x', new Set(['pasted/npr.md', 'pasted/npr-2.md'])).name).toBe('pasted/npr-3.md');
  });
});

describe('ingestWarningToReport / REPORT_OPTIONS', () => {
  test.each([
    [{ path: 'a.csv', line: 3, message: 'no title' }],
    [{ path: 'b.md', line: null, message: 'decoded as windows-1252' }],
  ])('match the CLI for %j (exports must be byte-identical)', (w) => {
    expect(ingestWarningToReport(w)).toEqual(ingestWarning(w));
  });
  test('the options equal the CLI defaults', () => {
    expect(REPORT_OPTIONS).toEqual(reportOptions({}));
  });
});
