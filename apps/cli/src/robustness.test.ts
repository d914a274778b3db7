/**
 * Bad input through the CLI: every input accounted for, clear reasons, exit codes,
 * CSV-injection-safe outputs, atomic and guarded output directories, determinism.
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import type { AnalysisReport } from '@parallax/core';
import { runAnalyze } from './commands/analyze';
import { main } from './main';
import { MARKER } from './output';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const tmp = mkdtempSync(join(tmpdir(), 'parallax-robust-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function inRoot<T>(f: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    return await f();
  } finally {
    process.chdir(cwd);
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (n.startsWith('.') ? [] : statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

const readReport = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as AnalysisReport;

describe('the hostile corpus (fixtures/hostile)', () => {
  const out = join(tmp, 'hostile');
  const lines: string[] = [];
  let report: AnalysisReport;
  beforeAll(async () => {
    await inRoot(() => runAnalyze(['fixtures/hostile'], { out, quiet: true }, (l) => lines.push(l)));
    report = readReport(out);
  }, 120_000);

  test('every file appears in report.inputs', () => {
    const files = walk(join(root, 'fixtures/hostile')).map((f) => relative(root, f));
    const seen = new Set(report.inputs.map((i) => i.path));
    expect(files.filter((f) => !seen.has(f))).toEqual([]);
  });

  test('statuses add up to the inputs and the summary line says so', () => {
    const n = (s: string) => report.inputs.filter((i) => i.status === s).length;
    expect(n('analysed') + n('rejected') + n('duplicate')).toBe(report.inputs.length);
    expect(lines[0]).toContain(`analysed ${n('analysed')} articles, rejected ${n('rejected')}, duplicate ${n('duplicate')} (of ${report.inputs.length} inputs)`);
    expect(report.articles).toHaveLength(n('analysed'));
  });

  test('rejected.csv lists every rejected and duplicate input with a reason', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'rejected.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(report.inputs.filter((i) => i.status !== 'analysed').length);
    for (const r of rows) expect(r.reason!.length).toBeGreaterThan(5);
  });

  test.each([
    ['empty.txt', 'rejected', /empty/],
    ['whitespace.txt', 'rejected', /whitespace/],
    ['image.txt', 'rejected', /binary/],
    ['notes.xyz', 'rejected', /unsupported file type/],
    ['same-article-twice/wire-original.txt', 'duplicate', /same text as/],
  ])('%s is %s', (file, status, reason) => {
    const rec = report.inputs.find((i) => i.path === `fixtures/hostile/${file}`)!;
    expect(rec.status).toBe(status);
    expect(rec.reason).toMatch(reason);
  });

  test('a malformed JSONL line is rejected with its line number; the good lines are analysed', () => {
    const recs = report.inputs.filter((i) => i.path === 'fixtures/hostile/malformed.jsonl');
    expect(recs.some((r) => r.status === 'rejected' && r.line === 2 && /JSON/.test(r.reason!))).toBe(true);
    expect(recs.filter((r) => r.status === 'analysed').length).toBeGreaterThanOrEqual(2);
  });

  test('non-English and Windows-1252 inputs are analysed with a warning', () => {
    const de = report.articles.find((a) => a.source.path.endsWith('non-english.md'))!;
    expect(de.english).toBe(false);
    expect(report.warnings.some((w) => w.article_id === de.id && w.code === 'non-english')).toBe(true);
    expect(report.warnings.some((w) => /cp1252\.txt.*windows-1252/.test(w.message))).toBe(true);
    expect(report.articles.find((a) => a.id === 'cp1252')!.text).toMatch(/"final offer"/);
  });

  test('hostile HTML is reduced to text: no markup or script survives', () => {
    const a = report.articles.find((x) => x.source.path.endsWith('hostile.html'))!;
    expect(a.text).not.toMatch(/<script|onerror|javascript:|__pwned/i);
    expect(a.sentences.length).toBeGreaterThan(0);
  });
});

describe('outputs are safe to open in a spreadsheet (OWASP CSV injection)', () => {
  test('no string cell in any CSV starts with = + - @ TAB or CR', async () => {
    const input = join(tmp, 'formula.jsonl');
    const payloads = ['=HYPERLINK("http://x","y")', '+cmd|"/c calc"!A1', '-2+3+cmd', '@SUM(1,2)', '\t=1+1', '\r=1+1'];
    writeFileSync(
      input,
      payloads
        .map((p, i) => JSON.stringify({ id: `f${i}`, outlet: p, title: p, text: `${p} The minister said the talks were useful. ${p}` }))
        .join('\n') + '\n',
    );
    const out = join(tmp, 'formula-out');
    await runAnalyze([input], { out, quiet: true }, () => {});
    let checked = 0;
    for (const f of readdirSync(out).filter((n) => n.endsWith('.csv'))) {
      const rows = Papa.parse<string[]>(readFileSync(join(out, f), 'utf8'), { skipEmptyLines: true }).data;
      for (const row of rows)
        for (const cell of row) {
          checked++;
          if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `${f}: ${JSON.stringify(cell)}`).toBe(true);
        }
    }
    expect(checked).toBeGreaterThan(50);
    expect(readFileSync(join(out, 'articles.csv'), 'utf8')).toContain(`'=HYPERLINK`);
  });
});

describe('output directory handling', () => {
  test('refuses a non-empty directory Parallax did not write (exit 2), accepts it with --force', async () => {
    const out = join(tmp, 'theirs');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'precious');
    const code = await inRoot(() => main(['analyze', 'fixtures/riyadh-2025-02-18/npr.md', '--out', out, '--quiet']));
    expect(code).toBe(2);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('precious');
    const forced = await inRoot(() => main(['analyze', 'fixtures/riyadh-2025-02-18/npr.md', '--out', out, '--quiet', '--force']));
    expect(forced).toBe(0);
    expect(readdirSync(out)).toContain(MARKER);
    // Its own output may be replaced without --force; no temp directories are left behind.
    expect(await inRoot(() => main(['analyze', 'fixtures/riyadh-2025-02-18/npr.md', '--out', out, '--quiet']))).toBe(0);
    expect(readdirSync(tmp).filter((n) => n.includes('parallax-tmp'))).toEqual([]);
  }, 60_000);

  test('never replaces a directory that is or holds an input, not even with --force', async () => {
    const inputs = join(tmp, 'inputs');
    mkdirSync(join(inputs, 'sub'), { recursive: true });
    writeFileSync(join(inputs, 'sub', 'a.txt'), 'Talks\n\nThe minister said the talks in Riyadh were useful.');
    writeFileSync(join(inputs, 'NOTES.txt'), 'my notes');
    for (const out of [inputs, join(inputs, 'sub')]) {
      expect(await main(['analyze', join(inputs, 'sub'), '--out', out, '--quiet', '--force'])).toBe(2);
    }
    expect(readFileSync(join(inputs, 'NOTES.txt'), 'utf8')).toBe('my notes');
    expect(readFileSync(join(inputs, 'sub', 'a.txt'), 'utf8')).toMatch(/Riyadh/);
  });

  test('a previous output inside an input directory is skipped (with a warning), not read as articles', async () => {
    const inputs = join(tmp, 'nested');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a.txt'), 'Talks\n\nThe minister said the talks in Riyadh were useful.');
    const out = join(inputs, 'out');
    expect(await main(['analyze', inputs, '--out', out, '--quiet'])).toBe(0);
    expect(await main(['analyze', inputs, '--out', out, '--quiet'])).toBe(0);
    const report = readReport(out);
    expect(report.inputs.map((i) => i.path)).toEqual([join(inputs, 'a.txt')]);
    expect(report.warnings.some((w) => /skipped: a Parallax output directory/.test(w.message))).toBe(true);
  });

  test('a Parallax directory that now also holds other files is not replaced without --force', async () => {
    const out = join(tmp, 'ours-plus');
    expect(await inRoot(() => main(['analyze', 'fixtures/riyadh-2025-02-18/npr.md', '--out', out, '--quiet']))).toBe(0);
    writeFileSync(join(out, 'my-analysis.R'), 'library(readr)');
    expect(await inRoot(() => main(['analyze', 'fixtures/riyadh-2025-02-18/npr.md', '--out', out, '--quiet']))).toBe(2);
    expect(readFileSync(join(out, 'my-analysis.R'), 'utf8')).toBe('library(readr)');
  });

  test.each([
    ['EN', 0],
    ['en-GB', 0],
    ['english', 2],
    ['', 2],
  ])('--language %j exits %i', async (lang, code) => {
    expect(await inRoot(() => main(['analyze', 'fixtures/riyadh-2025-02-18/npr.md', '--out', join(tmp, `lang-${lang || 'empty'}`), '--quiet', '--language', lang]))).toBe(code);
  });

  test.each([
    ['no paths', ['analyze', '--out', 'x'], 2],
    ['no --out', ['analyze', 'fixtures/riyadh-2025-02-18'], 2],
    ['unknown option', ['analyze', 'fixtures/riyadh-2025-02-18', '--out', 'x', '--colour'], 2],
    ['unknown command', ['analyse-this'], 2],
  ])('usage error: %s exits 2', async (_n, argv, code) => {
    expect(await inRoot(() => main(argv))).toBe(code);
  });

  test('nothing analysable exits 1 but still writes rejected.csv', async () => {
    const out = join(tmp, 'nothing');
    expect(await inRoot(() => main(['analyze', 'fixtures/hostile/empty.txt', 'fixtures/hostile/image.txt', '--out', out, '--quiet']))).toBe(1);
    expect(readFileSync(join(out, 'rejected.csv'), 'utf8')).toMatch(/empty file/);
  });

  test('a 50 MB file is rejected with its size, without reading it into the report', async () => {
    const big = join(tmp, 'big.txt');
    writeFileSync(big, 'The minister said the talks were useful. '.repeat(Math.ceil((50 * 1024 * 1024) / 41)));
    const out = join(tmp, 'big-out');
    const code = await main(['analyze', big, join(root, 'fixtures/riyadh-2025-02-18/npr.md'), '--out', out, '--quiet']);
    expect(code).toBe(0);
    const rec = readReport(out).inputs.find((i) => i.path.endsWith('big.txt'))!;
    expect(rec.status).toBe('rejected');
    expect(rec.reason).toMatch(/50\.\d MB.*limit/);
    rmSync(big);
  }, 60_000);
});

describe('determinism', () => {
  test('two runs over the fixture and the hostile corpus write byte-identical files', async () => {
    const a = join(tmp, 'det-a');
    const b = join(tmp, 'det-b');
    await inRoot(() => runAnalyze(['fixtures/riyadh-2025-02-18', 'fixtures/hostile'], { out: a, quiet: true }, () => {}));
    await inRoot(() => runAnalyze(['fixtures/hostile', 'fixtures/riyadh-2025-02-18'], { out: b, quiet: true }, () => {}));
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
  }, 600_000); // the encoder matcher: loading and encoding
});
