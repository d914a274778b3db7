/**
 * The story in plain sentences before the detail: the facts every outlet reports,
 * the ones several report, what each outlet leaves out, and (folded per outlet) the
 * facts only one outlet reports. Optional outlet groups are the user's own labels.
 */
import { useMemo } from 'react';
import type { AnalysisReport } from '@parallax/core';
import { listWords, storySummary, type Fact } from '../view/facts';
import type { OutletRef } from '../view/model';
import { FactBadge } from './FactBadge';

interface Props {
  report: AnalysisReport;
  refs: OutletRef[];
  facts: Fact[];
  groups: Record<string, string>;
  onGroup: (outlet: string, label: string) => void;
  colourOf: (articleId: string) => string;
  onFact: (claim: string) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function SummaryView({ refs, facts, groups, onGroup, colourOf, onFact }: Props) {
  const ids = useMemo(() => refs.map((r) => r.articleId), [refs]);
  const s = useMemo(() => storySummary(facts, ids), [facts, ids]);
  const name = (id: string) => refs.find((r) => r.articleId === id)?.label ?? id;
  const groupOf = (id: string) => groups[refs.find((r) => r.articleId === id)?.outlet ?? ''] ?? null;
  const labels = [...new Set(refs.map((r) => groupOf(r.articleId)).filter((g): g is string => g !== null))].sort();
  const shared = facts.filter((f) => f.present.length >= 2).length;

  if (refs.length < 2) {
    return (
      <div className="summary">
        <p className="lede">
          <strong>Only one outlet is shown.</strong> Turn on two or more outlets above to compare what each reports.
        </p>
      </div>
    );
  }

  const FactLine = ({ f, extra }: { f: Fact; extra?: string }) => (
    <li>
      <button type="button" className="fact-link" onClick={() => onFact(f.claim.claim_id)}>
        <FactBadge fact={f} />
        <span className="fact-text">{f.claim.label}</span>
      </button>
      {extra ? <span className="muted small"> — {extra}</span> : null}
    </li>
  );

  return (
    <div className="summary" data-testid="summary">
      <div className="view-head">
        <p className="lede">
          <strong>
            {refs.length} outlets, {plural(facts.length, 'fact')}; {shared} reported by more than one.
          </strong>{' '}
          Each fact has a number (F1, F2 …) that stays the same in every view. Click a fact to read it in every outlet.
        </p>
      </div>

      <section className="sum-block" aria-labelledby="sum-all">
        <h3 id="sum-all">
          {s.everyone.length === 0
            ? `No fact is reported by all ${refs.length} outlets.`
            : `All ${refs.length} outlets report ${plural(s.everyone.length, 'fact')}:`}
        </h3>
        <ul className="fact-lines">{s.everyone.map((f) => <FactLine key={f.claim.claim_id} f={f} />)}</ul>
      </section>

      {s.several.length > 0 ? (
        <section className="sum-block" aria-labelledby="sum-some">
          <h3 id="sum-some">Some outlets report {plural(s.several.length, 'more fact')}:</h3>
          <ul className="fact-lines">
            {s.several.map((f) => (
              <FactLine key={f.claim.claim_id} f={f} extra={`${listWords(f.present.map(name))}; not ${listWords(f.missing.map((m) => name(m.articleId)))}`} />
            ))}
          </ul>
        </section>
      ) : null}

      <section className="sum-block" aria-labelledby="sum-out">
        <h3 id="sum-out">What each outlet leaves out</h3>
        <ul className="outlet-lines">
          {ids.map((id) => {
            const out = s.leavesOut.get(id) ?? [];
            return (
              <li key={id} style={{ ['--c' as string]: colourOf(id) }}>
                <span className="dot" aria-hidden="true" /> <strong>{name(id)}</strong>{' '}
                {out.length === 0 ? (
                  'leaves out none of the facts other outlets share.'
                ) : (
                  <>
                    leaves out {plural(out.length, 'fact')} that others report:{' '}
                    <span className="badge-row">
                      {out.map((f) => (
                        <button key={f.claim.claim_id} type="button" className="badge-btn" onClick={() => onFact(f.claim.claim_id)} aria-label={`${f.badge}: ${f.claim.label}`} title={f.claim.label}>
                          <FactBadge fact={f} />
                        </button>
                      ))}
                    </span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="sum-block" aria-labelledby="sum-only">
        <h3 id="sum-only">Facts only one outlet reports</h3>
        {ids.map((id) => {
          const only = s.only.get(id) ?? [];
          return (
            <details key={id} className="only-fold" style={{ ['--c' as string]: colourOf(id) }}>
              <summary>
                <span className="dot" aria-hidden="true" /> Only <strong>{name(id)}</strong> reports {plural(only.length, 'fact')}
              </summary>
              <ul className="fact-lines">{only.map((f) => <FactLine key={f.claim.claim_id} f={f} />)}</ul>
            </details>
          );
        })}
      </section>

      <section className="sum-block groups" aria-labelledby="sum-groups">
        <h3 id="sum-groups">Group the outlets yourself (optional)</h3>
        <p className="muted small">
          Give each outlet a label of your own — for instance a leaning you assign (left / centre / right) or a country. Parallax never rates outlets; the
          labels are saved in this browser only.
        </p>
        <div className="group-inputs">
          {refs.map((r) => (
            <label key={r.articleId}>
              <span>{r.label}</span>
              <input list="group-suggestions" value={groups[r.outlet] ?? ''} placeholder="no group" onChange={(e) => onGroup(r.outlet, e.target.value)} />
            </label>
          ))}
          <datalist id="group-suggestions">
            <option value="left" />
            <option value="centre" />
            <option value="right" />
          </datalist>
        </div>
        {labels.length >= 2 ? (
          <ul className="outlet-lines" data-testid="group-lines">
            {labels.map((g) => {
              const members = ids.filter((id) => groupOf(id) === g);
              const own = facts.filter((f) => f.present.length > 0 && f.present.every((a) => groupOf(a) === g));
              const missed = facts.filter((f) => f.present.length >= 2 && f.present.every((a) => groupOf(a) !== g) && members.length > 0);
              return (
                <li key={g}>
                  <strong>“{g}”</strong> ({listWords(members.map(name))}): {plural(own.length, 'fact')} only this group reports; leaves out{' '}
                  {plural(missed.length, 'fact')} that outlets of other groups report
                  {missed.length > 0 ? (
                    <>
                      {': '}
                      <span className="badge-row">
                        {missed.slice(0, 12).map((f) => (
                          <FactBadge key={f.claim.claim_id} fact={f} />
                        ))}
                        {missed.length > 12 ? ` and ${missed.length - 12} more` : ''}
                      </span>
                    </>
                  ) : null}
                  .
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted small">Give at least two different labels to compare the groups.</p>
        )}
      </section>
    </div>
  );
}
