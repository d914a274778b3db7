import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runAnalyze } from './commands/analyze';
import { runMerge } from './commands/merge';
import { UsageError } from './output';
import { inShard, parseShard } from './shard';

const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'parallax-scale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const quiet = () => undefined;

/** Every file of an output directory, name -> content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = readFileSync(join(dir, name), 'utf8');
  return out;
}

// A corpus with every kind of input: markdown files, a JSONL and CSV corpus with
// bad records, duplicates, warnings and rejections (the hostile fixtures), plus a
// JSONL of the Riyadh articles with their ids changed, so the shards interleave.
function corpus(): string[] {
  const jsonl = join(tmp, 'extra.jsonl');
  const lines = readdirSync(join(root, 'fixtures/riyadh-2025-02-18'))
    .sort()
    .map((name, i) => {
      const text = readFileSync(join(root, 'fixtures/riyadh-2025-02-18', name), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
      return JSON.stringify({ id: `copy-${i}`, outlet: `Outlet ${i}`, title: `Copy ${i}`, text: `${text}\n\nEdition ${i}.` });
    });
  writeFileSync(jsonl, lines.join('\n') + '\n');
  return [join(root, 'fixtures/hostile'), join(root, 'fixtures/riyadh-2025-02-18'), jsonl];
}

// Generous per-test limit: a safety net for a hung worker, not a speed check (the machine is shared).
describe('runAnalyze', { timeout: 600_000 }, () => {
  const inputs = corpus();
  let single: Record<string, string>;

  test('writes the report with one worker (in-thread)', async () => {
    const out = join(tmp, 'w1');
    const summary = await runAnalyze(inputs, { out, quiet: true, workers: 1 }, quiet);
    expect(summary.analysed).toBeGreaterThan(5);
    expect(summary.rejected).toBeGreaterThan(0);
    single = snapshot(out);
    expect(Object.keys(single)).toContain('report.json');
    expect(JSON.parse(single['report.json'] as string).options).toMatchObject({ language: 'auto', maxBytes: null, dateFormat: 'auto', matcher: 'lexical' });
  });

  test.each([2, 3])('is byte-identical with %i worker threads (and with threads starting mid-run)', async (workers) => {
    const out = join(tmp, `w${workers}`);
    await runAnalyze(inputs, { out, quiet: true, workers, spawnAfter: workers === 2 ? 0 : 3 }, quiet);
    expect(snapshot(out)).toEqual(single);
  });

  test.each([
    [1, [0]],
    [2, [1, 0]],
    [3, [2, 0, 1]],
  ])('--shard i/%i on every slice + runMerge equals the single run', async (n, order) => {
    const dirs: string[] = [];
    let analysed = 0;
    for (let i = 0; i < n; i++) {
      const out = join(tmp, `shard-${n}-${i}`);
      const s = await runAnalyze(inputs, { out, quiet: true, workers: i % 2 === 0 ? 1 : 2, spawnAfter: 0, shard: `${i}/${n}` }, quiet);
      analysed += s.analysed;
      dirs.push(out);
    }
    // Merge order on the command line does not matter.
    const merged = join(tmp, `merged-${n}`);
    await runMerge(order.map((i) => dirs[i] as string), { out: merged, quiet: true }, quiet);
    expect(snapshot(merged)).toEqual(single);
    expect(analysed).toBeGreaterThanOrEqual(JSON.parse(single['report.json'] as string).articles.length);
  });

  test.each([
    ['a missing shard', (d: string[]) => [d[0] as string]],
    ['a shard given twice', (d: string[]) => [d[0] as string, d[0] as string]],
    ['a directory that is not a shard', () => [join(tmp, 'w1')]],
    [
      'a shard whose manifest is corrupt (interrupted run)',
      (d: string[]) => {
        const broken = join(tmp, 'shard-broken');
        cpSync(d[1] as string, broken, { recursive: true });
        writeFileSync(join(broken, 'shard.json'), '{"format": "parallax-sh');
        return [d[0] as string, broken];
      },
    ],
  ])('runMerge rejects %s with a UsageError', async (_what, pick) => {
    const dirs = [join(tmp, 'shard-2-0'), join(tmp, 'shard-2-1')];
    await expect(runMerge(pick(dirs), { out: join(tmp, 'bad-merge'), quiet: true }, quiet)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('parseShard', () => {
  test.each([
    ['0/1', { index: 0, count: 1 }],
    ['3/4', { index: 3, count: 4 }],
    [' 12/100 ', { index: 12, count: 100 }],
  ])('parses %s', (spec, expected) => {
    expect(parseShard(spec)).toEqual(expected);
  });
  test.each(['4/4', '1/0', '-1/3', '1', 'a/b', '1/2/3', ''])('rejects "%s"', (spec) => {
    expect(() => parseShard(spec)).toThrow(UsageError);
  });
});

describe('inShard', () => {
  test.each([
    [0, '0/3', true],
    [3, '0/3', true],
    [4, '0/3', false],
    [4, '1/3', true],
    [5, '2/3', true],
  ])('article %i in shard %s: %s', (k, spec, expected) => {
    expect(inShard(k, parseShard(spec))).toBe(expected);
  });
  test('every ordinal is in exactly one shard', () => {
    for (let k = 0; k < 50; k++) {
      expect([0, 1, 2, 3].filter((i) => inShard(k, { index: i, count: 4 }))).toHaveLength(1);
    }
  });
});
