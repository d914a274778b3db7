/**
 * The worker pool of the corpus phase: `align` and `render` jobs (jobs.ts) on N
 * threads, results handed back in submission order (`ordered`), at most
 * `IN_FLIGHT_PER_WORKER` jobs per thread in flight so memory stays bounded.
 * workers = 1 runs the same JobContext in the calling thread.
 */
import { Worker } from 'node:worker_threads';
import type { EngineOptions } from '@parallax/core';
import { JobContext, type AlignJob, type AlignReply, type JobSetup, type RenderJob, type RenderReply } from './jobs';
import type { JobMessage } from './worker';

const IN_FLIGHT_PER_WORKER = 4;

export interface CorpusPool {
  readonly workers: number;
  setup(setup: JobSetup): void;
  align(job: AlignJob): Promise<AlignReply>;
  render(job: RenderJob): Promise<RenderReply>;
  close(): Promise<void>;
}

/**
 * `threads`: worker threads already running worker.ts with the same engine options (the
 * per-article phase's); they are used instead of starting new ones, and left running
 * on close (their owner closes them).
 */
export function createCorpusPool(engineOptions: Partial<EngineOptions>, workers: number, threads: readonly Worker[] = []): CorpusPool {
  if (workers <= 1) {
    let ctx: JobContext | null = null;
    const need = () => {
      if (!ctx) throw new Error('corpus job before setup');
      return ctx;
    };
    return {
      workers: 1,
      setup(s) {
        ctx?.close();
        ctx = new JobContext(s);
      },
      align: (job) => new Promise((resolve, reject) => setImmediate(() => { try { resolve(need().align(job)); } catch (e) { reject(e as Error); } })),
      render: (job) => new Promise((resolve, reject) => setImmediate(() => { try { resolve(need().render(job)); } catch (e) { reject(e as Error); } })),
      close: () => {
        ctx?.close();
        return Promise.resolve();
      },
    };
  }
  type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
  const slots: { worker: Worker; jobs: Map<number, Pending> }[] = [];
  let seq = 0;
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed ??= err;
    for (const s of slots) for (const j of s.jobs.values()) j.reject(err);
    for (const s of slots) s.jobs.clear();
  };
  const own = threads.length === 0;
  const detach: (() => void)[] = [];
  for (let i = 0; i < (own ? workers : threads.length); i++) {
    const worker = own ? new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { engineOptions } }) : threads[i]!;
    const slot = { worker, jobs: new Map<number, Pending>() };
    const onMessage = (m: 'ready' | { type: 'job'; seq: number; result?: unknown; error?: string }) => {
      if (m === 'ready' || typeof m !== 'object' || m === null || !('type' in m)) return;
      const job = slot.jobs.get(m.seq);
      if (!job) return;
      slot.jobs.delete(m.seq);
      if (m.error !== undefined) job.reject(new Error(`corpus job failed in a worker: ${m.error}`));
      else job.resolve(m.result);
    };
    const onError = (err: unknown) => fail(err instanceof Error ? err : new Error(String(err)));
    const onExit = (code: number) => {
      if (slot.jobs.size > 0) fail(new Error(`a worker exited (code ${code}) with ${slot.jobs.size} jobs unfinished`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    detach.push(() => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    });
    slots.push(slot);
  }
  const submit = <T>(msg: (seq: number) => JobMessage): Promise<T> => {
    if (failed) return Promise.reject(failed);
    let slot = slots[0]!;
    for (const s of slots) if (s.jobs.size < slot.jobs.size) slot = s;
    const id = seq++;
    const p = new Promise<T>((resolve, reject) => slot.jobs.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    slot.worker.postMessage(msg(id));
    return p;
  };
  return {
    workers: slots.length,
    setup(s) {
      for (const slot of slots) slot.worker.postMessage({ type: 'setup', setup: s } satisfies JobMessage);
    },
    align: (job) => submit((seq) => ({ type: 'align', seq, job })),
    render: (job) => submit((seq) => ({ type: 'render', seq, job })),
    close: async () => {
      for (const d of detach) d();
      if (own) await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** Run `fn` over `items` with at most `limit` in flight; yields results in item order. */
export async function* ordered<I, R>(items: Iterable<I>, fn: (item: I) => Promise<R>, limit: number): AsyncGenerator<[I, R]> {
  const queue: [I, Promise<R>][] = [];
  for (const item of items) {
    const p = fn(item);
    p.catch(() => undefined); // surfaced when awaited in order
    queue.push([item, p]);
    if (queue.length >= limit) {
      const [i, q] = queue.shift()!;
      yield [i, await q];
    }
  }
  while (queue.length > 0) {
    const [i, q] = queue.shift()!;
    yield [i, await q];
  }
}

export const inFlight = (pool: CorpusPool) => Math.max(2, pool.workers * IN_FLIGHT_PER_WORKER);
