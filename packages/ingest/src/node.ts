/**
 * @parallax/ingest/node: the file-system side of ingest (Node only). Walks
 * directories in a stable order, checks sizes before reading, and streams large
 * JSONL/CSV files record by record.
 */
import { createReadStream } from 'node:fs';
import { OUTPUT_MARKER } from '@parallax/core/marker';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import Papa from 'papaparse';
import { decodeWindows1252 } from './decode';
import { csvNewlineSequence, sniffDelimiter, SNIFF_CHARS } from './csv';
import type { FieldOptions } from './fields';
import { csvNewline, extensionOf, parseFile, quoteProblem, unsupportedReason } from './index';
import { CsvReader, JsonlReader, type IngestEvent, type RecordOutcome } from './records';
import { resolveOptions, sizeRejectionReason, type IngestResult, type ParseOptions } from './types';

export type { IngestEvent } from './records';

/** One file's result from walkInputs; `path` is the path as walked (argument joined with names below it). */
export interface FileResult extends IngestResult {
  path: string;
}

export interface WalkOptions extends ParseOptions {
  /** Also read files and folders whose names start with "." (default false: skipped silently). */
  includeHidden?: boolean;
}

/** Node's error code for an fs error, if any. */
function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

function fsReason(err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'not a directory (a path component is a file)';
    default:
      return `could not read (${err instanceof Error ? err.message : String(err)})`;
  }
}

const rejected = (path: string, reason: string): FileResult => ({ path, articles: [], rejections: [{ path, line: null, reason }], warnings: [] });

/** Names sorted by UTF-16 code unit, so the order is the same on every machine and locale. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type WalkStep = { kind: 'file'; path: string; size: number } | { kind: 'done'; result: FileResult };

/**
 * The one directory walker (walkInputs and walkEvents both use it): paths in the
 * order given, directories recursively and lazily with children in code-unit
 * order, hidden names skipped (unless asked), Parallax output directories skipped
 * with a warning, symlink loops and unreadable paths rejected. Yields each regular
 * file to read, or a finished result for what needs no reading.
 */
async function* walkPaths(paths: readonly string[], includeHidden: boolean): AsyncGenerator<WalkStep> {
  const activeDirs = new Set<string>();
  async function* visit(path: string): AsyncGenerator<WalkStep> {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      yield { kind: 'done', result: rejected(path, fsReason(err)) };
      return;
    }
    if (info.isDirectory()) {
      let real: string;
      let names: string[];
      try {
        real = await realpath(path);
        names = await readdir(path);
      } catch (err) {
        yield { kind: 'done', result: rejected(path, fsReason(err)) };
        return;
      }
      if (activeDirs.has(real)) {
        yield { kind: 'done', result: rejected(path, 'directory symlink loop (already being walked); skipped') };
        return;
      }
      if (names.includes(OUTPUT_MARKER)) {
        const message = `skipped: a Parallax output directory (it holds ${OUTPUT_MARKER}), not input`;
        yield { kind: 'done', result: { path, articles: [], rejections: [], warnings: [{ path, line: null, message }] } };
        return;
      }
      activeDirs.add(real);
      for (const name of names.sort(byCodeUnit)) {
        if (!includeHidden && name.startsWith('.')) continue;
        yield* visit(join(path, name));
      }
      activeDirs.delete(real);
      return;
    }
    if (!info.isFile()) {
      yield { kind: 'done', result: rejected(path, 'not a regular file (device, socket or pipe)') };
      return;
    }
    const unsupported = unsupportedReason(path);
    if (unsupported !== null) {
      yield { kind: 'done', result: rejected(path, unsupported) };
      return;
    }
    yield { kind: 'file', path, size: info.size };
  }
  for (const p of paths) yield* visit(p);
}

/** Read and parse one whole file (size-checked before reading). */
async function readWhole(path: string, size: number, opts: Required<ParseOptions>): Promise<FileResult> {
  const { maxBytes } = opts;
  if (size > maxBytes) return rejected(path, sizeRejectionReason(size, maxBytes));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return rejected(path, fsReason(err));
  }
  return { path, ...parseFile(path, bytes, opts) };
}

/**
 * Walk files and directories (recursively, lazily, children in code-unit
 * order; arguments in the order given), yielding one result per file. Hidden
 * names are skipped; unsupported files, missing paths and oversize files become
 * rejections without being read.
 */
export async function* walkInputs(paths: readonly string[], opts?: WalkOptions): AsyncGenerator<FileResult> {
  if (!Array.isArray(paths)) throw new TypeError('walkInputs(paths): `paths` must be an array of file or directory paths');
  const { includeHidden = false, ...parseOpts } = opts ?? {};
  const resolved = resolveOptions(parseOpts);
  for await (const step of walkPaths(paths, includeHidden)) {
    yield step.kind === 'done' ? step.result : await readWhole(step.path, step.size, resolved);
  }
}

export interface WalkEventsOptions extends WalkOptions {
  /** Called with the size of every regular file before it is read (for progress / ETA). */
  onFile?: (path: string, bytes: number) => void;
}

/** Streamed formats: read record by record with no size limit. */
const STREAMED: Readonly<Record<string, (path: string, opts: FieldOptions) => AsyncGenerator<IngestEvent>>> = {
  '.jsonl': (p, o) => streamJsonl(p, o),
  '.ndjson': (p, o) => streamJsonl(p, o),
  '.csv': (p, o) => streamCsv(p, o),
};

/**
 * Like walkInputs, but one event per article, rejection or warning, in input order,
 * with JSONL/CSV corpora streamed record by record (memory stays flat, no size
 * limit) and every other file read whole (size-checked against maxBytes). Within a
 * whole file: its warnings, then its articles, then its rejections.
 */
export async function* walkEvents(paths: readonly string[], opts?: WalkEventsOptions): AsyncGenerator<IngestEvent> {
  if (!Array.isArray(paths)) throw new TypeError('walkEvents(paths): `paths` must be an array of file or directory paths');
  const { includeHidden = false, onFile, ...parseOpts } = opts ?? {};
  const resolved = resolveOptions(parseOpts);
  for await (const step of walkPaths(paths, includeHidden)) {
    let result: FileResult;
    if (step.kind === 'file') {
      onFile?.(step.path, step.size);
      const streamer = STREAMED[extensionOf(step.path)];
      if (streamer) {
        yield* streamer(step.path, { dateFormat: resolved.dateFormat });
        continue;
      }
      result = await readWhole(step.path, step.size, resolved);
    } else result = step.result;
    for (const warning of result.warnings) yield { kind: 'warning', warning };
    for (const article of result.articles) yield { kind: 'article', article };
    for (const rejection of result.rejections) yield { kind: 'rejection', rejection };
  }
}

/**
 * Decoded text chunks of a file, for streaming. The encoding is chosen from the
 * first 64 KB: UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252 when
 * those bytes are not valid UTF-8. Later invalid UTF-8 is replaced with U+FFFD
 * and counted in `state.replaced`.
 */
async function* decodedChunks(path: string, state: { encoding: string; replaced: number }): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  let decoder: TextDecoder | null = null;
  let legacy = false;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    let bytes = chunk;
    if (decoder === null && !legacy) {
      if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        state.encoding = 'utf-16le';
        decoder = new TextDecoder('utf-16le');
        bytes = bytes.subarray(2);
      } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        state.encoding = 'utf-16be';
        decoder = new TextDecoder('utf-16be');
        bytes = bytes.subarray(2);
      } else {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
          decoder = new TextDecoder('utf-8');
        } catch {
          state.encoding = 'windows-1252';
          legacy = true;
        }
      }
    }
    if (legacy) {
      yield decodeWindows1252(bytes);
      continue;
    }
    const text = (decoder as TextDecoder).decode(bytes, { stream: true });
    for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) state.replaced++;
    if (text !== '') yield text;
  }
  const tail = decoder?.decode() ?? '';
  if (tail !== '') yield tail;
}

function encodingWarnings(path: string, state: { encoding: string; replaced: number }): IngestEvent[] {
  const out: IngestEvent[] = [];
  if (state.encoding === 'windows-1252') out.push({ kind: 'warning', warning: { path, line: null, message: 'decoded as windows-1252 (not valid UTF-8)' } });
  if (state.replaced > 0) out.push({ kind: 'warning', warning: { path, line: null, message: `${state.replaced} invalid ${state.encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} sequence(s) replaced with U+FFFD` } });
  return out;
}

function* events(outcome: RecordOutcome | null): Generator<IngestEvent> {
  if (outcome === null) return;
  for (const warning of outcome.warnings) yield { kind: 'warning', warning };
  if (outcome.kind === 'article') yield { kind: 'article', article: outcome.article };
  else yield { kind: 'rejection', rejection: outcome.rejection };
}

async function* checkedOpen(path: string): AsyncGenerator<IngestEvent, boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      yield { kind: 'rejection', rejection: { path, line: null, reason: 'not a regular file' } };
      return false;
    }
  } catch (err) {
    yield { kind: 'rejection', rejection: { path, line: null, reason: fsReason(err) } };
    return false;
  }
  return true;
}

/**
 * Stream a JSONL file line by line: articles, rejections (with line numbers)
 * and warnings in file order, without holding the file in memory. No size limit.
 */
export async function* streamJsonl(path: string, opts?: ParseOptions): AsyncGenerator<IngestEvent> {
  const { dateFormat } = resolveOptions(opts);
  if (!(yield* checkedOpen(path))) return;
  const state = { encoding: 'utf-8', replaced: 0 };
  const reader = new JsonlReader(path, { dateFormat });
  let lineNo = 0;
  let pending = '';
  let any = false;
  try {
    for await (const chunk of decodedChunks(path, state)) {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const outcome = reader.line(++lineNo, lineNo === 1 ? line.replace(/^\ufeff/, '') : line);
        any ||= outcome !== null;
        yield* events(outcome);
      }
    }
    if (pending !== '') {
      const outcome = reader.line(++lineNo, lineNo === 1 ? pending.replace(/^\ufeff/, '') : pending);
      any ||= outcome !== null;
      yield* events(outcome);
    }
  } catch (err) {
    yield { kind: 'rejection', rejection: { path, line: lineNo > 0 ? lineNo : null, reason: `read failed after line ${lineNo}: ${fsReason(err)}` } };
  }
  if (!any) yield { kind: 'rejection', rejection: { path, line: null, reason: lineNo === 0 ? 'empty file' : 'whitespace only' } };
  for (const warning of reader.finish()) yield { kind: 'warning', warning };
  yield* encodingWarnings(path, state);
}

/**
 * Stream a CSV file (header row; quoted newlines; Media Cloud columns) with
 * papaparse in step mode, pausing the parser while the consumer is busy, so
 * memory stays flat however large the file is. No size limit.
 */
export async function* streamCsv(path: string, opts?: ParseOptions): AsyncGenerator<IngestEvent> {
  const { dateFormat } = resolveOptions(opts);
  if (!(yield* checkedOpen(path))) return;
  const state = { encoding: 'utf-8', replaced: 0 };
  const source = decodedChunks(path, state);
  // The first SNIFF_CHARS characters decide the line break and the delimiter (as
  // parseCsv does on the whole text); put them back in front of the rest.
  let firstChunk = '';
  let ended = false;
  while (firstChunk.length < SNIFF_CHARS + 1) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    firstChunk += next.value;
  }
  if (ended && firstChunk === '') {
    yield { kind: 'rejection', rejection: { path, line: null, reason: 'empty file' } };
    return;
  }
  firstChunk = firstChunk.replace(/^\ufeff/, '');
  const nl = csvNewline(firstChunk);
  const newline = csvNewlineSequence(firstChunk);
  const sniffed = sniffDelimiter(firstChunk, newline);
  if (sniffed.message !== null) yield { kind: 'warning', warning: { path, line: null, message: sniffed.message } };
  const reader = new CsvReader(path, nl, { dateFormat }, sniffed.delimiter);
  const text = Readable.from((async function* () {
    yield firstChunk;
    if (!ended) yield* source;
  })(), { objectMode: false, encoding: 'utf8' });

  const queue: IngestEvent[] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  let paused = false;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  Papa.parse<string[]>(text as unknown as File, {
    delimiter: sniffed.delimiter,
    newline,
    skipEmptyLines: false,
    step: (row, p) => {
      parser = p;
      queue.push(...events(reader.row(row.data, quoteProblem(row.errors))));
      if (queue.length > 0) {
        paused = true;
        p.pause();
      }
      notify();
    },
    complete: () => {
      done = true;
      notify();
    },
    error: (err: unknown) => {
      failure = err;
      done = true;
      notify();
    },
  });
  while (true) {
    while (queue.length > 0) yield queue.shift() as IngestEvent;
    if (done) break;
    const resumable = parser as Papa.Parser | null;
    if (resumable !== null && paused) {
      paused = false;
      resumable.resume();
    } else {
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  if (failure !== null) yield { kind: 'rejection', rejection: { path, line: null, reason: `read failed: ${fsReason(failure)}` } };
  for (const warning of reader.fileWarnings) yield { kind: 'warning', warning };
  for (const rejection of reader.finish()) yield { kind: 'rejection', rejection };
  yield* encodingWarnings(path, state);
}
