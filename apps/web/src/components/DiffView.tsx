/** Word-level diff of how two outlets word the same fact, with term substitutions marked. */
import { useMemo, useRef } from 'react';
import type { AnalysisReport } from '@parallax/core';
import type { ViewState } from '../state/url';
import { factLabelFor, type Fact } from '../view/facts';
import { claimDiff, type OutletRef } from '../view/model';
import { FactBadge } from './FactBadge';
import { useRoving } from './roving';

interface Props {
  report: AnalysisReport;
  refs: OutletRef[];
  facts: Fact[];
  a: string | null;
  b: string | null;
  claim: string | null;
  /** The sentence the view was opened from: the engine's pair holding it is shown. */
  sentence: string | null;
  colourOf: (articleId: string) => string;
  onChange: (patch: Partial<ViewState>) => void;
}

export function DiffView({ report, refs, facts, a, b, claim, sentence, colourOf, onChange }: Props) {
  const both = facts.filter((f) => a && b && f.sentences.has(a) && f.sentences.has(b));
  const chosenFact = both.find((f) => f.claim.claim_id === claim) ?? both[0] ?? null;
  const chosen = chosenFact?.claim.claim_id ?? null;
  const diff = useMemo(() => (chosen && a && b ? claimDiff(report, chosen, a, b, chosen === claim ? sentence : null) : null), [report, chosen, a, b, claim, sentence]);
  const label = (id: string | null) => refs.find((r) => r.articleId === id)?.label ?? id ?? '—';
  const listRef = useRef<HTMLDivElement>(null);
  const roving = useRoving(listRef, '[role="option"]', 0, 'vertical');

  if (refs.length < 2) {
    return <Empty title="Pick at least two outlets">Turn on two or more outlets above to compare their wording.</Empty>;
  }

  return (
    <div className="diffview">
      <div className="view-head">
        <p className="lede">
          <strong>How two outlets word the same fact.</strong> Words only in <span className="del-sample">{label(a)}</span> are struck through, words only
          in <span className="ins-sample">{label(b)}</span> are underlined; <span className="sub-sample">boxed</span> words are a different name for the same
          thing.
        </p>
      </div>
      <div className="diff-pickers">
        <OutletSelect label="Outlet A" value={a} refs={refs} colourOf={colourOf} onChange={(v) => onChange({ a: v, b: v === b ? a : b, s: null })} />
        <button type="button" className="ghost swap" aria-label="Swap A and B" onClick={() => onChange({ a: b, b: a })}>
          ⇄
        </button>
        <OutletSelect label="Outlet B" value={b} refs={refs} colourOf={colourOf} onChange={(v) => onChange({ b: v, a: v === a ? b : a, s: null })} />
      </div>
      {facts.length === 0 ? (
        <Empty title="No facts lined up">The engine has not matched sentences across these outlets, so there is nothing to compare yet.</Empty>
      ) : both.length === 0 ? (
        <Empty title="No shared facts">
          {label(a)} and {label(b)} do not report any of the same facts. Try another pair.
        </Empty>
      ) : (
        <div className="diff-layout">
          <div className="claim-list" role="listbox" aria-label="Facts both outlets report" ref={listRef} onKeyDown={roving.onKeyDown}>
            {both.map((f, i) => (
              <button
                key={f.claim.claim_id}
                type="button"
                role="option"
                aria-selected={f.claim.claim_id === chosen}
                tabIndex={i === (both.indexOf(chosenFact!) >= 0 ? both.indexOf(chosenFact!) : 0) ? 0 : -1}
                className={f.claim.claim_id === chosen ? 'on' : ''}
                data-claim={f.claim.claim_id}
                onClick={() => onChange({ claim: f.claim.claim_id, s: null })}
              >
                <FactBadge fact={f} /> {factLabelFor(report, f, a)}
                <span className="muted small"> · {f.present.length} outlets</span>
              </button>
            ))}
          </div>
          {diff && chosenFact ? (
            <div className="diff-out" data-testid="diff" data-claim={chosen ?? ''} data-a-sentence={diff.aSentenceId} data-b-sentence={diff.bSentenceId}>
              <div className="diff-fact">
                <FactBadge fact={chosenFact} /> <span className="muted small">reported by {chosenFact.present.length} of {refs.length} outlets</span>
              </div>
              <div className="diff-side">
                <div className="kicker outlet-name">
                  <span className="dot" aria-hidden="true" style={{ background: colourOf(a ?? '') }} /> {label(a)}
                </div>
                <p>{diff.aText}</p>
              </div>
              <div className="diff-side">
                <div className="kicker outlet-name">
                  <span className="dot" aria-hidden="true" style={{ background: colourOf(b ?? '') }} /> {label(b)}
                </div>
                <p>{diff.bText}</p>
              </div>
              <div className="diff-merged">
                <div className="kicker">Word by word</div>
                <p>
                  {diff.parts.map((p, i) =>
                    p.op === 'equal' ? (
                      <span key={i}>{p.text}</span>
                    ) : p.op === 'delete' ? (
                      <del key={i} className={p.substitution ? 'sub' : undefined} title={`only in ${label(a)}`}>
                        {p.text}
                      </del>
                    ) : (
                      <ins key={i} className={p.substitution ? 'sub' : undefined} title={`only in ${label(b)}`}>
                        {p.text}
                      </ins>
                    ),
                  )}
                </p>
              </div>
              {diff.substitutions.length > 0 ? (
                <div className="subs">
                  <div className="kicker">Word choices</div>
                  <ul>
                    {diff.substitutions.map((s, i) => (
                      <li key={i}>
                        {label(a)} says <span className="sub">{s.a}</span>, {label(b)} says <span className="sub">{s.b}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {(chosenFact.sentences.get(a ?? '')?.length ?? 0) + (chosenFact.sentences.get(b ?? '')?.length ?? 0) > 2 ? (
                <p className="muted small">These outlets report this fact in more than one sentence each; shown: the pair the engine compared.</p>
              ) : null}
            </div>
          ) : (
            <Empty title="No word comparison for this pair">The engine did not compare these two sentences.</Empty>
          )}
        </div>
      )}
    </div>
  );
}

function OutletSelect({
  label,
  value,
  refs,
  colourOf,
  onChange,
}: {
  label: string;
  value: string | null;
  refs: OutletRef[];
  colourOf: (id: string) => string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="outlet-select" style={{ ['--c' as string]: colourOf(value ?? '') }}>
      <span className="kicker">{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {refs.map((r) => (
          <option key={r.articleId} value={r.articleId}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Empty({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="empty" role="status">
      <strong>{title}</strong>
      <p>{children}</p>
    </div>
  );
}
