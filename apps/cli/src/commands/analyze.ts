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
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  createEngine,
  exportFileChunks,
  TOOL_VERSION,
  type AnalysisReport,
  type ArticleAnalysis,
  type Rejection,
  type Warning,
} from '@parallax/core';
import { DATE_FORMATS, type DateFormat, type IngestWarning } from '@parallax/ingest';
import type { Command } from 'commander';
import { streamInputs } from '../inputs';
import { checkOutDir, NothingAnalysedError, openOutDir, UsageError, writeOutDir } from '../output';
import { analyzeInOrder, createAnalyzer } from '../pool';
import { createPhases, createProgress, type Phases } from '../progress';
import { JSON_REPORT_MAX_ARTICLES, runCorpus, type ReportFormat } from '../corpus-run';
import { inShard, parseShard, readAnalyses, recoverSpill, ShardWriter, SHARD_FILES, type SpillState } from '../shard';
import { loadNodeEncoder } from '@parallax/encoder/node';
import { lazyEncoder, memoEncoder, type LoadedEncoder } from '@parallax/encoder';
import { checkInputsExist, consoleSummary } from '../summary';

export interface AnalyzeOptions {
  out: string;
  force?: boolean;
  quiet?: boolean;
  language?: string;
  maxBytes?: number;
  /** Day/month order of numeric dates (ingest's dateFormat); default auto. */
  dateFormat?: DateFormat;
  /** Claim matcher: 'lexical' (default; keyed idf cosine) or 'encoder' (sentence encoder + learned matcher). */
  matcher?: 'encoder' | 'lexical';
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
  /** `--lexicon FILE`: a study lexicon of sides (parsed JSON), validated by the engine. */
  lexicon?: unknown;
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
export function reportOptions(opts: { language?: string; maxBytes?: number; dateFormat?: DateFormat; matcher?: string; lexicon?: unknown; windowDays?: number }): Record<string, unknown> {
  // The study lexicon travels with the options (shards carry it to `merge`); the report shows only its id, version and hash.
  return {
    language: opts.language ?? 'auto',
    maxBytes: opts.maxBytes ?? null,
    dateFormat: opts.dateFormat ?? 'auto',
    matcher: opts.matcher ?? 'lexical',
    ...(opts.windowDays ? { windowDays: opts.windowDays } : {}),
    ...(opts.lexicon === undefined ? {} : { [STUDY_LEXICON]: opts.lexicon }),
  };
}

/** `--date-format`: one of auto, dmy, mdy, ymd (lower-cased); anything else is a usage error. */
export function parseDateFormat(v: string): DateFormat {
  const f = v.trim().toLowerCase();
  if (!(DATE_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--date-format must be one of ${DATE_FORMATS.join(', ')}, got "${v}"`);
  return f as DateFormat;
}

/** Key of the raw study lexicon inside the options handed to writeReport (never written to the report). */
const STUDY_LEXICON = 'studyLexicon';

/** `--lexicon FILE`: read and parse the JSON; validated (like the built-in lexicons) when the engine is created. */
export function parseLexiconFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--lexicon: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--lexicon: ${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    createEngine({ sides: raw });
  } catch (err) {
    throw new UsageError(`--lexicon: ${file}: ${err instanceof Error ? err.message : String(err)} (see docs/examples/riyadh-sides.json for the format)`);
  }
  return raw;
}

/** `--matcher`: encoder | lexical. */
export function parseMatcher(v: string): 'encoder' | 'lexical' {
  if (v !== 'encoder' && v !== 'lexical') throw new UsageError(`--matcher must be "encoder" or "lexical", got "${v}"`);
  return v;
}

/** `--window-days N`: a whole number of days, 0 (no windows) up to 3660. */
export function parseWindowDays(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 3660) throw new UsageError(`--window-days must be a whole number of days from 0 to 3660, got "${v}"`);
  return n;
}

export function ingestWarning(w: IngestWarning): Warning {
  return { article_id: null, code: 'ingest', message: `${w.path}${w.line ? `:${w.line}` : ''}: ${w.message}`, source: 'input', severity: 'warning', place: null };
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

let memo: Promise<LoadedEncoder> | null = null;
/** The process's encoder: loaded once, with a by-text memo (a batch never exceeds ENCODE_BATCH texts). */
function cliEncoder(): Promise<LoadedEncoder> {
  memo ??= loadNodeEncoder().then((e) => memoEncoder(e));
  return memo;
}

/** Build, write and summarise the report (shared by analyze and merge). */
export async function writeReport(
  analyses: readonly ArticleAnalysis[],
  rejections: readonly Rejection[],
  warnings: readonly Warning[],
  options: Record<string, unknown>,
  out: string,
  log: (line: string) => void,
  showProgress = false,
): Promise<AnalyzeSummary> {
  // Shards made before --matcher existed recorded no matcher: they were aligned lexically.
  const { [STUDY_LEXICON]: sides, ...shown } = options;
  const matcher = shown.matcher === 'encoder' ? 'encoder' : 'lexical';
  // Loaded on first use: a corpus with no event of two articles never loads the weights.
  const encoder = matcher === 'encoder' ? lazyEncoder(cliEncoder) : undefined;
  const engine = createEngine({ language: typeof options.language === 'string' ? options.language : 'auto', sides: sides ?? null, matcher }, encoder ? { encoder } : {});
  let lastShown = -1;
  const onEncodeProgress = (done: number, total: number) => {
    if (!showProgress) return;
    const pct = Math.floor((done / total) * 100);
    if (pct === lastShown && done !== total) return;
    lastShown = pct;
    process.stderr.write(`\rencoding ${total} sentences for alignment (${encoder?.id}): ${pct}%${done === total ? '\n' : ''}`);
  };
  const report: AnalysisReport = await engine.buildReportAsync(analyses, rejections, { options: shown, warnings, onEncodeProgress });
  writeOutDir(out, exportFileChunks(report), TOOL_VERSION);
  const count = (s: string) => report.inputs.filter((i) => i.status === s).length;
  const summary = { inputs: report.inputs.length, analysed: count('analysed'), rejected: count('rejected'), duplicate: count('duplicate') };
  logLines(summary, out, log);
  for (const line of consoleSummary(report)) log(line);
  return summary;
}

/**
 * The in-memory corpus phase (engine.buildReportAsync over every analysis), for what the
 * streamed per-event path does not do: the `encoder` matcher (one encoding of every
 * alignable sentence) and a study lexicon (`--lexicon`).
 */
export function needsInMemory(options: Record<string, unknown>): boolean {
  return options.matcher === 'encoder' || options[STUDY_LEXICON] !== undefined;
}

/** writeReport over the analyses of spill / shard directories (in directory order). */
export async function writeReportFromDirs(
  dirs: readonly string[],
  rejections: readonly Rejection[],
  warnings: readonly Warning[],
  options: Record<string, unknown>,
  out: string,
  log: (line: string) => void,
  showProgress = false,
): Promise<AnalyzeSummary> {
  const analyses: ArticleAnalysis[] = [];
  for (const dir of dirs) for await (const { analysis } of readAnalyses(dir)) analyses.push(analysis);
  if (analyses.length === 0) throw new NothingAnalysedError();
  return writeReport(analyses, rejections, warnings, options, out, log, showProgress);
}

/** Log the one-line summary of a finished run (shared by analyze and merge). */
export function logSummary(summary: AnalyzeSummary, out: string, log: (line: string) => void, phases: Phases, timings?: string, extra: readonly string[] = []): void {
  if (timings) writeFileSync(timings, JSON.stringify(phases.times, null, 2) + '\n');
  logLines(summary, out, log);
  for (const line of extra) log(line);
  log(phases.summary());
}

function logLines(summary: AnalyzeSummary, out: string, log: (line: string) => void): void {
  log(
    `analysed ${summary.analysed} articles, rejected ${summary.rejected}, duplicate ${summary.duplicate} (of ${summary.inputs} inputs)` +
      (summary.rejected + summary.duplicate > 0 ? `: see ${out}/rejected.csv` : '') +
      ` — wrote ${out}/ (report${summary.analysed > JSON_REPORT_MAX_ARTICLES ? '/' : '.json'}, articles.csv, sentences.csv, …)`,
  );
}

export async function runAnalyze(paths: string[], opts: AnalyzeOptions, log: (line: string) => void): Promise<AnalyzeSummary> {
  if (paths.length === 0) throw new UsageError('no input paths given; usage: parallax analyze <paths...> --out DIR');
  checkInputsExist(paths);
  checkOutDir(opts.out, opts.force ?? false, paths);
  const shard = opts.shard === undefined ? null : parseShard(opts.shard);
  const workers = opts.workers ?? availableParallelism();
  // The per-article stages depend on neither the matcher nor the sides (applied in the corpus stage `sides`): workers get the language only.
  const engineOptions = { language: opts.language ?? 'auto' };
  createEngine({ ...engineOptions, matcher: 'lexical' }); // misuse (a bad option) fails here, before any thread starts
  if (opts.matcher !== undefined) parseMatcher(opts.matcher);
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
  const events = streamInputs(paths, { ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }), dateFormat: opts.dateFormat ?? 'auto' });
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
    if (needsInMemory(options)) {
      // The encoder matcher and a study lexicon run the in-memory corpus phase (see needsInMemory).
      if (!opts.quiet && process.stderr.isTTY) process.stderr.write(`building the report (events, alignment, exports) for ${articles} articles…\n`);
      const summary = await writeReportFromDirs([work], rejections, warnings, options, opts.out, log, !opts.quiet && process.stderr.isTTY);
      rmSync(work, { recursive: true, force: true });
      return summary;
    }
    const summary = await runCorpus([work], rejections, warnings, options, opts.out, {
      workers,
      phases,
      windowDays: opts.windowDays ?? 0,
      parquet: opts.parquet ?? false,
      threads: analyzer.threads,
      ...(opts.reportFormat ? { reportFormat: opts.reportFormat } : {}),
    });
    rmSync(work, { recursive: true, force: true });
    logSummary(summary, opts.out, log, phases, opts.timings, consoleSummary(summary.console));
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
    .option('--date-format <order>', `day/month order of numeric dates such as 03/04/2025: ${DATE_FORMATS.join(', ')} (auto reads 18/02/2025 and 02/18/2025, and warns on ambiguous ones)`, parseDateFormat, 'auto')
    .option('--matcher <name>', 'claim matcher: "lexical" (keyed word overlap; measured better on our golds, ~50x faster) or "encoder" (sentence encoder + learned matcher)', parseMatcher, 'lexical')
    .option('-w, --workers <n>', 'threads for the per-article stages (default: number of cores; 1 = no worker threads)', parseWorkers)
    .option('--report-format <f>', `report.json (json), a report/ directory of JSONL parts (jsonl), or json up to ${JSON_REPORT_MAX_ARTICLES} articles (auto)`, parseReportFormat, 'auto')
    .option('--window-days <n>', 'group events within fixed windows of n days (days since 1970-01-01 / n; undated articles form one window of their own); lets `merge --part` split the corpus phase', parseWindowDays)
    .option('--resume', 'continue a run that stopped (killed, crashed) from what it already analysed; the result equals an uninterrupted run')
    .option('--parquet', 'also write every CSV table as <table>.parquet (Apache Parquet, same columns; numbers as DOUBLE)')
    .option('--timings <file>', 'write the time of each phase (JSON) to this file (not part of the report)')
    .option('--lexicon <file>', 'a study lexicon (JSON) mapping entity ids or description words to the sides of your study; fills quotes.csv `side` and source_balance:side:* (example: docs/examples/riyadh-sides.json)', parseLexiconFile)
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
