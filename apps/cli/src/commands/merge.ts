/**
 * `parallax merge <shard dirs...> --out DIR`: combine the shard directories of one
 * `parallax analyze --shard i/n` run (all n of them) and run the corpus stages
 * (duplicate accounting, event grouping, alignment) once over everything. The
 * output is byte-identical to the unsharded `parallax analyze` of the same inputs.
 */
import { availableParallelism } from 'node:os';
import type { Rejection, Warning } from '@parallax/core';
import type { Command } from 'commander';
import { checkOutDir, NothingAnalysedError, UsageError } from '../output';
import { checkShardSet, parseShard, readManifest, readRecords, readSummaries } from '../shard';
import { runCorpus, type ReportFormat } from '../corpus-run';
import { createPhases } from '../progress';
import { ingestWarning, logSummary, needsInMemory, parseReportFormat, parseWindowDays, parseWorkers, writeReportFromDirs, type AnalyzeSummary } from './analyze';
import { consoleSummary } from '../summary';

export interface MergeOptions {
  out: string;
  force?: boolean;
  quiet?: boolean;
  workers?: number;
  reportFormat?: ReportFormat;
  timings?: string;
  /** Also write the tidy tables as Parquet. */
  parquet?: boolean;
  windowDays?: number;
  /** "i/n": write only part i of n of the output (contiguous windows). */
  part?: string;
}

export async function runMerge(dirs: string[], opts: MergeOptions, log: (line: string) => void): Promise<AnalyzeSummary> {
  if (dirs.length === 0) throw new UsageError('no shard directories given; usage: parallax merge <shard dirs...> --out DIR');
  checkOutDir(opts.out, opts.force ?? false, dirs);
  const manifests = dirs.map(readManifest);
  checkShardSet(dirs, manifests);
  const first = manifests[0];
  if (!first) throw new UsageError('no shard directories given');

  for (const [i, dir] of dirs.entries()) {
    let n = 0;
    for await (const _ of readSummaries(dir)) n++;
    const expected = (manifests[i] as (typeof manifests)[number]).articles;
    if (n !== expected) throw new UsageError(`${dir}: summaries.jsonl has ${n} articles, its manifest says ${expected}; the shard is incomplete, re-run it`);
  }
  const rejections: Rejection[] = [];
  const warnings: Warning[] = [];
  const zero = dirs[manifests.findIndex((m) => m.shard.index === 0)] as string;
  for await (const r of readRecords(zero)) {
    if (r.kind === 'rejection') rejections.push(r.rejection);
    else warnings.push(ingestWarning(r.warning));
  }
  const phases = createPhases(!opts.quiet);
  const part = opts.part === undefined ? undefined : parseShard(opts.part, '--part');
  if (part && part.count > 1 && !opts.windowDays) throw new UsageError('--part needs --window-days: the corpus phase splits by time window');
  const options = opts.windowDays ? { ...first.options, windowDays: opts.windowDays } : first.options;
  if (needsInMemory(options)) {
    if (part && part.count > 1) throw new UsageError('--part is not available with --matcher encoder or --lexicon (their corpus phase runs in memory)');
    if (!opts.quiet && process.stderr.isTTY) process.stderr.write('building the report (events, alignment, exports)…\n');
    return writeReportFromDirs(dirs, rejections, warnings, options, opts.out, log, !opts.quiet && process.stderr.isTTY);
  }
  const summary = await runCorpus(dirs, rejections, warnings, options, opts.out, {
    workers: opts.workers ?? availableParallelism(),
    phases,
    windowDays: opts.windowDays ?? 0,
    parquet: opts.parquet ?? false,
    ...(part ? { part } : {}),
    ...(opts.reportFormat ? { reportFormat: opts.reportFormat } : {}),
  });
  logSummary(summary, opts.out, log, phases, opts.timings, consoleSummary(summary.console));
  return summary;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shard directories of `parallax analyze --shard i/n` runs and write the report and CSV exports')
    .argument('<dirs...>', 'the --out directories of all n shards')
    .requiredOption('-o, --out <dir>', 'output directory (created; written atomically)')
    .option('-f, --force', 'replace --out even if it is a non-empty directory Parallax did not write')
    .option('-q, --quiet', 'no progress bar, no summary line')
    .option('-w, --workers <n>', 'threads for the corpus phase (default: number of cores)', parseWorkers)
    .option('--report-format <f>', 'json, jsonl or auto (see analyze)', parseReportFormat, 'auto')
    .option('--parquet', 'also write every CSV table as <table>.parquet (Apache Parquet, same columns; numbers as DOUBLE)')
    .option('--timings <file>', 'write the time of each phase (JSON) to this file (not part of the report)')
    .option('--window-days <n>', 'group events within fixed windows of n days (as analyze --window-days)', parseWindowDays)
    .option('--part <i/n>', 'write only part i of n of the output: a contiguous run of windows (needs --window-days); the n parts, file by file concatenated in order, equal the whole run with --report-format jsonl')
    .action(async (dirs: string[], opts: MergeOptions) => {
      const summary = await runMerge(dirs, opts, (l) => {
        if (!opts.quiet) process.stderr.write(l + '\n');
      });
      if (summary.analysed === 0) {
        throw new NothingAnalysedError(`nothing could be analysed (${summary.inputs} inputs); see ${opts.out}/rejected.csv`);
      }
    });
}
