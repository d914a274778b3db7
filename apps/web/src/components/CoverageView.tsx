/**
 * Facts × outlets: who reports what. Facts several outlets report come first, most
 * outlets first (the numbering F1, F2 … follows the same order); the facts only one
 * outlet reports are folded per outlet. The grid is one tab stop (arrows move).
 */
import { useRef } from 'react';
import type { AnalysisReport } from '@parallax/core';
import type { Fact } from '../view/facts';
import type { OutletRef } from '../view/model';
import { Empty } from './DiffView';
import { FactBadge } from './FactBadge';
import { useRoving } from './roving';

interface Props {
  report: AnalysisReport;
  refs: OutletRef[];
  facts: Fact[];
  colourOf: (articleId: string) => string;
  onCell: (claim: string, articleId: string) => void;
}

export function CoverageView({ refs, facts, colourOf, onCell }: Props) {
  const tableRef = useRef<HTMLTableElement>(null);
  const roving = useRoving(tableRef, 'td.yes button', 0);
  if (facts.length === 0) {
    return (
      <Empty title="No facts to compare yet">
        Coverage needs the engine to line up sentences that report the same fact across outlets; there are none for these articles.
      </Empty>
    );
  }
  const shared = facts.filter((f) => f.present.length >= 2);
  const single = facts.filter((f) => f.present.length === 1);
  const withGaps = shared.filter((f) => f.missing.length > 0).length;
  let cell = 0;
  return (
    <div className="coverage">
      <div className="view-head">
        <p className="lede">
          <strong>Who reports what.</strong> {shared.length} facts are reported by two or more outlets; {withGaps} of them are missing from at least one.
          Facts reported by most outlets are at the top. Click a filled cell to read the sentence.
        </p>
      </div>
      {shared.length > 0 ? (
        <div className="matrix-wrap" tabIndex={0} role="region" aria-label="Coverage table (scrolls sideways)">
          <table className="matrix" data-testid="coverage" ref={tableRef} onKeyDown={roving.onKeyDown}>
            <thead>
              <tr>
                <th scope="col" className="fact">
                  Fact
                </th>
                {refs.map((r) => (
                  <th key={r.articleId} scope="col" style={{ ['--c' as string]: colourOf(r.articleId) }}>
                    <span className="dot" aria-hidden="true" /> {r.label}
                  </th>
                ))}
                <th scope="col">Outlets</th>
              </tr>
            </thead>
            <tbody>
              {shared.map((f) => (
                <tr key={f.claim.claim_id} data-claim={f.claim.claim_id}>
                  <th scope="row" className="fact">
                    <FactBadge fact={f} /> {f.claim.label}
                  </th>
                  {refs.map((r) => {
                    const sids = f.sentences.get(r.articleId) ?? [];
                    if (sids.length === 0) {
                      const why = f.missing.find((m) => m.articleId === r.articleId)?.reason;
                      return (
                        <td key={r.articleId} className="no" title={why ?? `${r.label} does not report this`}>
                          <span className="absent" aria-hidden="true">
                            —
                          </span>
                          <span className="sr-only">{r.label} leaves this out</span>
                        </td>
                      );
                    }
                    const k = cell++;
                    return (
                      <td key={r.articleId} className="yes" style={{ ['--c' as string]: colourOf(r.articleId) }}>
                        <button
                          type="button"
                          tabIndex={k === roving.active ? 0 : -1}
                          onFocus={() => roving.setActive(k)}
                          onClick={() => onCell(f.claim.claim_id, r.articleId)}
                          aria-label={`${f.badge}: ${r.label} reports this in ${sids.length} sentence${sids.length === 1 ? '' : 's'}; show it`}
                          title={`${r.label}: ${sids.length} sentence(s) — click to read`}
                        >
                          {sids.length > 1 ? `×${sids.length}` : '●'}
                        </button>
                      </td>
                    );
                  })}
                  <td className="count">
                    {f.present.length}/{refs.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {single.length > 0 ? (
        <section className="single" aria-label="Facts only one outlet reports">
          <h3>Facts only one outlet reports ({single.length})</h3>
          {refs.map((r) => {
            const own = single.filter((f) => f.present[0] === r.articleId);
            if (own.length === 0) return null;
            return (
              <details key={r.articleId} className="only-fold" style={{ ['--c' as string]: colourOf(r.articleId) }} data-outlet={r.articleId}>
                <summary>
                  <span className="dot" aria-hidden="true" /> Only <strong>{r.label}</strong>: {own.length} fact{own.length === 1 ? '' : 's'}
                </summary>
                <ul className="fact-lines">
                  {own.map((f) => (
                    <li key={f.claim.claim_id}>
                      <button type="button" className="fact-link" onClick={() => onCell(f.claim.claim_id, r.articleId)}>
                        <FactBadge fact={f} />
                        <span className="fact-text">{f.claim.label}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
