/**
 * Charts (Recharts). Every chart component takes typed props built by the view
 * models in ../view/model.ts; clicking a bar or point opens the evidence behind it.
 */
import { useMemo, useRef } from 'react';
import type { AnalysisReport } from '@parallax/core';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  documentMeasure,
  entitySentiment,
  measureLabel,
  measureProfile,
  sentimentArc,
  termTable,
  type ArcSeries,
  type DocValue,
  type EntityRow,
  type EvidenceQuery,
  type OutletRef,
  type ProfileRow,
  type TermRow,
} from '../view/model';
import { divergingColour, OKABE_ITO } from '../view/palette';
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
  const frames = useMemo(() => measureProfile(report, refs, ['frame:', 'generic:']), [report, refs]);
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
        <ChartCard id="arc" title="Tone along each article" note="Sentence sentiment from the first sentence (0 %) to the last (100 %)." empty={arc.every((s) => s.points.length === 0)}>
          <ArcChart series={arc} colourOf={colourOf} onPick={(articleId, sentenceId) => onEvidence({ articleId, measure: 'sentiment', scope: 'sentence', target: sentenceId })} />
        </ChartCard>
        <ChartCard id="frames" title="How each outlet frames the story" note="Share of sentences per frame (Media Frames Corpus and generic frames)." empty={frames.length === 0} wide>
          <ProfileChart rows={frames} refs={refs} colourOf={colourOf} onPick={(articleId, measure) => onEvidence({ articleId, measure, scope: 'document', target: '' })} />
        </ChartCard>
        <ChartCard id="entities" title="Tone toward the main people and places" note={`Entity-level ${entities.measure ?? 'sentiment'}; blue positive, orange negative, blank = not mentioned.`} empty={entities.rows.length === 0}>
          <EntityHeatmap rows={entities.rows} refs={refs} onPick={(articleId, entityId) => entities.measure && onEvidence({ articleId, measure: entities.measure, scope: 'entity', target: entityId })} />
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

function ArcChart({ series, colourOf, onPick }: { series: ArcSeries[]; colourOf: (id: string) => string; onPick: (articleId: string, sentenceId: string) => void }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid stroke="#eee" />
        <XAxis type="number" dataKey="position" domain={[0, 100]} unit="%" tick={AXIS} allowDuplicatedCategory={false} />
        <YAxis domain={[-1, 1]} tick={AXIS} width={36} />
        <ReferenceLine y={0} stroke="#888" />
        <Tooltip formatter={(v) => Number(v).toFixed(3)} labelFormatter={(l) => `${l}% through the article`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Line
            key={s.articleId}
            data={s.points}
            dataKey="value"
            name={s.label}
            stroke={colourOf(s.articleId)}
            strokeWidth={2}
            isAnimationActive={false}
            dot={(p: { cx?: number; cy?: number; index?: number; payload?: { sentenceId: string } }) => (
              <circle
                key={`${s.articleId}-${p.index ?? 0}`}
                cx={p.cx}
                cy={p.cy}
                r={3}
                fill={colourOf(s.articleId)}
                style={{ cursor: 'pointer' }}
                onClick={() => p.payload && onPick(s.articleId, p.payload.sentenceId)}
              />
            )}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

function ProfileChart({ rows, refs, colourOf, onPick }: { rows: ProfileRow[]; refs: OutletRef[]; colourOf: (id: string) => string; onPick: (articleId: string, measure: string) => void }) {
  const data = rows.map((r) => ({ label: r.label, measure: r.measure, ...r.values }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, rows.length * (refs.length * 7 + 14) + 60)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid horizontal={false} stroke="#eee" />
        <XAxis type="number" tick={AXIS} />
        <YAxis type="category" dataKey="label" width={200} tick={AXIS} interval={0} />
        <Tooltip formatter={(v) => Number(v).toFixed(3)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {refs.map((r) => (
          <Bar
            key={r.articleId}
            dataKey={r.articleId}
            name={r.label}
            fill={colourOf(r.articleId)}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(d) => onPick(r.articleId, String((d.payload as { measure: string }).measure))}
          />
        ))}
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
        <XAxis type="number" tick={AXIS} />
        <YAxis type="category" dataKey="label" width={120} tick={AXIS} />
        <Tooltip formatter={(v) => Number(v).toFixed(3)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {rows.map((m, i) => (
          <Bar
            key={m.measure}
            dataKey={m.measure}
            name={measureLabel(m.measure).replace(/ \(source balance\)$/, '')}
            stackId="s"
            fill={OKABE_ITO[i % OKABE_ITO.length]}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(d) => onPick(String((d.payload as { articleId: string }).articleId), m.measure)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A plain SVG heatmap (so it exports like the Recharts charts): entities × outlets. */
function EntityHeatmap({ rows, refs, onPick }: { rows: EntityRow[]; refs: OutletRef[]; onPick: (articleId: string, entityId: string) => void }) {
  const labelW = 150;
  const cw = 76;
  const ch = 30;
  const headH = 28;
  const width = labelW + refs.length * cw;
  const height = headH + rows.length * ch;
  const max = Math.max(0.0001, ...rows.flatMap((r) => Object.values(r.values).map(Math.abs)));
  return (
    <div className="heat-wrap">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Sentiment toward each entity per outlet" fontFamily="system-ui, sans-serif">
        <rect width={width} height={height} fill="#fff" />
        {refs.map((r, j) => (
          <text key={r.articleId} x={labelW + j * cw + cw / 2} y={18} fontSize={11} textAnchor="middle" fill="#333">
            {r.label.length > 12 ? `${r.label.slice(0, 11)}…` : r.label}
          </text>
        ))}
        {rows.map((row, i) => (
          <g key={row.entityId} transform={`translate(0 ${headH + i * ch})`}>
            <text x={labelW - 8} y={ch / 2 + 4} fontSize={12} textAnchor="end" fill="#222">
              {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
            </text>
            {refs.map((r, j) => {
              const v = row.values[r.articleId];
              return v === undefined ? (
                <rect key={r.articleId} x={labelW + j * cw + 1} y={1} width={cw - 2} height={ch - 2} fill="#fafafa" stroke="#eee" />
              ) : (
                <g
                  key={r.articleId}
                  role="button"
                  tabIndex={0}
                  aria-label={`${r.label}, ${row.label}: ${v.toFixed(2)}`}
                  style={{ cursor: 'pointer' }}
                  onClick={() => onPick(r.articleId, row.entityId)}
                  onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onPick(r.articleId, row.entityId)}
                >
                  <rect x={labelW + j * cw + 1} y={1} width={cw - 2} height={ch - 2} fill={divergingColour(v, max)} rx={3} />
                  <text x={labelW + j * cw + cw / 2} y={ch / 2 + 4} fontSize={11} textAnchor="middle" fill={Math.abs(v) / max > 0.55 ? '#fff' : '#111'}>
                    {v.toFixed(2)}
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
