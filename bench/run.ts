/**
 * Speed and scale benchmarks. Every figure is a ratio against a baseline measured
 * in the same run on the same input, never an absolute time (times are printed
 * for context only). Run from the repo root:
 *
 *   pnpm bench            # human-readable
 *   pnpm bench --json     # one JSON object (keys below)
 *   pnpm bench --write-results   # also record the run in bench/RESULTS.md
 *   pnpm bench --only per-article,grouping,cli
 *   pnpm bench --only shards      # shard + merge timings (not in the default run)
 *
 * Keys: analyze_vs_readdoc, vader_vs_analyze, grouping_100k_vs_10k,
 * grouping_100k_bcubed_f1, grouping_10k_bcubed_f1, grouping_100k_peak_rss_mb,
 * grouping_2k_bcubed_f1_engine_features, grouping_2k_bcubed_f1_text_features,
 * cli_2workers_vs_1worker, plus context (machine, sizes, times) under other keys.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import vader from 'vader-sentiment';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createEngine, type ArticleAnalysis, type ArticleInput } from '@parallax/core';
import { loadNodeEncoder } from '@parallax/encoder/node';
import { goldEvent } from './align-data';
import { cascadeKeep, CASCADE_FLOORS } from './matcher-fit';
import { parseFile } from '@parallax/ingest';
import { generateCorpus } from './synth';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;
const want = (part: string) => only === null || only.has(part);
const say = (line: string) => {
  if (!asJson) process.stdout.write(line + '\n');
  else process.stderr.write(line + '\n');
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const time = (f: () => void): number => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

const result: Record<string, unknown> = {};

// ---------------------------------------------------------------------------
// 1. Per-article analysis vs wink-nlp readDoc, and vader vs our analysis.
// ---------------------------------------------------------------------------
function fixtureArticles(): ArticleInput[] {
  const dir = join(root, 'fixtures/riyadh-2025-02-18');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .flatMap((n) => parseFile(n, readFileSync(join(dir, n))).articles);
}

function perArticle(): void {
  const articles = fixtureArticles();
  const engine = createEngine();
  const wink = winkNLP(model);
  const analyses: ArticleAnalysis[] = articles.map((a) => engine.analyzeArticle(a));
  const sentences = analyses.flatMap((a) => a.article.sentences.map((s) => a.article.text.slice(s.start, s.end)));
  const words = analyses.reduce((n, a) => n + a.article.n_words, 0);
  const passes = 4;
  const run = {
    readdoc: () => {
      for (let p = 0; p < passes; p++) for (const a of articles) wink.readDoc(a.text);
    },
    analyze: () => {
      for (let p = 0; p < passes; p++) for (const a of articles) engine.analyzeArticle(a);
    },
    vader: () => {
      for (let p = 0; p < passes; p++) for (const s of sentences) vader.SentimentIntensityAnalyzer.polarity_scores(s);
    },
  };
  // Warm up the JIT, then interleave rounds so a noisy neighbour hits all three alike.
  run.readdoc();
  run.analyze();
  run.vader();
  const t = { readdoc: [] as number[], analyze: [] as number[], vader: [] as number[] };
  for (let round = 0; round < 7; round++) {
    t.readdoc.push(time(run.readdoc));
    t.analyze.push(time(run.analyze));
    t.vader.push(time(run.vader));
  }
  const ms = { readdoc: median(t.readdoc), analyze: median(t.analyze), vader: median(t.vader) };
  result.analyze_vs_readdoc = r3(ms.analyze / ms.readdoc);
  result.vader_vs_analyze = r3(ms.vader / ms.analyze);
  result.per_article = {
    articles: articles.length,
    sentences: sentences.length,
    words,
    passes,
    rounds: 7,
    median_ms_per_pass: { readdoc: r3(ms.readdoc / passes), analyze: r3(ms.analyze / passes), vader: r3(ms.vader / passes) },
  };
  say(`per-article (${articles.length} fixture articles, ${sentences.length} sentences, ${words} words; median of 7 rounds x ${passes} passes)`);
  say(`  analyze_vs_readdoc = ${result.analyze_vs_readdoc}  (goal <= 3)   [analyze ${r3(ms.analyze / passes)} ms/pass, readDoc ${r3(ms.readdoc / passes)} ms/pass]`);
  say(`  vader_vs_analyze   = ${result.vader_vs_analyze}  (goal >= 1)   [vader ${r3(ms.vader / passes)} ms/pass]`);
}

// ---------------------------------------------------------------------------
// 2. Event grouping at 10k and 100k synthetic articles, each in its own process
//    (so its peak RSS is its own).
// ---------------------------------------------------------------------------
interface GroupingRun {
  articles: number;
  features: 'text' | 'engine';
  events_truth: number;
  events_found: number;
  largest_event: number;
  features_ms: number;
  grouping_ms: number;
  grouping_reps: number;
  peak_rss_mb: number;
  bcubed: { precision: number; recall: number; f1: number };
}

function groupingChild(n: number, features: 'text' | 'engine'): GroupingRun {
  const out = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'grouping.ts'), String(n), features], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const last = out.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as GroupingRun;
  } catch {
    throw new Error(`grouping child (${n}, ${features}) failed (status ${out.status}): ${out.stderr.slice(-2000)}`);
  }
}

function grouping(): void {
  const small = groupingChild(10_000, 'text');
  const large = groupingChild(100_000, 'text');
  // Calibration: the same 2k articles with features from the real engine vs from text.
  const calText = groupingChild(2_000, 'text');
  const calEngine = groupingChild(2_000, 'engine');
  result.grouping = { '10k': small, '100k': large, '2k_text': calText, '2k_engine': calEngine };
  result.grouping_100k_vs_10k = r3(large.grouping_ms / small.grouping_ms);
  result.grouping_100k_bcubed_f1 = r3(large.bcubed.f1);
  result.grouping_10k_bcubed_f1 = r3(small.bcubed.f1);
  result.grouping_100k_peak_rss_mb = Math.round(large.peak_rss_mb);
  result.grouping_2k_bcubed_f1_engine_features = r3(calEngine.bcubed.f1);
  result.grouping_2k_bcubed_f1_text_features = r3(calText.bcubed.f1);
  const pr = (g: GroupingRun) => `P ${r3(g.bcubed.precision)}, R ${r3(g.bcubed.recall)}, ${g.events_found} events found / ${g.events_truth} true, largest ${g.largest_event} articles`;
  say(`grouping (seeded synthetic corpus + the 5 Riyadh fixtures; features first, groupEvents timed alone)`);
  say(`  grouping_100k_vs_10k      = ${result.grouping_100k_vs_10k}  (goal <= 12)   [10k ${Math.round(small.grouping_ms)} ms, 100k ${Math.round(large.grouping_ms)} ms]`);
  say(`  grouping_100k_bcubed_f1   = ${result.grouping_100k_bcubed_f1}  (goal >= 0.95)   [${pr(large)}]`);
  say(`  grouping_10k_bcubed_f1    = ${result.grouping_10k_bcubed_f1}   [${pr(small)}]`);
  say(`  grouping_100k_peak_rss_mb = ${result.grouping_100k_peak_rss_mb}  (goal <= 2048)   [whole child process: generator + features + grouping]`);
  say(`  calibration on 2k articles: F1 with engine features ${result.grouping_2k_bcubed_f1_engine_features} [${pr(calEngine)}], with text features ${result.grouping_2k_bcubed_f1_text_features} [${pr(calText)}]`);
}

// ---------------------------------------------------------------------------
// 3. `parallax analyze` on a large JSONL: 2 workers vs 1.
// ---------------------------------------------------------------------------
function writeCorpus(path: string, n: number): void {
  const corpus = generateCorpus({ articles: n, seed: 7, sentences: [10, 16] });
  writeFileSync(
    path,
    corpus.map((a) => JSON.stringify({ id: a.id, outlet: a.outlet, title: a.title, published: a.published, url: a.url, language: a.language, text: a.text })).join('\n') + '\n',
  );
}

/** Run `parallax <args>` in a child process; wall time in ms. */
function parallax(args: string[]): number {
  const t = process.hrtime.bigint();
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'apps/cli/src/main.ts'), ...args, '--quiet', '--force'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * How much parallel CPU the machine has right now: two threads doing the same pure
 * arithmetic each, vs one. 2.0 = a free second core; ~1.0 = none (shared machine).
 * The CLI's 2-vs-1 worker ratio cannot exceed this.
 */
async function parallelCapacity(): Promise<number> {
  const code = `const { parentPort } = require('node:worker_threads'); let x = 0; for (let i = 0; i < 2e8; i++) x = (x + i * 7) % 1000003; parentPort.postMessage(x);`;
  const run = async (n: number) => {
    const t = process.hrtime.bigint();
    await Promise.all(Array.from({ length: n }, () => new Promise((r) => new Worker(code, { eval: true }).once('message', r))));
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const one: number[] = [];
  const two: number[] = [];
  for (let i = 0; i < 3; i++) {
    one.push(await run(1));
    two.push(await run(2));
  }
  return r3((2 * Math.min(...one)) / Math.min(...two));
}

function cli(): void {
  const n = Number(process.env.BENCH_CLI_ARTICLES ?? 1500);
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  try {
    const jsonl = join(tmp, 'corpus.jsonl');
    writeCorpus(jsonl, n);
    // --matcher lexical: this measures the worker pool; the encoder matcher's corpus stage is measured in `alignment`.
    const full = (w: number) => parallax(['analyze', jsonl, '--out', join(tmp, `out-${w}`), '--workers', String(w), '--matcher', 'lexical']);
    // The per-article phase alone: a 0/1 shard writes the analyses and skips the corpus stages.
    const perArticle = (w: number) => parallax(['analyze', jsonl, '--out', join(tmp, `shard-${w}`), '--workers', String(w), '--shard', '0/1']);
    // Alternate 1, 2, 1, 2 and keep each one's best, to damp a shared machine's noise.
    const t = { full1: [] as number[], full2: [] as number[], phase1: [] as number[], phase2: [] as number[] };
    for (let i = 0; i < 2; i++) {
      t.full1.push(full(1));
      t.full2.push(full(2));
      t.phase1.push(perArticle(1));
      t.phase2.push(perArticle(2));
    }
    const same = readFileSync(join(tmp, 'out-1/report.json'), 'utf8') === readFileSync(join(tmp, 'out-2/report.json'), 'utf8');
    const best = (xs: number[]) => Math.min(...xs);
    result.cli_2workers_vs_1worker = r3(best(t.full1) / best(t.full2));
    result.cli_per_article_phase_2workers_vs_1worker = r3(best(t.phase1) / best(t.phase2));
    result.cli = {
      articles: n,
      runs_each: 2,
      best_ms: {
        analyze_workers_1: Math.round(best(t.full1)),
        analyze_workers_2: Math.round(best(t.full2)),
        per_article_phase_workers_1: Math.round(best(t.phase1)),
        per_article_phase_workers_2: Math.round(best(t.phase2)),
      },
      report_identical: same,
    };
    say(`cli (parallax analyze on a ${n}-article synthetic JSONL; whole command incl. start-up, corpus stages and exports)`);
    say(`  cli_2workers_vs_1worker = ${result.cli_2workers_vs_1worker}  (goal >= 1.7 on 2 cores)   [1 worker ${Math.round(best(t.full1))} ms, 2 workers ${Math.round(best(t.full2))} ms; reports identical: ${same}]`);
    say(`  per-article phase only (--shard 0/1): 2 vs 1 worker = ${result.cli_per_article_phase_2workers_vs_1worker}   [${Math.round(best(t.phase1))} ms vs ${Math.round(best(t.phase2))} ms]`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Shards (opt-in: --only shards): each shard of n run one after another with one
 * worker, then merge. Wall time on n machines = slowest shard + merge.
 */
function shards(): void {
  const n = Number(process.env.BENCH_SHARD_ARTICLES ?? 1500);
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-shards-'));
  try {
    const jsonl = join(tmp, 'corpus.jsonl');
    writeCorpus(jsonl, n);
    const rows: { shards: number; shard_ms: number[]; merge_ms: number; wall_on_n_machines_ms: number; cpu_total_ms: number }[] = [];
    const reports: string[] = [];
    for (const count of [1, 2, 4, 8]) {
      const dirs: string[] = [];
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const dir = join(tmp, `s${count}-${i}`);
        times.push(parallax(['analyze', jsonl, '--out', dir, '--workers', '1', '--shard', `${i}/${count}`, '--matcher', 'lexical']));
        dirs.push(dir);
      }
      const merged = join(tmp, `merged-${count}`);
      const mergeMs = parallax(['merge', ...dirs, '--out', merged]);
      reports.push(readFileSync(join(merged, 'report.json'), 'utf8'));
      rows.push({
        shards: count,
        shard_ms: times.map(Math.round),
        merge_ms: Math.round(mergeMs),
        wall_on_n_machines_ms: Math.round(Math.max(...times) + mergeMs),
        cpu_total_ms: Math.round(times.reduce((a, b) => a + b, 0) + mergeMs),
      });
    }
    const identical = reports.every((r) => r === reports[0]);
    result.shards = { articles: n, runs: rows, merged_reports_identical: identical };
    say(`shards (${n}-article JSONL; each shard alone with 1 worker, then merge; merged reports identical: ${identical})`);
    for (const r of rows) {
      say(`  n=${r.shards}: shards ${r.shard_ms.join(' / ')} ms, merge ${r.merge_ms} ms -> wall on ${r.shards} machines ${r.wall_on_n_machines_ms} ms, total machine time ${r.cpu_total_ms} ms`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Alignment (issue 11): corpus stages vs article stages on the fixture corpus, with the
// encoder matcher (encoding included: its cache lives one run) and the lexical one;
// encoder throughput beside wink readDoc's sentences/s.
// ---------------------------------------------------------------------------
async function alignment(): Promise<void> {
  const dir = join(root, 'fixtures/riyadh-2025-02-18');
  const off = join(root, 'fixtures/off-event');
  const articles = [dir, off].flatMap((d) =>
    readdirSync(d)
      .filter((n) => n.endsWith('.md'))
      .sort()
      .flatMap((n) => parseFile(`${d === dir ? 'riyadh-2025-02-18' : 'off-event'}/${n}`, readFileSync(join(d, n))).articles),
  );
  const encoder = await loadNodeEncoder();
  const enc = createEngine({ matcher: 'encoder' }, { encoder });
  const lex = createEngine({ matcher: 'lexical' });
  const wink = winkNLP(model);
  const rounds = 3;
  const t = { article: [] as number[], corpusEncoder: [] as number[], corpusLexical: [] as number[], encode: [] as number[], readdoc: [] as number[] };
  let analyses: ArticleAnalysis[];
  let texts: string[] = [];
  let sentences = 0;
  // Warm-up round (JIT, wasm), not counted.
  for (let r = -1; r < rounds; r++) {
    let a0 = process.hrtime.bigint();
    analyses = articles.map((a) => enc.analyzeArticle(a));
    const articleMs = Number(process.hrtime.bigint() - a0) / 1e6;
    a0 = process.hrtime.bigint();
    await enc.buildReportAsync(analyses, []);
    const encMs = Number(process.hrtime.bigint() - a0) / 1e6;
    a0 = process.hrtime.bigint();
    lex.buildReport(analyses, []);
    const lexMs = Number(process.hrtime.bigint() - a0) / 1e6;
    texts = enc.alignableTexts(analyses);
    a0 = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i += 32) await encoder.encode(texts.slice(i, i + 32));
    const encodeMs = Number(process.hrtime.bigint() - a0) / 1e6;
    sentences = analyses.reduce((n, a) => n + a.article.sentences.length, 0);
    a0 = process.hrtime.bigint();
    for (const a of articles) wink.readDoc(a.text);
    const readMs = Number(process.hrtime.bigint() - a0) / 1e6;
    if (r < 0) continue;
    t.article.push(articleMs);
    t.corpusEncoder.push(encMs);
    t.corpusLexical.push(lexMs);
    t.encode.push(encodeMs);
    t.readdoc.push(readMs);
  }
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) as Record<keyof typeof t, number>;
  result.align_vs_article_stages = r3(m.corpusEncoder / m.article);
  result.align_vs_article_stages_lexical = r3(m.corpusLexical / m.article);
  result.encoder_sentences_per_s = Math.round((texts.length / m.encode) * 1000);
  result.readdoc_sentences_per_s = Math.round((sentences / m.readdoc) * 1000);
  result.alignment = {
    articles: articles.length,
    sentences,
    encoded_sentences: texts.length,
    rounds,
    median_ms: { article_stages: Math.round(m.article), corpus_stages_encoder: Math.round(m.corpusEncoder), corpus_stages_lexical: Math.round(m.corpusLexical), encode: Math.round(m.encode) },
  };
  say(`alignment (fixture corpus: ${articles.length} articles, ${sentences} sentences, ${texts.length} encoded; median of ${rounds} rounds)`);
  say(`  align_vs_article_stages = ${result.align_vs_article_stages}  (goal <= 5)   [corpus stages ${Math.round(m.corpusEncoder)} ms incl. encoding, article stages ${Math.round(m.article)} ms]`);
  say(`  lexical matcher: corpus/article = ${result.align_vs_article_stages_lexical}   [${Math.round(m.corpusLexical)} ms]`);
  say(`  encoder_sentences_per_s = ${result.encoder_sentences_per_s}   [wink readDoc: ${result.readdoc_sentences_per_s} sentences/s]`);
  // The frontier: a lexical pre-filter cascade encodes only sentences with a keyed-cosine candidate >= floor
  // (quality of each floor: pnpm quality). Ratio = (lexical corpus stages + encoding the kept sentences) / article stages.
  const riyadh = goldEvent('riyadh', 'riyadh-2025-02-18', 'riyadh-alignment.json');
  const frontier: Record<string, { encoded: number; of: number; encode_ms: number; ratio: number }> = {};
  for (const floor of CASCADE_FLOORS) {
    const kept = cascadeKeep(riyadh.items, floor).map((k) => k.text);
    const ts: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const a0 = process.hrtime.bigint();
      for (let i = 0; i < kept.length; i += 32) await encoder.encode(kept.slice(i, i + 32));
      ts.push(Number(process.hrtime.bigint() - a0) / 1e6);
    }
    const ms = median(ts);
    frontier[`key_floor_${floor}`] = { encoded: kept.length, of: riyadh.items.length, encode_ms: Math.round(ms), ratio: r3((m.corpusLexical + ms) / m.article) };
    say(`  cascade key>=${floor}: encode ${kept.length}/${riyadh.items.length} Riyadh sentences (${Math.round(ms)} ms) -> corpus/article ~ ${frontier[`key_floor_${floor}`]!.ratio}`);
  }
  result.alignment_cascade = frontier;
}

const cpu = cpus()[0];
result.machine = {
  cpu: cpu?.model ?? 'unknown',
  cores: availableParallelism(),
  memory_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  // The machine is shared: the 1-minute load average at the start says how busy it was.
  load_average_1m_at_start: Math.round(loadavg()[0]! * 100) / 100,
};
say(`machine: ${cpu?.model ?? '?'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)}`);
if (want('per-article')) perArticle();
if (want('alignment')) await alignment();
if (want('grouping')) grouping();
if (want('cli')) {
  const before = await parallelCapacity();
  cli();
  const after = await parallelCapacity();
  result.parallel_capacity_2_threads = { before_cli: before, after_cli: after };
  say(`  parallel capacity of the machine (2 spinning threads vs 1; 2.0 = a free second core): ${before} before, ${after} after`);
}
if (only?.has('shards')) shards();
if (asJson) process.stdout.write(JSON.stringify(result) + '\n');
if (args.includes('--write-results')) {
  // Hand-written notes below the marker survive a rewrite.
  const path = join(here, 'RESULTS.md');
  const MARK = '<!-- notes: kept when the figures above are rewritten -->';
  let notes = `${MARK}\n`;
  try {
    const old = readFileSync(path, 'utf8');
    if (old.includes(MARK)) notes = old.slice(old.indexOf(MARK));
  } catch {
    // first run
  }
  writeFileSync(path, resultsMarkdown(result) + '\n' + notes);
  say('wrote bench/RESULTS.md');
}

/** bench/RESULTS.md: the latest run's figures, goals and machine (the JSON is included verbatim). */
function resultsMarkdown(r: Record<string, unknown>): string {
  const goals: [string, string][] = [
    ['analyze_vs_readdoc', '<= 3'],
    ['vader_vs_analyze', '>= 1'],
    ['grouping_100k_vs_10k', '<= 12'],
    ['grouping_100k_bcubed_f1', '>= 0.95'],
    ['grouping_100k_peak_rss_mb', '<= 2048'],
    ['cli_2workers_vs_1worker', '>= 1.7 on 2 cores'],
    ['grouping_10k_bcubed_f1', '(context)'],
    ['grouping_2k_bcubed_f1_engine_features', '(context)'],
    ['grouping_2k_bcubed_f1_text_features', '(context)'],
    ['cli_per_article_phase_2workers_vs_1worker', '(context)'],
    ['parallel_capacity_2_threads', '(context: upper bound for the cli ratios right now)'],
  ];
  const m = r.machine as Record<string, unknown>;
  const rows = goals.filter(([k]) => k in r).map(([k, g]) => `| \`${k}\` | ${typeof r[k] === 'object' ? JSON.stringify(r[k]) : String(r[k])} | ${g} |`);
  return [
    '# Benchmark results (latest run)',
    '',
    'Written by `pnpm bench --json --write-results`. Every figure is a ratio against a',
    'baseline measured in the same run (or an accuracy / memory figure); times are context.',
    '',
    `Machine: ${String(m.cpu)}, ${String(m.cores)} cores, ${String(m.memory_gb)} GB, Node ${String(m.node)}, ${String(m.platform)}; 1-minute load average at the start ${String(m.load_average_1m_at_start)} (shared machine).`,
    '',
    '| key | value | goal |',
    '|---|---|---|',
    ...rows,
    '',
    'Full output:',
    '',
    '```json',
    JSON.stringify(r, null, 2),
    '```',
    '',
  ].join('\n');
}
