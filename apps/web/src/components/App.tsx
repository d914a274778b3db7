/**
 * The page: header, inputs, the chosen story, tabs. This container owns the
 * loading, empty and error states once; the views below it only ever get a report.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisReport, ExportFile } from '@parallax/core';
import { exampleFiles } from '../state/example';
import { useAnalysis } from '../state/useAnalysis';
import { useViewState } from '../state/useViewState';
import { clearFiles, loadFiles, loadGroups, saveFiles, saveGroups, saveSource, savedSource, type Source } from '../state/session';
import { TAB_LABELS, TABS, type Tab, type ViewState } from '../state/url';
import { outletColour } from '../view/palette';
import { outletRefs, type EvidenceQuery } from '../view/model';
import { stories, storyFacts, UNGROUPED_ID } from '../view/facts';
import { MAX_DEFAULT_COLUMNS, resolveView, type Resolved } from '../view/selection';
import { InputPanel } from './InputPanel';
import { SideBySide } from './SideBySide';
import { DiffView } from './DiffView';
import { CoverageView } from './CoverageView';
import { ChartsView } from './ChartsView';
import { EvidenceView } from './EvidenceView';
import { StoriesView } from './StoriesView';
import { SummaryView } from './SummaryView';
import { QuotesView } from './QuotesView';
import type { InputFile } from '../worker/protocol';

/** What a new input resets in the view (the URL then picks defaults for it). */
const RESET = Object.freeze({ event: null, outlets: [], claim: null, a: null, b: null, s: null, m: null, ea: null, sc: null, t: null }) as Partial<ViewState>;

/** Above this many articles in the story, the outlet chips are folded. */
const MANY_CHIPS = 12;

export function App() {
  const { state, run, exports } = useAnalysis();
  const [view, update] = useViewState();
  const started = useRef(false);
  const [userFiles, setUserFiles] = useState<InputFile[] | null>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // Files uploaded earlier in this session come back after a reload (IndexedDB).
    void loadFiles().then((files) => {
      setUserFiles(files);
      if (files && savedSource() === 'user') run(files, 'user');
      else run(exampleFiles(), 'example');
    });
  }, [run]);

  const runUser = useCallback(
    (files: InputFile[]) => {
      update(RESET);
      setUserFiles(files);
      saveSource('user');
      void saveFiles(files).catch(() => undefined);
      run(files, 'user');
    },
    [run, update],
  );
  const switchTo = useCallback(
    (source: Source) => {
      update(RESET);
      saveSource(source);
      if (source === 'user' && userFiles) run(userFiles, 'user');
      else run(exampleFiles(), 'example');
    },
    [run, update, userFiles],
  );
  const forget = useCallback(() => {
    void clearFiles().catch(() => undefined);
    setUserFiles(null);
    saveSource('example');
    if (state.status === 'done' && state.source === 'user') switchTo('example');
  }, [state, switchTo]);

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
          See how different news outlets tell the same story: which facts each one reports or leaves out, who they quote, the words they choose and the
          tone they take — every number backed by the sentences behind it.
        </p>
      </header>

      <InputPanel
        busy={state.status === 'running'}
        report={state.status === 'done' ? state.report : null}
        source={state.status === 'done' ? state.source : null}
        hasUserFiles={userFiles !== null}
        userFileCount={userFiles?.length ?? 0}
        onFiles={runUser}
        onSwitch={switchTo}
        onForget={forget}
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
            <button type="button" onClick={() => switchTo('example')}>
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
      <div
        className={`bar${pct === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label="Analysis progress"
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={pct === null ? undefined : done}
      >
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
  const allStories = useMemo(() => stories(report), [report]);
  const resolved: Resolved = useMemo(() => resolveView(report, view, allStories), [report, view, allStories]);
  const refs = useMemo(() => outletRefs(report, resolved.articleIds), [report, resolved.articleIds]);
  const allRefs = useMemo(() => outletRefs(report, resolved.group?.articleIds ?? []), [report, resolved.group]);
  const storyId = resolved.group?.id ?? UNGROUPED_ID;
  const facts = useMemo(() => storyFacts(report, storyId, resolved.articleIds), [report, storyId, resolved.articleIds]);
  const [groups, setGroups] = useState<Record<string, string>>(() => loadGroups());
  const [showAllChips, setShowAllChips] = useState(false);
  const exportsOfRun = useCallback(() => loadExports(runId), [loadExports, runId]);
  const evidenceQuery: EvidenceQuery | null = view.m ? { articleId: view.ea, measure: view.m, scope: view.sc, target: view.t } : null;
  const showEvidence = useCallback(
    (q: EvidenceQuery) => update({ tab: 'evidence', m: q.measure, ea: q.articleId, sc: q.scope, t: q.target }),
    [update],
  );
  const setEvidence = useCallback(
    (q: EvidenceQuery | null) => update(q ? { m: q.measure, ea: q.articleId, sc: q.scope, t: q.target } : { m: null, ea: null, sc: null, t: null }),
    [update],
  );
  const colourOf = useCallback((articleId: string) => outletColour(allRefs.findIndex((r) => r.articleId === articleId)), [allRefs]);
  const setGroup = useCallback((outlet: string, label: string) => {
    setGroups((g) => {
      const next = { ...g };
      if (label.trim() === '') delete next[outlet];
      else next[outlet] = label;
      saveGroups(next);
      return next;
    });
  }, []);

  const toggleOutlet = (id: string) => {
    const current = resolved.articleIds;
    const next = current.includes(id) ? current.filter((x) => x !== id) : (resolved.group?.articleIds ?? []).filter((x) => x === id || current.includes(x));
    if (next.length === 0) return;
    const all = resolved.group?.articleIds ?? [];
    update({ outlets: next.length === all.length && all.length <= MAX_DEFAULT_COLUMNS ? [] : next });
  };

  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const goTab = (next: Tab) => {
    update({ tab: next });
    tabRefs.current[next]?.focus();
    tabRefs.current[next]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  const onTabKey = (e: React.KeyboardEvent, tab: Tab) => {
    const i = TABS.indexOf(tab);
    const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (j === null) return;
    goTab(TABS[(j + TABS.length) % TABS.length] as Tab);
    e.preventDefault();
  };
  // Keep the active tab visible in the scrolling tab bar (phones).
  useEffect(() => {
    tabRefs.current[view.tab]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [view.tab]);

  const story = resolved.group;
  const openStory = (id: string) => update({ event: id, outlets: [], claim: null, a: null, b: null, s: null, tab: 'summary' });

  return (
    <main className="workspace" data-articles={report.articles.map((a) => a.id).join(' ')} data-story={story?.id ?? ''}>
      <section className="choices" aria-label="The story you are looking at">
        <div className="story-line">
          <span className="kicker">Story</span>
          <strong className="story-title">{story?.label ?? 'All articles'}</strong>
          {story?.date && !story.label.includes(story.date) ? <span className="muted"> · {story.date}</span> : null}
          <span className="muted"> · {story?.outlets.length ?? 0} outlets</span>
          {allStories.length > 1 ? (
            <button type="button" className="link" onClick={() => goTab('stories')}>
              all {allStories.length} stories
            </button>
          ) : null}
        </div>
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

      <div className="tabs-scroll">
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
      </div>

      <section className="panel" role="tabpanel" id={`panel-${view.tab}`} aria-labelledby={`tab-${view.tab}`}>
        {view.tab === 'stories' ? (
          <StoriesView stories={allStories} current={story?.id ?? null} onOpen={openStory} />
        ) : view.tab === 'summary' ? (
          <SummaryView
            report={report}
            refs={refs}
            facts={facts}
            groups={groups}
            onGroup={setGroup}
            colourOf={colourOf}
            onFact={(claim) => update({ tab: 'side', claim })}
          />
        ) : view.tab === 'side' ? (
          <SideBySide
            report={report}
            articleIds={resolved.articleIds}
            facts={facts}
            colourOf={colourOf}
            selectedClaim={view.claim}
            onSelect={(claim) => update({ claim })}
            onOpenDiff={(claim, a, b, s) => update({ tab: 'diff', claim, a, b, s })}
          />
        ) : view.tab === 'diff' ? (
          <DiffView
            report={report}
            refs={refs}
            facts={facts}
            a={resolved.a}
            b={resolved.b}
            claim={view.claim}
            sentence={view.s}
            colourOf={colourOf}
            onChange={(p) => update(p)}
          />
        ) : view.tab === 'coverage' ? (
          <CoverageView report={report} refs={refs} facts={facts} colourOf={colourOf} onCell={(claim) => update({ tab: 'side', claim })} />
        ) : view.tab === 'quotes' ? (
          <QuotesView report={report} refs={refs} colourOf={colourOf} />
        ) : view.tab === 'charts' ? (
          <ChartsView report={report} refs={refs} story={story} colourOf={colourOf} onEvidence={showEvidence} />
        ) : (
          <EvidenceView report={report} refs={refs} loadExports={exportsOfRun} query={evidenceQuery} onQuery={setEvidence} colourOf={colourOf} />
        )}
      </section>
    </main>
  );
}
