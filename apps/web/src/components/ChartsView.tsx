/**
 * Charts (Recharts). Every chart component takes typed props built by the view
 * models in ../view/model.ts; clicking a bar or point opens the evidence behind it.
 */
import { useMemo, useRef } from 'react';
import type { AnalysisReport } from '@parallax/core';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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
import { divergingColour, OKABE_ITO, sequentialColour } from '../view/palette';
import { downloadChart } from './exportChart';

interface Props {
  report: AnalysisReport;
  refs: OutletRef[];
  colourOf: (articleId: string) => string;
  onEvidence: (q: EvidenceQuery) => void;
}

/** The document-level sentiment measure: `sentiment` if the report has it, else the first document measure naming sentiment. */
function sentimentMeasure(report: AnalysisReport): string | null {
  const docs = [...new Set(report.scores.filter((s) => s.scope === 'document').map((s) => s.measure))].sort();
  return docs.includes('sentiment') ? 'sentiment' : (docs.find((m) => m.includes('sentiment')) ?? null);
}

export function ChartsView({ report, refs, colourOf, onEvidence }: Props) {
  const docMeasure = useMemo(() => sentimentMeasure(report), [report]);
  const doc = useMemo(() => (docMeasure ? documentMeasure(report, refs, docMeasure) : []), [report, refs, docMeasure]);
  const arc = useMemo(() => sentimentArc(report, refs, 'sentiment'), [report, refs]);
  const frames = useMemo(() => rankProfile(measureProfile(report, refs, ['frame:', 'generic:']), refs, ['frame:', 'generic:']), [report, refs]);
  const entities = useMemo(() => entitySentiment(report, refs), [report, refs]);
  const balance = useMemo(() => measureProfile(report, refs, ['source_balance:']), [report, refs]);
  const terms = useMemo(() => termTable(report.terms, refs), [report.terms, refs]);
  const noScores = report.scores.length === 0;

  return (
    <div className="charts">
      <div className="view-head">
        <p className="lede">
          <strong>Tone, framing and sources.</strong> Click any bar, point or number to see the exact words behind it.
          {noScores ? ' This report has no scores yet (the scoring stages did not run for this input), so the charts below are empty.' : ''}
        </p>
      </div>
      <div className="chart-grid">
        <ChartCard id="doc-sentiment" title="Overall tone per outlet" note="Document sentiment, −1 (negative) … +1 (positive)." empty={doc.every((d) => d.value === null)}>
          <DocSentimentChart data={doc} colourOf={colourOf} onPick={(d) => docMeasure && onEvidence({ articleId: d.articleId, measure: docMeasure, scope: 'document', target: '' })} />
        </ChartCard>
        <ChartCard id="arc" title="Tone along each article" note="One bar per sentence, first to last: blue above the line positive, orange below negative." empty={arc.every((a) => a.points.length === 0)}>
          <SentimentStrips series={arc} onPick={(articleId, sentenceId) => onEvidence({ articleId, measure: 'sentiment', scope: 'sentence', target: sentenceId })} />
        </ChartCard>
        <ChartCard id="frames" title="How each outlet frames the story" note="Share of sentences with each frame's cues (Media Frames Corpus frames, then generic news frames); darker = more." empty={frames.length === 0}>
          <Heatmap
            rows={frames.map((f) => ({
              key: f.measure,
              label: f.label.replace(/ \((frame|generic)\)$/, ''),
              values: f.values,
              group: f.measure.startsWith('generic:') ? 'Generic news frames' : 'Media Frames Corpus frames',
            }))}
            refs={refs}
            colour={(v, max) => sequentialColour(v, max)}
            format={(v) => `${Math.round(v * 100)}%`}
            ariaLabel="Frame profile per outlet"
            onPick={(articleId, measure) => onEvidence({ articleId, measure, scope: 'document', target: '' })}
          />
        </ChartCard>
        <ChartCard id="entities" title="Tone toward the main people and places" note={`Entity-level ${entities.measure ?? 'sentiment'}: blue positive, orange negative, blank = not mentioned.`} empty={entities.rows.length === 0}>
          <Heatmap
            rows={entities.rows.map((r) => ({ key: r.entityId, label: r.label, values: r.values }))}
            refs={refs}
            colour={(v, max) => divergingColour(v, max)}
            format={(v) => v.toFixed(2)}
            ariaLabel="Sentiment toward each entity per outlet"
            onPick={(articleId, entityId) => entities.measure && onEvidence({ articleId, measure: entities.measure, scope: 'entity', target: entityId })}
          />
        </ChartCard>
        <ChartCard id="sources" title="Whose words are quoted" note="Share of quoted words by side (source balance)." empty={balance.length === 0}>
          <StackedChart rows={balance} refs={refs} onPick={(articleId, measure) => onEvidence({ articleId, measure, scope: 'document', target: '' })} />
        </ChartCard>
        <ChartCard id="terms" title="Word choices" note="The same thing, named differently (e.g. Kyiv / Kiev). Differences first." empty={terms.length === 0} exportable={false} wide>
          <TermTable rows={terms} refs={refs} />
        </ChartCard>
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
  exportable = true,
  children,
}: {
  id: string;
  title: string;
  note: string;
  empty: boolean;
  wide?: boolean;
  exportable?: boolean;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <figure className={`card${wide ? ' wide' : ''}`} data-chart={id}>
      <figcaption>
        <div>
          <h3>{title}</h3>
          <p className="muted small">{note}</p>
        </div>
        {exportable && !empty ? (
          <div className="card-actions">
            <button type="button" className="link" onClick={() => ref.current && void downloadChart(ref.current, id, 'svg')}>
              SVG
            </button>
            <button type="button" className="link" onClick={() => ref.current && void downloadChart(ref.current, id, 'png')}>
              PNG
            </button>
          </div>
        ) : null}
      </figcaption>
      <div ref={ref} className="card-body">
        {empty ? <p className="empty-chart muted">No data for this chart in the report yet.</p> : children}
      </div>
    </figure>
  );
}

const AXIS = { fontSize: 12, fill: '#444' };

function DocSentimentChart({ data, colourOf, onPick }: { data: DocValue[]; colourOf: (id: string) => string; onPick: (d: DocValue) => void }) {
  const rows = data.filter((d) => d.value !== null);
  return (
    <ResponsiveContainer width="100%" height={Math.max(180, rows.length * 40 + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e5e5e5" />
        <XAxis type="number" domain={[-1, 1]} tick={AXIS} />
        <YAxis type="category" dataKey="label" width={120} tick={AXIS} />
        <ReferenceLine x={0} stroke="#888" />
        <Tooltip formatter={(v) => [Number(v).toFixed(3), 'sentiment']} />
        <Bar dataKey="value" cursor="pointer" onClick={(d) => onPick(d.payload as DocValue)} isAnimationActive={false}>
          {rows.map((d) => (
            <Cell key={d.articleId} fill={colourOf(d.articleId)} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

function StackedChart({ rows, refs, onPick }: { rows: ProfileRow[]; refs: OutletRef[]; onPick: (articleId: string, measure: string) => void }) {
  const data = refs.map((r) => ({ label: r.label, articleId: r.articleId, ...Object.fromEntries(rows.map((m) => [m.measure, m.values[r.articleId] ?? 0])) }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(180, refs.length * 40 + 60)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid horizontal={false} stroke="#eee" />
        <XAxis type="number" tick={AXIS} domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
        <YAxis type="category" dataKey="label" width={120} tick={AXIS} />
        <Tooltip formatter={(v) => `${(Number(v) * 100).toFixed(1)}%`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {rows.map((m, i) => (
          <Bar
            key={m.measure}
            dataKey={m.measure}
            name={measureLabel(m.measure).replace(/ \(source balance\)$/, '')}
            stackId="s"
            fill={/:(unknown|other|unattributed)$/.test(m.measure) ? '#bbbbbb' : OKABE_ITO[i % (OKABE_ITO.length - 1)]}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(d) => onPick(String((d.payload as { articleId: string }).articleId), m.measure)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

function TermTable({ rows, refs }: { rows: TermRow[]; refs: OutletRef[] }) {
  return (
    <div className="matrix-wrap">
      <table className="terms">
        <thead>
          <tr>
            <th scope="col">Concept</th>
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
              <th scope="row">{row.conceptId}</th>
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

/** A plain SVG heatmap, rows × outlets (one <svg>, so it exports like the Recharts charts). Cells are buttons. */
function Heatmap({
  rows,
  refs,
  colour,
  format,
  ariaLabel,
  onPick,
}: {
  rows: HeatRow[];
  refs: OutletRef[];
  colour: (v: number, max: number) => string;
  format: (v: number) => string;
  ariaLabel: string;
  onPick: (articleId: string, rowKey: string) => void;
}) {
  const labelW = 170;
  const cw = 84;
  const ch = 26;
  const headH = 26;
  const groupH = 22;
  const width = labelW + refs.length * cw;
  // y of every row, leaving room for a heading where the group changes
  const ys: number[] = [];
  const headings: { y: number; text: string }[] = [];
  let y = headH;
  rows.forEach((r, i) => {
    if (r.group && r.group !== rows[i - 1]?.group) {
      headings.push({ y, text: r.group });
      y += groupH;
    }
    ys.push(y);
    y += ch;
  });
  const height = y + 4;
  const max = Math.max(0.0001, ...rows.flatMap((r) => Object.values(r.values).map(Math.abs)));
  return (
    <div className="heat-wrap">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={ariaLabel} fontFamily="system-ui, sans-serif">
        <rect width={width} height={height} fill="#fff" />
        {refs.map((r, j) => (
          <text key={r.articleId} x={labelW + j * cw + cw / 2} y={17} fontSize={11} fontWeight={600} textAnchor="middle" fill="#333">
            {r.label.length > 12 ? `${r.label.slice(0, 11)}…` : r.label}
          </text>
        ))}
        {headings.map((h) => (
          <text key={h.text} x={4} y={h.y + 15} fontSize={10.5} fontWeight={700} fill="#666" letterSpacing="0.06em">
            {h.text.toUpperCase()}
          </text>
        ))}
        {rows.map((row, i) => (
          <g key={row.key} transform={`translate(0 ${ys[i] ?? 0})`}>
            <text x={labelW - 8} y={ch / 2 + 4} fontSize={12} textAnchor="end" fill="#222">
              {row.label.length > 25 ? `${row.label.slice(0, 24)}…` : row.label}
            </text>
            {refs.map((r, j) => {
              const v = row.values[r.articleId];
              if (v === undefined) return <rect key={r.articleId} x={labelW + j * cw + 1} y={1} width={cw - 2} height={ch - 2} fill="#fafafa" stroke="#eee" rx={3} />;
              const dark = Math.abs(v) / max > 0.55;
              return (
                <g
                  key={r.articleId}
                  className="heat-cell"
                  role="button"
                  tabIndex={0}
                  aria-label={`${r.label}, ${row.label}: ${format(v)}. Show evidence.`}
                  onClick={() => onPick(r.articleId, row.key)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onPick(r.articleId, row.key);
                    }
                  }}
                >
                  <rect x={labelW + j * cw + 1} y={1} width={cw - 2} height={ch - 2} fill={colour(v, max)} rx={3} />
                  <text x={labelW + j * cw + cw / 2} y={ch / 2 + 4} fontSize={11} textAnchor="middle" fill={dark ? '#fff' : '#111'}>
                    {format(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}

/** One strip per outlet, one bar per sentence (up = positive, down = negative); click a bar for its evidence. */
function SentimentStrips({ series, onPick }: { series: ArcSeries[]; onPick: (articleId: string, sentenceId: string) => void }) {
  const labelW = 120;
  const plotW = 440;
  const rowH = 44;
  const width = labelW + plotW + 8;
  const height = series.length * rowH + 18;
  return (
    <div className="heat-wrap">
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Sentence sentiment along each article" fontFamily="system-ui, sans-serif" style={{ maxWidth: width * 1.4 }}>
        <rect width={width} height={height} fill="#fff" />
        {series.map((s, i) => {
          const y0 = i * rowH + rowH / 2;
          const n = Math.max(1, s.points.length);
          const step = plotW / n;
          const half = rowH / 2 - 4;
          return (
            <g key={s.articleId}>
              <text x={labelW - 8} y={y0 + 4} fontSize={12} textAnchor="end" fill="#222">
                {s.label.length > 17 ? `${s.label.slice(0, 16)}…` : s.label}
              </text>
              <line x1={labelW} x2={labelW + plotW} y1={y0} y2={y0} stroke="#bbb" />
              {s.points.map((p, k) => {
                const h = Math.max(1, Math.abs(p.value) * half);
                return (
                  <rect
                    key={p.sentenceId}
                    className="strip-bar"
                    x={labelW + k * step + 0.5}
                    width={Math.max(1, step - 1)}
                    y={p.value >= 0 ? y0 - h : y0}
                    height={h}
                    fill={p.value === 0 ? '#ccc' : divergingColour(p.value >= 0 ? 1 : -1)}
                    opacity={0.35 + 0.65 * Math.min(1, Math.abs(p.value))}
                    onClick={() => onPick(s.articleId, p.sentenceId)}
                  >
                    <title>{`${s.label}, sentence ${p.index + 1}: ${p.value.toFixed(2)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <text x={labelW} y={height - 4} fontSize={10} fill="#777">
          first sentence
        </text>
        <text x={labelW + plotW} y={height - 4} fontSize={10} fill="#777" textAnchor="end">
          last sentence
        </text>
      </svg>
    </div>
  );
}
