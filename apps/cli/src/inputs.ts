/**
 * The CLI's input stream: ingest's `walkEvents` (paths walked lazily, directories
 * in code-unit order, JSONL and CSV corpora streamed record by record with no size
 * limit, every other file read whole and size-checked against --max-bytes).
 *
 * Yields one event per article, rejection or ingest warning, in input order,
 * each with its ordinal (0-based position in that order); articles also carry
 * their article ordinal, which `--shard i/n` slices on.
 */
import type { ArticleInput } from '@parallax/core';
import type { DateFormat } from '@parallax/ingest';
import { walkEvents, type IngestEvent } from '@parallax/ingest/node';

export type InputEvent = IngestEvent & { ordinal: number };
export type ArticleEvent = { kind: 'article'; article: ArticleInput; ordinal: number; articleOrdinal: number };
export type StreamedEvent = ArticleEvent | Exclude<InputEvent, { kind: 'article' }>;

export interface InputOptions {
  maxBytes?: number;
  dateFormat?: DateFormat;
  /** Called with the size of every regular file before it is read (for progress / ETA). */
  onFile?: (path: string, bytes: number) => void;
}

/** All inputs of `paths` (in the order given), as numbered events (ingest's walkEvents). */
export async function* streamInputs(paths: readonly string[], opts: InputOptions = {}): AsyncGenerator<StreamedEvent> {
  let ordinal = 0;
  let articleOrdinal = 0;
  const walkOpts = {
    ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }),
    ...(opts.dateFormat === undefined ? {} : { dateFormat: opts.dateFormat }),
    ...(opts.onFile ? { onFile: opts.onFile } : {}),
  };
  for await (const ev of walkEvents(paths, walkOpts)) {
    if (ev.kind === 'article') yield { ...ev, ordinal: ordinal++, articleOrdinal: articleOrdinal++ };
    else yield { ...ev, ordinal: ordinal++ };
  }
}
