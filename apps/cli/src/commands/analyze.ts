/**
 * `parallax analyze <paths...> --out DIR`: read every input (files, directories,
 * JSONL/CSV records, streamed), analyse the articles on a worker pool, write the
 * output contract atomically.
 *
 * With `--shard i/n`, analyse only the articles with ordinal ≡ i (mod n) and write
 * a shard directory (see shard.ts) for `parallax merge`.
 *
 * Every path hands buildReport the same data in the same order (input order by
 * ordinal; analyses as parsed from their JSON text), so the output is byte-identical
 * for any --workers and for shard + merge.
 */
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createEngine, TOOL_VERSION, type Rejection, type Warning } from '@parallax/core';
import type { IngestWarning } from '@parallax/ingest';
import type { Command } from 'commander';
import { streamInputs } from '../inputs';
import { checkOutDir, NothingAnalysedError, openOutDir, UsageError } from '../output';
import { analyzeInOrder, createAnalyzer } from '../pool';
import { createPhases, createProgress, type Phases } from '../progress';
import { JSON_REPORT_MAX_ARTICLES, runCorpus, type ReportFormat } from '../corpus-run';
import { inShard, parseShard, recoverSpill, ShardWriter, SHARD_FILES, type SpillState } from '../shard';

export interface AnalyzeOptions {
  out: string;
  force?: boolean;
  quiet?: boolean;
  language?: string;
  maxBytes?: number;
  /** Threads for the per-article stages (default: number of cores; 1 = no worker threads). */
  workers?: number;
  /** "i/n": analyse only slice i of n and write a shard directory. */
  shard?: string;
  /** Group events within fixed windows of this many days (0 = off). */
  windowDays?: number;
  /** Continue a stopped run from its spill directory (same inputs and options). */
  resume?: boolean;
  /** Tests: throw after this many articles were written to the spill (a crash mid-run). Not a CLI flag. */
  failAfter?: number;
  /** Write the per-phase times (JSON) to this file; never part of the output. */
  timings?: string;
  /** Also write the tidy tables as Parquet. */
  parquet?: boolean;
  /** report.json (json), the report/ directory of JSONL parts (jsonl), or json up to JSON_REPORT_MAX_ARTICLES articles (auto). */
  reportFormat?: ReportFormat;
  /** Articles analysed in the main thread before worker threads start (default SPAWN_AFTER; tests use 0). Not a CLI flag. */
  spawnAfter?: number;
}

export interface AnalyzeSummary {
  inputs: number;
  analysed: number;
  rejected: number;
  duplicate: number;
}

/** The report's `options`: what affects the result, never workers, shards or paths. */
export function reportOptions(opts: { language?: string; maxBytes?: number; windowDays?: number }): Record<string, unknown> {
  return { language: opts.language ?? 'auto', maxBytes: opts.maxBytes ?? null, ...(opts.windowDays ? { windowDays: opts.windowDays } : {}) };
}

/** `--window-days N`: a whole number of days, 0 (no windows) up to 3660. */
export function parseWindowDays(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 3660) throw new UsageError(`--window-days must be a whole number of days from 0 to 3660, got "${v}"`);
  return n;
}

export function ingestWarning(w: IngestWarning): Warning {
  return { article_id: null, code: 'ingest', message: `${w.path}${w.line ? `:${w.line}` : ''}: ${w.message}` };
}

/** `--language`: "auto" or an ISO 639 code, lower-cased; anything else is a usage error (not a silent "non-English"). */
export function parseLanguage(v: string): string {
  try {
    return createEngine({ language: v }).options.language;
  } catch (err) {
    throw new UsageError(`--language: ${err instanceof Error ? err.message.replace('Engine option `language`', 'it') : String(err)}`);
  }
}

export function parseWorkers(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--workers must be an integer from 1 to 256, got "${v}"`);
  return n;
}

/** Log the one-line summary of a finished run (shared by analyze and merge). */
export function logSummary(summary: AnalyzeSummary, out: string, log: (line: string) => void, phases: Phases, timings?: string): void {
  if (timings) writeFileSync(timings, JSON.stringify(phases.times, null, 2) + '\n');
  log(
    `analysed ${summary.analysed} articles, rejected ${summary.rejected}, duplicate ${summary.duplicate} (of ${summary.inputs} inputs)` +
      (summary.rejected + summary.duplicate > 0 ? `: see ${out}/rejected.csv` : '') +
      ` — wrote ${out}/ (report${summary.analysed > JSON_REPORT_MAX_ARTICLES ? '/' : '.json'}, articles.csv, sentences.csv, …)`,
  );
  log(phases.summary());
}

export async function runAnalyze(paths: string[], opts: AnalyzeOptions, log: (line: string) => void): Promise<AnalyzeSummary> {
  if (paths.length === 0) throw new UsageError('no input paths given; usage: parallax analyze <paths...> --out DIR');
  checkOutDir(opts.out, opts.force ?? false, paths);
  const shard = opts.shard === undefined ? null : parseShard(opts.shard);
  const workers = opts.workers ?? availableParallelism();
  const engineOptions = { language: opts.language ?? 'auto' };
  createEngine(engineOptions); // misuse (a bad option) fails here, before any thread starts
  const options = reportOptions(opts);
  const phases = createPhases(!opts.quiet);
  const progress = await createProgress(paths, !opts.quiet, shard ? `shard ${shard.index}/${shard.count}` : 'analysing');
  // Without --shard the per-article phase writes a spill directory in the shard format
  // (one shard 0/1) beside --out; the corpus phase reads it back per event and per
  // article. A run that stops keeps it: --resume continues after its last complete line.
  const work = workDir(opts.out);
  const run = { tool_version: TOOL_VERSION, options, inputs: paths };
  let resumed: SpillState | null = null;
  if (!shard) {
    if (opts.resume && existsSync(join(work, RUN_FILE))) {
      const before = readFileSync(join(work, RUN_FILE), 'utf8');
      if (before !== JSON.stringify(run)) throw new UsageError(`--resume: ${work} belongs to a run with other inputs, options or tool version (${before.slice(0, 200)}); run without --resume to start again`);
      resumed = recoverSpill(work);
      log(`resuming: ${resumed.articles} articles already analysed in ${work}`);
    } else {
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      writeFileSync(join(work, RUN_FILE), JSON.stringify(run));
    }
  }
  const doneUpTo = resumed?.lastOrdinal ?? -1;
  const analyzer = createAnalyzer(engineOptions, workers, opts.spawnAfter);
  const events = streamInputs(paths, opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes });
  const ordered = analyzeInOrder(events, analyzer, workers, (e) => inShard(e.articleOrdinal, shard) && e.ordinal > doneUpTo);
  let articles = 0;
  const tick = (path: string, bytes: number) => progress.tick(path, articles, bytes);
  try {
    if (shard) {
      const dir = openOutDir(opts.out);
      try {
        const writer = new ShardWriter(dir.file, shard);
        let rejected = 0;
        for await (const e of ordered) {
          if (e.kind === 'article') {
            if (e.json !== null) {
              articles++;
              await writer.analysis(e.ordinal, e.json);
            }
            tick(e.article.source.path, e.article.text.length);
          } else if (e.kind === 'rejection') {
            rejected++;
            await writer.record({ ordinal: e.ordinal, kind: 'rejection', rejection: e.rejection });
            tick(e.rejection.path, 0);
          } else {
            await writer.record({ ordinal: e.ordinal, kind: 'warning', warning: e.warning });
          }
        }
        await writer.finish(options, paths);
        dir.commit(TOOL_VERSION);
        progress.stop();
        const summary = { inputs: articles + (shard.index === 0 ? rejected : 0), analysed: articles, rejected: shard.index === 0 ? rejected : 0, duplicate: 0 };
        log(
          `shard ${shard.index}/${shard.count}: analysed ${articles} articles` +
            (shard.index === 0 ? `, ${rejected} inputs rejected` : '') +
            ` — wrote ${opts.out}/ (${Object.values(SHARD_FILES).join(', ')}); combine all ${shard.count} shards with \`parallax merge\``,
        );
        return summary;
      } catch (err) {
        dir.abort();
        throw err;
      }
    }

    const rejections: Rejection[] = [];
    const warnings: Warning[] = [];
    const t0 = performance.now();
    const writer = new ShardWriter((name) => join(work, name), { index: 0, count: 1 }, resumed ?? undefined);
    try {
      for await (const e of ordered) {
        if (e.kind === 'article') {
          if (e.json !== null) {
            await writer.analysis(e.ordinal, e.json);
            if (opts.failAfter !== undefined && writer.written >= opts.failAfter) throw new Error(`stopped after ${opts.failAfter} articles (test)`);
          }
          articles++;
          tick(e.article.source.path, e.article.text.length);
        } else if (e.kind === 'rejection') {
          rejections.push(e.rejection);
          tick(e.rejection.path, 0);
        } else {
          warnings.push(ingestWarning(e.warning));
        }
      }
      await writer.finish(options, paths);
    } catch (err) {
      await writer.close();
      if (!opts.quiet) process.stderr.write(`parallax: the run stopped; what it analysed is kept in ${work}: run the same command with --resume to continue\n`);
      throw err;
    }
    progress.stop();
    phases.record('analysing', performance.now() - t0, articles);
    const summary = await runCorpus([work], rejections, warnings, options, opts.out, {
      workers,
      phases,
      windowDays: opts.windowDays ?? 0,
      parquet: opts.parquet ?? false,
      threads: analyzer.threads,
      ...(opts.reportFormat ? { reportFormat: opts.reportFormat } : {}),
    });
    rmSync(work, { recursive: true, force: true });
    logSummary(summary, opts.out, log, phases, opts.timings);
    return summary;
  } finally {
    progress.stop();
    await analyzer.close();
  }
}

const RUN_FILE = 'run.json';

/** Where `analyze` keeps its spill while it runs: a hidden sibling of --out. */
export function workDir(out: string): string {
  const dir = resolve(out);
  return join(dirname(dir), `.${basename(dir)}.parallax-work`);
}

export function parseReportFormat(v: string): ReportFormat {
  if (v !== 'auto' && v !== 'json' && v !== 'jsonl') throw new UsageError(`--report-format must be auto, json or jsonl, got "${v}"`);
  return v;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse articles (files, directories, .jsonl/.csv corpora) and write the report and CSV exports')
    .argument('<paths...>', 'input files or directories (.txt, .md, .html, .jsonl, .csv)')
    .requiredOption('-o, --out <dir>', 'output directory (created; written atomically)')
    .option('-f, --force', 'replace --out even if it is a non-empty directory Parallax did not write')
    .option('-q, --quiet', 'no progress bar, no summary line')
    .option('--language <code>', 'language of every article: "auto" detects, or an ISO 639 code such as en', parseLanguage, 'auto')
    .option('--max-bytes <n>', 'reject input files larger than this many bytes (JSONL/CSV corpora are streamed and not limited)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-bytes must be a positive integer, got "${v}"`);
      return n;
    })
    .option('-w, --workers <n>', 'threads for the per-article stages (default: number of cores; 1 = no worker threads)', parseWorkers)
    .option('--report-format <f>', `report.json (json), a report/ directory of JSONL parts (jsonl), or json up to ${JSON_REPORT_MAX_ARTICLES} articles (auto)`, parseReportFormat, 'auto')
    .option('--window-days <n>', 'group events within fixed windows of n days (days since 1970-01-01 / n; undated articles form one window of their own); lets `merge --part` split the corpus phase', parseWindowDays)
    .option('--resume', 'continue a run that stopped (killed, crashed) from what it already analysed; the result equals an uninterrupted run')
    .option('--parquet', 'also write every CSV table as <table>.parquet (Apache Parquet, same columns; numbers as DOUBLE)')
    .option('--timings <file>', 'write the time of each phase (JSON) to this file (not part of the report)')
    .option('--shard <i/n>', 'analyse only slice i of n (0-based; article ordinal mod n) and write a shard directory for `parallax merge`')
    .action(async (paths: string[], opts: AnalyzeOptions) => {
      const summary = await runAnalyze(paths, opts, (l) => {
        if (!opts.quiet) process.stderr.write(l + '\n');
      });
      if (summary.analysed === 0 && opts.shard === undefined) {
        throw new NothingAnalysedError(`nothing could be analysed (${summary.inputs} inputs); see ${opts.out}/rejected.csv`);
      }
    });
}
