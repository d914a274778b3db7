/**
 * Corpus-phase jobs that run on the worker pool (or in the calling thread with
 * --workers 1): `align` runs the event stages of a batch of events, reading each
 * event's analyses from the spill files (shard format) by byte offset; `render`
 * turns a batch of articles (analysis head only: no tokens) into their report
 * pieces and CSV rows. Results are strings, so the main thread only writes them.
 *
 * An encoder or any other per-thread resource belongs in the engine the job
 * context creates (createEngine options travel in JobSetup.engineOptions), so a
 * worker loads it once and every event aligned on that thread uses it.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import {
  alignEvent,
  createEngine,
  finishArticle,
  renderArticle,
  renderEvent,
  type ArticleAnalysis,
  type Engine,
  type EngineOptions,
  type Event,
  type RenderedArticle,
  type RenderedEvent,
  type ReportForm,
  type Warning,
} from '@parallax/core';

/** Where one analysis line sits in a spill file. */
export interface SpillRef {
  file: number;
  offset: number;
  /** Bytes of the line (without "\n"). */
  length: number;
  /** Bytes of the line before `,"tokens":` (the analysis without its tokens). */
  head: number;
}

export interface JobSetup {
  engineOptions: Partial<EngineOptions>;
  files: string[];
  merges: Record<string, string>;
  docMeasures: string[];
  form: ReportForm;
}

export interface AlignJob {
  events: { event: Event; members: SpillRef[] }[];
}
export interface RenderJob {
  articles: { ref: SpillRef; eventId: string | null; groups: number[] | null }[];
}
/**
 * The text a batch adds to each output file, UTF-8 encoded in the worker: one ArrayBuffer
 * per reply (transferred, not copied), holding for each key in turn the concatenation of
 * every item's piece for that key, in item order. `ranges[key]` are its bytes. The main
 * thread only writes them: no string joins or UTF-8 encoding on its side (profiled, those
 * were ~14 ms per real-length article there, serial).
 */
export interface Pieces<K extends string> {
  bytes: Uint8Array;
  ranges: Record<K, [number, number]>;
}

export function packPieces<K extends string>(keys: readonly K[], items: readonly Record<K, string>[]): Pieces<K> {
  let total = 0;
  for (const k of keys) for (const it of items) total += Buffer.byteLength(it[k], 'utf8');
  const buf = Buffer.allocUnsafeSlow(total); // its own ArrayBuffer (transferable), not a pooled slice
  const ranges = {} as Record<K, [number, number]>;
  let off = 0;
  for (const k of keys) {
    const start = off;
    for (const it of items) if (it[k] !== '') off += buf.write(it[k], off, 'utf8');
    ranges[k] = [start, off];
  }
  if (off !== total) throw new Error(`packPieces wrote ${off} of ${total} bytes`);
  return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, total), ranges };
}

/** Every text piece a rendered article adds, keyed by where it goes. */
export const ARTICLE_PIECES = [
  'articles',
  'scores',
  'evidence',
  'quotes',
  'warnings',
  'articles.csv',
  'sentences.csv',
  'events.csv',
  'scores.csv',
  'quotes.csv',
  'evidence.jsonl',
] as const;
export type ArticlePiece = (typeof ARTICLE_PIECES)[number];
/** Every text piece a rendered event adds (event-level scores / evidence / warnings go after the articles'). */
export const EVENT_PIECES = ['claims', 'omissions', 'diffs', 'terms', 'scores', 'evidence', 'warnings', 'evidence.jsonl', 'claims.csv', 'coverage.csv', 'terms.csv'] as const;
export type EventPiece = (typeof EVENT_PIECES)[number];

export interface RenderReply {
  pieces: Pieces<ArticlePiece>;
  articles: Pick<RenderedArticle, 'counts' | 'warningItems'>[];
  numbers: { scores: Warning[]; evidence: Warning[] };
}
export interface AlignReply {
  pieces: Pieces<EventPiece>;
  events: Pick<RenderedEvent, 'counts' | 'warningItems' | 'groups'>[];
}

export class JobContext {
  private readonly engine: Engine;
  private readonly fds = new Map<number, number>();
  constructor(private readonly setup: JobSetup) {
    this.engine = createEngine(setup.engineOptions);
  }

  private read(ref: SpillRef, bytes: number): string {
    let fd = this.fds.get(ref.file);
    if (fd === undefined) {
      fd = openSync(this.setup.files[ref.file]!, 'r');
      this.fds.set(ref.file, fd);
    }
    const buf = Buffer.allocUnsafe(bytes);
    let got = 0;
    while (got < bytes) {
      const n = readSync(fd, buf, got, bytes - got, ref.offset + got);
      if (n === 0) throw new Error(`${this.setup.files[ref.file]}: unexpected end of file at byte ${ref.offset + got}; the spill is truncated`);
      got += n;
    }
    return buf.toString('utf8');
  }

  /** The whole analysis (tokens included). */
  analysis(ref: SpillRef): ArticleAnalysis {
    return (JSON.parse(this.read(ref, ref.length)) as { analysis: ArticleAnalysis }).analysis;
  }

  /** The analysis without tokens: the line's head, closed. */
  head(ref: SpillRef): ArticleAnalysis {
    return (JSON.parse(this.read(ref, ref.head) + '}}') as { analysis: ArticleAnalysis }).analysis;
  }

  align(job: AlignJob): AlignReply {
    const rendered = job.events.map(({ event, members }) => {
      const analyses = members.map((m) => this.analysis(m));
      const r = alignEvent(event, analyses, this.setup.merges, this.engine.context);
      r.claims.forEach((c, k) => {
        if (c.claim_id !== `${event.event_id}:c${k}`) throw new Error(`claim id ${c.claim_id} is not <event>:c<index>; jobs.ts relies on that form`);
      });
      return renderEvent(event, analyses, r, this.setup.form);
    });
    return {
      pieces: packPieces(
        EVENT_PIECES,
        rendered.map((r) => ({ ...r.report, 'evidence.jsonl': r['evidence.jsonl'], ...r.csv })),
      ),
      events: rendered.map((r) => ({ counts: r.counts, warningItems: r.warningItems, groups: r.groups })),
    };
  }

  render(job: RenderJob): RenderReply {
    const numbers = { scores: [] as Warning[], evidence: [] as Warning[] };
    const rendered = job.articles.map(({ ref, eventId, groups }) =>
      renderArticle(finishArticle(this.head(ref), eventId, this.setup.merges, numbers), eventId, groups, this.setup.docMeasures, this.setup.form),
    );
    return {
      pieces: packPieces(
        ARTICLE_PIECES,
        rendered.map((r) => ({ ...r.report, ...r.csv, 'evidence.jsonl': r['evidence.jsonl'] })),
      ),
      articles: rendered.map((r) => ({ counts: r.counts, warningItems: r.warningItems })),
      numbers,
    };
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
