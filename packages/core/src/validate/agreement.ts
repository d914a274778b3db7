/**
 * Agreement between Parallax's scores and a researcher's own hand coding.
 *
 * Coded CSV: a header row with `measure`, `value` and either `sentence_id` (sentence
 * scope) or `article_id` (document scope; with an `entity` column: entity scope).
 * Numeric codes get Pearson, Spearman and interval Krippendorff's α. Codes that are
 * categories — labels, or numbers that only take −1/0/1 or 0/1 — also get Cohen's κ,
 * nominal α, macro-F1 and a confusion table, after Parallax's value is put into the
 * same categories: sign with a neutral band of ±`band` (−1/0/1, negative/neutral/positive)
 * or presence (value > 0; for `bias`, probability ≥ the bias model's threshold) for 0/1 and
 * yes/no codes. A coded `primary_frame` (a frame name per article) is compared, as a
 * category, with the article's `primary_frame:<name>` row.
 */
import Papa from 'papaparse';
import type { AnalysisReport } from '../schema';
import { cohenKappa, confusion, f1Scores, krippendorffAlpha, labelsOf, pearson, spearman } from './stats';
import { toCsv } from '../exports';
import { lexicons } from '@parallax/lexicons';

/** Presence cut-off of a 0 … 1 measure when the coding is 0/1 (yes/no): `bias` uses its model's F1 threshold, others "> 0". */
function presenceAt(measure: string): number {
  if (measure === 'bias') return lexicons.biasModel.entries.find((e) => e.feature === 'meta:threshold')?.weight ?? 0.5;
  return 0;
}

export interface CodedRow {
  /** 1-based line in the coded file (header = line 1). */
  line: number;
  scope: 'sentence' | 'document' | 'entity';
  article_id: string;
  target: string;
  measure: string;
  value: string;
}

export interface AgreementRow {
  measure: string;
  scope: string;
  kind: 'continuous' | 'categorical' | 'both';
  n: number;
  n_unmatched: number;
  pearson: number | null;
  spearman: number | null;
  alpha_interval: number | null;
  kappa: number | null;
  alpha_nominal: number | null;
  macro_f1: number | null;
  labels: string[];
  confusion: number[][] | null;
}

export interface AgreementReport {
  band: number;
  rows: AgreementRow[];
  unmatched: { line: number; reason: string }[];
}

/** Parse a coded CSV. Throws (with the line) on a missing column; rows without a value are skipped and listed. */
export function parseCoded(csv: string): { rows: CodedRow[]; skipped: { line: number; reason: string }[] } {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  for (const need of ['measure', 'value']) {
    if (!fields.includes(need)) throw new Error(`coded CSV has no \`${need}\` column (header: ${fields.join(',')}); expected article_id or sentence_id, measure, value`);
  }
  if (!fields.includes('article_id') && !fields.includes('sentence_id')) {
    throw new Error('coded CSV needs an `article_id` or a `sentence_id` column');
  }
  const rows: CodedRow[] = [];
  const skipped: { line: number; reason: string }[] = [];
  parsed.data.forEach((r, i) => {
    const line = i + 2;
    const measure = (r.measure ?? '').trim();
    const value = (r.value ?? '').trim();
    const sid = (r.sentence_id ?? '').trim();
    const entity = (r.entity ?? '').trim();
    let aid = (r.article_id ?? '').trim();
    if (!measure || value === '') {
      skipped.push({ line, reason: 'no measure or no value' });
      return;
    }
    if (sid) {
      if (!aid) aid = sid.replace(/:s\d+$/, '');
      rows.push({ line, scope: 'sentence', article_id: aid, target: sid, measure, value });
    } else if (aid) {
      rows.push({ line, scope: entity ? 'entity' : 'document', article_id: aid, target: entity, measure, value });
    } else skipped.push({ line, reason: 'neither sentence_id nor article_id' });
  });
  return { rows, skipped };
}

const SIGN_LABELS: Record<string, string> = { '-1': 'negative', negative: 'negative', neg: 'negative', '0': 'neutral', neutral: 'neutral', neu: 'neutral', '1': 'positive', '+1': 'positive', positive: 'positive', pos: 'positive' };
const PRESENCE_LABELS: Record<string, string> = { '0': 'absent', no: 'absent', false: 'absent', absent: 'absent', '1': 'present', yes: 'present', true: 'present', present: 'present' };

const isNum = (s: string) => s !== '' && Number.isFinite(Number(s));

/** Agreement per (measure, scope) between `coded` and the report's scores. */
export function agreement(report: AnalysisReport, coded: readonly CodedRow[], band = 0.05): AgreementReport {
  const ours = new Map<string, number>();
  for (const s of report.scores) ours.set(`${s.scope}\u0000${s.article_id}\u0000${s.target}\u0000${s.measure}`, s.value);
  const known = new Set(report.articles.map((a) => a.id));
  const groups = new Map<string, { gold: string[]; pred: number[]; predLabel: string[] }>();
  // Coded `primary_frame` (a frame name per article) is compared with the article's primary_frame:<name> row.
  const primaryOf = new Map<string, { label: string; value: number }>();
  for (const s of report.scores) if (s.scope === 'document' && s.measure.startsWith('primary_frame:')) primaryOf.set(s.article_id, { label: s.measure.slice('primary_frame:'.length), value: s.value });
  const unmatched: { line: number; reason: string }[] = [];
  const nUnmatched = new Map<string, number>();
  for (const r of coded) {
    const g = `${r.measure}\u0000${r.scope}`;
    if (!groups.has(g)) groups.set(g, { gold: [], pred: [], predLabel: [] });
    const prim = r.measure === 'primary_frame' && r.scope === 'document' ? primaryOf.get(r.article_id) : undefined;
    const v = prim ? prim.value : ours.get(`${r.scope}\u0000${r.article_id}\u0000${r.target}\u0000${r.measure}`);
    if (v === undefined) {
      const why = !known.has(r.article_id) ? `article "${r.article_id}" is not among the analysed inputs` : `no ${r.scope} score "${r.measure}"${r.target ? ` for "${r.target}"` : ''}`;
      unmatched.push({ line: r.line, reason: why });
      nUnmatched.set(g, (nUnmatched.get(g) ?? 0) + 1);
      continue;
    }
    groups.get(g)!.gold.push(r.value);
    groups.get(g)!.pred.push(v);
    groups.get(g)!.predLabel.push(prim ? prim.label : String(v));
  }
  const rows: AgreementRow[] = [];
  for (const key of [...groups.keys()].sort()) {
    const [measure, scope] = key.split('\u0000') as [string, string];
    const { gold, pred, predLabel } = groups.get(key)!;
    const numeric = gold.length > 0 && gold.every(isNum);
    const lower = gold.map((g) => g.toLowerCase());
    const signCats = gold.length > 0 && lower.every((g) => g in SIGN_LABELS) && !lower.every((g) => g === '0' || g === '1');
    const presenceCats = gold.length > 0 && lower.every((g) => g in PRESENCE_LABELS);
    let goldCats: string[] | null = null;
    let predCats: string[] | null = null;
    if (measure === 'primary_frame') {
      goldCats = lower;
      predCats = predLabel;
    } else if (presenceCats) {
      goldCats = lower.map((g) => PRESENCE_LABELS[g]!);
      const at = presenceAt(measure);
      predCats = pred.map((p) => (at > 0 ? p >= at : p > 0) ? 'present' : 'absent');
    } else if (signCats) {
      goldCats = lower.map((g) => SIGN_LABELS[g]!);
      predCats = pred.map((p) => (p > band ? 'positive' : p < -band ? 'negative' : 'neutral'));
    } else if (!numeric) {
      goldCats = gold;
      predCats = pred.map(String);
    }
    const nums = numeric && measure !== 'primary_frame' ? gold.map(Number) : null;
    const fin = (x: number) => (Number.isFinite(x) ? x : null);
    const labels = goldCats && predCats ? labelsOf(goldCats, predCats) : [];
    rows.push({
      measure,
      scope,
      kind: nums && goldCats ? 'both' : nums ? 'continuous' : 'categorical',
      n: gold.length,
      n_unmatched: nUnmatched.get(key) ?? 0,
      pearson: nums ? fin(pearson(pred, nums)) : null,
      spearman: nums ? fin(spearman(pred, nums)) : null,
      // Interval α needs codes and scores on one scale: not for category codes (0/1, −1/0/1) against shares or tones.
      alpha_interval: nums && !goldCats ? fin(krippendorffAlpha(nums, pred, 'interval')) : null,
      kappa: goldCats && predCats ? fin(cohenKappa(goldCats, predCats)) : null,
      alpha_nominal: goldCats && predCats ? fin(krippendorffAlpha(goldCats, predCats, 'nominal')) : null,
      macro_f1: goldCats && predCats ? fin(f1Scores(goldCats, predCats).macroF1) : null,
      labels,
      confusion: goldCats && predCats ? confusion(goldCats, predCats, labels) : null,
    });
  }
  return { band, rows, unmatched };
}

export const AGREEMENT_HEADERS = ['measure', 'scope', 'kind', 'n', 'n_unmatched', 'pearson', 'spearman', 'alpha_interval', 'kappa', 'alpha_nominal', 'macro_f1'] as const;
export const CONFUSION_HEADERS = ['measure', 'scope', 'coded', 'parallax', 'count'] as const;

const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

/** agreement.csv, agreement.json and confusion.csv contents. */
export function agreementFiles(a: AgreementReport): { name: string; content: string }[] {
  const rows = a.rows.map((r) => ({ ...r, pearson: r4(r.pearson), spearman: r4(r.spearman), alpha_interval: r4(r.alpha_interval), kappa: r4(r.kappa), alpha_nominal: r4(r.alpha_nominal), macro_f1: r4(r.macro_f1) }));
  return [
    { name: 'agreement.csv', content: toCsv(AGREEMENT_HEADERS, rows.map((r) => AGREEMENT_HEADERS.map((h) => r[h]))) },
    { name: 'agreement.json', content: JSON.stringify({ ...a, rows }, null, 2) + '\n' },
    {
      name: 'confusion.csv',
      content: toCsv(
        CONFUSION_HEADERS,
        rows.flatMap((r) => (r.confusion ? r.labels.flatMap((g, i) => r.labels.map((p, j) => [r.measure, r.scope, g, p, r.confusion![i]![j]!])) : [])),
      ),
    },
  ];
}
