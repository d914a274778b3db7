/**
 * Who is quoted, per story: every speaker core attributed quotes to, per outlet, with
 * the verb (said / claimed / admitted …), how many words are quoted, the speaker's
 * affiliation when core gives one, and the speakers only one outlet quotes.
 * Everything comes from report.quotes; nothing is computed beyond grouping and counting.
 */
import { useMemo } from 'react';
import type { AnalysisReport } from '@parallax/core';
import { listWords, plainId, speakers, type SpeakerRow } from '../view/facts';
import type { OutletRef } from '../view/model';
import { Empty } from './DiffView';

const VERB_NOTE: Record<string, string> = { neutral: 'neutral verb', positive: 'verb that lends credence', negative: 'verb that casts doubt' };

export function QuotesView({ report, refs, colourOf }: { report: AnalysisReport; refs: OutletRef[]; colourOf: (id: string) => string }) {
  const ids = useMemo(() => refs.map((r) => r.articleId), [refs]);
  const rows = useMemo(() => speakers(report, ids), [report, ids]);
  const named = rows.filter((r) => r.key !== '\u0000none');
  const name = (id: string) => refs.find((r) => r.articleId === id)?.label ?? id;
  if (rows.length === 0) {
    return <Empty title="No quotes found">None of the shown articles quotes anyone the engine could find (direct quotes or “X said that …”).</Empty>;
  }
  const onlyBy = new Map<string, SpeakerRow[]>(ids.map((id) => [id, []]));
  for (const r of named) if (r.byArticle.size === 1 && ids.length > 1) onlyBy.get([...r.byArticle.keys()][0]!)?.push(r);
  const perOutlet = ids.map((id) => {
    const qs = rows.flatMap((r) => r.byArticle.get(id) ?? []);
    return { id, quotes: qs.length, words: qs.reduce((t, q) => t + q.quote.n_words, 0), speakers: named.filter((r) => r.byArticle.has(id)).length };
  });

  return (
    <div className="quotes" data-testid="quotes">
      <div className="view-head">
        <p className="lede">
          <strong>Who is quoted.</strong> {named.length} people or bodies are quoted across the {refs.length} outlets. Each cell shows the verb the outlet uses
          for them and how many of their words it quotes.
        </p>
      </div>
      <ul className="outlet-lines">
        {perOutlet.map((o) => (
          <li key={o.id} style={{ ['--c' as string]: colourOf(o.id) }}>
            <span className="dot" aria-hidden="true" /> <strong>{name(o.id)}</strong> quotes {o.speakers} speaker{o.speakers === 1 ? '' : 's'} in {o.quotes} quote
            {o.quotes === 1 ? '' : 's'} ({o.words} words)
            {(onlyBy.get(o.id)?.length ?? 0) > 0 ? (
              <>
                ; only {name(o.id)} quotes {listWords((onlyBy.get(o.id) ?? []).map((r) => r.name))}
              </>
            ) : null}
            .
          </li>
        ))}
      </ul>
      <div className="matrix-wrap" tabIndex={0} role="region" aria-label="Speakers table (scrolls sideways)">
        <table className="quote-table">
          <caption className="sr-only">Speakers by outlet: verb and quoted words</caption>
          <thead>
            <tr>
              <th scope="col">Speaker</th>
              {refs.map((r) => (
                <th key={r.articleId} scope="col" style={{ ['--c' as string]: colourOf(r.articleId) }}>
                  <span className="dot" aria-hidden="true" /> {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.byArticle.size === 1 && ids.length > 1 ? 'one' : ''}>
                <th scope="row">
                  {row.name}
                  {row.affiliation ? <span className="muted small affil"> {plainId(row.affiliation)}</span> : null}
                  {row.byArticle.size === 1 && ids.length > 1 && row.key !== '\u0000none' ? <span className="only-tag small">one outlet only</span> : null}
                </th>
                {ids.map((id) => {
                  const qs = row.byArticle.get(id) ?? [];
                  if (qs.length === 0) return <td key={id} className="none"><span className="sr-only">not quoted</span><span aria-hidden="true">·</span></td>;
                  const verbs = new Map<string, string | null>();
                  for (const q of qs) if (!verbs.has(q.verb ?? 'no verb')) verbs.set(q.verb ?? 'no verb', q.quote.verb_class);
                  const words = qs.reduce((t, q) => t + q.quote.n_words, 0);
                  const cls = [...verbs.values()].find((c) => c && c !== 'neutral') ?? null;
                  return (
                    <td key={id} title={qs.map((q) => `“${q.quote.text}”`).join('\n')}>
                      {[...verbs].map(([v, c], i) => (
                        <span key={v}>
                          {i > 0 ? ', ' : ''}
                          <span className={`verb${c && c !== 'neutral' ? ` ${c}` : ''}`}>{v}</span>
                        </span>
                      ))}
                      <span className="muted small">
                        {' '}
                        · {qs.length} quote{qs.length === 1 ? '' : 's'}, {words} words
                      </span>
                      {cls ? <span className="sr-only"> ({VERB_NOTE[cls]})</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Verbs marked <span className="verb positive">like this</span> lend credence (e.g. “confirmed”), <span className="verb negative">like this</span> cast
        doubt (e.g. “claimed”), as the engine's verb list classes them. Hover a cell to read the quotes.
      </p>
    </div>
  );
}
