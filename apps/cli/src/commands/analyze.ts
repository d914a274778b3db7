/**
 * `parallax analyze <paths...> --out DIR`: read every input (files, directories,
 * JSONL/CSV records), analyse the articles, write the output contract atomically.
 */
import { createEngine, exportFiles, TOOL_VERSION, type ArticleAnalysis, type Rejection, type Warning } from '@parallax/core';
import { walkInputs } from '@parallax/ingest/node';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { checkOutDir, UsageError, writeOutDir } from '../output';

export interface AnalyzeOptions {
  out: string;
  force?: boolean;
  quiet?: boolean;
  language?: string;
  maxBytes?: number;
}

export interface AnalyzeSummary {
  inputs: number;
  analysed: number;
  rejected: number;
  duplicate: number;
}

export async function runAnalyze(paths: string[], opts: AnalyzeOptions, log: (line: string) => void): Promise<AnalyzeSummary> {
  if (paths.length === 0) throw new UsageError('no input paths given; usage: parallax analyze <paths...> --out DIR');
  checkOutDir(opts.out, opts.force ?? false);
  const engine = createEngine({ language: opts.language ?? 'auto' });
  const analyses: ArticleAnalysis[] = [];
  const rejections: Rejection[] = [];
  const warnings: Warning[] = [];
  const bar =
    process.stderr.isTTY && !opts.quiet
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: 'analysing {bar} {value} articles | {rate}/s | {file}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(0, 0, { rate: '0', file: '' });
  const t0 = Date.now();
  for await (const result of walkInputs(paths, { maxBytes: opts.maxBytes })) {
    rejections.push(...result.rejections);
    for (const w of result.warnings) {
      warnings.push({ article_id: null, code: 'ingest', message: `${w.path}${w.line ? `:${w.line}` : ''}: ${w.message}` });
    }
    for (const article of result.articles) {
      analyses.push(engine.analyzeArticle(article));
      if (bar) {
        bar.setTotal(analyses.length);
        const secs = Math.max(0.001, (Date.now() - t0) / 1000);
        bar.update(analyses.length, { rate: (analyses.length / secs).toFixed(1), file: article.source.path.slice(-40) });
      }
    }
  }
  bar?.stop();
  const report = engine.buildReport(analyses, rejections, {
    options: { language: opts.language ?? 'auto', maxBytes: opts.maxBytes ?? null },
    warnings,
  });
  writeOutDir(opts.out, exportFiles(report), TOOL_VERSION);
  const count = (s: string) => report.inputs.filter((i) => i.status === s).length;
  const summary = { inputs: report.inputs.length, analysed: count('analysed'), rejected: count('rejected'), duplicate: count('duplicate') };
  log(
    `analysed ${summary.analysed} articles, rejected ${summary.rejected}, duplicate ${summary.duplicate} (of ${summary.inputs} inputs)` +
      (summary.rejected + summary.duplicate > 0 ? `: see ${opts.out}/rejected.csv` : '') +
      ` — wrote ${opts.out}/ (report.json, articles.csv, sentences.csv, …)`,
  );
  return summary;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse articles (files, directories, .jsonl/.csv corpora) and write the report and CSV exports')
    .argument('<paths...>', 'input files or directories (.txt, .md, .html, .jsonl, .csv)')
    .requiredOption('-o, --out <dir>', 'output directory (created; written atomically)')
    .option('-f, --force', 'replace --out even if it is a non-empty directory Parallax did not write')
    .option('-q, --quiet', 'no progress bar, no summary line')
    .option('--language <code>', 'language of every article ("auto" detects)', 'auto')
    .option('--max-bytes <n>', 'reject input files larger than this many bytes', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-bytes must be a positive integer, got "${v}"`);
      return n;
    })
    .action(async (paths: string[], opts: AnalyzeOptions) => {
      const summary = await runAnalyze(paths, opts, (l) => {
        if (!opts.quiet) process.stderr.write(l + '\n');
      });
      if (summary.analysed === 0) {
        process.stderr.write(`parallax: nothing could be analysed (${summary.inputs} inputs); see ${opts.out}/rejected.csv\n`);
        process.exitCode = 1;
      }
    });
}
