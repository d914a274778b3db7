/**
 * Charts for essays: every chart is one SVG drawn here from the view models (typed
 * props built from core's report), with a title, value labels and full names
 * (wrapped, never cut). Export (SVG, or PNG at 2×) adds a caption: the story, the
 * outlets, what the measure is and "Parallax <version>". Every mark that opens
 * evidence is reachable by keyboard: each chart is one tab stop, arrows move.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisReport } from '@parallax/core';
import {
  documentMeasure,
  entitySentiment,
  measureLabel,
  measureProfile,
  rankProfile,
  sentimentArc,
  termTable,
  type ArcSeries,
  type DocValue,
  type EvidenceQuery,
  type OutletRef,
  type ProfileRow,
  type TermRow,
} from '../view/model';
import { plainId, type Story } from '../view/facts';
import { divergingColour, OKABE_ITO, sequentialColour } from '../view/palette';
import { downloadChart, type ChartCaption } from './exportChart';
import { useRoving } from './roving';

interface Props {
  report: AnalysisReport;
  refs: OutletRef[];
  story: Story | null;
  colourOf: (articleId: string) => string;
  onEvidence: (q: EvidenceQuery) => void;
}

/** The document-level sentiment measure: `sentiment` if the report has it, else the first document measure naming sentiment. */
function sentimentMeasure(report: AnalysisReport): string | null {
  const docs = [...new Set(report.scores.filter((s) => s.scope === 'document').map((s) => s.measure))].sort();
  return docs.includes('sentiment') ? 'sentiment' : (docs.find((m) => m.includes('sentiment')) ?? null);
}

/** The width a chart has on screen (CSS px), so charts lay out for it instead of shrinking their text. */
const Avail = createContext(600);
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setW(Math.round(el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const INK = '#1b1f24';
const MUTED = '#4a525b';

/** Words into lines of at most `max` characters (a word longer than that gets a line of its own). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (cur === '') cur = w;
    else if (cur.length + 1 + w.length <= max) cur += ` ${w}`;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur !== '') lines.push(cur);
  return lines.length ? lines : [''];
}

export function ChartsView({ report, refs, story, colourOf, onEvidence }: Props) {
  const docMeasure = useMemo(() => sentimentMeasure(report), [report]);
  const doc = useMemo(() => (docMeasure ? documentMeasure(report, refs, docMeasure) : []), [report, refs, docMeasure]);
  const arc = useMemo(() => sentimentArc(report, refs, 'sentiment'), [report, refs]);
  const frames = useMemo(() => rankProfile(measureProfile(report, refs, ['frame:', 'generic:']), refs, ['frame:', 'generic:']), [report, refs]);
  const entities = useMemo(() => entitySentiment(report, refs), [report, refs]);
  const balance = useMemo(() => measureProfile(report, refs, ['source_balance:']), [report, refs]);
  const terms = useMemo(() => termTable(report.terms, refs), [report.terms, refs]);
  const noScores = report.scores.length === 0;
  const caption = (title: string, measure: string): ChartCaption => ({
    title,
    story: story ? `${story.label}${story.date && !story.label.includes(story.date) ? ` (${story.date})` : ''}` : 'All articles',
    outlets: refs.map((r) => r.label).join(', '),
    measure,
    tool: `Parallax ${report.tool.version}`,
  });

  const charts: { id: string; title: string; measure: string; empty: boolean; wide?: boolean; body: React.ReactNode }[] = [
    {
      id: 'doc-sentiment',
      title: 'Overall tone per outlet',
      measure: 'Tone: document sentiment from −1 (negative) to +1 (positive), the mean of the sentence scores; "no score" = the measure did not run.',
      empty: doc.every((d) => d.value === null),
      body: <ToneBars data={doc} colourOf={colourOf} onPick={(d) => docMeasure && onEvidence({ articleId: d.articleId, measure: docMeasure, scope: 'document', target: '' })} />,
    },
    {
      id: 'arc',
      title: 'Tone along each article',
      measure: 'Sentence sentiment, one bar per sentence from first to last: up (blue) positive, down (orange) negative, grey dot = 0.',
      empty: arc.every((a) => a.points.length === 0),
      body: <SentimentStrips series={arc} onPick={(articleId, sentenceId) => onEvidence({ articleId, measure: 'sentiment', scope: 'sentence', target: sentenceId })} />,
    },
    {
      id: 'frames',
      title: 'How each outlet frames the story',
      measure: "Share of an article's sentences with each frame's cue words (Media Frames Corpus frames, then generic news frames).",
      empty: frames.length === 0,
      body: (
        <Heatmap
          title="How each outlet frames the story"
          rows={frames.map((f) => ({
            key: f.measure,
            label: f.label.replace(/ \((frame|news frame)\)$/, ''),
            values: f.values,
            group: f.measure.startsWith('generic:') ? 'Generic news frames' : 'Media Frames Corpus frames',
          }))}
          refs={refs}
          colour={(v, max) => sequentialColour(v, max)}
          format={(v) => `${Math.round(v * 100)}%`}
          onPick={(articleId, measure) => onEvidence({ articleId, measure, scope: 'document', target: '' })}
        />
      ),
    },
    {
      id: 'entities',
      title: 'Tone toward the main people and places',
      measure: 'Entity-level sentiment, −1 … +1, of the sentences naming each person or place: blue positive, orange negative, "–" = not mentioned.',
      empty: entities.rows.length === 0,
      body: (
        <Heatmap
          title="Tone toward the main people and places"
          rows={entities.rows.map((r) => ({ key: r.entityId, label: r.label, values: r.values }))}
          refs={refs}
          colour={(v, max) => divergingColour(v, max)}
          format={(v) => v.toFixed(2)}
          onPick={(articleId, entityId) => entities.measure && onEvidence({ articleId, measure: entities.measure, scope: 'entity', target: entityId })}
        />
      ),
    },
    {
      id: 'sources',
      title: 'Whose words are quoted',
      measure: "Share of each article's quoted words by the speaker's side, as the engine attributes quotes (grey: side unknown).",
      empty: balance.length === 0,
      body: <StackedBars rows={balance} refs={refs} onPick={(articleId, measure) => onEvidence({ articleId, measure, scope: 'document', target: '' })} />,
    },
    {
      id: 'terms',
      title: 'Word choices',
      measure: 'The same thing named differently (e.g. Kyiv / Kiev): the words each outlet uses and how often. Differences first.',
      empty: terms.length === 0,
      wide: true,
      body: <TermTable rows={terms} refs={refs} />,
    },
  ];

  return (
    <div className="charts">
      <div className="view-head">
        <p className="lede">
          <strong>Tone, framing and sources.</strong> Click (or Tab to and press Enter on) any bar or cell to see the exact words behind it. Each chart saves as
          SVG or PNG (2×, for print) with a caption saying what it shows.
          {noScores ? ' There are no scores for this input (the scoring stages did not run), so the charts below are empty.' : ''}
        </p>
      </div>
      <div className="chart-grid">
        {charts.map((c) => (
          <ChartCard key={c.id} id={c.id} title={c.title} note={c.measure} empty={c.empty} wide={c.wide} caption={caption(c.title, c.measure)}>
            {c.body}
          </ChartCard>
        ))}
      </div>
    </div>
  );
}

function ChartCard({
  id,
  title,
  note,
  empty,
  wide,
  caption,
  children,
}: {
  id: string;
  title: string;
  note: string;
  empty: boolean;
  wide?: boolean;
  caption: ChartCaption;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const avail = useWidth(ref);
  return (
    <figure className={`card${wide ? ' wide' : ''}`} data-chart={id}>
      <figcaption>
        <div>
          <h3>{title}</h3>
          <p className="muted small">{note}</p>
        </div>
        {!empty ? (
          <div className="card-actions">
            <button type="button" className="link" aria-label={`Save “${title}” as SVG`} onClick={() => ref.current && void downloadChart(ref.current, id, 'svg', caption)}>
              SVG
            </button>
            <button type="button" className="link" aria-label={`Save “${title}” as PNG`} onClick={() => ref.current && void downloadChart(ref.current, id, 'png', caption)}>
              PNG
            </button>
          </div>
        ) : null}
      </figcaption>
      <div ref={ref} className="card-body">
        <Avail.Provider value={avail}>{empty ? <p className="empty-chart muted">No data for this chart in the report.</p> : children}</Avail.Provider>
      </div>
    </figure>
  );
}

/** Keyboard activation for an SVG mark. */
const activate = (f: () => void) => (e: React.KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    f();
  }
};

function ToneBars({ data, colourOf, onPick }: { data: DocValue[]; colourOf: (id: string) => string; onPick: (d: DocValue) => void }) {
  const ref = useRef<SVGSVGElement>(null);
  const roving = useRoving(ref, '.mark', 0);
  const avail = useContext(Avail);
  const narrow = avail < 440;
  const lines = data.map((d) => wrap(d.label, narrow ? 12 : 16));
  const labelW = narrow ? 100 : 130;
  const plotW = clamp(avail - labelW - 64, 160, 300);
  const rowH = (n: number) => Math.max(30, n * 14 + 12);
  const heights = lines.map((l) => rowH(l.length));
  const top = 22;
  const height = top + heights.reduce((t, h) => t + h, 0) + 24;
  const width = labelW + plotW + 60;
  const x0 = labelW + plotW / 2;
  const scale = plotW / 2;
  let y = top;
  let k = 0;
  return (
    <svg ref={ref} data-chart-svg="" width="100%" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width * 1.3 }} fontFamily={FONT} role="group" aria-label="Overall tone per outlet" onKeyDown={roving.onKeyDown}>
      <rect width={width} height={height} fill="#fff" />
      {[-1, -0.5, 0, 0.5, 1].map((t) => (
        <g key={t}>
          <line x1={x0 + t * scale} x2={x0 + t * scale} y1={top - 4} y2={height - 22} stroke={t === 0 ? '#6b737c' : '#e3e6ea'} />
          <text x={x0 + t * scale} y={height - 8} fontSize={11} textAnchor="middle" fill={MUTED}>
            {t > 0 ? `+${t}` : t}
          </text>
        </g>
      ))}
      <text x={x0 - scale} y={14} fontSize={11} fill={MUTED}>
        {narrow ? '← negative' : '← more negative'}
      </text>
      <text x={x0 + scale} y={14} fontSize={11} fill={MUTED} textAnchor="end">
        {narrow ? 'positive →' : 'more positive →'}
      </text>
      {data.map((d, i) => {
        const h = heights[i]!;
        const yc = y + h / 2;
        const label = lines[i]!;
        y += h;
        const labelEl = (
          <text x={labelW - 10} y={yc - ((label.length - 1) * 14) / 2 + 4} fontSize={12} textAnchor="end" fill={INK}>
            {label.map((l, j) => (
              <tspan key={j} x={labelW - 10} dy={j === 0 ? 0 : 14}>
                {l}
              </tspan>
            ))}
          </text>
        );
        if (d.value === null) {
          return (
            <g key={d.articleId}>
              {labelEl}
              <text x={x0 + 8} y={yc + 4} fontSize={12} fill={MUTED} fontStyle="italic">
                no score
              </text>
            </g>
          );
        }
        const v = d.value;
        const w = Math.abs(v) * scale;
        const idx = k++;
        const text = `${v > 0 ? '+' : ''}${v.toFixed(2)}`;
        return (
          <g
            key={d.articleId}
            className="mark"
            role="button"
            tabIndex={idx === roving.active ? 0 : -1}
            aria-label={`${d.label}: tone ${text}. Show the words behind it.`}
            onFocus={() => roving.setActive(idx)}
            onClick={() => onPick(d)}
            onKeyDown={activate(() => onPick(d))}
            data-article={d.articleId}
          >
            {labelEl}
            {v === 0 ? (
              <circle cx={x0} cy={yc} r={4} fill={colourOf(d.articleId)} stroke={INK} />
            ) : (
              <rect x={v < 0 ? x0 - w : x0} y={yc - 9} width={Math.max(2, w)} height={18} fill={colourOf(d.articleId)} stroke={INK} strokeWidth={0.5} rx={2} />
            )}
            <text x={v < 0 ? x0 - w - 6 : x0 + Math.max(2, w) + 6} y={yc + 4} fontSize={12} fontWeight={600} textAnchor={v < 0 ? 'end' : 'start'} fill={INK}>
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function StackedBars({ rows, refs, onPick }: { rows: ProfileRow[]; refs: OutletRef[]; onPick: (articleId: string, measure: string) => void }) {
  const ref = useRef<SVGSVGElement>(null);
  const roving = useRoving(ref, '.mark', 0);
  const unknown = (m: string) => /:(unknown|other|unattributed)$/.test(m);
  const ordered = [...rows.filter((r) => !unknown(r.measure)), ...rows.filter((r) => unknown(r.measure))];
  // One colour per side (Okabe–Ito, 8 hues); grey only for "unknown"; beyond 8 sides the hue repeats with a hatch-free darker edge.
  const colour = (i: number, m: string) => (unknown(m) ? '#9aa1a8' : OKABE_ITO[i % OKABE_ITO.length]);
  const name = (m: string) => plainId(m.slice(m.indexOf(':') + 1));
  const avail = useContext(Avail);
  const labelW = avail < 440 ? 100 : 130;
  const plotW = clamp(avail - labelW - 24, 180, 320);
  const rowH = 34;
  const top = 8;
  const legendCols = avail < 440 ? 2 : 3;
  const legendRows = Math.ceil(ordered.length / legendCols);
  const width = labelW + plotW + 20;
  const height = top + refs.length * rowH + 26 + legendRows * 20 + 8;
  let k = 0;
  return (
    <svg ref={ref} data-chart-svg="" width="100%" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width * 1.3 }} fontFamily={FONT} role="group" aria-label="Whose words are quoted" onKeyDown={roving.onKeyDown}>
      <rect width={width} height={height} fill="#fff" />
      {refs.map((r, i) => {
        const yc = top + i * rowH + rowH / 2;
        let x = labelW;
        const label = wrap(r.label, labelW < 130 ? 12 : 16);
        return (
          <g key={r.articleId}>
            <text x={labelW - 10} y={yc - ((label.length - 1) * 13) / 2 + 4} fontSize={12} textAnchor="end" fill={INK}>
              {label.map((l, j) => (
                <tspan key={j} x={labelW - 10} dy={j === 0 ? 0 : 13}>
                  {l}
                </tspan>
              ))}
            </text>
            {ordered.map((m, j) => {
              const v = m.values[r.articleId] ?? 0;
              if (v <= 0) return null;
              const w = v * plotW;
              const idx = k++;
              const x1 = x;
              x += w;
              return (
                <g
                  key={m.measure}
                  className="mark"
                  role="button"
                  tabIndex={idx === roving.active ? 0 : -1}
                  aria-label={`${r.label}: ${Math.round(v * 100)}% of quoted words from ${name(m.measure)}. Show the quotes.`}
                  onFocus={() => roving.setActive(idx)}
                  onClick={() => onPick(r.articleId, m.measure)}
                  onKeyDown={activate(() => onPick(r.articleId, m.measure))}
                >
                  <rect x={x1} y={yc - 11} width={w} height={22} fill={colour(j, m.measure)} stroke="#fff" strokeWidth={1} />
                  {w >= 30 ? (
                    <text x={x1 + w / 2} y={yc + 4} fontSize={11} textAnchor="middle" fill={j === 0 || j === 7 ? '#fff' : INK} fontWeight={600}>
                      {Math.round(v * 100)}%
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
      <text x={labelW} y={top + refs.length * rowH + 14} fontSize={11} fill={MUTED}>
        0%
      </text>
      <text x={labelW + plotW} y={top + refs.length * rowH + 14} fontSize={11} fill={MUTED} textAnchor="end">
        100% of quoted words
      </text>
      {ordered.map((m, j) => {
        const lx = 10 + (j % legendCols) * ((width - 20) / legendCols);
        const ly = top + refs.length * rowH + 26 + Math.floor(j / legendCols) * 20;
        return (
          <g key={m.measure}>
            <rect x={lx} y={ly} width={12} height={12} fill={colour(j, m.measure)} />
            <text x={lx + 17} y={ly + 10} fontSize={12} fill={INK}>
              {name(m.measure)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function TermTable({ rows, refs }: { rows: TermRow[]; refs: OutletRef[] }) {
  return (
    <div className="matrix-wrap" data-terms="" tabIndex={0} role="region" aria-label="Word choices table (scrolls sideways)">
      <table className="terms">
        <thead>
          <tr>
            <th scope="col">Named as</th>
            {refs.map((r) => (
              <th key={r.articleId} scope="col">
                {r.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.conceptId} className={row.varies ? 'varies' : ''}>
              <th scope="row">{row.label}</th>
              {refs.map((r) => (
                <td key={r.articleId}>
                  {(row.cells[r.articleId] ?? []).map((t) => (
                    <span key={t.surface} className="term">
                      {t.surface}
                      <span className="muted small"> ×{t.count}</span>
                    </span>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface HeatRow {
  key: string;
  label: string;
  values: Record<string, number>;
  /** Rows with a group get a heading where the group changes. */
  group?: string;
}

/** A heatmap, rows × outlets, as one SVG; names wrap onto extra lines instead of being cut. */
function Heatmap({
  title,
  rows,
  refs,
  colour,
  format,
  onPick,
}: {
  title: string;
  rows: HeatRow[];
  refs: OutletRef[];
  colour: (v: number, max: number) => string;
  format: (v: number) => string;
  onPick: (articleId: string, rowKey: string) => void;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const roving = useRoving(ref, '.mark', 0);
  const avail = useContext(Avail);
  const labelW = avail < 480 ? 110 : 150;
  const cw = clamp(Math.floor((avail - labelW) / Math.max(1, refs.length)), 50, 78);
  const headLines = refs.map((r) => wrap(r.label, Math.max(6, Math.floor(cw / 7))));
  const headH = 10 + Math.max(1, ...headLines.map((l) => l.length)) * 13;
  const rowLines = rows.map((r) => wrap(r.label, labelW < 150 ? 15 : 22));
  const groupH = 22;
  const width = labelW + refs.length * cw;
  const ys: number[] = [];
  const hs: number[] = [];
  const headings: { y: number; text: string }[] = [];
  let y = headH;
  rows.forEach((r, i) => {
    if (r.group && r.group !== rows[i - 1]?.group) {
      headings.push({ y, text: r.group });
      y += groupH;
    }
    ys.push(y);
    const h = Math.max(26, rowLines[i]!.length * 13 + 8);
    hs.push(h);
    y += h;
  });
  const height = y + 4;
  const max = Math.max(0.0001, ...rows.flatMap((r) => Object.values(r.values).map(Math.abs)));
  let k = 0;
  return (
    <svg
      ref={ref}
      data-chart-svg=""
      width="100%"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: width * 1.25 }}
      fontFamily={FONT}
      role="group"
      aria-label={title}
      onKeyDown={roving.onKeyDown}
    >
      <rect width={width} height={height} fill="#fff" />
      {refs.map((r, j) => (
        <text key={r.articleId} x={labelW + j * cw + cw / 2} y={14} fontSize={cw < 60 ? 10 : 11} fontWeight={600} textAnchor="middle" fill={INK}>
          {headLines[j]!.map((l, n) => (
            <tspan key={n} x={labelW + j * cw + cw / 2} dy={n === 0 ? 0 : 13}>
              {l}
            </tspan>
          ))}
        </text>
      ))}
      {headings.map((h) => (
        <text key={h.text} x={4} y={h.y + 15} fontSize={10.5} fontWeight={700} fill={MUTED} letterSpacing="0.06em">
          {h.text.toUpperCase()}
        </text>
      ))}
      {rows.map((row, i) => {
        const h = hs[i]!;
        const lines = rowLines[i]!;
        return (
          <g key={row.key} transform={`translate(0 ${ys[i] ?? 0})`}>
            <text x={labelW - 8} y={h / 2 - ((lines.length - 1) * 13) / 2 + 4} fontSize={12} textAnchor="end" fill={INK}>
              {lines.map((l, n) => (
                <tspan key={n} x={labelW - 8} dy={n === 0 ? 0 : 13}>
                  {l}
                </tspan>
              ))}
            </text>
            {refs.map((r, j) => {
              const v = row.values[r.articleId];
              if (v === undefined) {
                return (
                  <g key={r.articleId}>
                    <rect x={labelW + j * cw + 1} y={1} width={cw - 2} height={h - 2} fill="#f6f7f8" stroke="#e3e6ea" rx={3} />
                    <text x={labelW + j * cw + cw / 2} y={h / 2 + 4} fontSize={11} textAnchor="middle" fill={MUTED}>
                      –
                    </text>
                  </g>
                );
              }
              const dark = Math.abs(v) / max > 0.55;
              const idx = k++;
              return (
                <g
                  key={r.articleId}
                  className="mark heat-cell"
                  role="button"
                  tabIndex={idx === roving.active ? 0 : -1}
                  aria-label={`${r.label}, ${row.label}: ${format(v)}. Show evidence.`}
                  onFocus={() => roving.setActive(idx)}
                  onClick={() => onPick(r.articleId, row.key)}
                  onKeyDown={activate(() => onPick(r.articleId, row.key))}
                >
                  <rect x={labelW + j * cw + 1} y={1} width={cw - 2} height={h - 2} fill={colour(v, max)} rx={3} />
                  <text x={labelW + j * cw + cw / 2} y={h / 2 + 4} fontSize={11} textAnchor="middle" fill={dark ? '#fff' : '#111'}>
                    {format(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** One strip per outlet, one bar per sentence (up = positive, down = negative); each bar opens its evidence. */
function SentimentStrips({ series, onPick }: { series: ArcSeries[]; onPick: (articleId: string, sentenceId: string) => void }) {
  const ref = useRef<SVGSVGElement>(null);
  const roving = useRoving(ref, '.mark', 0);
  const avail = useContext(Avail);
  const labelW = avail < 440 ? 100 : 130;
  const plotW = clamp(avail - labelW - 10, 200, 440);
  const rowH = 48;
  const width = labelW + plotW + 8;
  const height = series.length * rowH + 22;
  let k = 0;
  return (
    <svg ref={ref} data-chart-svg="" width="100%" viewBox={`0 0 ${width} ${height}`} fontFamily={FONT} role="group" aria-label="Tone along each article" style={{ maxWidth: width * 1.4 }} onKeyDown={roving.onKeyDown}>
      <rect width={width} height={height} fill="#fff" />
      {series.map((s, i) => {
        const y0 = i * rowH + rowH / 2;
        const n = Math.max(1, s.points.length);
        const step = plotW / n;
        const half = rowH / 2 - 5;
        const label = wrap(s.label, labelW < 130 ? 12 : 16);
        return (
          <g key={s.articleId}>
            <text x={labelW - 8} y={y0 - ((label.length - 1) * 13) / 2 + 4} fontSize={12} textAnchor="end" fill={INK}>
              {label.map((l, j) => (
                <tspan key={j} x={labelW - 8} dy={j === 0 ? 0 : 13}>
                  {l}
                </tspan>
              ))}
            </text>
            <line x1={labelW} x2={labelW + plotW} y1={y0} y2={y0} stroke="#8a929a" />
            {s.points.length === 0 ? (
              <text x={labelW + 6} y={y0 - 4} fontSize={11} fill={MUTED} fontStyle="italic">
                no sentence scores
              </text>
            ) : null}
            {s.points.map((p, j) => {
              const h = Math.max(1, Math.abs(p.value) * half);
              const idx = k++;
              const text = `${p.value > 0 ? '+' : ''}${p.value.toFixed(2)}`;
              return (
                <g
                  key={p.sentenceId}
                  className="mark strip-bar"
                  role="button"
                  tabIndex={idx === roving.active ? 0 : -1}
                  aria-label={`${s.label}, sentence ${p.index + 1}: tone ${text}. Show the words behind it.`}
                  onFocus={() => roving.setActive(idx)}
                  onClick={() => onPick(s.articleId, p.sentenceId)}
                  onKeyDown={activate(() => onPick(s.articleId, p.sentenceId))}
                >
                  <rect x={labelW + j * step} y={y0 - half} width={Math.max(1, step)} height={half * 2} fill="transparent" />
                  {p.value === 0 ? (
                    <circle cx={labelW + j * step + step / 2} cy={y0} r={Math.min(2.5, step / 2)} fill="#8a929a" />
                  ) : (
                    <rect
                      x={labelW + j * step + 0.5}
                      width={Math.max(1, step - 1)}
                      y={p.value >= 0 ? y0 - h : y0}
                      height={h}
                      fill={divergingColour(p.value >= 0 ? 1 : -1)}
                      opacity={0.45 + 0.55 * Math.min(1, Math.abs(p.value))}
                    />
                  )}
                  <title>{`${s.label}, sentence ${p.index + 1}: ${text}`}</title>
                </g>
              );
            })}
          </g>
        );
      })}
      <text x={labelW} y={height - 6} fontSize={11} fill={MUTED}>
        first sentence
      </text>
      <text x={labelW + plotW} y={height - 6} fontSize={11} fill={MUTED} textAnchor="end">
        last sentence
      </text>
    </svg>
  );
}

export { measureLabel };
