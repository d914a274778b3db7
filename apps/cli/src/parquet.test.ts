import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, test } from 'vitest';
import { CSV_HEADERS, toCsv } from '@parallax/core';
import { runAnalyze } from './commands/analyze';
import { csvToParquet } from './parquet';

const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'parallax-parquet-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NUMERIC = new Set(['line', 'start', 'end', 'n_sentences', 'n_words', 'n_outlets', 'count', 'value', 'n_evidence', 'sentiment']);

async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  return (await parquetReadObjects({ file: await asyncBufferFromFile(path) })) as Record<string, unknown>[];
}

describe('--parquet', { timeout: 300_000 }, () => {
  test('every CSV table reads back from its Parquet file cell for cell', async () => {
    const out = join(tmp, 'out');
    await runAnalyze([join(root, 'fixtures/riyadh-2025-02-18')], { out, quiet: true, workers: 1, parquet: true }, () => undefined);
    let checked = 0;
    for (const name of Object.keys(CSV_HEADERS)) {
      const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, name), 'utf8'), { header: true, skipEmptyLines: true });
      const rows = await readParquet(join(out, name.replace('.csv', '.parquet')));
      expect(rows.length, name).toBe(csv.data.length);
      const header = csv.meta.fields ?? [];
      if (name === 'articles.csv') expect(header.length).toBeGreaterThan(CSV_HEADERS['articles.csv'].length); // document measures
      csv.data.forEach((r, i) => {
        for (const col of header) {
          const cell = r[col] ?? '';
          const numeric = NUMERIC.has(col) || (name === 'articles.csv' && !(CSV_HEADERS['articles.csv'] as readonly string[]).includes(col));
          const want = cell === '' ? null : col === 'present' ? cell === 'true' : numeric ? Number(cell) : cell;
          expect(rows[i]![col], `${name} row ${i} ${col}`).toEqual(want);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });

  test('a table larger than a row group, with quoted commas, newlines and a header-less part', async () => {
    const header = [...CSV_HEADERS['terms.csv']];
    const data = Array.from({ length: 120_001 }, (_, i) => [`c${i % 97}`, `a${i}`, i % 3 === 0 ? 'Outlet, "Inc."' : `line\nbreak ${i}`, '=SUM(A1)', i, 'L']);
    const csv = toCsv(header, data);
    writeFileSync(join(tmp, 'terms.csv'), csv);
    writeFileSync(join(tmp, 'terms-part.csv'), csv.slice(csv.indexOf('\r\n') + 2));
    expect(await csvToParquet('terms.csv', header, join(tmp, 'terms.csv'), join(tmp, 'terms.parquet'), true)).toBe(120_001);
    expect(await csvToParquet('terms.csv', header, join(tmp, 'terms-part.csv'), join(tmp, 'terms-part.parquet'), false)).toBe(120_001);
    for (const f of ['terms.parquet', 'terms-part.parquet']) {
      const rows = await readParquet(join(tmp, f));
      expect(rows).toHaveLength(120_001);
      expect(rows[0]).toEqual({ concept_id: 'c0', article_id: 'a0', outlet: 'Outlet, "Inc."', surface: "'=SUM(A1)", count: 0, label: 'L' });
      expect(rows[120_000]).toEqual({ concept_id: `c${120_000 % 97}`, article_id: 'a120000', outlet: 'Outlet, "Inc."', surface: "'=SUM(A1)", count: 120_000, label: 'L' });
    }
  });
});
