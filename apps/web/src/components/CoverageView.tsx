/** Facts × outlets: who reports what, biggest omissions first. Click a cell to jump to the sentence. */
import { useMemo } from 'react';
import type { AnalysisReport } from '@parallax/core';
import { coverageMatrix, UNGROUPED, type OutletRef } from '../view/model';
import { Empty } from './DiffView';

interface Props {
  report: AnalysisReport;
  refs: OutletRef[];
  eventId: string | null;
  colourOf: (articleId: string) => string;
  onCell: (claim: string, articleId: string) => void;
}

export function CoverageView({ report, refs, eventId, colourOf, onCell }: Props) {
  const rows = useMemo(() => coverageMatrix(report, eventId ?? UNGROUPED, refs.map((r) => r.articleId)), [report, eventId, refs]);
  if (rows.length === 0) {
    return (
      <Empty title="No facts to compare yet">
        Coverage needs the engine to line up sentences that report the same fact across outlets; this report has no aligned claims.
      </Empty>
    );
  }
  const withGaps = rows.filter((r) => r.missing > 0 && r.present >= 2).length;
  return (
    <div className="coverage">
      <div className="view-head">
        <p className="lede">
          <strong>Who reports what.</strong> Each row is a fact, each column an outlet. {withGaps} of {rows.length} facts reported by two or more outlets
          are missing somewhere; the biggest omissions are at the top. Click a filled cell to read the sentence.
        </p>
      </div>
      <div className="matrix-wrap">
        <table className="matrix" data-testid="coverage">
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
            {rows.map((row) => (
              <tr key={row.claim.claim_id}>
                <th scope="row" className="fact">
                  {row.claim.label || row.claim.claim_id}
                </th>
                {row.cells.map((c) => {
                  const present = c.sentenceIds.length > 0;
                  const outlet = refs.find((r) => r.articleId === c.articleId)?.label ?? c.articleId;
                  return (
                    <td key={c.articleId} className={present ? 'yes' : 'no'} style={{ ['--c' as string]: colourOf(c.articleId) }}>
                      {present ? (
                        <button
                          type="button"
                          onClick={() => onCell(row.claim.claim_id, c.articleId)}
                          aria-label={`${outlet} reports this in ${c.sentenceIds.length} sentence(s); show it`}
                          title={`${outlet}: ${c.sentenceIds.length} sentence(s) — click to read`}
                        >
                          {c.sentenceIds.length > 1 ? `×${c.sentenceIds.length}` : '●'}
                        </button>
                      ) : (
                        <span className="absent" title={c.reason ?? `${outlet} does not report this`} aria-label={`${outlet} leaves this out`}>
                          —
                        </span>
                      )}
                    </td>
                  );
                })}
                <td className="count">
                  {row.present}/{row.cells.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
