/**
 * The loading layer: one Web Worker runs ingest + the engine; this hook exposes
 * its state (idle / running with progress / done / error). Components never talk
 * to the worker directly.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisReport, ExportFile } from '@parallax/core';
import type { InputFile, WorkerRequest, WorkerResponse } from '../worker/protocol';

export type AnalysisState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; label: string; files: string[] }
  | { status: 'done'; report: AnalysisReport; exports: ExportFile[]; files: string[]; source: 'example' | 'user' }
  | { status: 'error'; message: string; files: string[] };

export function useAnalysis(): { state: AnalysisState; run: (files: InputFile[], source: 'example' | 'user') => void } {
  const [state, setState] = useState<AnalysisState>({ status: 'idle' });
  const workerRef = useRef<Worker | null>(null);
  const runRef = useRef(0);
  const metaRef = useRef<{ files: string[]; source: 'example' | 'user' }>({ files: [], source: 'example' });

  useEffect(() => {
    const worker = new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const m = ev.data;
      if (m.runId !== runRef.current) return; // a newer run replaced this one
      const { files, source } = metaRef.current;
      if (m.type === 'progress') setState({ status: 'running', done: m.done, total: m.total, label: m.label, files });
      else if (m.type === 'result') setState({ status: 'done', report: m.report, exports: m.exports, files, source });
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

  return { state, run };
}
