/**
 * Per-article analysis, in order, on N threads. `analyzeInOrder` takes the input
 * event stream and yields every event back in input order, articles with their
 * `analyzeArticle` result as JSON text. At most `workers * IN_FLIGHT_PER_WORKER`
 * articles are read ahead, so memory stays bounded however long the input is.
 *
 * workers = 1 runs in the calling thread (no worker_threads); workers > 1 starts
 * that many worker threads (worker.ts) once more than SPAWN_AFTER articles came in,
 * and keeps analysing in the calling thread until the first of them has loaded.
 * Either way the JSON text is identical, so output does not depend on the worker count.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { createEngine, failedAnalysis, summarizeArticle, type ArticleAnalysis, type ArticleInput, type ArticleSummary, type EngineContext, type EngineOptions } from '@parallax/core';

export interface WorkerRequest {
  seq: number;
  article: ArticleInput;
}

/** An analysis as it crosses threads and goes to disk. */
export interface Analysed {
  /**
   * JSON of the analysis with `tokens` as its last key, UTF-8 encoded where it was made
   * (its own ArrayBuffer: a worker transfers it, so the main thread neither copies nor
   * encodes ~0.5 MB per real-length article; it only writes it).
   */
  bytes: Uint8Array;
  /** Bytes of `bytes` before `,"tokens":` (the head a reader can parse without tokens). */
  headBytes: number;
  /** The article's summary with the sha256 of its normalized text (duplicate detection). */
  summary: CliSummary;
}
export type CliSummary = ArticleSummary & { text_key: string };
export type WorkerReply = ({ seq: number } & Analysed) | { seq: number; error: string };

/** Serialize with tokens last, so the analysis without tokens is a prefix of the line (jobs.ts reads only that). */
export function serializeAnalysis(a: ArticleAnalysis, ctx: EngineContext): Analysed {
  const { tokens, ...rest } = a;
  const head = JSON.stringify(rest).slice(0, -1); // without its closing brace
  const tail = `,"tokens":${JSON.stringify(tokens)}}`;
  const headBytes = Buffer.byteLength(head, 'utf8');
  const bytes = Buffer.allocUnsafeSlow(headBytes + Buffer.byteLength(tail, 'utf8')); // not a pooled slice: transferable
  bytes.write(head, 0, 'utf8');
  bytes.write(tail, headBytes, 'utf8');
  const summary = { ...summarizeArticle(a, ctx), text_key: createHash('sha256').update(a.article.text).digest('base64') };
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), headBytes, summary };
}

/** How many articles each worker may have queued (keeps workers busy, bounds memory). */
const IN_FLIGHT_PER_WORKER = 16;
/** Articles per message to a worker (fewer, larger messages; small enough to balance load). */
const BATCH = 4;

export interface Analyzer {
  /** Start analysing; resolves to the analysis as JSON text (with its summary). */
  run(article: ArticleInput): Promise<Analysed>;
  /** Articles submitted but not finished. */
  readonly pending: number;
  /** The worker threads, if any were started (the corpus phase reuses them: a thread costs 1-2 s to start). */
  readonly threads: readonly Worker[];
  close(): Promise<void>;
}

export function inlineAnalyzer(engineOptions: Partial<EngineOptions>): Analyzer {
  const engine = createEngine(engineOptions);
  return {
    run: (article) => {
      // analyzeArticle isolates stage failures; this catches the rest, exactly as worker.ts does.
      try {
        return Promise.resolve(serializeAnalysis(engine.analyzeArticle(article), engine.context));
      } catch (err) {
        return Promise.resolve(serializeAnalysis(failedAnalysis(article, 'worker', err), engine.context));
      }
    },
    pending: 0,
    threads: [],
    close: () => Promise.resolve(),
  };
}

interface Slot {
  worker: Worker;
  jobs: Map<number, { resolve: (a: Analysed) => void; reject: (err: Error) => void }>;
  outbox: WorkerRequest[];
}

export function workerAnalyzer(engineOptions: Partial<EngineOptions>, workers: number, onReady?: () => void): Analyzer {
  let seq = 0;
  let failed: Error | null = null;
  const slots: Slot[] = [];
  const fail = (err: Error) => {
    failed ??= err;
    for (const s of slots) for (const job of s.jobs.values()) job.reject(err);
    for (const s of slots) s.jobs.clear();
  };
  for (let i = 0; i < workers; i++) {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { engineOptions } });
    const slot: Slot = { worker, jobs: new Map(), outbox: [] };
    worker.on('message', (replies: WorkerReply[] | 'ready') => {
      if (replies === 'ready') {
        onReady?.();
        return;
      }
      if (!Array.isArray(replies)) return; // a corpus-phase job reply (corpus-pool.ts listens for those)
      for (const r of replies) {
        const job = slot.jobs.get(r.seq);
        if (!job) continue;
        slot.jobs.delete(r.seq);
        if ('bytes' in r) job.resolve(r);
        else job.reject(new Error(`analysis failed in a worker: ${r.error}`));
      }
    });
    worker.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
    worker.on('exit', (code) => {
      if (slot.jobs.size > 0) fail(new Error(`a worker exited (code ${code}) with ${slot.jobs.size} articles unfinished`));
    });
    slots.push(slot);
  }
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    for (const s of slots) {
      if (s.outbox.length > 0) s.worker.postMessage(s.outbox.splice(0));
    }
  };
  return {
    run(article) {
      if (failed) return Promise.reject(failed);
      // Least-loaded worker; ties go to the lowest index (deterministic, not that it matters for output).
      let slot = slots[0] as Slot;
      for (const s of slots) if (s.jobs.size < slot.jobs.size) slot = s;
      const id = seq++;
      const p = new Promise<Analysed>((resolve, reject) => slot.jobs.set(id, { resolve, reject }));
      slot.outbox.push({ seq: id, article });
      if (slot.outbox.length >= BATCH) {
        slot.worker.postMessage(slot.outbox.splice(0));
      } else if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
      return p;
    },
    get pending() {
      return slots.reduce((n, s) => n + s.jobs.size, 0);
    },
    get threads() {
      return slots.map((s) => s.worker);
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** Articles analysed in the calling thread before worker threads are started (a thread costs ~1-2 s of start-up). */
export const SPAWN_AFTER = 64;

/**
 * workers <= 1: everything in this thread. Otherwise the first `spawnAfter`
 * articles run in this thread and the worker threads start only when the input
 * turns out larger, so small runs do not pay the threads' start-up.
 */
export function createAnalyzer(engineOptions: Partial<EngineOptions>, workers: number, spawnAfter = SPAWN_AFTER): Analyzer {
  const inline = inlineAnalyzer(engineOptions);
  if (workers <= 1) return inline;
  let pool: Analyzer | null = null;
  let ready = false;
  let seen = 0;
  return {
    run(article) {
      if (pool === null && seen++ < spawnAfter) return inline.run(article);
      pool ??= workerAnalyzer(engineOptions, workers, () => (ready = true));
      // While the threads load (1-2 s), keep analysing here rather than wait for them.
      // Yield to the event loop after each inline article so the ready message gets through.
      if (!ready) {
        return new Promise((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(inline.run(article));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          }),
        );
      }
      return pool.run(article);
    },
    get pending() {
      return pool?.pending ?? 0;
    },
    get threads() {
      return ready ? (pool?.threads ?? []) : [];
    },
    close: () => pool?.close() ?? Promise.resolve(),
  };
}

type WithAnalysis<E> = E extends { kind: 'article' } ? E & { json: Analysed | null } : E;

/**
 * Yield every event in input order; an article event that `select` accepts gets
 * its analysis JSON, others get `json: null`.
 */
export async function* analyzeInOrder<E extends { kind: string }>(
  events: AsyncIterable<E>,
  analyzer: Analyzer,
  workers: number,
  select: (e: E & { kind: 'article' }) => boolean = () => true,
): AsyncGenerator<WithAnalysis<E>> {
  const limit = Math.max(1, workers) * IN_FLIGHT_PER_WORKER;
  type Entry = { event: E; json: Promise<Analysed> | null; done: boolean; value: Analysed | null };
  const queue: Entry[] = [];
  let inFlight = 0;
  const out = async (entry: Entry): Promise<WithAnalysis<E>> => {
    if (entry.json) {
      entry.value = await entry.json;
      inFlight--;
    }
    return (entry.event.kind === 'article' ? { ...entry.event, json: entry.value } : entry.event) as WithAnalysis<E>;
  };
  for await (const event of events) {
    const entry: Entry = { event, json: null, done: true, value: null };
    if (event.kind === 'article' && select(event as E & { kind: 'article' })) {
      const article = (event as unknown as { article: ArticleInput }).article;
      entry.done = false;
      inFlight++;
      entry.json = analyzer.run(article);
      entry.json.then(
        () => (entry.done = true),
        () => (entry.done = true),
      );
    }
    queue.push(entry);
    // Emit what is finished at the head; block on the head only when too much is in flight.
    while (queue.length > 0 && ((queue[0] as Entry).done || inFlight >= limit)) {
      yield await out(queue.shift() as Entry);
    }
  }
  while (queue.length > 0) yield await out(queue.shift() as Entry);
}
