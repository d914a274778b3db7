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
export { measureDefinitions, definitionFor } from './measures';
export type { MeasureDefinition, ValidityStatement } from './measures';
export { detectLanguage } from './stages/article/language';
export { sentimentStage, sentimentMeasures } from './stages/article/sentiment';
export {
  ALPHA,
  DEFAULT_PARAMS,
  NEWS_POS,
  clauses,
  encoderEntitySentiment,
  encoderSentenceSentiment,
  encoderSentimentModel,
  entityEncoderModel,
  entityEvidenceKind,
  entityItems,
  sentenceContext,
  sentenceEvidence,
  sentenceItems,
  sentenceSentiment,
  squash,
  sumWeights,
  tokenRange,
} from './lib/sentence-sentiment';
export type { EncoderSentimentItem, EncoderSentimentModel, EntityEncoderModel, SentenceContext, SentimentItem, SentimentParams } from './lib/sentence-sentiment';
export { compile, compileMap, matchPhrases } from './lib/phrase-match';
export type { Compiled, PhraseHit } from './lib/phrase-match';
export { framesStage, MFC_FRAMES, GENERIC_FRAMES } from './stages/article/frames';
export { markersStage } from './stages/article/markers';
export { quotesStage, quoteArticle, findDirectQuotes } from './stages/article/quotes';
export type { Speaker } from './stages/article/quotes';
export { biasFeatures, sentenceBias, sigmoid } from './lib/bias';
export type { BiasHit, BiasItem } from './lib/bias';
export { senseMap } from './lib/senses';
export type { SenseHit, SenseMap, SenseFamily } from './lib/senses';
export { mergeEntityRows } from './lib/merge-entity-rows';
export { findQuotations, quotationsStage } from './stages/article/quotations';
export type { QuotedSpan } from './model';
export * from './validate';
export { createNlp } from './nlp';
export type { Nlp } from './nlp';
export { extractEventFeatures, groupEvents, DEFAULT_EVENT_OPTIONS } from './stages/corpus/events';
export type { EventFeatures, GroupEventsOptions } from './stages/corpus/events';
export { mulberry32 } from './random';
export { LookupTables } from './lib/lookup-tables';
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
export { encodeTexts, vectorsFrom, encoderCosine, unit, ENCODE_BATCH } from './lib/encoder';
export type { Encoder, EncoderRef, SentenceVectors } from './lib/encoder';
export type { EngineResources } from './engine';
export { FEATURES, FEATURE_DOCS, pairFeatures, probability, logit, explain } from './lib/claim-matcher';
export type { FeatureName, FeatureVector, FeatureItem, MatcherWeights } from './lib/claim-matcher';
export { alignResources, sentenceKeys, scoreEvent, groupScored, matchPairs, matcherWeights, claimsWithCoverage, DEFAULT_CLAIM_OPTIONS } from './stages/corpus/claims';
export { omissionsForEvent } from './stages/corpus/omissions';
export type { SentenceKeys, AlignResources, PairMatcher, ClaimOptions, PairWithFeatures, ClaimCoverage } from './stages/corpus/claims';
