/**
 * Golden files: the whole output of `parallax analyze fixtures/riyadh-2025-02-18`
 * (report.json and every export) is held in fixtures/gold/riyadh-output/. Any change
 * to any byte fails here; when a change is intended, review the diff and run
 * `pnpm --filter @parallax/cli exec vitest run src/golden.test.ts -u` to accept it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OUTPUT_FILES } from '@parallax/core';
import { runAnalyze } from './commands/analyze';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const gold = join(root, 'fixtures/gold/riyadh-output');
const tmp = mkdtempSync(join(tmpdir(), 'parallax-golden-'));
const out = join(tmp, 'out');

beforeAll(async () => {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await runAnalyze(['fixtures/riyadh-2025-02-18'], { out, quiet: true, workers: 1 }, () => {});
  } finally {
    process.chdir(cwd);
  }
}, 600_000); // loads the sentence encoder and encodes the event's sentences (slow on a busy 2-core machine)
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the run writes exactly the files of the output contract', () => {
  expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual([...OUTPUT_FILES].sort());
});

test.each([...OUTPUT_FILES])('%s matches its golden file byte for byte', async (name) => {
  await expect(readFileSync(join(out, name), 'utf8')).toMatchFileSnapshot(join(gold, name));
});
