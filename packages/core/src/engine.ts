/**
 * The engine: a frozen analyzer object (no global state) that turns ArticleInputs
 * into one AnalysisReport. Pure: no fs, no process, no clock, no unseeded random.
 *
 *   const engine = createEngine();
 *   const report = engine.analyze({ articles, rejections });
 *
 * For parallel or sharded runs, call `analyzeArticle` anywhere (it is pure and its
 * result is structured-clone safe) and hand all results to `buildReport`.
 */
import { lexicons as allLexicons, lexiconRefs } from '@parallax/lexicons';
import type { ArticleAnalysis, CorpusState, EngineContext, EngineOptions } from './model';
import { createNlp, type Nlp } from './nlp';
import { normalizeText } from './normalize';
import { ARTICLE_STAGES, CORPUS_STAGES } from './pipeline';
import { alignEvent } from './corpus';
import {
  SCHEMA_VERSION,
  type AnalysisReport,
  type ArticleInput,
  type Evidence,
  type InputRecord,
  type Score,
  type Warning,
} from './schema';

export const TOOL_VERSION = '0.1.0';

export interface Rejection {
  path: string;
  line: number | null;
  reason: string;
}

/** What a shell adds to the report: its own analysis-relevant options and warnings from reading the inputs. */
export interface ReportExtras {
  /** Options that affect the result (never worker counts, paths of the output, or times). */
  options?: Record<string, unknown>;
  warnings?: readonly Warning[];
}

export interface Engine {
  readonly options: Readonly<EngineOptions>;
  /** The frozen context stages receive (for corpus.ts's per-event and per-summary functions). */
  readonly context: EngineContext;
  /** Run every article stage on one article. Pure; safe to call in a worker. */
  analyzeArticle(input: ArticleInput): ArticleAnalysis;
  /** Account for inputs (duplicates, duplicate ids), run corpus stages, assemble the report. */
  buildReport(analyses: readonly ArticleAnalysis[], rejections: readonly Rejection[], extra?: ReportExtras): AnalysisReport;
  /** analyzeArticle on every article, then buildReport. */
  analyze(input: { articles: readonly ArticleInput[]; rejections?: readonly Rejection[] }, extra?: ReportExtras): AnalysisReport;
}

const DEFAULT_OPTIONS: EngineOptions = { language: 'auto' };
/** ISO 639-1/-3 code with an optional region or script subtag (en, deu, en-gb, zh-hant). */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

let sharedNlp: Nlp | null = null;
/** The wink model is immutable once loaded; one instance is shared by engines in a thread. */
function getNlp(): Nlp {
  sharedNlp ??= createNlp();
  return sharedNlp;
}

export function createEngine(options: Partial<EngineOptions> = {}): Engine {
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULT_OPTIONS)) {
      throw new TypeError(`Unknown engine option \`${key}\`; known options: ${Object.keys(DEFAULT_OPTIONS).join(', ')}.`);
    }
  }
  const language = typeof options.language === 'string' ? options.language.toLowerCase() : DEFAULT_OPTIONS.language;
  if (language !== 'auto' && !LANGUAGE_CODE.test(language)) {
    throw new TypeError(`Engine option \`language\` must be "auto" or an ISO 639 code such as "en" or "de", not ${JSON.stringify(options.language)}.`);
  }
  const opts: EngineOptions = Object.freeze({ ...DEFAULT_OPTIONS, ...options, language });
  const ctx: EngineContext = Object.freeze({ options: opts, lexicons: allLexicons, nlp: getNlp() });

  function analyzeArticle(input: ArticleInput): ArticleAnalysis {
    const { text, map } = normalizeText(input.text);
    const state: ArticleAnalysis = {
      article: {
        id: input.id,
        outlet: input.outlet,
        title: normalizeText(input.title).text,
        published: input.published,
        url: input.url,
        language: input.language ?? 'und',
        source: input.source,
        text,
        offset_map: map,
        removed: [],
        sentences: [],
        entities: [],
        n_words: 0,
        english: true,
      },
      tokens: [],
      scores: [],
      evidence: [],
      quotes: [],
      warnings: [],
    };
    for (const stage of ARTICLE_STAGES) {
      if (stage.englishOnly && !state.article.english) continue;
      stage.run(state, ctx);
    }
    if (state.article.sentences.length === 0) {
      state.warnings.push({
        article_id: input.id,
        code: 'no-content',
        message: 'no sentences left after boilerplate removal; the article is listed but contributes nothing',
      });
    }
    return state;
  }

  function buildReport(
    analyses: readonly ArticleAnalysis[],
    rejections: readonly Rejection[],
    extra: ReportExtras = {},
  ): AnalysisReport {
    // Input order: by source path, then line. Independent of worker count or shard.
    const ordered = [...analyses].sort((a, b) => compareSource(a.article.source, b.article.source));
    const inputs: InputRecord[] = [];
    const kept: ArticleAnalysis[] = [];
    const byText = new Map<string, ArticleAnalysis>();
    const byId = new Map<string, ArticleAnalysis>();
    for (const a of ordered) {
      const where = (x: ArticleAnalysis) => `${x.article.source.path}${x.article.source.line ? `:${x.article.source.line}` : ''}`;
      const rec = { path: a.article.source.path, line: a.article.source.line, article_id: a.article.id };
      const sameText = byText.get(a.article.text);
      if (sameText) {
        inputs.push({ ...rec, status: 'duplicate', reason: `same text as article "${sameText.article.id}" (${where(sameText)}); not counted twice` });
        continue;
      }
      const sameId = byId.get(a.article.id);
      if (sameId) {
        inputs.push({
          ...rec,
          status: 'rejected',
          reason: `duplicate id "${a.article.id}" with different text (first used at ${where(sameId)}); give each article a unique id`,
        });
        continue;
      }
      byText.set(a.article.text, a);
      byId.set(a.article.id, a);
      kept.push(a);
      inputs.push({ ...rec, status: 'analysed', reason: null });
    }
    for (const r of rejections) inputs.push({ path: r.path, line: r.line, status: 'rejected', article_id: null, reason: r.reason });
    inputs.sort((a, b) => compareSource(a, b) || rank(a.status) - rank(b.status));

    const corpus: CorpusState = {
      articles: kept,
      entityMerges: {},
      events: [],
      claims: [],
      omissions: [],
      diffs: [],
      terms: [],
      scores: [],
      evidence: [],
      warnings: [],
    };
    for (const stage of CORPUS_STAGES) stage.run(corpus, ctx);
    // Event stages one event at a time (corpus.ts): the same code path as a streamed run.
    const keptById = new Map(kept.map((a) => [a.article.id, a]));
    for (const ev of corpus.events) {
      const r = alignEvent(ev, ev.article_ids.map((id) => keptById.get(id)!), corpus.entityMerges, ctx);
      for (const k of ['claims', 'omissions', 'diffs', 'terms', 'scores', 'evidence', 'warnings'] as const) {
        for (const x of r[k]) (corpus[k] as unknown[]).push(x);
      }
    }

    const eventOf = new Map<string, string>();
    for (const e of corpus.events) for (const id of e.article_ids) eventOf.set(id, e.event_id);
    const merge = (id: string | null) => (id === null ? null : (corpus.entityMerges[id] ?? id));
    // A measure that produced NaN/Infinity is a defect: it is reported as 0 *with* a warning, never silently.
    const numberWarnings: Warning[] = [];
    const finite = (x: number, articleId: string, what: string): number => {
      if (Number.isFinite(x)) return x;
      numberWarnings.push({ article_id: articleId, code: 'non-finite-number', message: `${what} was ${x}; reported as 0` });
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
    const scores = [...kept.flatMap((a) => a.scores), ...corpus.scores].map(fixScore);
    const evidence = [...kept.flatMap((a) => a.evidence), ...corpus.evidence].map(fixEvidence);

    return {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'parallax', version: TOOL_VERSION },
      options: { ...opts, ...extra.options },
      lexicons: lexiconRefs(),
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
      warnings: [...(extra.warnings ?? []), ...kept.flatMap((a) => a.warnings), ...corpus.warnings, ...numberWarnings],
    };
  }

  function analyze(
    input: { articles: readonly ArticleInput[]; rejections?: readonly Rejection[] },
    extra?: ReportExtras,
  ): AnalysisReport {
    if (!input || !Array.isArray(input.articles)) {
      throw new TypeError('Cannot `analyze` without `articles`: pass { articles: ArticleInput[], rejections? }.');
    }
    return buildReport(input.articles.map(analyzeArticle), input.rejections ?? [], extra);
  }

  return Object.freeze({ options: opts, context: ctx, analyzeArticle, buildReport, analyze });
}

function rank(s: InputRecord['status']): number {
  return s === 'analysed' ? 0 : s === 'duplicate' ? 1 : 2;
}

export function compareSource(a: { path: string; line: number | null }, b: { path: string; line: number | null }): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
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
