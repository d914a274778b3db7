/**
 * Issue 17 (ingest half) through the CLI: a missing path is a usage error that
 * writes nothing; Excel CSVs are read whole; --date-format; one ISO date form in
 * every export; the byline column; every kind of warning summarised on the
 * console with its count. Each test runs `parallax analyze` and reads its files.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { AnalysisReport } from '@parallax/core';
import { main } from './main';
import { formatCount, rejectionSummary, warningSummary } from './summary';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const tmp = mkdtempSync(join(tmpdir(), 'parallax-ingest-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SLOW = 120_000;

/** Run the CLI in the repo root; returns the exit code and what it wrote to stderr. */
async function cli(argv: string[]): Promise<{ code: number; stderr: string }> {
  const cwd = process.cwd();
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  process.chdir(root);
  try {
    const code = await main(argv);
    return { code, stderr: chunks.join('') };
  } finally {
    process.chdir(cwd);
    spy.mockRestore();
  }
}

const csvRows = (path: string): string[][] => Papa.parse<string[]>(readFileSync(path, 'utf8').trimEnd(), { newline: '\r\n' }).data;
const readReport = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as AnalysisReport;

describe('a missing input path is a usage error that writes nothing', () => {
  test.each([
    ['alone', ['fixtures/no-such-dir']],
    ['beside a real input', ['fixtures/riyadh-2025-02-18/npr.md', 'fixtures/no-such-file.md']],
    ['a file under a file', ['fixtures/riyadh-2025-02-18/npr.md/x.md']],
  ])('%s: exit 2, no output folder, the message names the path', async (_name, paths) => {
    const out = join(tmp, `missing-${paths.length}-${paths[0]!.length}`);
    const { code, stderr } = await cli(['analyze', ...paths, '--out', out, '--workers', '1']);
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.includes('parallax-tmp'))).toEqual([]);
    const missing = paths.filter((p) => !existsSync(join(root, p)));
    for (const p of missing) expect(stderr).toContain(`"${p}"`);
    expect(stderr).toMatch(/not exist; nothing was written/);
  });

  test('an existing but empty input still runs (exit 1: nothing could be analysed)', async () => {
    const dir = join(tmp, 'empty-input');
    const out = join(tmp, 'empty-out');
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(join(tmp, 'empty-input.txt'), '');
    const { code } = await cli(['analyze', join(tmp, 'empty-input.txt'), '--out', out, '--workers', '1']);
    expect(code).toBe(1);
    expect(existsSync(join(out, 'rejected.csv'))).toBe(true);
  }, SLOW);
});

describe('the hostile corpus: console summary, dates, author', () => {
  const out = join(tmp, 'hostile');
  let run: { code: number; stderr: string };
  let report: AnalysisReport;
  test('runs', async () => {
    run = await cli(['analyze', 'fixtures/hostile', '--out', out, '--workers', '1']);
    expect(run.code).toBe(0);
    report = readReport(out);
  }, SLOW);

  test('every kind of warning is on the console with its count', () => {
    const count = (pred: (m: string) => boolean) => report.warnings.filter((w) => pred(w.message)).length;
    const noOutlet = count((m) => m.endsWith('no outlet given; set to "unknown"'));
    expect(noOutlet).toBeGreaterThan(1);
    const lines = run.stderr.split('\n');
    expect(lines).toContain(`  ${noOutlet} articles have no outlet (set to "unknown"): set it with front matter \`outlet:\`, an outlet column or field, or og:site_name`);
    const ambiguous = count((m) => / is ambiguous: /.test(m));
    expect(ambiguous).toBe(2); // dates-mixed.jsonl line 4, excel-semicolon.csv line 3
    expect(lines).toContain('  2 dates were ambiguous (day/month or month/day, e.g. 03/04/2025) and set to null: pass --date-format dmy or mdy');
    expect(lines).toContain('  2 CSV files use a semicolon or tab delimiter (detected and used)');
    const nonEnglish = report.warnings.filter((w) => w.code === 'non-english').length;
    expect(nonEnglish).toBeGreaterThan(0);
    expect(lines).toContain(`  ${nonEnglish} article${nonEnglish === 1 ? '' : 's'} classed as non-English (English-only measures skipped): if they are English, pass --language en`);
    expect(lines).toContain(`warnings (${formatCount(report.warnings.length)}; each one is in report.json "warnings"):`);
    // every warning in the report is counted in exactly one summary line
    const summed = lines.filter((l) => /^ {2}\d/.test(l) && !/ rejected/.test(l)).reduce((n, l) => n + Number(l.trim().split(' ')[0]!.replace(/,/g, '')), 0);
    expect(summed).toBe(report.warnings.length);
  });

  test('rejections are summarised by reason', () => {
    expect(run.stderr).toContain('rejected inputs (each one is in rejected.csv):');
    expect(run.stderr).toMatch(/ {2}1 rejected: empty file\n/);
  });

  test('the Excel CSV (BOM, ";") is read whole: every row analysed, none rejected', () => {
    const recs = report.inputs.filter((i) => i.path === 'fixtures/hostile/excel-semicolon.csv');
    expect(recs.map((r) => [r.line, r.status])).toEqual([[2, 'analysed'], [3, 'analysed'], [4, 'analysed']]);
  });

  test('articles.csv: every published date in the one ISO form; author is the last column', () => {
    const rows = csvRows(join(out, 'articles.csv'));
    const header = rows[0]!;
    expect(header.slice(0, 9)).toEqual(['article_id', 'outlet', 'title', 'published', 'url', 'event_id', 'language', 'n_sentences', 'n_words']);
    expect(header[header.length - 1]).toBe('author');
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(1);
    const published = body.map((r) => r[col('published')]!).filter((p) => p !== '');
    expect(published.length).toBeGreaterThan(10);
    for (const p of published) expect(p).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const byId = new Map(body.map((r) => [r[0], r]));
    expect(byId.get('xl-1')?.[col('author')]).toBe('Anna Berg');
    expect(byId.get('date-dots')?.[col('author')]).toBe('Maria Lopez; Sam Ortiz');
    expect(byId.get('nytimes-no-site-name')?.[col('outlet')]).toBe('The New York Times');
    expect(byId.get('nytimes-no-site-name')?.[col('title')]).toBe('Lawmakers Reach Deal to Avert Shutdown');
    expect(byId.get('date-offset')?.[col('published')]).toBe('2025-02-19T04:30:00Z');
    expect(byId.get('date-ambiguous')?.[col('published')]).toBe('');
    expect(report.articles.find((a) => a.id === 'xl-1')?.author).toBe('Anna Berg');
  });

  test('report.options records the date format', () => {
    expect(report.options).toMatchObject({ dateFormat: 'auto' });
  });
});

describe('--date-format', () => {
  // format, 03/04/2025 ->, 18/02/2025 ->, summary line expected on the console
  test.each([
    ['dmy', '2025-04-03T00:00:00Z', '2025-02-18T00:00:00Z', '  1 date does not match --date-format and was set to null: check the option'],
    ['MDY', '2025-03-04T00:00:00Z', '', '  2 dates do not match --date-format and were set to null: check the option'],
    ['auto', '', '2025-02-18T00:00:00Z', '  1 date was ambiguous (day/month or month/day, e.g. 03/04/2025) and set to null: pass --date-format dmy or mdy'],
  ])('--date-format %s reads 03/04/2025 as %j and 18/02/2025 as %j', async (format, ambiguous, dmy, line) => {
    const out = join(tmp, `df-${format}`);
    const { code, stderr } = await cli(['analyze', 'fixtures/hostile/dates-mixed.jsonl', '--out', out, '--workers', '1', '--date-format', format]);
    expect(code).toBe(0);
    const rows = csvRows(join(out, 'articles.csv'));
    const published = rows[0]!.indexOf('published');
    expect(rows.find((r) => r[0] === 'date-ambiguous')?.[published]).toBe(ambiguous);
    expect(rows.find((r) => r[0] === 'date-dmy')?.[published]).toBe(dmy);
    expect(readReport(out).options).toMatchObject({ dateFormat: format.toLowerCase() });
    expect(stderr.split('\n')).toContain(line);
  }, SLOW);

  test('an unknown value is a usage error (exit 2) that writes nothing', async () => {
    const out = join(tmp, 'df-bad');
    const { code, stderr } = await cli(['analyze', 'fixtures/hostile/dates-mixed.jsonl', '--out', out, '--date-format', 'dd/mm']);
    expect(code).toBe(2);
    expect(stderr).toContain('--date-format must be one of auto, dmy, mdy, ymd, got "dd/mm"');
    expect(existsSync(out)).toBe(false);
  });
});

describe('warningSummary / rejectionSummary', () => {
  const w = (code: string, message: string) => ({ article_id: null, code, message });
  test.each([
    [[], []],
    [Array.from({ length: 2000 }, (_, i) => w('ingest', `c.csv:${i + 2}: no outlet given; set to "unknown"`)),
      ['2,000 articles have no outlet (set to "unknown"): set it with front matter `outlet:`, an outlet column or field, or og:site_name']],
    [[w('non-english', 'language is "de" (declared): …'), w('ingest', 'a.txt: something nobody classified'), w('new-code', 'x'), w('new-code', 'y')],
      ['2 new-code warnings, e.g. x', '1 article classed as non-English (English-only measures skipped): if they are English, pass --language en', '1 ingest warning, e.g. a.txt: something nobody classified']],
  ])('%#', (warnings, lines) => {
    expect(warningSummary(warnings)).toEqual(lines);
  });

  test('rejections: most frequent reasons first, the rest counted', () => {
    const r = (reason: string, n: number) => Array.from({ length: n }, () => ({ reason }));
    expect(rejectionSummary([...r('a', 1), ...r('b', 3), ...r('c', 2), ...r('d', 1)], 2)).toEqual(['3 rejected: b', '2 rejected: c', '2 rejected for 2 other reasons']);
  });

  test.each([[0, '0'], [999, '999'], [1000, '1,000'], [1234567, '1,234,567']])('formatCount(%i) = %s', (n, s) => {
    expect(formatCount(n)).toBe(s);
  });
});
