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
import { defineSidesLexicon, lexicons as allLexicons, lexiconRefs } from '@parallax/lexicons';
import type { ArticleAnalysis, ArticleStage, CorpusStage, CorpusState, EngineContext, EngineOptions } from './model';
import { failedAnalysis, failureReason, runCorpusStage } from './isolate';
import { createNlp, type Nlp } from './nlp';
import { ARTICLE_STAGES, CORPUS_STAGES, EVENT_STAGES, assembleReport, normalizeStep } from './pipeline';
import { alignEvent, newCorpusState } from './corpus';
import { alignableTexts } from './stages/corpus/claims';
import { encodeTexts, type Encoder, type SentenceVectors } from './lib/encoder';
import type { AnalysisReport, ArticleInput, InputRecord, Warning } from './schema';
import type { ReportSetup } from './stages/report';
import { message, stampEvidence, stampMessages } from './lib/messages';
import { LookupTables } from './lib/lookup-tables';

export { TOOL_VERSION } from './version';
export { naturalOrder, round, SCORE_DECIMALS, WEIGHT_DECIMALS } from './stages/report';

/** An input the shell could not read: a message about a file (or a line of one), not about article text. */
export interface Rejection {
  path: string;
  line: number | null;
  reason: string;
  /** What rejected it (default `input`). */
  source?: string;
  /** Why, as a rule id (default `unreadable-input`). */
  code?: string;
}

/** What a shell adds to the report: its own analysis-relevant options and warnings from reading the inputs. */
export interface ReportExtras {
  /** Options that affect the result (never worker counts, paths of the output, or times). */
  options?: Record<string, unknown>;
  warnings?: readonly Warning[];
  /** Encoder vectors of the alignable sentences (the `encoder` matcher); buildReportAsync computes them. */
  vectors?: SentenceVectors;
  /** Progress of the sentence encoding in buildReportAsync (done, total sentences). */
  onEncodeProgress?: (done: number, total: number) => void;
}

/** What a shell hands to the engine besides options: loaded models. */
export interface EngineResources {
  /** A sentence encoder (loaded by the shell). With it, `matcher` defaults to 'encoder'. */
  encoder?: Encoder;
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
  /** The sentence texts the claims stage will compare (sorted, distinct): what an encoder must encode. */
  alignableTexts(analyses: readonly ArticleAnalysis[]): string[];
  /** buildReport, after encoding the alignable sentences with the engine's encoder (the `encoder` matcher). */
  buildReportAsync(analyses: readonly ArticleAnalysis[], rejections: readonly Rejection[], extra?: ReportExtras): Promise<AnalysisReport>;
  /** analyzeArticle on every article, then buildReportAsync. */
  analyzeAsync(input: { articles: readonly ArticleInput[]; rejections?: readonly Rejection[] }, extra?: ReportExtras): Promise<AnalysisReport>;
}

const DEFAULT_OPTIONS: EngineOptions = { language: 'auto', sides: null, matcher: 'lexical' };
const MATCHERS = ['encoder', 'lexical'];
/** ISO 639-1/-3 code with an optional region or script subtag (en, deu, en-gb, zh-hant). */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

let sharedNlp: Nlp | null = null;
/** The wink model is immutable once loaded; one instance is shared by engines in a thread. */
function getNlp(): Nlp {
  sharedNlp ??= createNlp();
  return sharedNlp;
}

/**
 * The stages an engine runs; by default the pipeline of pipeline.ts. Passing other stages
 * is for tests and experiments (e.g. a stage that throws, to check failure isolation);
 * reports made with a changed pipeline are not comparable with the default one.
 */
export interface EnginePipeline {
  article?: readonly ArticleStage[];
  /** Corpus stages before events are aligned (entity-merge, sides, events). */
  corpus?: readonly CorpusStage[];
  /** Stages run once per event (claims, diffs, terms; see corpus.alignEvent). */
  event?: readonly CorpusStage[];
}

/** What a shell hands to the engine besides options: loaded models, and (tests) other stages. */
export type EngineSetup = EngineResources & EnginePipeline;

export function createEngine(options: Partial<EngineOptions> = {}, setup: EngineSetup = {}): Engine {
  const pipeline = setup;
  const resources = setup;
  const articleStages = pipeline.article ?? ARTICLE_STAGES;
  const corpusStages = pipeline.corpus ?? CORPUS_STAGES;
  const eventStages = pipeline.event ?? EVENT_STAGES;
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULT_OPTIONS)) {
      throw new TypeError(`Unknown engine option \`${key}\`; known options: ${Object.keys(DEFAULT_OPTIONS).join(', ')}.`);
    }
  }
  const language = typeof options.language === 'string' ? options.language.toLowerCase() : DEFAULT_OPTIONS.language;
  if (language !== 'auto' && !LANGUAGE_CODE.test(language)) {
    throw new TypeError(`Engine option \`language\` must be "auto" or an ISO 639 code such as "en" or "de", not ${JSON.stringify(options.language)}.`);
  }
  const encoder = resources.encoder ?? null;
  const matcher = options.matcher ?? (encoder ? 'encoder' : 'lexical');
  if (!MATCHERS.includes(matcher)) throw new TypeError(`Engine option \`matcher\` must be "encoder" or "lexical", not ${JSON.stringify(matcher)}.`);
  if (matcher === 'encoder' && !encoder) {
    throw new TypeError('Engine option `matcher: "encoder"` needs an encoder: createEngine(options, { encoder }) (the shell loads it), or use matcher: "lexical".');
  }
    const opts: EngineOptions = Object.freeze({ ...DEFAULT_OPTIONS, ...options, language, matcher });
  // A study lexicon is validated like the built-in ones (throws a LexiconError naming the bad entry).
  const sides = opts.sides === null || opts.sides === undefined ? null : defineSidesLexicon(opts.sides);
  if (sides && lexiconRefs().some((l) => l.id === sides.id)) {
    throw new TypeError(`The sides lexicon's id "${sides.id}" is the id of a built-in lexicon; give your lexicon an id of its own.`);
  }
  const ctx: EngineContext = Object.freeze({ options: opts, lexicons: allLexicons, sides, nlp: getNlp(), tables: new LookupTables() });
  // The report cites the study lexicon by id, version and hash, never its whole content.
  const { sides: _rawSides, ...shownOptions } = opts;
  const sidesRef = sides ? { id: sides.id, version: sides.version, sha256: sides.sha256, source: sides.source } : null;
  const report: ReportSetup = {
    options: { ...shownOptions, ...(sidesRef ? { sides: sidesRef } : {}) },
    lexicons: sidesRef ? [...lexiconRefs(), sidesRef].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : lexiconRefs(),
  };

  /** Never throws for a failing stage: the article comes back with `failure` set (isolate.ts). */
  function analyzeArticle(input: ArticleInput): ArticleAnalysis {
    let stageName = 'normalize';
    try {
      return analyzeArticleStages(input, (name) => (stageName = name));
    } catch (err) {
      return failedAnalysis(input, stageName, err);
    }
  }

  function analyzeArticleStages(input: ArticleInput, entering: (stage: string) => void): ArticleAnalysis {
    const state = normalizeStep.run(input);
    for (const stage of articleStages) {
      if (stage.englishOnly && !state.article.english) continue;
      entering(stage.name);
      const w = state.warnings.length;
      const ev = state.evidence.length;
      stage.run(state, ctx);
      stampMessages(state.warnings, w, stage.name);
      stampEvidence(state.evidence, ev, stage.name);
    }
    if (state.article.sentences.length === 0) {
      state.warnings.push(message('segment', input.id, 'no-content', 'no sentences left after boilerplate removal; the article is listed but contributes nothing'));
    }
    return state;
  }

  interface Prepared {
    inputs: InputRecord[];
    kept: ArticleAnalysis[];
    failed: ArticleAnalysis[];
    corpus: CorpusState;
  }
  /** Corpus stages before `claims` run in prepare (their results decide what the encoder must encode), the rest in finish. */
  const claimsIndex = corpusStages.findIndex((s) => s.name === 'claims');
  const claimsAt = claimsIndex < 0 ? corpusStages.length : claimsIndex;

  /** Input accounting and the corpus stages before `claims` (entity merges, events). */
  function prepare(analyses: readonly ArticleAnalysis[], rejections: readonly Rejection[]): Prepared {
    // Input order: by source path, then line. Independent of worker count or shard.
    const ordered = [...analyses].sort((a, b) => compareSource(a.article.source, b.article.source));
    const inputs: InputRecord[] = [];
    const kept: ArticleAnalysis[] = [];
    const failed: ArticleAnalysis[] = [];
    const byText = new Map<string, ArticleAnalysis>();
    const byId = new Map<string, ArticleAnalysis>();
    for (const a of ordered) {
      const where = (x: ArticleAnalysis) => `${x.article.source.path}${x.article.source.line ? `:${x.article.source.line}` : ''}`;
      const rec = { path: a.article.source.path, line: a.article.source.line, article_id: a.article.id };
      if (a.failure) {
        failed.push(a);
        inputs.push({ ...rec, status: 'rejected', reason: failureReason(a.failure), source: a.failure.stage, code: 'internal-error' });
        continue;
      }
      const sameText = byText.get(a.article.text);
      if (sameText) {
        inputs.push({ ...rec, status: 'duplicate', reason: `same text as article "${sameText.article.id}" (${where(sameText)}); not counted twice`, source: 'input', code: 'duplicate-text' });
        continue;
      }
      const sameId = byId.get(a.article.id);
      if (sameId) {
        inputs.push({
          ...rec,
          status: 'rejected',
          reason: `duplicate id "${a.article.id}" with different text (first used at ${where(sameId)}); give each article a unique id`,
          source: 'input',
          code: 'duplicate-id',
        });
        continue;
      }
      byText.set(a.article.text, a);
      byId.set(a.article.id, a);
      kept.push(a);
      inputs.push({ ...rec, status: 'analysed', reason: null, source: null, code: null });
    }
    for (const r of rejections) inputs.push({ path: r.path, line: r.line, status: 'rejected', article_id: null, reason: r.reason, source: r.source ?? 'input', code: r.code ?? 'unreadable-input' });
    inputs.sort((a, b) => compareSource(a, b) || rank(a.status) - rank(b.status));

    const corpus = newCorpusState(kept);
    for (const stage of corpusStages.slice(0, claimsAt)) runCorpusStage(stage, corpus, ctx);
    return { inputs, kept, failed, corpus };
  }

  function buildReport(analyses: readonly ArticleAnalysis[], rejections: readonly Rejection[], extra: ReportExtras = {}): AnalysisReport {
    return finish(prepare(analyses, rejections), extra);
  }

  function alignable(analyses: readonly ArticleAnalysis[]): string[] {
    return alignableTexts(prepare(analyses, []).corpus, ctx);
  }

  async function buildReportAsync(analyses: readonly ArticleAnalysis[], rejections: readonly Rejection[], extra: ReportExtras = {}): Promise<AnalysisReport> {
    const prepared = prepare(analyses, rejections);
    if (opts.matcher !== 'encoder' || extra.vectors) return finish(prepared, extra);
    const vectors = await encodeTexts(encoder!, alignableTexts(prepared.corpus, ctx), extra.onEncodeProgress);
    return finish(prepared, { ...extra, vectors });
  }

  /** The corpus stages from `claims` on, the event stages, and the report (stages/report.ts). */
  function finish({ inputs, kept, failed, corpus }: Prepared, extra: ReportExtras): AnalysisReport {
    if (opts.matcher === 'encoder') {
      if (!extra.vectors) throw new TypeError('The `encoder` matcher encodes sentences asynchronously: call buildReportAsync / analyzeAsync (or pass extra.vectors).');
      corpus.vectors = extra.vectors;
    }
    for (const stage of corpusStages.slice(claimsAt)) runCorpusStage(stage, corpus, ctx);
    // Event stages one event at a time (corpus.ts): the same code path as a streamed run.
    // A stage that throws for an event leaves that event without its results, with a warning.
    const keptById = new Map(kept.map((a) => [a.article.id, a]));
    for (const ev of corpus.events) {
      const r = alignEvent(ev, ev.article_ids.map((id) => keptById.get(id)!), corpus.entityMerges, ctx, { stages: eventStages, vectors: corpus.vectors ?? null });
      for (const k of ['claims', 'omissions', 'diffs', 'terms', 'scores', 'evidence', 'warnings'] as const) {
        for (const x of r[k]) (corpus[k] as unknown[]).push(x);
      }
    }

    return assembleReport({ inputs, kept, failed, corpus, extraOptions: extra.options, shellWarnings: extra.warnings, encoder: opts.matcher === 'encoder' && extra.vectors ? extra.vectors.encoder : null }, report);
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

  async function analyzeAsync(
    input: { articles: readonly ArticleInput[]; rejections?: readonly Rejection[] },
    extra?: ReportExtras,
  ): Promise<AnalysisReport> {
    if (!input || !Array.isArray(input.articles)) {
      throw new TypeError('Cannot `analyzeAsync` without `articles`: pass { articles: ArticleInput[], rejections? }.');
    }
    return buildReportAsync(input.articles.map(analyzeArticle), input.rejections ?? [], extra);
  }

  return Object.freeze({ options: opts, context: ctx, analyzeArticle, buildReport, analyze, alignableTexts: alignable, buildReportAsync, analyzeAsync });
}

function rank(s: InputRecord['status']): number {
  return s === 'analysed' ? 0 : s === 'duplicate' ? 1 : 2;
}

export function compareSource(a: { path: string; line: number | null }, b: { path: string; line: number | null }): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
