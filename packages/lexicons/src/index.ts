/**
 * @parallax/lexicons — every word list and rule table Parallax uses, as validated,
 * versioned, hashed data. Add a lexicon: a JSON file in data/, a module in src/
 * that calls defineLexicon with its entry schema, and one line in `lexicons` below.
 */
import { boilerplate } from './boilerplate';
import { sentiment, sentimentEmoticons, sentimentModifiers, sentimentNews, sentimentTopic } from './sentiment';
import { frames, genericFrames, loaded, hedges } from './frames';
import { attributionVerbs } from './attribution';
import { affiliations } from './affiliations';
import { speakerNouns } from './speaker-nouns';
import { entities } from './entities';
import { terms } from './terms';
import { senses } from './senses';
import { biasModel, biasWords } from './bias';
import { wordVectors } from './vectors';
import { outlets } from './outlets';
import { sentenceBoundaries } from './boundaries';
import { claimMatcher } from './matcher';
import type { Lexicon } from './define';

export { defineLexicon, LexiconError, LexiconMeta, BaseEntry } from './define';
export type { Lexicon } from './define';
export { BoilerplateEntry } from './boilerplate';
export { GazetteerEntity, EntityCue, EntityEntry, isGazetteerEntity } from './entities';
export { TermEntry } from './terms';
export { WordVectorBlock } from './vectors';
export { OutletEntry } from './outlets';
export { BoundaryEntry } from './boundaries';
export { MatcherParamEntry } from './matcher';
export { SentimentEntry, ModifierEntry, TopicEntry, EmoticonEntry, NewsValenceEntry, sentimentEncoder, sentimentEntityEncoder } from './sentiment';
export { FrameEntry, LoadedEntry, HedgeEntry } from './frames';
export { AttributionVerbEntry, SideEntry, defineSidesLexicon } from './attribution';
export { AffiliationEntry } from './affiliations';
export { SpeakerNounEntry } from './speaker-nouns';
export { SenseEntry } from './senses';
export { BiasWordEntry, BiasWeightEntry } from './bias';

export const lexicons = Object.freeze({
  boilerplate,
  entities,
  terms,
  sentiment,
  sentimentModifiers,
  sentimentTopic,
  sentimentEmoticons,
  sentimentNews,
  senses,
  biasWords,
  biasModel,
  frames,
  genericFrames,
  loaded,
  hedges,
  attributionVerbs,
  affiliations,
  speakerNouns,
  wordVectors,
  outlets,
  sentenceBoundaries,
  claimMatcher,
});

export type Lexicons = typeof lexicons;

/** `{id, version, sha256, source}` of every lexicon, sorted by id: goes into every report. */
export function lexiconRefs(): { id: string; version: string; sha256: string; source: string }[] {
  return (Object.values(lexicons) as Lexicon<unknown>[])
    .map((l) => ({ id: l.id, version: l.version, sha256: l.sha256, source: l.source }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
export { PROJECT_LICENSE, COMPATIBLE_LICENSES, INCOMPATIBLE_LICENSES, licenseIds, licenseProblem } from './licences';
