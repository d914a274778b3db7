/**
 * One column per outlet. Sentences of a fact two or more outlets report carry its
 * number (F1, F2 …); pointing at, focusing or tapping one highlights its
 * counterparts in every column and scrolls them into view. A click with a mouse (or
 * Enter) opens the wording of that very sentence's fact; a tap first highlights, and
 * the bar above offers "Compare wording". Each column is one tab stop (arrows move).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisReport, ArticleResult } from '@parallax/core';
import type { Fact } from '../view/facts';
import { segmentArticle, shortOutlet, withoutBoilerplate } from '../view/model';

interface Props {
  report: AnalysisReport;
  articleIds: string[];
  facts: Fact[];
  colourOf: (articleId: string) => string;
  selectedClaim: string | null;
  onSelect: (claim: string | null) => void;
  onOpenDiff: (claim: string, a: string, b: string, sentence: string) => void;
}

export function SideBySide({ report, articleIds, facts, colourOf, selectedClaim, onSelect, onOpenDiff }: Props) {
  const [hover, setHover] = useState<string | null>(selectedClaim);
  const [picked, setPicked] = useState<{ claim: string; article: string; sentence: string } | null>(null);
  const [showBoilerplate, setShowBoilerplate] = useState(false);
  const columnsRef = useRef<HTMLDivElement>(null);
  const factOf = useMemo(() => {
    const m = new Map<string, Fact>();
    for (const f of facts) for (const list of f.sentences.values()) for (const s of list) m.set(s, f);
    return m;
  }, [facts]);
  const claimOf = useMemo(() => new Map([...factOf].map(([s, f]) => [s, f.claim.claim_id])), [factOf]);
  const byClaim = useMemo(() => new Map(facts.map((f) => [f.claim.claim_id, f])), [facts]);
  const articles = articleIds.flatMap((id) => report.articles.filter((a) => a.id === id));

  // Scroll every column so the highlighted fact's first sentence is visible.
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

  const open = useCallback(
    (claim: string, article: string, sentence: string) => {
      const f = byClaim.get(claim);
      const other = f?.present.find((a) => a !== article);
      if (other) onOpenDiff(claim, article, other, sentence);
    },
    [byClaim, onOpenDiff],
  );
  const pick = useCallback(
    (claim: string, article: string, sentence: string, how: 'mouse' | 'touch' | 'key') => {
      if (how === 'touch') {
        setHover(claim);
        setPicked({ claim, article, sentence });
        onSelect(claim);
      } else open(claim, article, sentence);
    },
    [onSelect, open],
  );

  const highlightCss = hover
    ? `.sbs .sent[data-claim="${CSS.escape(hover)}"]{outline:3px solid var(--ink);outline-offset:1px;background:var(--hl-bg)!important}` +
      `.sbs [data-gap="${CSS.escape(hover)}"]{border-color:var(--ink);background:#fff}` +
      `.sbs [data-missing="${CSS.escape(hover)}"]{display:block}`
    : '';

  const hasClaims = facts.some((f) => f.present.length >= 2);
  const removedCount = articles.reduce((n, a) => n + a.removed.length, 0);
  const pickedFact = picked ? byClaim.get(picked.claim) : undefined;

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
              <strong>The same number, the same fact.</strong> Sentences marked <span className="fb shared">F1</span>, <span className="fb shared">F2</span> …
              report a fact other outlets report too. Point at (or tab to, or tap) one to find it in every column; click it (or press Enter) to compare the
              wording.
            </>
          ) : (
            <>
              <strong>The articles side by side.</strong> No facts are lined up across these outlets, so sentences are not matched.
            </>
          )}
        </p>
        <label className="toggle">
          <input type="checkbox" checked={showBoilerplate} onChange={(e) => setShowBoilerplate(e.target.checked)} /> Show boilerplate ({removedCount} bits
          set aside)
        </label>
      </div>
      <div className="legend" aria-label="Legend">
        {hasClaims ? (
          <>
            <span className="key">
              <span className="fb shared">F1</span> a fact other outlets report too (same number = same fact)
            </span>
            <span className="key">
              <span className="sw plain" /> reported by this outlet only
            </span>
            <span className="key">
              <span className="sw gap" /> left out by this outlet (listed at the top of its column)
            </span>
          </>
        ) : null}
        <span className="key">
          <span className="sw removed" /> boilerplate (not analysed; hidden unless shown)
        </span>
      </div>
      {pickedFact && picked && pickedFact.claim.claim_id === hover ? (
        <div className="fact-bar" role="status" data-testid="fact-bar">
          <span className="fb shared">{pickedFact.badge}</span> reported by {pickedFact.present.length} of {articleIds.length} outlets.
          <button type="button" className="primary small-btn" onClick={() => open(picked.claim, picked.article, picked.sentence)}>
            Compare wording
          </button>
        </div>
      ) : null}
      <div className="columns" ref={columnsRef} data-testid="columns" style={{ ['--n' as string]: articles.length }}>
        {articles.map((a) => (
          <Column
            key={a.id}
            article={a}
            colour={colourOf(a.id)}
            claimOf={claimOf}
            factOf={factOf}
            facts={facts}
            nShown={articleIds.length}
            showBoilerplate={showBoilerplate}
            onHover={setHover}
            onMouseHover={onMouseHover}
            onPick={pick}
          />
        ))}
      </div>
    </div>
  );
}

const Column = memo(function Column({
  article,
  colour,
  claimOf,
  factOf,
  facts,
  nShown,
  showBoilerplate,
  onHover,
  onMouseHover,
  onPick,
}: {
  article: ArticleResult;
  colour: string;
  claimOf: Map<string, string>;
  factOf: Map<string, Fact>;
  facts: Fact[];
  nShown: number;
  showBoilerplate: boolean;
  onHover: (claim: string | null) => void;
  onMouseHover: (claim: string | null) => void;
  onPick: (claim: string, article: string, sentence: string, how: 'mouse' | 'touch' | 'key') => void;
}) {
  const segments = useMemo(() => {
    const all = segmentArticle(article, claimOf);
    return showBoilerplate ? all : withoutBoilerplate(all);
  }, [article, claimOf, showBoilerplate]);
  const gaps = facts.filter((f) => f.present.length >= 2 && !f.sentences.has(article.id));
  const covered = facts.filter((f) => f.sentences.has(article.id)).length;
  const sharedIds = segments.flatMap((s) => (s.kind === 'sentence' && (factOf.get(s.sentenceId)?.present.length ?? 0) >= 2 ? [s.sentenceId] : []));
  const [active, setActive] = useState<string | null>(null);
  const tabStop = active && sharedIds.includes(active) ? active : (sharedIds[0] ?? null);
  const pointer = useRef<string>('mouse');
  const bodyRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = sharedIds.indexOf((e.target as HTMLElement).dataset.sid ?? '');
    if (i < 0) return;
    const j = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? sharedIds.length - 1 : null;
    if (j === null) return;
    e.preventDefault();
    const sid = sharedIds[Math.max(0, Math.min(sharedIds.length - 1, j))]!;
    setActive(sid);
    bodyRef.current?.querySelector<HTMLElement>(`[data-sid="${CSS.escape(sid)}"]`)?.focus();
  };
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
          {facts.length > 0 ? ` · ${covered} of ${facts.length} facts` : ''}
        </div>
      </header>
      <div className="col-body" ref={bodyRef} onKeyDown={onKeyDown}>
        {gaps.map((f) => (
          <div key={`m${f.claim.claim_id}`} className="missing-note" data-missing={f.claim.claim_id}>
            <strong>Not in this article:</strong> <span className="fb shared">{f.badge}</span> {f.claim.label}
          </div>
        ))}
        {gaps.length > 0 ? (
          <details className="gaps">
            <summary>
              Leaves out {gaps.length} fact{gaps.length === 1 ? '' : 's'} other outlets report
            </summary>
            {gaps.map((f) => (
              <div
                key={f.claim.claim_id}
                className="gap"
                data-gap={f.claim.claim_id}
                onMouseEnter={() => onMouseHover(f.claim.claim_id)}
                title={f.missing.find((m) => m.articleId === article.id)?.reason ?? undefined}
              >
                <span className="fb shared">{f.badge}</span> {f.claim.label}{' '}
                <span className="muted">
                  ({f.present.length} of {nShown} outlets report it)
                </span>
              </div>
            ))}
          </details>
        ) : null}
        <p className="col-text">
          {segments.map((s) => {
            if (s.kind === 'gap') return <span key={`g${s.start}`}>{s.text}</span>;
            if (s.kind === 'removed') {
              return (
                <span key={`r${s.start}`} className="removed" title={`Set aside as boilerplate: ${s.reason}`}>
                  {s.text}
                </span>
              );
            }
            const fact = factOf.get(s.sentenceId);
            const shared = fact !== undefined && fact.present.length >= 2;
            const claim = fact?.claim.claim_id ?? null;
            if (!shared || !claim || !fact) {
              return (
                <span key={s.sentenceId} className={`sent${fact ? ' own' : ''}`} data-sid={s.sentenceId} data-claim={claim ?? undefined}>
                  {s.text}
                </span>
              );
            }
            return (
              <span
                key={s.sentenceId}
                className="sent shared"
                data-sid={s.sentenceId}
                data-claim={claim}
                data-fact={fact.badge}
                tabIndex={s.sentenceId === tabStop ? 0 : -1}
                role="button"
                aria-label={`${fact.badge}, reported by ${fact.present.length} of ${nShown} outlets: ${s.text} Press Enter to compare the wording.`}
                onMouseEnter={() => onMouseHover(claim)}
                onFocus={() => {
                  setActive(s.sentenceId);
                  onHover(claim);
                }}
                onPointerDown={(e) => {
                  pointer.current = e.pointerType;
                }}
                onClick={() => onPick(claim, article.id, s.sentenceId, pointer.current === 'mouse' ? 'mouse' : 'touch')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onPick(claim, article.id, s.sentenceId, 'key');
                  }
                }}
              >
                <span className="fb shared" aria-hidden="true">
                  {fact.badge}
                </span>
                {s.text}
              </span>
            );
          })}
        </p>
      </div>
    </article>
  );
});
