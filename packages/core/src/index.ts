// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient module shims must travel with the index to every program that compiles core
/// <reference path="./shims/modules.d.ts" />
/**
 * @parallax/core — the pure, isomorphic analysis engine: ArticleInputs in, one plain
 * JSON AnalysisReport out. Runs unchanged in Node and in a Web Worker.
 */
export * from './schema';
export { createEngine, compareSource, naturalOrder, round, TOOL_VERSION } from './engine';
export { analysisParameters } from './parameters';
export type { Engine, EnginePipeline, Rejection, ReportExtras } from './engine';
export { failedAnalysis, failureReason } from './isolate';
export type { StageFailure } from './isolate';
export type { ArticleAnalysis, CorpusState, EngineOptions, Token, ArticleStage, CorpusStage, EngineContext } from './model';
export { normalizeText, toRawOffset } from './normalize';
export type { Normalized } from './normalize';
export { ARTICLE_STAGES, CORPUS_STAGES, STAGE_NAMES } from './pipeline';
export { exportFiles, exportFileChunks, jsonChunks, toCsv, neutralizeCell, CSV_HEADERS, OUTPUT_FILES, OUTPUT_MARKER } from './exports';
export type { ExportFile, ExportFileChunks } from './exports';
export { buildCodebook, codebookMarkdown, COLUMN_DOCS } from './codebook';
export type { Codebook } from './codebook';
export { measureDefinitions, definitionFor, registerMeasure } from './measures';
export type { MeasureDefinition, ValidityStatement } from './measures';
export { detectLanguage } from './stages/language';
export * from './score';
export * from './validate';
export { createNlp } from './nlp';
export type { Nlp } from './nlp';
export { extractEventFeatures, groupEvents, DEFAULT_EVENT_OPTIONS } from './align/events';
export type { EventFeatures, GroupEventsOptions } from './align/events';
export { mulberry32 } from './random';
export {
  summarizeArticle,
  alignEvent,
  newCorpusState,
  finishArticle,
  renderEvent,
  renderArticle,
  reportItems,
  mergeEntityNames,
  nameMentions,
  eventsFromArticles,
} from './corpus';
export type { ArticleSummary, EventResult, FinishedArticle, NumberWarnings, ReportForm, RenderedEvent, RenderedArticle, NameMention, EventItem } from './corpus';
export { csvLines, csvHeader, jsonElement, JSON_REPORT_MAX_ARTICLES, ARTICLES_CSV_TRAILING } from './exports';
export type { CsvCell } from './exports';
export { EVENT_STAGES } from './pipeline';
export { encodeTexts, vectorsFrom, encoderCosine, unit, ENCODE_BATCH } from './align/encoder';
export type { Encoder, EncoderRef, SentenceVectors } from './align/encoder';
export type { EngineResources } from './engine';
export { FEATURES, FEATURE_DOCS, pairFeatures, probability, logit, explain } from './align/matcher';
export type { FeatureName, FeatureVector, FeatureItem, MatcherWeights } from './align/matcher';
export { alignResources, sentenceKeys, scoreEvent, groupScored, matchPairs, matcherWeights, claimsWithCoverage, omissionsForEvent, DEFAULT_CLAIM_OPTIONS } from './align/claims';
export type { SentenceKeys, AlignResources, PairMatcher, ClaimOptions, PairWithFeatures, ClaimCoverage } from './align/claims';
