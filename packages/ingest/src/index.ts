/**
 * @parallax/ingest: files (txt, md, html, jsonl, csv) -> ArticleInput records.
 * Browser-safe: no Node imports. For directories and streaming, see `@parallax/ingest/node`.
 */
import Papa from 'papaparse';
import { decodeBytes } from './decode';
import type { FieldOptions } from './fields';
import { parseHtml } from './html';
import { csvNewlineSequence, sniffDelimiter } from './csv';
import { CsvReader, JsonlReader, type RecordOutcome } from './records';
import { parseText } from './text';
import { resolveOptions, sizeRejectionReason, type IngestResult, type ParseOptions } from './types';

export type { ArticleInput, IngestResult, IngestWarning, ParseOptions, Rejection } from './types';
export { DEFAULT_MAX_BYTES } from './types';
export type { IngestEvent, RecordOutcome } from './records';
export { CsvReader, JsonlReader, NO_TEXT_MEDIA_CLOUD } from './records';
export { decodeBytes, decodeWindows1252, sniffBinary, type Decoded } from './decode';
export { normalizeDate, readDate, DATE_FORMATS, type DateFormat, type DateReading } from './dates';
export { sniffDelimiter, CSV_DELIMITERS } from './csv';
export { INGEST_WARNING_KINDS, ingestWarningKind, type IngestWarningKind } from './summary';
export { contentHash } from './fields';
export { splitFrontMatter } from './text';
export { domToText } from './html';

type Format = 'text' | 'markdown' | 'html' | 'jsonl' | 'csv';

const FORMATS: Readonly<Record<string, Format>> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown',
  '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv',
};

/** File extensions parseFile reads, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** `.TXT` -> `.txt`; `''` when the name has no extension (dotfiles have none). */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The rejection reason for a file that parseFile does not read, or null if it does. */
export function unsupportedReason(name: string): string | null {
  const ext = extensionOf(name);
  if (FORMATS[ext] !== undefined) return null;
  const supported = SUPPORTED_EXTENSIONS.join(', ');
  return ext === '' ? `unsupported file type: no extension (supported: ${supported})` : `unsupported file type ${ext} (supported: ${supported})`;
}

function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}

function stemOf(name: string): string | null {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  const stem = dot <= 0 ? base : base.slice(0, dot);
  return stem.trim() === '' ? null : stem;
}

/**
 * Parse one file's bytes into articles, rejections and warnings. `name` is the
 * path recorded in `source.path` and picks the format by extension. Never throws
 * on content; throws only on invalid options.
 */
export function parseFile(name: string, bytes: Uint8Array, opts?: ParseOptions): IngestResult {
  const { maxBytes, dateFormat } = resolveOptions(opts);
  if (typeof name !== 'string') throw new TypeError('parseFile(name, bytes): `name` must be a string (the file path or name)');
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseFile(name, bytes): `bytes` must be a Uint8Array (in Node, a Buffer works)');
  const result: IngestResult = { articles: [], rejections: [], warnings: [] };
  const reject = (reason: string): IngestResult => {
    result.rejections.push({ path: name, line: null, reason });
    return result;
  };
  const unsupported = unsupportedReason(name);
  if (unsupported !== null) return reject(unsupported);
  if (bytes.length > maxBytes) return reject(sizeRejectionReason(bytes.length, maxBytes));

  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return reject(decoded.reason);
  for (const message of decoded.warnings) result.warnings.push({ path: name, line: null, message });
  const text = decoded.text;
  if (text.trim() === '') return reject(text.length === 0 ? 'empty file' : 'whitespace only');

  const format = FORMATS[extensionOf(name)] as Format;
  let parsed: IngestResult;
  try {
    parsed = dispatch(format, name, text, { dateFormat });
  } catch (err) {
    // A parser bug must not take the whole run down: the file is rejected with the cause.
    return reject(`could not parse ${format} (${err instanceof Error ? err.message : String(err)})`);
  }
  result.articles.push(...parsed.articles);
  result.rejections.push(...parsed.rejections);
  result.warnings.push(...parsed.warnings);
  return result;
}

function dispatch(format: Format, name: string, text: string, fields: FieldOptions): IngestResult {
  switch (format) {
    case 'text':
      return parseText(name, text, stemOf(name), false, fields);
    case 'markdown':
      return parseText(name, text, stemOf(name), true, fields);
    case 'html':
      return parseHtml(name, text, stemOf(name), fields);
    case 'jsonl':
      return parseJsonl(name, text, fields);
    case 'csv':
      return parseCsv(name, text, fields);
  }
}

function collect(result: IngestResult, outcome: RecordOutcome | null): void {
  if (outcome === null) return;
  result.warnings.push(...outcome.warnings);
  if (outcome.kind === 'article') result.articles.push(outcome.article);
  else result.rejections.push(outcome.rejection);
}

/** JSONL text (already decoded) -> result; one record per non-blank line. */
export function parseJsonl(path: string, text: string, opts?: ParseOptions): IngestResult {
  const { dateFormat } = resolveOptions(opts);
  const result: IngestResult = { articles: [], rejections: [], warnings: [] };
  const reader = new JsonlReader(path, { dateFormat });
  const lines = text.split('\n');
  lines.forEach((line, i) => collect(result, reader.line(i + 1, line)));
  result.warnings.push(...reader.finish());
  return result;
}

/** The line break a CSV uses: `\n` (also for `\r\n`) or a lone `\r`. */
export function csvNewline(text: string): '\n' | '\r' {
  return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

/** CSV text (already decoded) -> result; header row required, quoted newlines allowed, delimiter sniffed (`,` `;` tab). */
export function parseCsv(path: string, text: string, opts?: ParseOptions): IngestResult {
  const { dateFormat } = resolveOptions(opts);
  const result: IngestResult = { articles: [], rejections: [], warnings: [] };
  const body = text.replace(/^\ufeff/, '');
  const nl = csvNewline(body);
  const newline = csvNewlineSequence(body);
  const sniffed = sniffDelimiter(body, newline);
  const reader = new CsvReader(path, nl, { dateFormat }, sniffed.delimiter);
  Papa.parse<string[]>(body, {
    delimiter: sniffed.delimiter,
    newline,
    skipEmptyLines: false,
    step: (row) => collect(result, reader.row(row.data, quoteProblem(row.errors))),
  });
  result.warnings.unshift(...reader.fileWarnings);
  if (sniffed.message !== null) result.warnings.unshift({ path, line: null, message: sniffed.message });
  result.rejections.push(...reader.finish());
  return result;
}

/** papaparse's per-row quote errors, as CsvReader understands them. */
export function quoteProblem(errors: readonly Papa.ParseError[]): 'unterminated' | 'stray' | null {
  if (errors.some((e) => e.code === 'MissingQuotes')) return 'unterminated';
  if (errors.some((e) => e.code === 'InvalidQuotes')) return 'stray';
  return null;
}
