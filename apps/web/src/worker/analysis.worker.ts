/// <reference lib="webworker" />
/**
 * The analysis worker: files in, AnalysisReport + export files out. Runs the same
 * ingest + core engine as the CLI, with the same options, so exports are identical.
 */
import { createEngine, exportFiles, type AnalysisReport, type ArticleAnalysis, type ArticleInput, type Rejection, type Warning } from '@parallax/core';
import { parseFile } from '@parallax/ingest';
import { lazyEncoder } from '@parallax/encoder';
import { loadBrowserEncoder } from '@parallax/encoder/browser';
import { CHUNKED, ingestWarningToReport, REPORT_OPTIONS, type ChunkedKey, type InputFile, type WorkerRequest, type WorkerResponse } from './protocol';


const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerResponse): void => scope.postMessage(m);

/** Yield to the event loop so progress messages go out while a long run continues. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The sentence encoder (28 MB of weights + wasm, self-hosted): loaded once per worker, on
 * the first run that has sentences to align, with its download shown as progress.
 */
let encoderProgress: ((loaded: number, total: number) => void) | null = null;
const encoder = lazyEncoder(() => loadBrowserEncoder((loaded, total) => encoderProgress?.(loaded, total)));

async function analyze(runId: number, files: readonly InputFile[]): Promise<void> {
  const engine = createEngine({ language: String(REPORT_OPTIONS.language), matcher: REPORT_OPTIONS.matcher as 'encoder' }, { encoder });
  const mb = (n: number) => (n / 1e6).toFixed(0);
  encoderProgress = (loaded, total) =>
    // total 0: the page's bar counts articles; the figures are in the label.
    post({ type: 'progress', runId, done: 0, total: 0, label: `loading the sentence encoder for alignment (${mb(loaded)} of ${mb(total)} MB, once per browser)` });
  const analyses: ArticleAnalysis[] = [];
  const rejections: Rejection[] = [];
  const warnings: Warning[] = [];
  // The CLI walks directories in code-unit order; buildReport sorts inputs by path anyway.
  const ordered = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Read every file first (fast), so the analysis progress has a known total.
  const articles: ArticleInput[] = [];
  let fileIndex = 0;
  for (const file of ordered) {
    fileIndex += 1;
    post({ type: 'progress', runId, done: 0, total: 0, label: `reading ${file.name} (${fileIndex}/${ordered.length})` });
    const result = parseFile(file.name, file.bytes);
    rejections.push(...result.rejections);
    warnings.push(...result.warnings.map(ingestWarningToReport));
    articles.push(...result.articles);
  }
  for (const article of articles) {
    post({ type: 'progress', runId, done: analyses.length, total: articles.length, label: `analysing ${article.outlet}` });
    await tick();
    analyses.push(engine.analyzeArticle(article));
  }
  post({ type: 'progress', runId, done: analyses.length, total: analyses.length, label: 'lining up the outlets' });
  await tick();
  const report = await engine.buildReportAsync(analyses, rejections, {
    options: { ...REPORT_OPTIONS },
    warnings,
    onEncodeProgress: (done, total) =>
      post({ type: 'progress', runId, done: 0, total: 0, label: `lining up the outlets: sentence encoder, ${done} of ${total} sentences` }),
  });
  last = { runId, report };
  postReport(runId, report);
}

/** The report in parts (protocol.ts CHUNKED): the head with the long arrays empty, then slices of them. */
function postReport(runId: number, report: AnalysisReport): void {
  const head = { ...report } as AnalysisReport;
  for (const key of Object.keys(CHUNKED) as ChunkedKey[]) (head as unknown as Record<string, unknown[]>)[key] = [];
  post({ type: 'result', runId, report: head });
  for (const key of Object.keys(CHUNKED) as ChunkedKey[]) {
    const list = report[key] as unknown[];
    for (let i = 0; i < list.length; i += CHUNKED[key]) post({ type: 'result-part', runId, key, items: list.slice(i, i + CHUNKED[key]) });
  }
  post({ type: 'result-end', runId });
}

/** The latest report, kept for export requests. */
let last: { runId: number; report: AnalysisReport } | null = null;

scope.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'export') {
    if (last && last.runId === msg.runId) post({ type: 'exports', runId: msg.runId, exports: exportFiles(last.report) });
    else post({ type: 'error', runId: msg.runId, message: 'that analysis is no longer available; run it again' });
    return;
  }
  analyze(msg.runId, msg.files).catch((err: unknown) => {
    post({ type: 'error', runId: msg.runId, message: err instanceof Error ? err.message : String(err) });
  });
};
