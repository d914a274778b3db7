/**
 * Messages between the page and the analysis worker. Everything here is
 * structured-clone safe (plain objects, Uint8Array, strings).
 */
import type { AnalysisReport, ExportFile, Warning } from '@parallax/core';
import type { IngestWarning } from '@parallax/ingest';

/** One input file as the browser read it. `name` becomes `source.path` in the report. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export type WorkerRequest =
  | { type: 'analyze'; runId: number; files: InputFile[] }
  /** The export files of the run's report (made on demand: they are as big as the report). */
  | { type: 'export'; runId: number };

export type WorkerResponse =
  | { type: 'progress'; runId: number; done: number; total: number; label: string }
  | { type: 'result'; runId: number; report: AnalysisReport }
  /**
   * A big report travels in parts (`result` with the long arrays empty, then
   * `result-part`s, then `result-end`), so that no single message takes the page's
   * main thread long to receive (structured-clone decoding is one task per message).
   */
  | { type: 'result-part'; runId: number; key: ChunkedKey; items: unknown[] }
  | { type: 'result-end'; runId: number }
  | { type: 'exports'; runId: number; exports: ExportFile[] }
  | { type: 'error'; runId: number; message: string };

/**
 * Ingest warnings as the CLI puts them in the report (apps/cli/src/commands/analyze.ts,
 * `runAnalyze`): same code, same message shape, so exports are byte-identical.
 * Keep in sync with the CLI; the e2e suite compares the two outputs byte for byte.
 */
export function ingestWarningToReport(w: IngestWarning): Warning {
  return { article_id: null, code: 'ingest', message: `${w.path}${w.line ? `:${w.line}` : ''}: ${w.message}`, source: 'input', severity: 'warning', place: null };
}

/** The analysis options the CLI records with its defaults (`--language auto`, no `--max-bytes`, `--date-format auto`, `--matcher lexical`). */
export const REPORT_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({ language: 'auto', maxBytes: null, dateFormat: 'auto', matcher: 'lexical' });

/** The report arrays sent in parts, and how many items go in one message. */
export const CHUNKED = { articles: 20, evidence: 4000, scores: 4000, diffs: 1000, claims: 2000, omissions: 4000, terms: 4000, quotes: 2000, inputs: 4000 } as const;
export type ChunkedKey = keyof typeof CHUNKED;
