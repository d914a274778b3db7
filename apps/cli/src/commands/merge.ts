/**
 * `parallax merge <shard dirs...> --out DIR`: combine the shard directories of one
 * `parallax analyze --shard i/n` run (all n of them) and run the corpus stages
 * (duplicate accounting, event grouping, alignment) once over everything. The
 * output is byte-identical to the unsharded `parallax analyze` of the same inputs.
 */
import type { ArticleAnalysis, Rejection, Warning } from '@parallax/core';
import type { Command } from 'commander';
import { checkOutDir, NothingAnalysedError, UsageError } from '../output';
import { checkShardSet, readAnalyses, readManifest, readRecords } from '../shard';
import { ingestWarning, writeReport, type AnalyzeSummary } from './analyze';

export interface MergeOptions {
  out: string;
  force?: boolean;
  quiet?: boolean;
}

export async function runMerge(dirs: string[], opts: MergeOptions, log: (line: string) => void): Promise<AnalyzeSummary> {
  if (dirs.length === 0) throw new UsageError('no shard directories given; usage: parallax merge <shard dirs...> --out DIR');
  checkOutDir(opts.out, opts.force ?? false, dirs);
  const manifests = dirs.map(readManifest);
  checkShardSet(dirs, manifests);
  const first = manifests[0];
  if (!first) throw new UsageError('no shard directories given');

  // Restore input order: shards hold interleaved article ordinals.
  const byOrdinal: { ordinal: number; analysis: ArticleAnalysis }[] = [];
  for (const [i, dir] of dirs.entries()) {
    let n = 0;
    for await (const line of readAnalyses(dir)) {
      byOrdinal.push(line);
      n++;
    }
    const expected = (manifests[i] as (typeof manifests)[number]).articles;
    if (n !== expected) throw new UsageError(`${dir}: analyses.jsonl has ${n} articles, its manifest says ${expected}; the shard is incomplete, re-run it`);
  }
  byOrdinal.sort((a, b) => a.ordinal - b.ordinal);

  const rejections: Rejection[] = [];
  const warnings: Warning[] = [];
  const zero = dirs[manifests.findIndex((m) => m.shard.index === 0)] as string;
  for await (const r of readRecords(zero)) {
    if (r.kind === 'rejection') rejections.push(r.rejection);
    else warnings.push(ingestWarning(r.warning));
  }
  if (!opts.quiet && process.stderr.isTTY) process.stderr.write(`building the report (events, alignment, exports) for ${byOrdinal.length} articles…\n`);
  return writeReport(
    byOrdinal.map((x) => x.analysis),
    rejections,
    warnings,
    first.options,
    opts.out,
    log,
    !opts.quiet && process.stderr.isTTY,
  );
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shard directories of `parallax analyze --shard i/n` runs and write the report and CSV exports')
    .argument('<dirs...>', 'the --out directories of all n shards')
    .requiredOption('-o, --out <dir>', 'output directory (created; written atomically)')
    .option('-f, --force', 'replace --out even if it is a non-empty directory Parallax did not write')
    .option('-q, --quiet', 'no summary line')
    .action(async (dirs: string[], opts: MergeOptions) => {
      const summary = await runMerge(dirs, opts, (l) => {
        if (!opts.quiet) process.stderr.write(l + '\n');
      });
      if (summary.analysed === 0) {
        throw new NothingAnalysedError(`nothing could be analysed (${summary.inputs} inputs); see ${opts.out}/rejected.csv`);
      }
    });
}
