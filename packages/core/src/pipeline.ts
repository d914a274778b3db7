/**
 * The pipeline, declared once (CONVENTIONS §5). Article stages run per article and
 * are pure, so they can run in any worker or shard; corpus stages run once over all
 * analysed articles, after them. Order matters where commented.
 */
import type { ArticleStage, CorpusStage } from './model';
import { normalizeStep } from './stages/article/normalize';
import { boilerplateStage } from './stages/article/boilerplate';
import { segmentStage } from './stages/article/segment';
import { numericEntitiesStage } from './stages/article/numeric-entities';
import { languageStage } from './stages/article/language';
import { quotationsStage } from './stages/article/quotations';
import { sentimentStage } from './stages/article/sentiment';
import { framesStage } from './stages/article/frames';
import { markersStage } from './stages/article/markers';
import { quotesStage } from './stages/article/quotes';
import { entitiesStage } from './stages/article/entities';
import { entityMergeStage } from './stages/corpus/entity-merge';
import { eventsStage } from './stages/corpus/events';
import { claimsStage } from './stages/corpus/claims';
import { omissionsStage } from './stages/corpus/omissions';
import { diffsStage } from './stages/corpus/diffs';
import { termsStage } from './stages/corpus/terms';
import { sidesStage } from './stages/corpus/sides';

/** First of all, per article: the normalized text every offset points into (engine.analyzeArticle). */
export { normalizeStep };

/** Per-article stages, in order, after `normalize`. */
export const ARTICLE_STAGES: readonly ArticleStage[] = Object.freeze([
  boilerplateStage, // needs the normalized text and title
  segmentStage, // only segments text outside boilerplate
  numericEntitiesStage, // wink's dates and numbers from segment's parse; first in article.entities
  languageStage, // detects from the segmented sentences; gates the englishOnly stages below
  entitiesStage, // people/orgs/places/governments over the tokens; scoring stages below read article.entities
  quotationsStage, // quoted spans, found once; before sentiment (its in-quote factor) and quotes (speakers)
  // Scoring (englishOnly) runs after entity detection: entity sentiment and quote speakers need article.entities.
  sentimentStage,
  framesStage,
  markersStage,
  quotesStage,
]);

/** Corpus stages, in order, over all articles sorted by input position. */
export const CORPUS_STAGES: readonly CorpusStage[] = Object.freeze([
  entityMergeStage, // cross-outlet spellings -> state.entityMerges; read by every stage below
  sidesStage, // only with a study lexicon (--lexicon): quote sides by merged entity ids, source_balance:side:*
  eventsStage, // groups English articles into events (others get an event of their own)
]);

/**
 * Event stages, in order, run once per event (corpus.alignEvent) on a CorpusState
 * that holds only that event and its articles: events are independent once grouped,
 * so they can run on any worker, and no structure spans more than one event.
 */
export const EVENT_STAGES: readonly CorpusStage[] = Object.freeze([
  claimsStage, // per event: aligned sentences -> claims
  omissionsStage, // claims most outlets report and one leaves out; claims only one reports
  diffsStage, // word diffs of the aligned sentence pairs of each claim
  termsStage, // contested term choices per concept x article
]);

/** Last of all: the report, assembled from the analyses and the corpus state (engine.buildReport). */
export { assembleReport } from './stages/report';

export const STAGE_NAMES: readonly string[] = Object.freeze([
  normalizeStep.name,
  ...ARTICLE_STAGES.map((s) => s.name),
  ...CORPUS_STAGES.map((s) => s.name),
  ...EVENT_STAGES.map((s) => s.name),
]);
