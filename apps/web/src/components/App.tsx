/**
 * The page: header, inputs, choices (event, outlets), tabs. This container owns the
 * loading, empty and error states once; the views below it only ever get a report.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisReport, ExportFile } from '@parallax/core';
import { exampleFiles } from '../state/example';
import { useAnalysis } from '../state/useAnalysis';
import { useViewState } from '../state/useViewState';
import { TAB_LABELS, TABS, type Tab, type ViewState } from '../state/url';
import { outletColour } from '../view/palette';
import { outletRefs, type EvidenceQuery } from '../view/model';
import { MAX_DEFAULT_COLUMNS, resolveView, type Resolved } from '../view/selection';
import { InputPanel } from './InputPanel';
import { SideBySide } from './SideBySide';
import { DiffView } from './DiffView';
import { CoverageView } from './CoverageView';
import { ChartsView } from './ChartsView';
import { EvidenceView } from './EvidenceView';
import type { InputFile } from '../worker/protocol';

/** Above this many articles in the event, the outlet chips are folded. */
const MANY_CHIPS = 12;

export function App() {
  const { state, run, exports } = useAnalysis();
  const [view, update] = useViewState();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    run(exampleFiles(), 'example');
  }, [run]);

  const runUser = useCallback(
    (files: InputFile[]) => {
      update({ event: null, outlets: [], claim: null, a: null, b: null });
      run(files, 'user');
    },
    [run, update],
  );
  const runExample = useCallback(() => {
    update({ event: null, outlets: [], claim: null, a: null, b: null });
    run(exampleFiles(), 'example');
  }, [run, update]);

  return (
    <div className="app">
      <header className="masthead">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            <span />
            <span />
          </span>
          <h1>Parallax</h1>
        </div>
        <p className="tagline">
          See how different news outlets tell the same story: which facts each one reports or leaves out, the words they choose, and the tone
          they take — every number backed by the sentences behind it.
        </p>
      </header>

      <InputPanel
        busy={state.status === 'running'}
        report={state.status === 'done' ? state.report : null}
        source={state.status === 'done' ? state.source : null}
        onFiles={runUser}
        onExample={runExample}
      />

      {state.status === 'idle' || state.status === 'running' ? (
        <Progress
          done={state.status === 'running' ? state.done : 0}
          total={state.status === 'running' ? state.total : 0}
          label={state.status === 'running' ? state.label : 'starting'}
        />
      ) : state.status === 'error' ? (
        <div className="notice error" role="alert">
          <strong>The analysis failed.</strong> {state.message}
          <div>
            <button type="button" onClick={runExample}>
              Load the example again
            </button>
          </div>
        </div>
      ) : state.report.articles.length === 0 ? (
        <div className="notice" role="status">
          <strong>Nothing could be analysed.</strong> None of the {state.files.length} file(s) produced an article — see the reasons above, or
          try the example.
        </div>
      ) : (
        <Workspace report={state.report} runId={state.runId} loadExports={exports} view={view} update={update} />
      )}
      <footer className="foot">
        Runs entirely in your browser — nothing is uploaded. Same engine and same exports as the <code>parallax</code> command line.
      </footer>
    </div>
  );
}

function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.round((done / total) * 100) : null;
  return (
    <div className="progress" role="status" aria-live="polite" data-testid="progress">
      <div className={`bar${pct === null ? ' indeterminate' : ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={total || undefined} aria-valuenow={pct === null ? undefined : done}>
        <span style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      <p>
        Analysing in your browser… {total > 0 ? `${done} of ${total} articles · ` : ''}
        {label}
      </p>
    </div>
  );
}

function Workspace({
  report,
  runId,
  loadExports,
  view,
  update,
}: {
  report: AnalysisReport;
  runId: number;
  loadExports: (runId: number) => Promise<ExportFile[]>;
  view: ViewState;
  update: (p: Partial<ViewState>) => void;
}) {
  const resolved: Resolved = useMemo(() => resolveView(report, view), [report, view]);
  const refs = useMemo(() => outletRefs(report, resolved.articleIds), [report, resolved.articleIds]);
  const allRefs = useMemo(() => outletRefs(report, resolved.group?.articleIds ?? []), [report, resolved.group]);
  const [evidenceQuery, setEvidenceQuery] = useState<EvidenceQuery | null>(null);
  const [showAllChips, setShowAllChips] = useState(false);
  const exportsOfRun = useCallback(() => loadExports(runId), [loadExports, runId]);
  const showEvidence = useCallback(
    (q: EvidenceQuery) => {
      setEvidenceQuery(q);
      update({ tab: 'evidence' });
    },
    [update],
  );
  const colourOf = useCallback((articleId: string) => outletColour(allRefs.findIndex((r) => r.articleId === articleId)), [allRefs]);

  const toggleOutlet = (id: string) => {
    const current = resolved.articleIds;
    const next = current.includes(id) ? current.filter((x) => x !== id) : (resolved.group?.articleIds ?? []).filter((x) => x === id || current.includes(x));
    if (next.length === 0) return;
    const all = resolved.group?.articleIds ?? [];
    update({ outlets: next.length === all.length && all.length <= MAX_DEFAULT_COLUMNS ? [] : next });
  };

  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onTabKey = (e: React.KeyboardEvent, tab: Tab) => {
    const i = TABS.indexOf(tab);
    const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -99;
    if (j === -99) return;
    const next = TABS[(j + TABS.length) % TABS.length] as Tab;
    update({ tab: next });
    tabRefs.current[next]?.focus();
    e.preventDefault();
  };

  return (
    <main className="workspace" data-articles={report.articles.map((a) => a.id).join(' ')}>
      <section className="choices" aria-label="What to compare">
        {resolved.groups.length > 1 ? (
          <label className="event-pick">
            <span className="kicker">Event</span>
            <select value={resolved.group?.id ?? ''} onChange={(e) => update({ event: e.target.value, outlets: [], claim: null, a: null, b: null })}>
              {resolved.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                  {g.date && !g.label.includes(g.date) ? ` (${g.date})` : ''} — {g.articleIds.length} article{g.articleIds.length === 1 ? '' : 's'}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <div className="event-one">
            <span className="kicker">Event</span>
            <strong>{resolved.group?.label ?? 'All articles'}</strong>
            {resolved.group?.date && !resolved.group.label.includes(resolved.group.date) ? <span className="muted"> · {resolved.group.date}</span> : null}
          </div>
        )}
        <div className="outlet-pick" role="group" aria-label="Outlets to compare">
          <span className="kicker">Outlets</span>
          {allRefs
            .filter((r, i) => showAllChips || allRefs.length <= MANY_CHIPS || i < MANY_CHIPS - 2 || resolved.articleIds.includes(r.articleId))
            .map((r) => {
            const on = resolved.articleIds.includes(r.articleId);
            return (
              <button
                key={r.articleId}
                type="button"
                className={`chip${on ? ' on' : ''}`}
                aria-pressed={on}
                style={{ ['--c' as string]: colourOf(r.articleId) }}
                onClick={() => toggleOutlet(r.articleId)}
                title={r.outlet}
              >
                <span className="dot" aria-hidden="true" />
                {r.label}
              </button>
            );
          })}
          {allRefs.length > MANY_CHIPS ? (
            <button type="button" className="link" aria-expanded={showAllChips} onClick={() => setShowAllChips((v) => !v)}>
              {showAllChips ? 'fewer' : `all ${allRefs.length} articles…`}
            </button>
          ) : null}
        </div>
      </section>

      <nav className="tabs" role="tablist" aria-label="Views">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={view.tab === t}
            aria-controls={`panel-${t}`}
            tabIndex={view.tab === t ? 0 : -1}
            ref={(el) => {
              tabRefs.current[t] = el;
            }}
            className={view.tab === t ? 'active' : ''}
            onClick={() => update({ tab: t })}
            onKeyDown={(e) => onTabKey(e, t)}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </nav>

      <section className="panel" role="tabpanel" id={`panel-${view.tab}`} aria-labelledby={`tab-${view.tab}`}>
        {view.tab === 'side' ? (
          <SideBySide
            report={report}
            articleIds={resolved.articleIds}
            eventId={resolved.group?.id ?? null}
            colourOf={colourOf}
            selectedClaim={view.claim}
            onOpenDiff={(claim, a, b) => update({ tab: 'diff', claim, a, b })}
          />
        ) : view.tab === 'diff' ? (
          <DiffView
            report={report}
            refs={refs}
            eventId={resolved.group?.id ?? null}
            a={resolved.a}
            b={resolved.b}
            claim={view.claim}
            colourOf={colourOf}
            onChange={(p) => update(p)}
          />
        ) : view.tab === 'coverage' ? (
          <CoverageView
            report={report}
            refs={refs}
            eventId={resolved.group?.id ?? null}
            colourOf={colourOf}
            onCell={(claim) => update({ tab: 'side', claim })}
          />
        ) : view.tab === 'charts' ? (
          <ChartsView report={report} refs={refs} colourOf={colourOf} onEvidence={showEvidence} />
        ) : (
          <EvidenceView report={report} refs={refs} loadExports={exportsOfRun} query={evidenceQuery} onQuery={setEvidenceQuery} colourOf={colourOf} />
        )}
      </section>
    </main>
  );
}
