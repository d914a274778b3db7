/** Word-level diff of how two outlets word the same fact, with term substitutions marked. */
import { useMemo } from 'react';
import type { AnalysisReport } from '@parallax/core';
import type { ViewState } from '../state/url';
import { claimDiff, coverageMatrix, UNGROUPED, type OutletRef } from '../view/model';

interface Props {
  report: AnalysisReport;
  refs: OutletRef[];
  eventId: string | null;
  a: string | null;
  b: string | null;
  claim: string | null;
  colourOf: (articleId: string) => string;
  onChange: (patch: Partial<ViewState>) => void;
}

export function DiffView({ report, refs, eventId, a, b, claim, colourOf, onChange }: Props) {
  const rows = useMemo(() => coverageMatrix(report, eventId ?? UNGROUPED, refs.map((r) => r.articleId)), [report, eventId, refs]);
  const both = rows.filter((r) => a && b && r.cells.some((c) => c.articleId === a && c.sentenceIds.length > 0) && r.cells.some((c) => c.articleId === b && c.sentenceIds.length > 0));
  const chosen = both.find((r) => r.claim.claim_id === claim)?.claim.claim_id ?? both[0]?.claim.claim_id ?? null;
  const diff = useMemo(() => (chosen && a && b ? claimDiff(report, chosen, a, b) : null), [report, chosen, a, b]);
  const label = (id: string | null) => refs.find((r) => r.articleId === id)?.label ?? id ?? '—';

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
        <OutletSelect label="Outlet A" value={a} refs={refs} colourOf={colourOf} onChange={(v) => onChange({ a: v, b: v === b ? a : b })} />
        <button type="button" className="ghost swap" aria-label="Swap A and B" onClick={() => onChange({ a: b, b: a })}>
          ⇄
        </button>
        <OutletSelect label="Outlet B" value={b} refs={refs} colourOf={colourOf} onChange={(v) => onChange({ b: v, a: v === a ? b : a })} />
      </div>
      {report.claims.length === 0 ? (
        <Empty title="No aligned facts in this report">
          The engine has not matched sentences across outlets for this input, so there is nothing to diff yet.
        </Empty>
      ) : both.length === 0 ? (
        <Empty title="No shared facts">
          {label(a)} and {label(b)} do not report any of the same facts. Try another pair.
        </Empty>
      ) : (
        <div className="diff-layout">
          <div className="claim-list" role="listbox" aria-label="Facts both outlets report">
            {both.map((r) => (
              <button
                key={r.claim.claim_id}
                type="button"
                role="option"
                aria-selected={r.claim.claim_id === chosen}
                className={r.claim.claim_id === chosen ? 'on' : ''}
                onClick={() => onChange({ claim: r.claim.claim_id })}
              >
                {r.claim.label || r.claim.claim_id}
                <span className="muted small"> · {r.present} outlets</span>
              </button>
            ))}
          </div>
          {diff ? (
            <div className="diff-out" data-testid="diff">
              <div className="diff-side">
                <div className="kicker" style={{ color: colourOf(a ?? '') }}>
                  {label(a)}
                </div>
                <p>{diff.aText}</p>
              </div>
              <div className="diff-side">
                <div className="kicker" style={{ color: colourOf(b ?? '') }}>
                  {label(b)}
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
                  <div className="kicker">Term choices</div>
                  <ul>
                    {diff.substitutions.map((s, i) => (
                      <li key={i}>
                        <span className="sub">{s.a}</span> → <span className="sub">{s.b}</span>
                        {s.concept ? <span className="muted small"> ({s.concept})</span> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p className="muted small">
                {diff.origin === 'report' ? 'Alignment and diff from the engine.' : 'Diff computed in the browser (jsdiff, word level).'}
                {diff.more ? ` The outlets report this fact in ${diff.more} more sentence${diff.more === 1 ? '' : 's'}; shown: the closest pair.` : ''}
              </p>
            </div>
          ) : null}
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
