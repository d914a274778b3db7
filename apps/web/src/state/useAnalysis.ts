/**
 * The loading layer: one Web Worker runs ingest + the engine; this hook exposes
 * its state (idle / running with progress / done / error) and fetches the export
 * files on demand. Components never talk to the worker directly.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisReport, ExportFile } from '@parallax/core';
import type { InputFile, WorkerRequest, WorkerResponse } from '../worker/protocol';

export type AnalysisState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; label: string; files: string[] }
  | { status: 'done'; runId: number; report: AnalysisReport; files: string[]; source: 'example' | 'user' }
  | { status: 'error'; message: string; files: string[] };

export interface Analysis {
  state: AnalysisState;
  run: (files: InputFile[], source: 'example' | 'user') => void;
  /** The CLI's export files for the current report (computed in the worker). */
  exports: (runId: number) => Promise<ExportFile[]>;
}

export function useAnalysis(): Analysis {
  const [state, setState] = useState<AnalysisState>({ status: 'idle' });
  const workerRef = useRef<Worker | null>(null);
  const runRef = useRef(0);
  /** A report arriving in parts (see protocol.ts). */
  const pending = useRef<{ runId: number; report: AnalysisReport } | null>(null);
  const metaRef = useRef<{ files: string[]; source: 'example' | 'user' }>({ files: [], source: 'example' });
  const exportWaiters = useRef(new Map<number, { resolve: (f: ExportFile[]) => void; reject: (e: Error) => void }[]>());

  useEffect(() => {
    const worker = new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    const waiters = exportWaiters.current;
    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const m = ev.data;
      if (m.type === 'exports' || (m.type === 'error' && waiters.has(m.runId))) {
        const list = waiters.get(m.runId) ?? [];
        waiters.delete(m.runId);
        for (const w of list) {
          if (m.type === 'exports') w.resolve(m.exports);
          else w.reject(new Error(m.message));
        }
        return;
      }
      if (m.runId !== runRef.current) return; // a newer run replaced this one
      const { files, source } = metaRef.current;
      if (m.type === 'progress') setState({ status: 'running', done: m.done, total: m.total, label: m.label, files });
      // Drawing a big report is a transition: React renders it in slices, so the page keeps answering.
      else if (m.type === 'result') pending.current = { runId: m.runId, report: m.report };
      else if (m.type === 'result-part') {
        const p = pending.current;
        if (p && p.runId === m.runId) (p.report[m.key] as unknown[]).push(...m.items);
      } else if (m.type === 'result-end') {
        const p = pending.current;
        pending.current = null;
        if (p && p.runId === m.runId) startTransition(() => setState({ status: 'done', runId: m.runId, report: p.report, files, source }));
      }
      else setState({ status: 'error', message: m.message, files });
    };
    worker.onerror = (ev) => setState({ status: 'error', message: ev.message || 'the analysis worker failed to start', files: metaRef.current.files });
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  const run = useCallback((files: InputFile[], source: 'example' | 'user') => {
    const worker = workerRef.current;
    if (!worker) return;
    runRef.current += 1;
    metaRef.current = { files: files.map((f) => f.name), source };
    setState({ status: 'running', done: 0, total: 0, label: 'starting the engine', files: metaRef.current.files });
    const msg: WorkerRequest = { type: 'analyze', runId: runRef.current, files };
    worker.postMessage(msg);
  }, []);

  const exports = useCallback((runId: number) => {
    return new Promise<ExportFile[]>((resolve, reject) => {
      const worker = workerRef.current;
      if (!worker) return reject(new Error('the analysis worker is not running'));
      const list = exportWaiters.current.get(runId) ?? [];
      list.push({ resolve, reject });
      exportWaiters.current.set(runId, list);
      if (list.length === 1) worker.postMessage({ type: 'export', runId } satisfies WorkerRequest);
    });
  }, []);

  return { state, run, exports };
}
