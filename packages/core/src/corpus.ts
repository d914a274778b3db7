/**
 * The corpus phase one piece at a time, for corpora too large to hold: what
 * `engine.buildReport` does over every analysis at once, split into
 *
 *   summarizeArticle(analysis, ctx) small per-article facts: duplicates, entity merges, grouping
 *   mergeEntityNames / eventsFromArticles   over the summaries only (no text, no tokens)
 *   alignEvent(event, analyses)     the event stages (claims, omissions, diffs, terms) of ONE
 *                                   event, on a state that holds only its articles
 *   finishArticle(analysis, ...)    an article's report items with merges, event id and rounding
 *   renderEvent / renderArticle     the same items as report pieces, CSV rows and JSONL lines
 *
 * so a shell can keep analyses on disk, align events on a worker pool and stream
 * every output. buildReport runs the event stages through `alignEvent` too, so both
 * paths give the same bytes. Pure (no I/O).
 */
import type { ArticleAnalysis, CorpusStage, CorpusState, EngineContext } from './model';
import type { SentenceVectors } from './lib/encoder';
import { failureReason, runCorpusStage } from './isolate';
import { message } from './lib/messages';
import { mergeEntityRows } from './lib/merge-entity-rows';
import { extractEventFeatures, type EventFeatures } from './stages/corpus/events';
import { nameMentions, type NameMention } from './stages/corpus/entity-merge';
import { EVENT_STAGES } from './pipeline';
import { CSV_HEADERS, csvLines, type CsvCell } from './exports';
import { round, WEIGHT_DECIMALS } from './stages/report';
import type { ArticleResult, Claim, Event, Evidence, Omission, Quote, Score, SentenceDiff, TermUse, Warning } from './schema';

export { mergeEntityNames, nameMentions } from './stages/corpus/entity-merge';
export type { NameMention } from './stages/corpus/entity-merge';
export { eventsFromArticles } from './stages/corpus/events';
export type { EventItem } from './stages/corpus/events';

/** What the corpus phase needs of one article before alignment (a few hundred bytes to a few KB). */
export interface ArticleSummary {
  id: string;
  source: { path: string; line: number | null };
  title: string;
  published: string | null;
  english: boolean;
  n_sentences: number;
  /** Pattern-made PERSON/ORG mentions, for entity merges. */
  names: NameMention[];
  /** Event-grouping features (English articles with sentences), before entity merges; else null. */
  features: EventFeatures | null;
  /** Distinct score measures of the article (for the codebook), sorted. */
  measures: string[];
  /** Distinct document-scope measures (articles.csv's wide columns), sorted. */
  doc_measures: string[];
  /** Set when an article stage threw (isolate.ts): the input's rejection reason; the article is not kept. */
  failed?: string | null;
  /** The stage that threw, when `failed` is set. */
  failed_stage?: string | null;
}

export function summarizeArticle(a: ArticleAnalysis, ctx: EngineContext): ArticleSummary {
  const measures = new Set<string>();
  const doc = new Set<string>();
  for (const s of a.scores) {
    measures.add(s.measure);
    if (s.scope === 'document') doc.add(s.measure);
  }
  return {
    id: a.article.id,
    source: { path: a.article.source.path, line: a.article.source.line },
    title: a.article.title,
    published: a.article.published,
    english: a.article.english,
    n_sentences: a.article.sentences.length,
    names: nameMentions(a),
    features: a.article.english && a.article.sentences.length > 0 ? extractEventFeatures(a, ctx) : null,
    measures: [...measures].sort(),
    doc_measures: [...doc].sort(),
    failed: a.failure ? failureReason(a.failure) : null,
    failed_stage: a.failure ? a.failure.stage : null,
  };
}

/** The event stages' output for one event. */
export interface EventResult {
  claims: Claim[];
  omissions: Omission[];
  diffs: SentenceDiff[];
  terms: TermUse[];
  scores: Score[];
  evidence: Evidence[];
  warnings: Warning[];
}

/** A corpus state over `articles` with nothing computed yet (`init` presets some fields). */
export function newCorpusState(articles: ArticleAnalysis[], init: Partial<Omit<CorpusState, 'articles'>> = {}): CorpusState {
  return { articles, entityMerges: {}, vectors: null, events: [], claims: [], omissions: [], diffs: [], terms: [], scores: [], evidence: [], warnings: [], ...init };
}

/**
 * Run the event stages (claims + omissions, diffs, terms) on one event. `articles`
 * are the event's analyses (any order); `merges` the corpus's entity merges. The
 * state holds nothing but this event, so every structure the stages build is
 * bounded by the event's size, not the corpus's.
 */
export function alignEvent(
  event: Event,
  articles: readonly ArticleAnalysis[],
  merges: Readonly<Record<string, string>>,
  ctx: EngineContext,
  options: { stages?: readonly CorpusStage[]; vectors?: SentenceVectors | null } = {},
): EventResult {
  const byId = new Map(articles.map((a) => [a.article.id, a]));
  const state = newCorpusState(
    // In the event's article order (sorted ids), as the stages saw them over the whole corpus.
    event.article_ids.map((id) => byId.get(id)).filter((a): a is ArticleAnalysis => a !== undefined),
    { entityMerges: merges as Record<string, string>, vectors: options.vectors ?? null, events: [event] },
  );
  // A stage that throws leaves this event without its results, with an internal-error warning (isolate.ts).
  for (const stage of options.stages ?? EVENT_STAGES) runCorpusStage(stage, state, ctx);
  return { claims: state.claims, omissions: state.omissions, diffs: state.diffs, terms: state.terms, scores: state.scores, evidence: state.evidence, warnings: state.warnings };
}

/** Non-finite numbers found while finishing (reported as 0 with a warning, as buildReport does). */
export interface NumberWarnings {
  scores: Warning[];
  evidence: Warning[];
}

export interface FinishedArticle {
  article: ArticleResult;
  scores: Score[];
  evidence: Evidence[];
  quotes: Quote[];
  warnings: Warning[];
}

/** An article's report items: entity merges applied, its event id set, numbers rounded (exactly as buildReport). */
export function finishArticle(a: ArticleAnalysis, eventId: string | null, merges: Readonly<Record<string, string>>, numbers: NumberWarnings): FinishedArticle {
  const merge = (id: string | null) => (id === null ? null : (merges[id] ?? id));
  const finite = (x: number, articleId: string, what: string, sink: Warning[]): number => {
    if (Number.isFinite(x)) return x;
    sink.push(message('report', articleId, 'non-finite-number', `${what} was ${x}; reported as 0`));
    return 0;
  };
  const scores = a.scores.map((s) => ({
    ...s,
    event_id: eventId,
    target: s.scope === 'entity' ? (merge(s.target) ?? s.target) : s.target,
    value: round(finite(s.value, s.article_id, `score ${s.measure} (${s.scope} ${s.target})`, numbers.scores)),
  }));
  const evidence = a.evidence.map((e) => ({
    ...e,
    target: e.scope === 'entity' ? (merge(e.target) ?? e.target) : e.target,
    weight: round(finite(e.weight, e.article_id, `evidence weight of ${e.measure} (${e.rule})`, numbers.evidence), WEIGHT_DECIMALS),
  }));
  // One row per (article, scope, target, measure) after renaming (as buildReport; the rows are per article).
  const merged = mergeEntityRows(scores, evidence);
  return {
    article: { ...a.article, entities: a.article.entities.map((m) => ({ ...m, entity_id: merge(m.entity_id) })) },
    scores: merged.scores.map((s) => ({ ...s, value: round(s.value) })),
    evidence: merged.evidence,
    quotes: a.quotes.map((q) => ({ ...q, speaker_entity: merge(q.speaker_entity) })),
    warnings: a.warnings,
  };
}

/**
 * How report items are written: `json` as the elements of report.json's arrays
 * (indented as `JSON.stringify(report, null, 2)` prints them, each followed by
 * ",\n"), `jsonl` as one compact JSON value per line (the split report).
 */
export type ReportForm = 'json' | 'jsonl';

export function reportItems(items: readonly unknown[], form: ReportForm): string {
  if (items.length === 0) return '';
  if (form === 'json') {
    // The elements of a top-level array of report.json are exactly how JSON.stringify(…, null, 2)
    // prints the elements of an array one key deep: one call over the array, cut out, is the
    // same text as jsonElement per item (corpus.test.ts) at a quarter of the cost (no re-indenting).
    const text = JSON.stringify({ x: items }, null, 2);
    return `${text.slice(JSON_ARRAY_OPEN.length, text.length - JSON_ARRAY_CLOSE.length)},\n`;
  }
  let out = '';
  for (const x of items) out += `${JSON.stringify(x)}\n`;
  return out;
}

const JSON_ARRAY_OPEN = '{\n  "x": [\n';
const JSON_ARRAY_CLOSE = '\n  ]\n}';

/** Rendered pieces of one event, in the order of the report's arrays and CSV rows. */
export interface RenderedEvent {
  report: { claims: string; omissions: string; diffs: string; terms: string; scores: string; evidence: string; warnings: string };
  csv: { 'claims.csv': string; 'coverage.csv': string; 'terms.csv': string };
  /** Event-level evidence as evidence.jsonl lines (after the articles' lines, as exportFiles writes report.evidence). */
  'evidence.jsonl': string;
  /** Per article id of the event: the index of the claim (in `claims`) each sentence belongs to, -1 for none. */
  groups: Record<string, number[]>;
  counts: { claims: number; omissions: number; diffs: number; terms: number; scores: number; evidence: number; warnings: number };
  /** The event's warnings as items (for the shell's console summary). */
  warningItems: Warning[];
}

export function renderEvent(event: Event, articles: readonly ArticleAnalysis[], r: EventResult, form: ReportForm): RenderedEvent {
  const articleOfSentence = new Map<string, string>();
  const indexOfSentence = new Map<string, number>();
  for (const a of articles) a.article.sentences.forEach((s, i) => (articleOfSentence.set(s.id, a.article.id), indexOfSentence.set(s.id, i)));
  const groups: Record<string, number[]> = {};
  r.claims.forEach((c, k) => {
    for (const sid of c.sentence_ids) {
      const aid = articleOfSentence.get(sid);
      if (aid === undefined) continue;
      const a = articles.find((x) => x.article.id === aid)!;
      const g = (groups[aid] ??= a.article.sentences.map(() => -1));
      g[indexOfSentence.get(sid)!] = k; // a later claim wins, as in exports (groupOf.set in claim order)
    }
  });
  const evidenceLines = reportItems(r.evidence, 'jsonl');
  const coverage: CsvCell[][] = [];
  for (const c of r.claims) {
    for (const aid of event.article_ids) {
      const ids = c.sentence_ids.filter((s) => articleOfSentence.get(s) === aid);
      coverage.push([c.claim_id, aid, ids.length > 0, ids.join(';')]);
    }
  }
  return {
    report: {
      claims: reportItems(r.claims, form),
      omissions: reportItems(r.omissions, form),
      diffs: reportItems(r.diffs, form),
      terms: reportItems(r.terms, form),
      scores: reportItems(r.scores, form),
      evidence: form === 'jsonl' ? evidenceLines : reportItems(r.evidence, form),
      warnings: reportItems(r.warnings, form),
    },
    csv: {
      'claims.csv': csvLines(r.claims.map((c) => [c.claim_id, c.event_id, c.label, c.n_outlets])),
      'coverage.csv': csvLines(coverage),
      'terms.csv': csvLines(r.terms.map((t) => [t.concept_id, t.article_id, t.outlet, t.surface, t.count, t.label])),
    },
    'evidence.jsonl': evidenceLines,
    groups,
    counts: {
      claims: r.claims.length,
      omissions: r.omissions.length,
      diffs: r.diffs.length,
      terms: r.terms.length,
      scores: r.scores.length,
      evidence: r.evidence.length,
      warnings: r.warnings.length,
    },
    warningItems: r.warnings,
  };
}

/** Rendered pieces of one article (report arrays, CSV rows, evidence.jsonl lines). */
export interface RenderedArticle {
  report: { articles: string; scores: string; evidence: string; quotes: string; warnings: string };
  csv: { 'articles.csv': string; 'sentences.csv': string; 'events.csv': string; 'scores.csv': string; 'quotes.csv': string };
  'evidence.jsonl': string;
  counts: { scores: number; evidence: number; quotes: number; warnings: number };
  /** The article's warnings as items (for the shell's console summary). */
  warningItems: Warning[];
}

/**
 * `groups[i]`: the claim of sentence i as an index into its event's claims (-1 none);
 * claim ids are `<event_id>:c<index>` (claims.ts).
 */
export function renderArticle(f: FinishedArticle, eventId: string | null, groups: readonly number[] | null, docMeasures: readonly string[], form: ReportForm): RenderedArticle {
  const a = f.article;
  const docScore = new Map<string, number>();
  const sentiment = new Map<string, number>();
  for (const s of f.scores) {
    if (s.scope === 'document') docScore.set(s.measure, s.value);
    if (s.scope === 'sentence' && s.measure === 'sentiment') sentiment.set(s.target, s.value);
  }
  const evidenceLines = reportItems(f.evidence, 'jsonl');
  const group = (i: number) => {
    const k = groups?.[i] ?? -1;
    return k >= 0 && eventId !== null ? `${eventId}:c${k}` : null;
  };
  return {
    report: {
      articles: reportItems([a], form),
      scores: reportItems(f.scores, form),
      // In the split report the evidence lines are evidence.jsonl's: rendered once.
      evidence: form === 'jsonl' ? evidenceLines : reportItems(f.evidence, form),
      quotes: reportItems(f.quotes, form),
      warnings: reportItems(f.warnings, form),
    },
    csv: {
      'articles.csv': csvLines([
        [a.id, a.outlet, a.title, a.published, a.url, eventId, a.language, a.sentences.length, a.n_words, ...docMeasures.map((m) => docScore.get(m) ?? null), a.author],
      ]),
      'sentences.csv': csvLines(a.sentences.map((s, i) => [a.id, s.id, s.start, s.end, group(i), sentiment.get(s.id) ?? null, a.text.slice(s.start, s.end)])),
      'events.csv': eventId === null ? '' : csvLines([[a.id, eventId]]),
      'scores.csv': csvLines(f.scores.map((s) => [s.article_id, s.outlet, s.event_id, s.scope, s.target, s.measure, s.value, s.n_evidence])),
      'quotes.csv': csvLines(f.quotes.map((q) => [q.article_id, q.quote_id, q.speaker, q.speaker_entity, q.side, q.verb, q.kind, q.start, q.end, q.text, q.rule, q.rule_span?.start ?? null, q.rule_span?.end ?? null, q.party, q.country, q.role])),
    },
    'evidence.jsonl': evidenceLines,
    counts: { scores: f.scores.length, evidence: f.evidence.length, quotes: f.quotes.length, warnings: f.warnings.length },
    warningItems: f.warnings,
  };
}

export { CSV_HEADERS };
