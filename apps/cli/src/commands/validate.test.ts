import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runValidate } from './validate';
import { UsageError } from '../output';

const ROOT = resolve(__dirname, '../../../..');
const tmp = mkdtempSync(join(tmpdir(), 'parallax-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('runValidate', () => {
  test('writes agreement.csv, agreement.json and confusion.csv for the fixture coding', { timeout: 120_000 }, async () => {
    const out = join(tmp, 'out');
    const lines: string[] = [];
    const summary = await runValidate([join(ROOT, 'fixtures/riyadh-2025-02-18')], { coded: join(ROOT, 'fixtures/coded/riyadh-coded.csv'), out }, (l) => lines.push(l));
    expect(summary).toMatchObject({ analysed: 5, coded: 61, unmatched: 0 });
    const csv = readFileSync(join(out, 'agreement.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('measure,scope,kind,n,n_unmatched,pearson,spearman,alpha_interval,kappa,alpha_nominal,macro_f1');
    expect(csv).toContain('sentiment,sentence,both,43,0,');
    const json = JSON.parse(readFileSync(join(out, 'agreement.json'), 'utf8')) as { rows: { measure: string }[] };
    expect(json.rows.map((r) => r.measure)).toContain('frame:economic');
    // The primary frame (a category per article) is compared with primary_frame:<name>.
    expect(json.rows.map((r) => r.measure)).toContain('primary_frame');
    expect(readFileSync(join(out, 'confusion.csv'), 'utf8')).toContain('sentiment,sentence,negative,negative,');
  });

  test.each([
    { name: 'missing coded file', coded: join(tmp, 'nope.csv'), message: /cannot read --coded/ },
    { name: 'no paths', coded: join(ROOT, 'fixtures/coded/riyadh-coded.csv'), message: /no input paths/, paths: [] as string[] },
  ])('$name is a usage error', async ({ coded, message, paths }) => {
    await expect(runValidate(paths ?? [join(ROOT, 'fixtures/riyadh-2025-02-18')], { coded, out: join(tmp, 'x') }, () => {})).rejects.toThrow(UsageError);
    await expect(runValidate(paths ?? [join(ROOT, 'fixtures/riyadh-2025-02-18')], { coded, out: join(tmp, 'x') }, () => {})).rejects.toThrow(message);
  });
});
