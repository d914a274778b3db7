import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createEngine, exportFiles, type ArticleAnalysis, type Rejection, type Warning } from '@parallax/core';
import { ingestWarning, reportOptions, runAnalyze, workDir } from './commands/analyze';
import { streamInputs } from './inputs';
import { runMerge } from './commands/merge';
import { UsageError } from './output';
import { inShard, parseShard } from './shard';

const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'parallax-scale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const quiet = () => undefined;

/** Every file under `dir` (recursively, marker excluded), relative path -> content. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (name === '.parallax-output') continue;
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

/** Every file of an output directory, name -> content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) if (name !== 'report') out[name] = readFileSync(join(dir, name), 'utf8');
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
  return [join(root, 'fixtures/hostile'), join(root, 'fixtures/riyadh-2025-02-18'), jsonl, multiEvent()];
}

const CITIES = ['Lisbon', 'Nairobi', 'Osaka', 'Denver', 'Krakow', 'Lima'];
const OUTLETS = ['Daily Ledger', 'Morning Post', 'Evening Star', 'City Herald'];
/** Hand-written articles about six bridge reopenings (one per city and date), four outlets each: several events. */
function multiEvent(): string {
  const path = join(tmp, 'events.jsonl');
  const lines: string[] = [];
  CITIES.forEach((city, e) => {
    OUTLETS.forEach((outlet, o) => {
      const verb = o % 2 === 0 ? 'said' : 'announced';
      const text = [
        `Officials in ${city} ${verb} on Monday that the central bridge would reopen after ${3 + e} weeks of repairs.`,
        `Mayor Elena Varga told reporters in ${city} that the work cost ${2 * e + 4} million dollars.`,
        `Engineers found cracks in the supports of the bridge last spring.`,
        o === 3 ? `Critics argued that the inspection should have happened years earlier.` : `Residents complained about long detours during the closure.`,
        `A spokesman for the transport agency ${verb} that buses would return to the route.`,
        `The ${outlet} asked the agency for its inspection reports.`,
      ].join(' ');
      lines.push(JSON.stringify({ id: `bridge-${e}-${o}`, outlet, title: `${city} bridge to reopen`, published: `2025-0${1 + e}-1${o % 3}`, text }));
    });
  });
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
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

  test('equals the in-memory engine (buildReport + exportFiles) byte for byte', async () => {
    const engine = createEngine();
    const analyses: ArticleAnalysis[] = [];
    const rejections: Rejection[] = [];
    const warnings: Warning[] = [];
    for await (const e of streamInputs(inputs)) {
      if (e.kind === 'article') analyses.push(engine.analyzeArticle(e.article));
      else if (e.kind === 'rejection') rejections.push(e.rejection);
      else warnings.push(ingestWarning(e.warning));
    }
    const report = engine.buildReport(analyses, rejections, { options: reportOptions({}), warnings });
    expect(report.events.filter((e) => e.article_ids.length > 1).length).toBeGreaterThan(3);
    const files = Object.fromEntries(exportFiles(report).map((f) => [f.name, f.content]));
    expect(Object.keys(single).filter((k) => k !== '.parallax-output')).toEqual(Object.keys(files).sort());
    for (const name of Object.keys(files)) expect(single[name], name).toEqual(files[name]);
  });

  test('--report-format jsonl writes report/ parts holding exactly report.json\'s arrays', async () => {
    const out = join(tmp, 'jsonl');
    await runAnalyze(inputs, { out, quiet: true, workers: 2, spawnAfter: 0, reportFormat: 'jsonl' }, quiet);
    const report = JSON.parse(single['report.json'] as string) as Record<string, unknown>;
    const index = JSON.parse(readFileSync(join(out, 'report/index.json'), 'utf8')) as { parts: Record<string, { file: string }> } & Record<string, unknown>;
    for (const k of ['schemaVersion', 'tool', 'options', 'lexicons']) expect(index[k]).toEqual(report[k]);
    expect(Object.keys(index.parts)).toEqual(Object.keys(report).filter((k) => Array.isArray(report[k]) && k !== 'lexicons'));
    for (const [k, part] of Object.entries(index.parts)) {
      const lines = readFileSync(join(out, 'report', part.file), 'utf8').split('\n').filter((l) => l !== '');
      expect(lines.map((l) => JSON.parse(l) as unknown), k).toEqual(report[k]);
    }
    const rest = snapshot(out);
    for (const name of Object.keys(single)) if (name !== 'report.json') expect(rest[name], name).toEqual(single[name]);
  });

  test('--resume after a crash (torn last lines) equals the uninterrupted run', async () => {
    const out = join(tmp, 'resumed');
    await expect(runAnalyze(inputs, { out, quiet: true, workers: 1, failAfter: 7 }, quiet)).rejects.toThrow(/stopped after 7/);
    const work = workDir(out);
    expect(readFileSync(join(work, 'summaries.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(7);
    // A kill mid-write leaves torn lines.
    appendFileSync(join(work, 'analyses.jsonl'), '{"ordinal":99,"analysis":{"arti');
    appendFileSync(join(work, 'summaries.jsonl'), '{"ordinal":9');
    await runAnalyze(inputs, { out, quiet: true, workers: 2, spawnAfter: 0, resume: true }, quiet);
    expect(snapshot(out)).toEqual(single);
    expect(existsSync(work)).toBe(false);
  });

  test('--resume refuses a spill of other inputs', async () => {
    const out = join(tmp, 'resumed-other');
    await expect(runAnalyze(inputs, { out, quiet: true, workers: 1, failAfter: 3 }, quiet)).rejects.toThrow(/stopped after 3/);
    await expect(runAnalyze(inputs.slice(1), { out, quiet: true, workers: 1, resume: true }, quiet)).rejects.toBeInstanceOf(UsageError);
  });

  test('time windows: `merge --part i/n` jobs concatenate, file by file, to the single windowed run', async () => {
    const whole = join(tmp, 'win-single');
    await runAnalyze(inputs, { out: whole, quiet: true, workers: 1, windowDays: 30, reportFormat: 'jsonl' }, quiet);
    const expected = tree(whole);
    const events = expected['report/events.jsonl']!.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { date: string | null });
    const months = new Set(events.map((e) => e.date?.slice(0, 7) ?? 'undated'));
    expect(months.size).toBeGreaterThan(4); // several windows, undated ones included
    const dirs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const out = join(tmp, `win-shard-${i}`);
      await runAnalyze(inputs, { out, quiet: true, workers: 1, shard: `${i}/2` }, quiet);
      dirs.push(out);
    }
    const n = 3;
    const parts: Record<string, string>[] = [];
    for (let i = 0; i < n; i++) {
      const out = join(tmp, `win-part-${i}`);
      await runMerge(dirs, { out, quiet: true, workers: i === 1 ? 2 : 1, windowDays: 30, part: `${i}/${n}` }, quiet);
      parts.push(tree(out));
    }
    expect(parts.filter((p) => (p['articles.csv'] ?? '').length > 0).length).toBeGreaterThan(1); // the work is really split
    const joined: Record<string, string> = {};
    for (const name of Object.keys(expected)) joined[name] = parts.map((p) => p[name] ?? '').join('');
    expect(joined).toEqual(expected);
    await expect(runMerge(dirs, { out: join(tmp, 'win-bad'), quiet: true, part: '0/2' }, quiet)).rejects.toBeInstanceOf(UsageError);
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
