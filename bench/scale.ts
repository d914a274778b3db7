/**
 * `pnpm bench:scale [--sizes 1000,10000] [--workers 2] [--compare-workers] [--keep DIR]`
 *
 * End-to-end scale benchmark of `parallax analyze` on real-length synthetic
 * corpora built at run time from ../shared/dev-data/allsides_events/articles.jsonl
 * (3,033 real news articles, ~5,000 characters each; never copied into the repo):
 * copy c of the set gets new ids (`<id>-r<c>`), dates shifted by c × 61 days (more
 * than any grouping window, so copies never join one event) and a closing line
 * "Edition c." (so they are not duplicates). Undated originals stay undated in copy
 * 0 only; later copies get a date (otherwise 30 near-identical undated copies of one
 * story would form one event, which real corpora do not have).
 *
 * Each size runs `parallax analyze corpus.jsonl --out … --quiet --timings …` as a
 * child process under /usr/bin/time (peak RSS and CPU time of the whole process, worker
 * threads included) and prints time, peak RSS, output sizes and per-phase times as JSON.
 * With --compare-workers the first size also runs with --workers 1 and the ratio
 * `cli_2workers_vs_1worker` (whole run) is printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createEngine } from '@parallax/core';

const root = resolve(import.meta.dirname, '..');
const source = resolve(process.env.PARALLAX_DEV_DATA ?? resolve(root, '../shared/dev-data'), 'allsides_events/articles.jsonl');

interface Row {
  id: string;
  outlet: string;
  title: string;
  published: string | null;
  url: string | null;
  text: string;
}

function shiftDate(iso: string, days: number): string {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** FNV-1a, for a deterministic date of an undated article's later copies. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Source articles on which `analyzeArticle` throws are left out (a per-article crash
 * stops the whole run until failure isolation lands: issue 17); the count is printed.
 */
function usable(rows: Row[]): Row[] {
  // The check costs one analysis per source article: its result is cached in the temp dir, keyed by the source's size.
  const cache = join(tmpdir(), `parallax-scale-usable-${statSync(source).size}.json`);
  if (existsSync(cache)) {
    const bad = new Set(JSON.parse(readFileSync(cache, 'utf8')) as string[]);
    if (bad.size > 0) process.stderr.write(`left out ${bad.size} of ${rows.length} source articles on which analyzeArticle throws (issue 17; cached in ${cache})\n`);
    return rows.filter((r) => !bad.has(r.id));
  }
  const engine = createEngine();
  const ok = rows.filter((r, i) => {
    try {
      engine.analyzeArticle({ ...r, language: null, source: { path: 'allsides', line: i + 1 } });
      return true;
    } catch {
      return false;
    }
  });
  const okIds = new Set(ok.map((r) => r.id));
  writeFileSync(cache, JSON.stringify(rows.filter((r) => !okIds.has(r.id)).map((r) => r.id)));
  if (ok.length < rows.length) process.stderr.write(`left out ${rows.length - ok.length} of ${rows.length} source articles on which analyzeArticle throws (issue 17)\n`);
  return ok;
}

let cachedRows: Row[] | null = null;

async function readSource(): Promise<Row[]> {
  if (cachedRows) return cachedRows;
  const rows: Row[] = [];
  const rl = createInterface({ input: createReadStream(source, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as Row;
    rows.push({ id: d.id, outlet: d.outlet, title: d.title, published: d.published || null, url: d.url ?? null, text: d.text });
  }
  cachedRows = usable(rows);
  return cachedRows;
}

export async function buildCorpus(n: number, path: string): Promise<{ articles: number; bytes: number }> {
  const rows = await readSource();
  const out: WriteStream = createWriteStream(path);
  let written = 0;
  for (let c = 0; written < n; c++) {
    for (const r of rows) {
      if (written >= n) break;
      const published = r.published ? shiftDate(r.published, c * 61) : c === 0 ? null : shiftDate('2016-05-27', c * 61 + (hash(r.id) % 1500));
      const line = JSON.stringify({ id: `${r.id}-r${c}`, outlet: r.outlet, title: r.title, published, url: r.url ? `${r.url}#r${c}` : null, text: `${r.text}\n\nEdition ${c}.` });
      if (!out.write(line + '\n')) await new Promise<void>((res) => out.once('drain', () => res()));
      written++;
    }
  }
  await new Promise((res) => out.end(res));
  return { articles: written, bytes: statSync(path).size };
}

function dirSizes(dir: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p, `${prefix}${name}/`);
      else sizes[`${prefix}${name}`] = s.size;
    }
  };
  walk(dir, '');
  return sizes;
}

export interface ScaleRun {
  articles: number;
  workers: number;
  seconds: number;
  /** User + system CPU time of the whole process (all threads): what the run costs whatever the load. */
  cpu_seconds: number;
  peak_rss_mb: number;
  output_mb: number;
  phases_s: Record<string, number>;
  largest_files_mb: Record<string, number>;
  /** /proc/loadavg (1, 5, 15 min) when the run started and ended: on a shared machine, what the times mean. */
  load: [string, string];
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export function runOnce(corpus: string, out: string, workers: number, articles: number): ScaleRun {
  const timings = `${out}.timings.json`;
  const loadBefore = loadavg();
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M %U %S', 'node', '--import', 'tsx', join(root, 'apps/cli/src/main.ts'), 'analyze', corpus, '--out', out, '--quiet', '--force', '--workers', String(workers), '--timings', timings],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=6144`.trim() } },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`parallax analyze failed (exit ${r.status}): ${r.stderr.slice(-4000)}`);
  const [rssKb, user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) as [number, number, number];
  const phases = JSON.parse(readFileSync(timings, 'utf8')) as { name: string; ms: number }[];
  const sizes = dirSizes(out);
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const largest = Object.entries(sizes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => [k, Math.round(v / 1e5) / 10]);
  return {
    articles,
    workers,
    seconds: Math.round(seconds * 10) / 10,
    cpu_seconds: Math.round((user + sys) * 10) / 10,
    peak_rss_mb: Math.round(rssKb / 1024),
    output_mb: Math.round(total / 1e5) / 10,
    phases_s: Object.fromEntries(phases.map((p) => [p.name, Math.round(p.ms / 100) / 10])),
    largest_files_mb: Object.fromEntries(largest),
    load: [loadBefore, loadavg()],
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '1000,3000').split(',').map(Number);
  const workers = Number(arg('--workers') ?? 2);
  const keep = arg('--keep');
  const base = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'parallax-scale-bench-'));
  mkdirSync(base, { recursive: true });
  const results: ScaleRun[] = [];
  const ratios: Record<string, number | boolean> = {};
  const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim();
  try {
    for (const [k, n] of sizes.entries()) {
      const corpus = join(base, `corpus-${n}.jsonl`);
      const built = await buildCorpus(n, corpus);
      process.stderr.write(`built ${built.articles} articles (${(built.bytes / 1e6).toFixed(1)} MB); running with ${workers} workers…\n`);
      const run = runOnce(corpus, join(base, `out-${n}-w${workers}`), workers, n);
      results.push(run);
      process.stderr.write(JSON.stringify(run) + '\n');
      if (k === 0 && args.includes('--compare-workers')) {
        const one = runOnce(corpus, join(base, `out-${n}-w1`), 1, n);
        results.push(one);
        process.stderr.write(JSON.stringify(one) + '\n');
        // diff exits 1 when the outputs differ (see the note in bench/RESULTS.md on wink-nlp's tokenizer state).
        const same = spawnSync('diff', ['-rq', join(base, `out-${n}-w1`), join(base, `out-${n}-w${workers}`)]).status === 0;
        if (!keep) rmSync(join(base, `out-${n}-w1`), { recursive: true, force: true });
        process.stderr.write(`cli_2workers_vs_1worker = ${(one.seconds / run.seconds).toFixed(3)} (outputs identical: ${same})\n`);
        ratios.cli_2workers_vs_1worker = Math.round((one.seconds / run.seconds) * 1000) / 1000;
        ratios.outputs_identical_1_vs_2_workers = same;
      }
      if (!keep) rmSync(join(base, `out-${n}-w${workers}`), { recursive: true, force: true });
      if (!keep) rmSync(corpus, { force: true });
    }
  } finally {
    if (!keep) rmSync(base, { recursive: true, force: true });
  }
  const byN = new Map(results.filter((r) => r.workers === workers).map((r) => [r.articles, r]));
  const ratio = (a: number, b: number, f: (r: ScaleRun) => number) => (byN.has(a) && byN.has(b) ? Math.round((f(byN.get(a)!) / f(byN.get(b)!)) * 1000) / 1000 : null);
  console.log(
    JSON.stringify(
      {
        load_average_at_start: load,
        load_average_at_end: execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim(),
        runs: results,
        ...ratios,
        time_100k_vs_10k: ratio(100000, 10000, (r) => r.seconds),
        peak_rss_100k_vs_10k: ratio(100000, 10000, (r) => r.peak_rss_mb),
      },
      null,
      2,
    ),
  );
}

if (process.argv[1] && /scale\.ts$/.test(process.argv[1])) await main();
