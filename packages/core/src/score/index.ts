/** Scoring with evidence: sentiment, framing, loaded language, hedging, quotes. See README.md. */
export { sentimentStage } from './sentiment-stage';
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
} from './sentiment';
export type { EncoderSentimentItem, EncoderSentimentModel, EntityEncoderModel, SentenceContext, SentimentItem, SentimentParams } from './sentiment';
export { compile, compileMap, matchPhrases } from './match';
export type { Compiled, PhraseHit } from './match';
export { framesStage, markersStage, MFC_FRAMES, GENERIC_FRAMES } from './frames-stage';
export { quotesStage, quoteArticle, findDirectQuotes } from './quotes';
export type { Speaker } from './quotes';
export { biasFeatures, sentenceBias, sigmoid } from './bias';
export type { BiasHit, BiasItem } from './bias';
export { senseMap } from './senses';
export type { SenseHit, SenseMap, SenseFamily } from './senses';
export { mergeEntityRows } from './entity-merge';
export { findQuotations, quotationsStage } from '../stages/quotations';
export type { QuotedSpan } from '../model';
