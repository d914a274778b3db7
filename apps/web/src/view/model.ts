/**
 * View models: pure functions from an AnalysisReport to what each view draws.
 * No React, no DOM, so they are unit-tested directly (model.test.ts).
 */
import type { AnalysisReport, ArticleResult, Claim, Evidence, Score, TermUse } from '@parallax/core';
import { reportDiff, sentencesOf, sentenceText as textOfSentence } from './facts';

/** The id of the pseudo-event holding articles that no event contains (or all of them, when there are no events). */
export const UNGROUPED = '__all';

export interface EventGroup {
  id: string;
  label: string;
  date: string | null;
  articleIds: string[];
}

/** Events to pick from, in report order; articles outside every event form one extra group. */
export function eventGroups(report: AnalysisReport): EventGroup[] {
  const groups: EventGroup[] = report.events.map((e) => ({ id: e.event_id, label: e.label, date: e.date, articleIds: [...e.article_ids] }));
  const inEvent = new Set(report.events.flatMap((e) => e.article_ids));
  const rest = report.articles.filter((a) => !inEvent.has(a.id)).map((a) => a.id);
  if (rest.length > 0) {
    groups.push({ id: UNGROUPED, label: groups.length === 0 ? 'All articles' : 'Articles in no event', date: null, articleIds: rest });
  }
  return groups;
}

/** A short display name for an outlet ("Associated Press (via an aggregator)" -> "Associated Press"). */
export function shortOutlet(outlet: string): string {
  const s = outlet.replace(/\s*\([^)]*\)\s*$/, '').replace(/^The\s+/i, '').trim();
  return s === '' ? outlet : s;
}

/** sentence id -> claim id, for every claim. */
export function claimOfSentence(claims: readonly Claim[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of claims) for (const s of c.sentence_ids) if (!m.has(s)) m.set(s, c.claim_id);
  return m;
}

export type Segment =
  | { kind: 'gap'; start: number; end: number; text: string }
  | { kind: 'removed'; start: number; end: number; text: string; rule: string; reason: string }
  | { kind: 'sentence'; start: number; end: number; text: string; sentenceId: string; paragraph: number; claimId: string | null };

/**
 * The article text cut into sentences, boilerplate (article.removed) and the text
 * between them, in order, covering the whole text exactly once. Overlaps resolve to
 * the earlier span.
 */
export function segmentArticle(article: ArticleResult, claimOf: ReadonlyMap<string, string>): Segment[] {
  type Mark = Exclude<Segment, { kind: 'gap' }>;
  const marks: Mark[] = [
    ...article.removed.map((r): Mark => ({ kind: 'removed', start: r.start, end: r.end, text: r.text, rule: r.rule, reason: r.reason })),
    ...article.sentences.map(
      (s): Mark => ({
        kind: 'sentence',
        start: s.start,
        end: s.end,
        text: article.text.slice(s.start, s.end),
        sentenceId: s.id,
        paragraph: s.paragraph,
        claimId: claimOf.get(s.id) ?? null,
      }),
    ),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  let pos = 0;
  const text = article.text;
  for (const m of marks) {
    if (m.end <= pos || m.start >= text.length) continue;
    const start = Math.max(m.start, pos);
    if (start > pos) out.push({ kind: 'gap', start: pos, end: start, text: text.slice(pos, start) });
    const end = Math.min(m.end, text.length);
    out.push({ ...m, start, end, text: text.slice(start, end) });
    pos = end;
  }
  if (pos < text.length) out.push({ kind: 'gap', start: pos, end: text.length, text: text.slice(pos) });
  return out;
}

/**
 * The segments without boilerplate, for reading: removed spans dropped, the
 * whitespace around them merged (at most one blank line), none before the first
 * sentence. Non-whitespace text outside sentences is kept as it is.
 */
export function withoutBoilerplate(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.kind === 'removed') continue;
    const last = out[out.length - 1];
    if (s.kind === 'gap' && last?.kind === 'gap') out[out.length - 1] = { ...last, end: s.end, text: last.text + s.text };
    else out.push(s);
  }
  return out.flatMap((s, i) => {
    if (s.kind !== 'gap' || s.text.trim() !== '') return [s];
    if (i === 0) return [];
    return [{ ...s, text: s.text.includes('\n') ? (/\n[^\n]*\n/.test(s.text) ? '\n\n' : '\n') : s.text }];
  });
}

export interface CoverageCell {
  articleId: string;
  sentenceIds: string[];
  /** Why the outlet lacks it (from report.omissions), when it does. */
  reason: string | null;
}

export interface CoverageRow {
  claim: Claim;
  cells: CoverageCell[];
  present: number;
  missing: number;
  /** Highest omission salience for this claim among the shown articles (0 when none). */
  salience: number;
}

/**
 * Claims × articles for one event. Rows with omissions come first: by omission
 * salience (report.omissions), then by how many outlets do report it (a claim four
 * outlets carry and one leaves out is a bigger omission than a one-outlet detail),
 * then by claim id for stability.
 */
export function coverageMatrix(report: AnalysisReport, eventId: string, articleIds: readonly string[]): CoverageRow[] {
  const rows: CoverageRow[] = [];
  const idx = sentencesOf(report);
  const omissionReason = new Map<string, { reason: string; salience: number }>();
  for (const o of report.omissions) {
    if (o.kind === 'omitted_by') omissionReason.set(`${o.claim_id}\u0000${o.article_id}`, { reason: o.reason, salience: o.salience });
  }
  for (const claim of report.claims) {
    if (claim.event_id !== eventId && eventId !== UNGROUPED) continue;
    const cells = articleIds.map((aid) => {
      const om = omissionReason.get(`${claim.claim_id}\u0000${aid}`);
      return { articleId: aid, sentenceIds: claim.sentence_ids.filter((s) => idx.get(s)?.articleId === aid), reason: om?.reason ?? null };
    });
    const present = cells.filter((c) => c.sentenceIds.length > 0).length;
    if (present === 0) continue;
    const salience = Math.max(
      0,
      ...articleIds.map((aid) => (cells.find((c) => c.articleId === aid)?.sentenceIds.length ? 0 : (omissionReason.get(`${claim.claim_id}\u0000${aid}`)?.salience ?? 0))),
    );
    rows.push({ claim, cells, present, missing: cells.length - present, salience });
  }
  return rows.sort(
    (x, y) =>
      Number(y.missing > 0) - Number(x.missing > 0) ||
      y.salience - x.salience ||
      y.present - x.present ||
      (x.claim.claim_id < y.claim.claim_id ? -1 : x.claim.claim_id > y.claim.claim_id ? 1 : 0),
  );
}

/** Claims in reading order of the given articles (first sentence position), so colours alternate down a column. */
export function claimsInReadingOrder(report: AnalysisReport, articleIds: readonly string[]): Claim[] {
  const pos = new Map<string, number>();
  articleIds.forEach((aid, ai) => {
    const art = report.articles.find((a) => a.id === aid);
    art?.sentences.forEach((s) => pos.set(s.id, ai * 1e6 + s.index));
  });
  const first = (c: Claim) => Math.min(Infinity, ...c.sentence_ids.map((s) => pos.get(s) ?? Infinity));
  return report.claims
    .filter((c) => Number.isFinite(first(c)))
    .map((c) => ({ c, k: first(c) }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.c);
}

// ---------------------------------------------------------------------------- diff

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPartView {
  op: DiffOp;
  text: string;
  substitution: boolean;
}

export interface DiffView {
  claimId: string;
  aText: string;
  bText: string;
  parts: DiffPartView[];
  substitutions: { concept: string | null; a: string; b: string }[];
  aSentenceId: string;
  bSentenceId: string;
  /** Always the engine's diff (report.diffs); the app computes none. */
  origin: 'report';
}

function articleOfSentence(report: AnalysisReport, sentenceId: string): ArticleResult | undefined {
  const aid = sentencesOf(report).get(sentenceId)?.articleId;
  return report.articles.find((a) => a.id === aid);
}

/**
 * Readable change runs: between two equal parts, all deleted words first, then all
 * inserted ones (as a reader compares "A said … / B said …"), neighbours of the same
 * kind merged. Term substitutions stay separate so they can be marked.
 */
export function groupChanges(parts: readonly DiffPartView[]): DiffPartView[] {
  const out: DiffPartView[] = [];
  const push = (p: DiffPartView) => {
    const last = out[out.length - 1];
    if (last && last.op === p.op && last.substitution === p.substitution) last.text += p.text;
    else out.push({ ...p });
  };
  let dels: DiffPartView[] = [];
  let inss: DiffPartView[] = [];
  const flush = () => {
    dels.forEach(push);
    inss.forEach(push);
    dels = [];
    inss = [];
  };
  for (const p of parts) {
    if (p.op === 'equal' && p.text.trim() === '' && (dels.length > 0 || inss.length > 0)) {
      // A lone space between two changes belongs to both sides of the change.
      dels.push({ ...p, op: 'delete', substitution: false });
      inss.push({ ...p, op: 'insert', substitution: false });
    } else if (p.op === 'equal') {
      flush();
      push(p);
    } else if (p.op === 'delete') dels.push(p);
    else inss.push(p);
  }
  flush();
  return out;
}

/**
 * The engine's word diff of the claim's sentences in article A vs article B
 * (report.diffs; core emits one for every pair of articles of a claim), preferring the
 * pair that holds `sentence`. Term substitutions come from the diff itself.
 * Null when the report has no diff of this fact for the pair.
 */
export function claimDiff(report: AnalysisReport, claimId: string, a: string, b: string, sentence: string | null = null): DiffView | null {
  const hit = reportDiff(report, claimId, a, b, sentence);
  if (!hit) return null;
  const { diff: d, flip } = hit;
  const terms = d.substitutions.filter((x) => x.concept_id !== null);
  const artA = articleOfSentence(report, d.a_sentence_id);
  const artB = articleOfSentence(report, d.b_sentence_id);
  // Parts carry offsets but not the whitespace between words: restore it from the texts.
  let lastA = -1;
  let lastB = -1;
  const raw = d.parts.map((p) => {
    const gapA = p.a && artA && lastA >= 0 && p.a.start > lastA ? artA.text.slice(lastA, p.a.start) : '';
    const gapB = p.b && artB && lastB >= 0 && p.b.start > lastB ? artB.text.slice(lastB, p.b.start) : '';
    if (p.a) lastA = p.a.end;
    if (p.b) lastB = p.b.end;
    const own = p.op === 'insert' ? p.b : p.a;
    const substitution =
      p.op !== 'equal' &&
      own !== null &&
      terms.some((t) => {
        const span = p.op === 'insert' ? t.b : t.a;
        return own.start < span.end && span.start < own.end;
      });
    const op: DiffOp = flip ? (p.op === 'insert' ? 'delete' : p.op === 'delete' ? 'insert' : 'equal') : p.op;
    return { op, text: (p.op === 'insert' ? gapB : gapA) + p.text, substitution };
  });
  return {
    claimId,
    aSentenceId: flip ? d.b_sentence_id : d.a_sentence_id,
    bSentenceId: flip ? d.a_sentence_id : d.b_sentence_id,
    aText: textOfSentence(report, flip ? d.b_sentence_id : d.a_sentence_id),
    bText: textOfSentence(report, flip ? d.a_sentence_id : d.b_sentence_id),
    parts: groupChanges(raw),
    substitutions: terms.map((t) => ({ concept: t.concept_id, a: flip ? t.b_text : t.a_text, b: flip ? t.a_text : t.b_text })),
    origin: 'report',
  };
}

// -------------------------------------------------------------------------- charts

export interface OutletRef {
  articleId: string;
  outlet: string;
  label: string;
}

export function outletRefs(report: AnalysisReport, articleIds: readonly string[]): OutletRef[] {
  return articleIds.flatMap((id) => {
    const a = report.articles.find((x) => x.id === id);
    return a ? [{ articleId: id, outlet: a.outlet, label: shortOutlet(a.outlet) }] : [];
  });
}

function scoreIndex(scores: readonly Score[], scope: Score['scope']): Map<string, Score> {
  const m = new Map<string, Score>();
  for (const s of scores) if (s.scope === scope) m.set(`${s.article_id}\u0000${s.target}\u0000${s.measure}`, s);
  return m;
}

export interface DocValue extends OutletRef {
  value: number | null;
  nEvidence: number;
}

/** One document-scope measure per outlet (null when the outlet has no such score). */
export function documentMeasure(report: AnalysisReport, refs: readonly OutletRef[], measure: string): DocValue[] {
  const idx = scoreIndex(report.scores, 'document');
  return refs.map((r) => {
    const s = idx.get(`${r.articleId}\u0000\u0000${measure}`) ?? report.scores.find((x) => x.scope === 'document' && x.article_id === r.articleId && x.measure === measure);
    return { ...r, value: s ? s.value : null, nEvidence: s ? s.n_evidence : 0 };
  });
}

export interface ArcPoint {
  /** Position in the article, 0–100 (% of its sentences). */
  position: number;
  /** articleId -> sentence value. */
  [articleId: string]: number;
}

export interface ArcSeries extends OutletRef {
  points: { position: number; value: number; sentenceId: string; index: number }[];
}

/** Sentence-scope `measure` along each article, x = relative position so long and short articles line up. */
export function sentimentArc(report: AnalysisReport, refs: readonly OutletRef[], measure = 'sentiment'): ArcSeries[] {
  const idx = scoreIndex(report.scores, 'sentence');
  return refs.map((r) => {
    const art = report.articles.find((a) => a.id === r.articleId);
    const sents = art?.sentences ?? [];
    const n = sents.length;
    const points = sents.flatMap((s, i) => {
      const sc = idx.get(`${r.articleId}\u0000${s.id}\u0000${measure}`);
      return sc ? [{ position: n <= 1 ? 0 : Math.round((i / (n - 1)) * 1000) / 10, value: sc.value, sentenceId: s.id, index: s.index }] : [];
    });
    return { ...r, points };
  });
}

export interface ProfileRow {
  measure: string;
  label: string;
  /** articleId -> value */
  values: Record<string, number>;
}

/** Document-scope measures whose name starts with one of `prefixes` (e.g. `frame:`, `generic:`), rows sorted by measure. */
export function measureProfile(report: AnalysisReport, refs: readonly OutletRef[], prefixes: readonly string[]): ProfileRow[] {
  const ids = new Set(refs.map((r) => r.articleId));
  const rows = new Map<string, ProfileRow>();
  for (const s of report.scores) {
    if (s.scope !== 'document' || !ids.has(s.article_id) || !prefixes.some((p) => s.measure.startsWith(p))) continue;
    let row = rows.get(s.measure);
    if (!row) {
      row = { measure: s.measure, label: measureLabel(s.measure), values: {} };
      rows.set(s.measure, row);
    }
    row.values[s.article_id] = s.value;
  }
  return [...rows.values()].sort((a, b) => (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0));
}

const PLAIN_MEASURES: Readonly<Record<string, string>> = {
  sentiment: 'Tone',
  hedging: 'Hedging words',
  intensifiers: 'Intensifiers',
  loaded_language: 'Loaded language',
};
const FAMILY_WORDS: Readonly<Record<string, string>> = { frame: 'frame', generic: 'news frame', source_balance: 'share of quoted words' };

/** `frame:economic_consequences` -> "Economic consequences (frame)"; `sentiment` -> "Tone". */
export function measureLabel(measure: string): string {
  const plain = PLAIN_MEASURES[measure];
  if (plain) return plain;
  const i = measure.indexOf(':');
  const family = i >= 0 ? measure.slice(0, i) : '';
  const name = (i >= 0 ? measure.slice(i + 1) : measure).replace(/[_-]+/g, ' ').trim();
  // Acronyms (us, eu, uk, un, nato) in capitals.
  const nice = /^(us|usa|uk|eu|un|nato|g7|g20)$/i.test(name) ? name.toUpperCase() : name.charAt(0).toUpperCase() + name.slice(1);
  return family === '' ? nice : `${nice} (${FAMILY_WORDS[family] ?? family.replace(/_/g, ' ')})`;
}

export interface EntityRow {
  entityId: string;
  label: string;
  values: Record<string, number>;
  /** How many outlets have a value. */
  coverage: number;
}

/**
 * Entity-scope sentiment per outlet for the entities most outlets talk about
 * (top `limit` by number of outlets, then by total |value|). The measure is
 * `sentiment` when present, else the first entity-scope measure containing "sentiment".
 */
export function entitySentiment(report: AnalysisReport, refs: readonly OutletRef[], limit = 8): { measure: string | null; rows: EntityRow[] } {
  const ids = new Set(refs.map((r) => r.articleId));
  const entityScores = report.scores.filter((s) => s.scope === 'entity' && ids.has(s.article_id));
  const measures = [...new Set(entityScores.map((s) => s.measure))].sort();
  const measure = measures.includes('sentiment') ? 'sentiment' : (measures.find((m) => m.includes('sentiment')) ?? null);
  if (measure === null) return { measure: null, rows: [] };
  const names = new Map<string, string>();
  for (const a of report.articles) for (const m of a.entities) if (m.entity_id && !names.has(m.entity_id)) names.set(m.entity_id, m.text);
  const rows = new Map<string, EntityRow>();
  for (const s of entityScores) {
    if (s.measure !== measure) continue;
    let row = rows.get(s.target);
    if (!row) {
      row = { entityId: s.target, label: names.get(s.target) ?? entityLabel(s.target), values: {}, coverage: 0 };
      rows.set(s.target, row);
    }
    if (!(s.article_id in row.values)) row.coverage += 1;
    row.values[s.article_id] = s.value;
  }
  const mass = (r: EntityRow) => Object.values(r.values).reduce((t, v) => t + Math.abs(v), 0);
  const sorted = [...rows.values()].sort((a, b) => b.coverage - a.coverage || mass(b) - mass(a) || (a.entityId < b.entityId ? -1 : 1));
  const top = sorted.slice(0, limit);
  // Two ids with the same name (place:russia, gov:russia): add the kind so rows stay distinguishable.
  const count = new Map<string, number>();
  for (const r of top) count.set(r.label, (count.get(r.label) ?? 0) + 1);
  for (const r of top) {
    if ((count.get(r.label) ?? 0) > 1 && r.entityId.includes(':')) r.label = `${r.label} (${KIND_WORDS[r.entityId.slice(0, r.entityId.indexOf(':'))] ?? 'other'})`;
  }
  return { measure, rows: top };
}

const KIND_WORDS: Readonly<Record<string, string>> = { gov: 'government', place: 'the place', person: 'person', org: 'organisation', country: 'the country' };

/** `person:marco-rubio` -> "Marco Rubio". */
export function entityLabel(entityId: string): string {
  const name = entityId.slice(entityId.indexOf(':') + 1).replace(/[-_]+/g, ' ');
  return name.replace(/\b\w/g, (c) => c.toUpperCase());
}

export interface TermRow {
  conceptId: string;
  /** The words outlets use for it, "Kyiv / Kiev" (never the concept's internal id). */
  label: string;
  /** articleId -> surfaces used, most frequent first ("Kyiv ×3"). */
  cells: Record<string, { surface: string; count: number }[]>;
  /** True when outlets use different words for the concept. */
  varies: boolean;
}

/** Term-choice table: concept × outlet -> surfaces; concepts whose wording differs first. */
export function termTable(terms: readonly TermUse[], refs: readonly OutletRef[]): TermRow[] {
  const ids = new Set(refs.map((r) => r.articleId));
  const rows = new Map<string, TermRow>();
  for (const t of terms) {
    if (!ids.has(t.article_id)) continue;
    let row = rows.get(t.concept_id);
    if (!row) {
      row = { conceptId: t.concept_id, label: '', cells: {}, varies: false };
      rows.set(t.concept_id, row);
    }
    (row.cells[t.article_id] ??= []).push({ surface: t.surface, count: t.count });
  }
  for (const row of rows.values()) {
    for (const list of Object.values(row.cells)) list.sort((a, b) => b.count - a.count || (a.surface < b.surface ? -1 : 1));
    const surfaces = new Set(Object.values(row.cells).flatMap((l) => l.map((x) => x.surface.toLowerCase())));
    row.varies = surfaces.size > 1;
    const seen = new Map<string, string>();
    for (const list of Object.values(row.cells)) for (const x of list) if (!seen.has(x.surface.toLowerCase())) seen.set(x.surface.toLowerCase(), x.surface);
    row.label = [...seen.values()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)).join(' / ');
  }
  return [...rows.values()].sort((a, b) => Number(b.varies) - Number(a.varies) || (a.conceptId < b.conceptId ? -1 : 1));
}

// ------------------------------------------------------------------------ evidence

export interface EvidenceQuery {
  articleId: string | null;
  measure: string;
  scope: Evidence['scope'] | null;
  target: string | null;
}

/** Whether a score's measure name matches a query measure: exact, or a family prefix ending in ':' (e.g. `frame:`). */
function measureMatches(query: string, measure: string): boolean {
  return query.endsWith(':') ? measure.startsWith(query) : measure === query;
}

/** The evidence items behind a number: same article, measure (or family), scope and target; in text order. */
export function evidenceFor(evidence: readonly Evidence[], q: EvidenceQuery): Evidence[] {
  return evidence
    .filter(
      (e) =>
        (q.articleId === null || e.article_id === q.articleId) &&
        measureMatches(q.measure, e.measure) &&
        (q.scope === null || e.scope === q.scope) &&
        (q.target === null || e.target === q.target),
    )
    .sort((a, b) => (a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : a.start - b.start || a.end - b.end));
}

/** A selected number in plain words: "Tone · AP · sentence 3" (never an internal id). */
export function describeQuery(q: EvidenceQuery, refs: readonly OutletRef[], report?: AnalysisReport): string {
  const outlet = refs.find((r) => r.articleId === q.articleId)?.label ?? 'all outlets';
  let target = '';
  if (q.target) {
    if (q.scope === 'entity') target = ` · ${entityLabel(q.target)}`;
    else if (q.scope === 'sentence') {
      const art = report?.articles.find((a) => a.sentences.some((s) => s.id === q.target));
      const s = art?.sentences.find((x) => x.id === q.target);
      target = s ? ` · sentence ${s.index + 1}` : ' · one sentence';
    } else target = ` · ${q.target}`;
  }
  return `${measureLabel(q.measure)} · ${outlet}${target}`;
}

/** Cut text into plain and highlighted runs for a set of (possibly overlapping) spans. */
export function highlightRuns(text: string, spans: readonly { start: number; end: number }[]): { text: string; start: number; marked: boolean }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: { text: string; start: number; marked: boolean }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    if (b <= a) continue;
    const marked = spans.some((s) => s.start <= a && s.end >= b && s.end > s.start);
    const last = runs[runs.length - 1];
    if (last && last.marked === marked) last.text += text.slice(a, b);
    else runs.push({ text: text.slice(a, b), start: a, marked });
  }
  return runs;
}

/** Frame rows for a heatmap: rows where some outlet scores above 0, by family (in `prefixes` order), then by mean value, highest first. */
export function rankProfile(rows: readonly ProfileRow[], refs: readonly OutletRef[], prefixes: readonly string[]): ProfileRow[] {
  const mean = (r: ProfileRow) => refs.reduce((t, o) => t + (r.values[o.articleId] ?? 0), 0) / Math.max(1, refs.length);
  const family = (r: ProfileRow) => prefixes.findIndex((p) => r.measure.startsWith(p));
  return rows
    .filter((r) => refs.some((o) => (r.values[o.articleId] ?? 0) > 0))
    .sort((a, b) => family(a) - family(b) || mean(b) - mean(a) || (a.measure < b.measure ? -1 : 1));
}
