import { z } from 'zod';
import rawSentiment from '../data/sentiment.json';
import rawModifiers from '../data/sentiment-modifiers.json';
import rawTopic from '../data/sentiment-topic.json';
import rawEmoticons from '../data/sentiment-emoticons.json';
import rawNews from '../data/sentiment-news.json';
import { BaseEntry, defineLexicon } from './define';
import rawEncoder from '../data/sentiment-encoder.json';
import rawEntityEncoder from '../data/sentiment-entity-encoder.json';
import { BiasWeightEntry } from './bias';

const Term = z.string().regex(/^[a-z][a-z'.-]*(?: [a-z][a-z'.-]*)*$/, 'lower-case word or phrase');

/** A word valence on VADER's -4 … +4 scale. */
export const SentimentEntry = BaseEntry.extend({ term: Term, valence: z.number().min(-4).max(4) });
export type SentimentEntry = z.infer<typeof SentimentEntry>;

/** A valence shifter: negator, booster, dampener or contrast marker; or a job-title noun (an evaluative adjective right before it is part of the title, not sentiment). */
export const ModifierEntry = BaseEntry.extend({
  term: Term,
  kind: z.enum(['negator', 'booster', 'dampener', 'contrast', 'title']),
  scalar: z.number(),
});
export type ModifierEntry = z.infer<typeof ModifierEntry>;

/** A topic word: an event named neutrally; its valence is recorded, not counted. */
export const TopicEntry = BaseEntry.extend({ term: Term, valence: z.number().min(-4).max(4) });
export type TopicEntry = z.infer<typeof TopicEntry>;

/** An emoticon or other non-word token (":)", "<3", "gr8"), matched case-sensitively. */
export const EmoticonEntry = BaseEntry.extend({ term: z.string().regex(/^\S+$/, 'one token, no spaces'), valence: z.number().min(-4).max(4) });
export type EmoticonEntry = z.infer<typeof EmoticonEntry>;

/** A word's valence toward a news target, learned from human-coded news (see the lexicon's `source`). */
export const NewsValenceEntry = BaseEntry.extend({ term: Term, valence: z.number().min(-4).max(4) });
export type NewsValenceEntry = z.infer<typeof NewsValenceEntry>;

export const sentiment = defineLexicon(rawSentiment, SentimentEntry, (e) => e.term);
export const sentimentModifiers = defineLexicon(rawModifiers, ModifierEntry, (e) => e.term);
export const sentimentTopic = defineLexicon(rawTopic, TopicEntry, (e) => e.term);
export const sentimentEmoticons = defineLexicon(rawEmoticons, EmoticonEntry, (e) => e.term);
export const sentimentNews = defineLexicon(rawNews, NewsValenceEntry, (e) => e.term);
/**
 * The encoder sentence-sentiment model (learned by bench/train-sentence-encoder.ts): needs
 * sentence-encoder vectors, so it is not part of `lexicons` (the engine's default pipeline
 * does not use it); see encoderSentenceSentiment in @parallax/core.
 */
export const sentimentEncoder = defineLexicon(rawEncoder, BiasWeightEntry, (e) => e.feature);
/** The entity encoder sentiment model (bench/train-entity-encoder.ts); like `sentimentEncoder`, outside `lexicons`. */
export const sentimentEntityEncoder = defineLexicon(rawEntityEncoder, BiasWeightEntry, (e) => e.feature);
