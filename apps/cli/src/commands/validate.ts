/**
 * `parallax validate --coded FILE.csv --out DIR [inputs...]`: analyse the inputs with
 * the same engine as `analyze`, then compare its scores with a researcher's own hand
 * coding and write agreement.csv, agreement.json and confusion.csv into --out.
 *
 * The coded CSV has a header with `measure`, `value` and `sentence_id` (sentence scope)
 * or `article_id` (document scope; add an `entity` column for entity scope). See
 * fixtures/coded/riyadh-coded.csv for an example.
 */
import { readFileSync } from 'node:fs';
import { agreement, agreementFiles, createEngine, parseCoded, TOOL_VERSION, type ArticleInput, type Rejection } from '@parallax/core';
import type { Command } from 'commander';
import { streamInputs } from '../inputs';
import { parseLanguage } from './analyze';
import { checkOutDir, NothingAnalysedError, UsageError, writeOutDir } from '../output';

export interface ValidateOptions {
  coded: string;
  out: string;
  force?: boolean;
  quiet?: boolean;
  language?: string;
  band?: number;
}

export interface ValidateSummary {
  analysed: number;
  coded: number;
  unmatched: number;
  measures: number;
}

export async function runValidate(paths: string[], opts: ValidateOptions, log: (line: string) => void): Promise<ValidateSummary> {
  if (paths.length === 0) throw new UsageError('no input paths given; usage: parallax validate --coded FILE.csv --out DIR <paths...>');
  checkOutDir(opts.out, opts.force ?? false, paths);
  let csv: string;
  try {
    csv = readFileSync(opts.coded, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --coded ${opts.coded}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let parsed: ReturnType<typeof parseCoded>;
  try {
    parsed = parseCoded(csv);
  } catch (err) {
    throw new UsageError(`${opts.coded}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const engine = createEngine({ language: opts.language ?? 'auto' });
  const articles: ArticleInput[] = [];
  const rejections: Rejection[] = [];
  for await (const e of streamInputs(paths)) {
    if (e.kind === 'article') articles.push(e.article);
    else if (e.kind === 'rejection') rejections.push(e.rejection);
  }
  if (articles.length === 0) throw new NothingAnalysedError(`nothing could be analysed from ${paths.join(', ')} (${rejections.length} rejected)`);
  const report = engine.analyze({ articles, rejections });
  const result = agreement(report, parsed.rows, opts.band ?? 0.05);
  result.unmatched.push(...parsed.skipped);
  result.unmatched.sort((a, b) => a.line - b.line);
  writeOutDir(opts.out, agreementFiles(result), TOOL_VERSION);
  for (const r of result.rows) {
    const f = (x: number | null) => (x === null ? '–' : x.toFixed(3));
    log(`${r.measure} (${r.scope}, n=${r.n}): r ${f(r.pearson)}  rho ${f(r.spearman)}  kappa ${f(r.kappa)}  alpha ${f(r.alpha_nominal ?? r.alpha_interval)}  F1 ${f(r.macro_f1)}`);
  }
  for (const u of result.unmatched) log(`${opts.coded}:${u.line}: skipped: ${u.reason}`);
  log(`compared ${result.rows.reduce((n, r) => n + r.n, 0)} coded values over ${result.rows.length} measures — wrote ${opts.out}/ (agreement.csv, agreement.json, confusion.csv)`);
  return { analysed: report.articles.length, coded: parsed.rows.length, unmatched: result.unmatched.length, measures: result.rows.length };
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('compare Parallax scores with your own hand coding (agreement per measure: Pearson/Spearman, Cohen\'s kappa, Krippendorff\'s alpha, F1, confusion table)')
    .argument('<paths...>', 'the input files or directories the coding refers to')
    .requiredOption('--coded <file>', 'CSV with columns article_id or sentence_id, measure, value (optional: entity)')
    .requiredOption('-o, --out <dir>', 'output directory for agreement.csv, agreement.json, confusion.csv')
    .option('-f, --force', 'replace --out even if it is a non-empty directory Parallax did not write')
    .option('-q, --quiet', 'no summary lines')
    .option('--language <code>', 'language of every article: "auto" detects, or an ISO 639 code such as en', parseLanguage, 'auto')
    .option('--band <x>', 'neutral band for −1/0/1 or negative/neutral/positive codes: |value| ≤ band is neutral', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n >= 1) throw new UsageError(`--band must be a number in [0, 1), got "${v}"`);
      return n;
    })
    .action(async (paths: string[], opts: ValidateOptions) => {
      await runValidate(paths, opts, (l) => {
        if (!opts.quiet) process.stderr.write(l + '\n');
      });
    });
}
