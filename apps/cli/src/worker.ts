/**
 * A worker_threads worker for the per-article stages: receives ArticleInputs,
 * returns each `analyzeArticle` result as its JSON text (the same form shards
 * write, so every path through the CLI hands buildReport identical data).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, failedAnalysis, type ArticleInput, type EngineOptions } from '@parallax/core';
import type { WorkerReply, WorkerRequest } from './pool';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread (see pool.ts)');
const engine = createEngine((workerData as { engineOptions: Partial<EngineOptions> }).engineOptions);
// Tell the pool this thread has loaded everything (until then the main thread analyses).
port.postMessage('ready');

port.on('message', (batch: WorkerRequest[]) => {
  const replies: WorkerReply[] = batch.map(({ seq, article }: { seq: number; article: ArticleInput }) => {
    try {
      return { seq, json: JSON.stringify(engine.analyzeArticle(article)) };
    } catch (err) {
      // analyzeArticle already isolates stage failures; anything else thrown here (e.g. while
      // serializing) still rejects only this article, as in the main thread.
      return { seq, json: JSON.stringify(failedAnalysis(article, 'worker', err)) };
    }
  });
  port.postMessage(replies);
});
