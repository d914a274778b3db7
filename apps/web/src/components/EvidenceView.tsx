/**
 * Evidence & data: the spans behind a selected number, highlighted in the article
 * text, and the same export files as the CLI (byte-identical: core's exportFiles).
 */
import { useEffect, useMemo, useState } from 'react';
import type { AnalysisReport, ExportFile } from '@parallax/core';
import { describeQuery, evidenceFor, highlightRuns, measureLabel, type EvidenceQuery, type OutletRef } from '../view/model';
import { saveBlob } from './exportChart';
import { plainId } from '../view/facts';

interface Props {
  report: AnalysisReport;
  refs: OutletRef[];
  loadExports: () => Promise<ExportFile[]>;
  query: EvidenceQuery | null;
  onQuery: (q: EvidenceQuery | null) => void;
  colourOf: (articleId: string) => string;
}

/**
 * Reasons as the engine writes them, in plain words: no rule ids (`rule:x`, `vader:y`)
 * and no sentence ids ("sentence ap:s0 sentiment 0.6059 / 14 sentences" ->
 * "sentence 1 has tone +0.61, averaged over 14 sentences").
 */
export function plainReason(reason: string): string {
  const out = reason
    .replace(/\b(rule|vader|mfc|lexicon|diff):[\w|.-]+/g, '')
    .replace(/\b(frame|generic|source_balance):[\w-]+/g, (m) => measureLabel(m))
    .replace(/\b(person|gov|org|place|country|group):[\w-]+/g, (m) => plainId(m))
    .replace(/\bsentence\s+\S+:s(\d+)\b/g, (_m, n: string) => `sentence ${Number(n) + 1}`)
    .replace(/\S+:s(\d+)\b/g, (_m, n: string) => `sentence ${Number(n) + 1}`)
    .replace(/(sentence \d+)\s+sentiment\s+(-?\d+(?:\.\d+)?)/g, (_m, s: string, v: string) => `${s} has tone ${Number(v) > 0 ? '+' : ''}${Number(v).toFixed(2)}`)
    .replace(/\s*\/\s*(\d+) sentences/g, ', averaged over $1 sentences')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s:;,-]+|[\s:;,-]+$/g, '');
  return out === '' ? 'listed in the word lists' : out;
}

const MIME: Record<string, string> = { json: 'application/json', csv: 'text/csv', jsonl: 'application/x-ndjson', md: 'text/markdown' };

export function EvidenceView({ report, refs, loadExports, query, onQuery, colourOf }: Props) {
  const [exports, setExports] = useState<ExportFile[] | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadExports().then(
      (files) => live && setExports(files),
      (err: unknown) => live && setExportError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [report, loadExports]);
  const items = useMemo(() => (query ? evidenceFor(report.evidence, query) : []), [report.evidence, query]);
  const docMeasures = useMemo(() => [...new Set(report.scores.filter((s) => s.scope === 'document').map((s) => s.measure))].sort(), [report.scores]);
  const total = items.reduce((t, e) => t + e.weight, 0);
  const score = query
    ? report.scores.find(
        (s) => s.article_id === query.articleId && s.measure === query.measure && s.scope === query.scope && (query.target === null || s.target === query.target),
      )
    : undefined;
  const byArticle = useMemo(() => {
    const m = new Map<string, typeof items>();
    for (const e of items) m.set(e.article_id, [...(m.get(e.article_id) ?? []), e]);
    return m;
  }, [items]);

  return (
    <div className="evidence">
      <div className="view-head">
        <p className="lede">
          <strong>Every number has a paper trail.</strong> Pick a measure (or click a bar in Charts) to see the words that produced it, highlighted in the
          article.
        </p>
      </div>
      <div className="ev-pick">
        <label>
          <span className="kicker">Measure</span>
          <select
            value={query?.measure ?? ''}
            onChange={(e) => onQuery(e.target.value ? { articleId: query?.articleId ?? null, measure: e.target.value, scope: 'document', target: '' } : null)}
          >
            <option value="">{docMeasures.length === 0 ? 'no scores in this report' : 'choose a measure…'}</option>
            {docMeasures.map((m) => (
              <option key={m} value={m}>
                {measureLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="kicker">Outlet</span>
          <select value={query?.articleId ?? ''} disabled={!query} onChange={(e) => query && onQuery({ ...query, articleId: e.target.value || null })}>
            <option value="">all outlets</option>
            {refs.map((r) => (
              <option key={r.articleId} value={r.articleId}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {query ? (
        <div className="ev-result" data-testid="evidence">
          <h3>
            {describeQuery(query, refs, report)}
            {score ? ` = ${score.value.toFixed(2)}` : ''}
          </h3>
          <p className="muted small">
            {items.length === 0
              ? 'No words behind this number (it is 0 because nothing in the text moved it).'
              : `${items.length} passage${items.length === 1 ? '' : 's'} behind it; their weights add up to ${total.toFixed(2)}. How the weights become the score is explained per measure in codebook.md (below).`}
          </p>
          {[...byArticle].map(([aid, list]) => {
            const art = report.articles.find((a) => a.id === aid);
            if (!art) return null;
            const runs = highlightRuns(art.text, list);
            const down = list.filter((e) => e.weight < 0);
            const up = list.filter((e) => e.weight > 0);
            const words = (l: typeof list) => [...new Set(l.map((e) => `“${e.text.length > 60 ? `${e.text.slice(0, 57)}…` : e.text}”`))].slice(0, 12).join(', ');
            return (
              <div key={aid} className="ev-article" style={{ ['--c' as string]: colourOf(aid) }}>
                <div className="col-outlet">
                  <span className="dot" aria-hidden="true" /> {refs.find((r) => r.articleId === aid)?.label ?? art.outlet}
                </div>
                {up.length > 0 ? <p className="ev-plain">These words pushed the score up: {words(up)}.</p> : null}
                {down.length > 0 ? <p className="ev-plain">These words pushed the score down: {words(down)}.</p> : null}
                <table className="ev-table">
                  <thead>
                    <tr>
                      <th scope="col">Words</th>
                      <th scope="col">Effect</th>
                      <th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((e, i) => (
                      <tr key={i}>
                        <td>“{e.text}”</td>
                        <td className={e.weight < 0 ? 'neg' : 'pos'}>
                          {e.weight < 0 ? 'down ' : e.weight > 0 ? 'up ' : ''}
                          {Math.abs(e.weight).toFixed(3)}
                        </td>
                        <td>{plainReason(e.reason)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="ev-text">
                  {runs.map((r) => (r.marked ? <mark key={r.start}>{r.text}</mark> : <span key={r.start}>{r.text}</span>))}
                </p>
              </div>
            );
          })}
        </div>
      ) : null}

      <section className="downloads" aria-label="Downloads">
        <h3>Download the data</h3>
        <p className="muted small">
          The same files, byte for byte, as <code>parallax analyze … --out DIR</code> writes for this input: open the CSVs in a spreadsheet or R/pandas;
          <code> codebook.md</code> explains every column and measure.
        </p>
        {exportError ? <p className="notice error">{exportError}</p> : exports === null ? <p className="muted">Preparing the files…</p> : null}
        <div className="file-list" data-testid="downloads">
          {(exports ?? []).map((f) => (
            <button
              key={f.name}
              type="button"
              className="file"
              data-file={f.name}
              onClick={() => saveBlob(new Blob([f.content], { type: `${MIME[f.name.split('.').pop() ?? ''] ?? 'text/plain'};charset=utf-8` }), f.name)}
            >
              {f.name}
              <span className="muted small"> {(new TextEncoder().encode(f.content).length / 1024).toFixed(1)} KB</span>
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
