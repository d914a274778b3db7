/**
 * The CLI's input stream: every path walked lazily (directories in code-unit
 * order, like `walkInputs`), JSONL and CSV corpora streamed record by record
 * (`streamJsonl` / `streamCsv`, no size limit, memory flat), every other file
 * read whole through `walkInputs` (size-checked against --max-bytes).
 *
 * Yields one event per article, rejection or ingest warning, in input order,
 * each with its ordinal (0-based position in that order); articles also carry
 * their article ordinal, which `--shard i/n` slices on.
 */
import { realpath, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_MARKER, type ArticleInput } from '@parallax/core';
import { extensionOf } from '@parallax/ingest';
import { streamCsv, streamJsonl, walkInputs, type IngestEvent } from '@parallax/ingest/node';

export type InputEvent = IngestEvent & { ordinal: number };
export type ArticleEvent = { kind: 'article'; article: ArticleInput; ordinal: number; articleOrdinal: number };
export type StreamedEvent = ArticleEvent | Exclude<InputEvent, { kind: 'article' }>;

export interface InputOptions {
  maxBytes?: number;
  /** Called with the size of every regular file before it is read (for progress / ETA). */
  onFile?: (path: string, bytes: number) => void;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const STREAMED: Readonly<Record<string, (path: string) => AsyncGenerator<IngestEvent>>> = {
  '.jsonl': streamJsonl,
  '.ndjson': streamJsonl,
  '.csv': streamCsv,
};

/** Events of one file or directory, in walk order (files other than JSONL/CSV via walkInputs). */
async function* visit(path: string, opts: InputOptions, active: Set<string>): AsyncGenerator<IngestEvent> {
  let info;
  try {
    info = await stat(path);
  } catch {
    yield* fromWalk(path, opts); // walkInputs words the rejection
    return;
  }
  if (info.isDirectory()) {
    let real: string;
    let names: string[];
    try {
      real = await realpath(path);
      names = await readdir(path);
    } catch {
      yield* fromWalk(path, opts);
      return;
    }
    if (active.has(real)) {
      yield { kind: 'rejection', rejection: { path, line: null, reason: 'directory symlink loop (already being walked); skipped' } };
      return;
    }
    if (names.includes(OUTPUT_MARKER)) {
      // A previous run's --out inside an input directory is output, not news.
      yield { kind: 'warning', warning: { path, line: null, message: `skipped: a Parallax output directory (it holds ${OUTPUT_MARKER}), not input` } };
      return;
    }
    active.add(real);
    for (const name of names.sort(byCodeUnit)) {
      if (name.startsWith('.')) continue;
      yield* visit(join(path, name), opts, active);
    }
    active.delete(real);
    return;
  }
  if (info.isFile()) opts.onFile?.(path, info.size);
  const streamer = info.isFile() ? STREAMED[extensionOf(path)] : undefined;
  if (streamer) yield* streamer(path);
  else yield* fromWalk(path, opts);
}

async function* fromWalk(path: string, opts: InputOptions): AsyncGenerator<IngestEvent> {
  for await (const r of walkInputs([path], opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes })) {
    for (const warning of r.warnings) yield { kind: 'warning', warning };
    for (const article of r.articles) yield { kind: 'article', article };
    for (const rejection of r.rejections) yield { kind: 'rejection', rejection };
  }
}

/** All inputs of `paths` (in the order given), as numbered events. */
export async function* streamInputs(paths: readonly string[], opts: InputOptions = {}): AsyncGenerator<StreamedEvent> {
  let ordinal = 0;
  let articleOrdinal = 0;
  const active = new Set<string>();
  for (const p of paths) {
    for await (const ev of visit(p, opts, active)) {
      if (ev.kind === 'article') yield { ...ev, ordinal: ordinal++, articleOrdinal: articleOrdinal++ };
      else yield { ...ev, ordinal: ordinal++ };
    }
  }
}
