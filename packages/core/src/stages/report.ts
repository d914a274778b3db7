/**
 * The last step (pipeline.ts): the report assembled from the article analyses and the
 * corpus state. Entity ids are renamed by the merges of stage `entity-merge`, every
 * score and evidence item gets its event, numbers are rounded (a non-finite one is
 * reported as 0 with a warning), and rows that a merge made collide are recombined
 * from their evidence (mergeEntityRows).
 */
import type { ArticleAnalysis, CorpusState } from '../model';
import { SCHEMA_VERSION, type AnalysisReport, type Evidence, type InputRecord, type LexiconRef, type Score, type Warning } from '../schema';
import type { EncoderRef } from '../lib/encoder';
import { mergeEntityRows } from '../lib/merge-entity-rows';
import { analysisParameters } from '../parameters';
import { TOOL_VERSION } from '../version';
import { message } from '../lib/messages';

/** A shell warning with every field of a message (source `input` unless it says otherwise). */
function fromShell(w: Warning): Warning {
  return { ...w, source: w.source ?? 'input', severity: w.severity ?? 'warning', place: w.place ?? null };
}

/** What one run hands to the report step. */
export interface ReportParts {
  inputs: InputRecord[];
  kept: readonly ArticleAnalysis[];
  failed: readonly ArticleAnalysis[];
  corpus: CorpusState;
  /** Options of the shell that affect the result. */
  extraOptions?: Record<string, unknown> | undefined;
  /** Warnings from reading the inputs (the shell's). */
  shellWarnings?: readonly Warning[] | undefined;
  /** The encoder that made the claim vectors (the `encoder` matcher), or null. */
  encoder: EncoderRef | null;
}

/** What the engine fixes once: its shown options and the lexicons it cites. */
export interface ReportSetup {
  options: Record<string, unknown>;
  lexicons: LexiconRef[];
}

export function assembleReport(parts: ReportParts, setup: ReportSetup): AnalysisReport {
  const { inputs, kept, failed, corpus } = parts;
  const eventOf = new Map<string, string>();
  for (const e of corpus.events) for (const id of e.article_ids) eventOf.set(id, e.event_id);
  const merge = (id: string | null) => (id === null ? null : (corpus.entityMerges[id] ?? id));
  // A measure that produced NaN/Infinity is a defect: it is reported as 0 *with* a warning, never silently.
  const numberWarnings: Warning[] = [];
  const finite = (x: number, articleId: string, what: string): number => {
    if (Number.isFinite(x)) return x;
    numberWarnings.push(message('report', articleId, 'non-finite-number', `${what} was ${x}; reported as 0`));
    return 0;
  };
  const fixScore = (s: Score): Score => ({
    ...s,
    event_id: eventOf.get(s.article_id) ?? null,
    target: s.scope === 'entity' ? (merge(s.target) ?? s.target) : s.target,
    value: round(finite(s.value, s.article_id, `score ${s.measure} (${s.scope} ${s.target})`)),
  });
  const fixEvidence = (e: Evidence): Evidence => ({
    ...e,
    target: e.scope === 'entity' ? (merge(e.target) ?? e.target) : e.target,
    weight: round(finite(e.weight, e.article_id, `evidence weight of ${e.measure} (${e.rule})`), WEIGHT_DECIMALS),
  });
  // Renamed entity ids can collide within an article: one row per (article, scope, target, measure), recombined from evidence.
  const merged = mergeEntityRows([...kept.flatMap((a) => a.scores), ...corpus.scores].map(fixScore), [...kept.flatMap((a) => a.evidence), ...corpus.evidence].map(fixEvidence));
  const scores = merged.scores.map((s) => ({ ...s, value: round(s.value) }));
  const evidence = merged.evidence;

  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'parallax', version: TOOL_VERSION },
    options: { ...setup.options, ...parts.extraOptions, ...analysisParameters() },
    lexicons: setup.lexicons.map((l) => ({ ...l })),
    ...(parts.encoder ? { encoder: { ...parts.encoder } } : {}),
    inputs,
    articles: kept.map((a) => ({
      ...a.article,
      entities: a.article.entities.map((m) => ({ ...m, entity_id: merge(m.entity_id) })),
    })),
    events: corpus.events,
    claims: corpus.claims,
    omissions: corpus.omissions,
    diffs: corpus.diffs,
    terms: corpus.terms,
    scores,
    evidence,
    quotes: kept.flatMap((a) => a.quotes.map((q) => ({ ...q, speaker_entity: merge(q.speaker_entity) }))),
    // Shell warnings ("path:line: message") in natural order, so the report does not depend on the order paths were given.
    warnings: [...naturalOrder(parts.shellWarnings ?? []).map(fromShell), ...failed.flatMap((a) => a.warnings), ...kept.flatMap((a) => a.warnings), ...corpus.warnings, ...numberWarnings],
    // Provenance of every id rename above (issue 18): sorted by the old id.
    entity_merges: Object.keys(corpus.entityMerges)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((from) => ({ from, to: corpus.entityMerges[from]!, reason: corpus.entityMergeReasons?.[from] ?? 'entity-merge' })),
  };
}

/** Split into digit and non-digit runs; digit runs become [length without leading zeros, digits] so they compare as numbers. */
function naturalKey(s: string): string[] {
  return (s.match(/\d+|\D+/g) ?? []).map((part) => {
    if (!/^\d/.test(part)) return `b${part}`;
    const digits = part.replace(/^0+/, '') || '0';
    return `a${String(digits.length).padStart(6, '0')}${digits}`;
  });
}

/**
 * Warnings in code-unit order of their messages, except that runs of digits
 * compare as numbers ("a.csv:2:" before "a.csv:12:"). Locale-free; stable.
 */
export function naturalOrder<T extends { message: string }>(items: readonly T[]): T[] {
  const keyed = items.map((item, i) => ({ item, i, key: naturalKey(item.message) }));
  keyed.sort((x, y) => {
    const n = Math.min(x.key.length, y.key.length);
    for (let k = 0; k < n; k++) {
      const a = x.key[k] as string;
      const b = y.key[k] as string;
      if (a !== b) return a < b ? -1 : 1;
    }
    return x.key.length - y.key.length || x.i - y.i;
  });
  return keyed.map((k) => k.item);
}

/**
 * Printed floats are rounded so reports are byte-stable: scores to 4 decimals,
 * evidence weights to 6 (so re-summing evidence.jsonl reproduces a score to within
 * 0.00005 + n × 0.0000005; the codebook says so).
 */
export const SCORE_DECIMALS = 4;
export const WEIGHT_DECIMALS = 6;
export function round(x: number, decimals = SCORE_DECIMALS): number {
  if (!Number.isFinite(x)) return 0;
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
