import { z } from 'zod';
import rawSentiment from '../data/sentiment.json';
import rawModifiers from '../data/sentiment-modifiers.json';
import rawTopic from '../data/sentiment-topic.json';
import { BaseEntry, defineLexicon } from './define';

const Term = z.string().regex(/^[a-z][a-z'.-]*(?: [a-z][a-z'.-]*)*$/, 'lower-case word or phrase');

/** A word valence on VADER's -4 … +4 scale. */
export const SentimentEntry = BaseEntry.extend({ term: Term, valence: z.number().min(-4).max(4) });
export type SentimentEntry = z.infer<typeof SentimentEntry>;

/** A valence shifter: negator, booster, dampener or contrast marker. */
export const ModifierEntry = BaseEntry.extend({
  term: Term,
  kind: z.enum(['negator', 'booster', 'dampener', 'contrast']),
  scalar: z.number(),
});
export type ModifierEntry = z.infer<typeof ModifierEntry>;

/** A topic word: an event named neutrally; its valence is recorded, not counted. */
export const TopicEntry = BaseEntry.extend({ term: Term, valence: z.number().min(-4).max(4) });
export type TopicEntry = z.infer<typeof TopicEntry>;

export const sentiment = defineLexicon(rawSentiment, SentimentEntry, (e) => e.term);
export const sentimentModifiers = defineLexicon(rawModifiers, ModifierEntry, (e) => e.term);
export const sentimentTopic = defineLexicon(rawTopic, TopicEntry, (e) => e.term);
