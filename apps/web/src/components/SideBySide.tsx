/**
 * One column per outlet. Sentences of the same claim share a colour; hovering or
 * focusing one highlights its counterparts in every column and scrolls them into
 * view; claims an outlet leaves out are listed as gaps. Text is rendered as text.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisReport, ArticleResult } from '@parallax/core';
import { assignClaimColours, type ClaimColour } from '../view/palette';
import { claimOfSentence, claimsInReadingOrder, coverageMatrix, segmentArticle, shortOutlet, UNGROUPED, withoutBoilerplate, type CoverageRow } from '../view/model';

interface Props {
  report: AnalysisReport;
  articleIds: string[];
  eventId: string | null;
  colourOf: (articleId: string) => string;
  selectedClaim: string | null;
  onOpenDiff: (claim: string, a: string, b: string) => void;
}

export function SideBySide({ report, articleIds, eventId, colourOf, selectedClaim, onOpenDiff }: Props) {
  const [hover, setHover] = useState<string | null>(selectedClaim);
  const [showBoilerplate, setShowBoilerplate] = useState(false);
  const columnsRef = useRef<HTMLDivElement>(null);
  const claimOf = useMemo(() => claimOfSentence(report.claims), [report.claims]);
  const colours = useMemo(() => assignClaimColours(claimsInReadingOrder(report, articleIds)), [report, articleIds]);
  const rows = useMemo(() => coverageMatrix(report, eventId ?? UNGROUPED, articleIds), [report, eventId, articleIds]);
  const articles = articleIds.flatMap((id) => report.articles.filter((a) => a.id === id));
  const claimLabel = useMemo(() => new Map(report.claims.map((c) => [c.claim_id, c.label])), [report.claims]);

  // Scroll every column so the hovered claim's first sentence is visible.
  useEffect(() => {
    const root = columnsRef.current;
    if (!root || !hover) return;
    const active = document.activeElement;
    for (const body of Array.from(root.querySelectorAll<HTMLElement>('.col-body'))) {
      const el = body.querySelector<HTMLElement>(`.sent[data-claim="${CSS.escape(hover)}"]`);
      if (!el || (active instanceof HTMLElement && body.contains(active) && active.dataset.claim === hover)) continue;
      const top = el.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
      if (top < body.scrollTop || top + el.offsetHeight > body.scrollTop + body.clientHeight) {
        body.scrollTo({ top: Math.max(0, top - body.clientHeight / 3), behavior: 'smooth' });
      }
    }
  }, [hover]);

  useEffect(() => setHover(selectedClaim), [selectedClaim]);

  // A pointer resting where the view appears (after a click in Coverage) must not
  // steal the selection: mouse hovers count only once the mouse has moved here.
  const pointerArmed = useRef(false);
  const onMouseHover = useCallback((claim: string | null) => {
    if (pointerArmed.current) setHover(claim);
  }, []);

  const highlightCss = hover
    ? `.sbs [data-claim="${CSS.escape(hover)}"]{outline:3px solid var(--ink);outline-offset:1px;background:var(--hl-bg,#fff3b0)!important;box-shadow:0 0 0 5px rgba(0,0,0,.06)}` +
      `.sbs [data-gap="${CSS.escape(hover)}"]{border-color:var(--ink);background:#fff}` +
      `.sbs [data-missing="${CSS.escape(hover)}"]{display:block}`
    : '';

  const hasClaims = report.claims.length > 0;
  const removedCount = articles.reduce((n, a) => n + a.removed.length, 0);

  return (
    <div
      className="sbs"
      onMouseMove={(e) => {
        // The first move arms hovering; it also counts for the sentence it happens on
        // (mouseenter fires before mousemove on the same step).
        if (pointerArmed.current) return;
        pointerArmed.current = true;
        const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-claim], [data-gap]') : null;
        const claim = el?.dataset.claim ?? el?.dataset.gap;
        if (claim) setHover(claim);
      }}
    >
      {/* Only a selector built from CSS.escape'd ids; no article text goes in here. */}
      <style>{highlightCss}</style>
      <div className="view-head">
        <p className="lede">
          {hasClaims ? (
            <>
              <strong>Same colour, same fact.</strong> Point at (or tab to) a sentence to find how every other outlet reports it; click it to compare the
              wording. Dashed boxes are facts an outlet leaves out.
            </>
          ) : (
            <>
              <strong>The articles side by side.</strong> This report has no aligned claims yet, so sentences are not matched across outlets.
            </>
          )}
        </p>
        <label className="toggle">
          <input type="checkbox" checked={showBoilerplate} onChange={(e) => setShowBoilerplate(e.target.checked)} /> Show boilerplate ({removedCount} bits
          set aside)
        </label>
      </div>
      <Legend colours={colours} hasClaims={hasClaims} />
      <div className="columns" ref={columnsRef} data-testid="columns" style={{ ['--n' as string]: articles.length }}>
        {articles.map((a) => (
          <Column
            key={a.id}
            article={a}
            colour={colourOf(a.id)}
            claimOf={claimOf}
            colours={colours}
            rows={rows}
            labels={claimLabel}
            showBoilerplate={showBoilerplate}
            onHover={setHover}
            onMouseHover={onMouseHover}
            onPick={(claim) => {
              const other = rows.find((r) => r.claim.claim_id === claim)?.cells.find((c) => c.articleId !== a.id && c.sentenceIds.length > 0);
              if (other) onOpenDiff(claim, a.id, other.articleId);
            }}
          />
        ))}
      </div>
    </div>
  );
}

function Legend({ colours, hasClaims }: { colours: Map<string, ClaimColour>; hasClaims: boolean }) {
  return (
    <div className="legend" aria-label="Legend">
      {hasClaims ? (
        <>
          <span className="key">
            <span className="sw" style={{ background: [...colours.values()][0]?.tint ?? '#ddd' }} /> shared fact (one colour per fact; {colours.size} shared)
          </span>
          <span className="key">
            <span className="sw plain" /> reported by this outlet only
          </span>
          <span className="key">
            <span className="sw gap" /> left out by this outlet
          </span>
        </>
      ) : null}
      <span className="key">
        <span className="sw removed" /> boilerplate (not analysed; hidden unless shown)
      </span>
    </div>
  );
}

const Column = memo(function Column({
  article,
  colour,
  claimOf,
  colours,
  rows,
  labels,
  showBoilerplate,
  onHover,
  onMouseHover,
  onPick,
}: {
  article: ArticleResult;
  colour: string;
  claimOf: Map<string, string>;
  colours: Map<string, ClaimColour>;
  rows: CoverageRow[];
  labels: Map<string, string>;
  showBoilerplate: boolean;
  onHover: (claim: string | null) => void;
  onMouseHover: (claim: string | null) => void;
  onPick: (claim: string) => void;
}) {
  const segments = useMemo(() => {
    const all = segmentArticle(article, claimOf);
    return showBoilerplate ? all : withoutBoilerplate(all);
  }, [article, claimOf, showBoilerplate]);
  const gaps = rows.filter((r) => r.cells.find((c) => c.articleId === article.id)?.sentenceIds.length === 0 && r.present >= 2);
  const covered = rows.filter((r) => (r.cells.find((c) => c.articleId === article.id)?.sentenceIds.length ?? 0) > 0).length;
  return (
    <article className="col" aria-label={article.outlet} data-article={article.id} style={{ ['--c' as string]: colour }}>
      <header className="col-head">
        <div className="col-outlet">
          <span className="dot" aria-hidden="true" />
          <span title={article.outlet}>{shortOutlet(article.outlet)}</span>
        </div>
        <h2 className="col-title">{article.title}</h2>
        <div className="col-meta muted">
          {article.published ? `${article.published.slice(0, 10)} · ` : ''}
          {article.n_words} words · {article.sentences.length} sentences
          {rows.length > 0 ? ` · ${covered}/${rows.length} facts` : ''}
        </div>
      </header>
      <div className="col-body" tabIndex={-1}>
        {gaps.map((r) => (
          <div key={`m${r.claim.claim_id}`} className="missing-note" data-missing={r.claim.claim_id} style={{ ['--claim' as string]: colours.get(r.claim.claim_id)?.strong ?? '#999' }}>
            <strong>Not in this article:</strong> {r.claim.label || labels.get(r.claim.claim_id)}
          </div>
        ))}
        {gaps.length > 0 ? (
          <details className="gaps">
            <summary>
              Leaves out {gaps.length} fact{gaps.length === 1 ? '' : 's'} other outlets report
            </summary>
            {gaps.map((r) => (
              <div
                key={r.claim.claim_id}
                className="gap"
                data-gap={r.claim.claim_id}
                tabIndex={0}
                style={{ ['--claim' as string]: colours.get(r.claim.claim_id)?.strong ?? '#999' }}
                onMouseEnter={() => onMouseHover(r.claim.claim_id)}
                onFocus={() => onHover(r.claim.claim_id)}
                title={r.cells.find((c) => c.articleId === article.id)?.reason ?? undefined}
              >
                {r.claim.label || labels.get(r.claim.claim_id)} <span className="muted">({r.present} outlets report it)</span>
              </div>
            ))}
          </details>
        ) : null}
        <p className="col-text">
          {segments.map((s) => {
            if (s.kind === 'gap') return <span key={`g${s.start}`}>{s.text}</span>;
            if (s.kind === 'removed') {
              return (
                <span key={`r${s.start}`} className="removed" title={`Boilerplate (${s.rule}): ${s.reason}`}>
                  {s.text}
                </span>
              );
            }
            const c = s.claimId ? colours.get(s.claimId) : undefined;
            const claim = s.claimId;
            return (
              <span
                key={s.sentenceId}
                className={`sent${claim ? ' claimed' : ''}${c ? ' shared' : ''}`}
                data-sid={s.sentenceId}
                data-claim={claim ?? undefined}
                tabIndex={claim ? 0 : undefined}
                role={c ? 'button' : undefined}
                aria-label={c && claim ? `${s.text} — shared fact: ${labels.get(claim) ?? claim}. Press Enter to compare wording.` : undefined}
                style={c ? { background: c.tint, ['--claim' as string]: c.strong } : undefined}
                onMouseEnter={claim ? () => onMouseHover(claim) : undefined}
                onFocus={claim ? () => onHover(claim) : undefined}
                onClick={c && claim ? () => onPick(claim) : undefined}
                onKeyDown={
                  c && claim
                    ? (e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onPick(claim);
                        }
                      }
                    : undefined
                }
              >
                {s.text}
              </span>
            );
          })}
        </p>
      </div>
    </article>
  );
});
