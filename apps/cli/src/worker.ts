/**
 * A worker_threads worker. Per-article phase: receives ArticleInputs, returns each
 * `analyzeArticle` result as its JSON text (tokens last, see `serializeAnalysis`)
 * with its summary. Corpus phase: a `setup` message, then `align` / `render` jobs
 * (jobs.ts), answered as strings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, failedAnalysis, type ArticleInput, type EngineOptions } from '@parallax/core';
import { JobContext, type AlignJob, type JobSetup, type RenderJob } from './jobs';
import { serializeAnalysis, type WorkerReply, type WorkerRequest } from './pool';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread (see pool.ts)');
const engine = createEngine((workerData as { engineOptions: Partial<EngineOptions> }).engineOptions);
let jobs: JobContext | null = null;
// Tell the pool this thread has loaded everything (until then the main thread analyses).
port.postMessage('ready');

export type JobMessage =
  | { type: 'setup'; setup: JobSetup }
  | { type: 'align'; seq: number; job: AlignJob }
  | { type: 'render'; seq: number; job: RenderJob };

port.on('message', (msg: WorkerRequest[] | JobMessage) => {
  if (Array.isArray(msg)) {
    const replies: WorkerReply[] = msg.map(({ seq, article }: { seq: number; article: ArticleInput }) => {
      try {
        return { seq, ...serializeAnalysis(engine.analyzeArticle(article), engine.context) };
      } catch (err) {
        // analyzeArticle already isolates stage failures; anything else thrown here (e.g. while
        // serializing) still rejects only this article, as in the main thread.
        return { seq, ...serializeAnalysis(failedAnalysis(article, 'worker', err), engine.context) };
      }
    });
    port.postMessage(
      replies,
      replies.flatMap((r) => ('bytes' in r ? [r.bytes.buffer as ArrayBuffer] : [])),
    );
    return;
  }
  if (msg.type === 'setup') {
    jobs?.close();
    jobs = new JobContext(msg.setup);
    return;
  }
  try {
    if (!jobs) throw new Error('corpus job before setup');
    const result = msg.type === 'align' ? jobs.align(msg.job) : jobs.render(msg.job);
    // The encoded text moves to the main thread without a copy.
    port.postMessage({ type: 'job', seq: msg.seq, result }, [result.pieces.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ type: 'job', seq: msg.seq, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
