import { z } from 'zod';
import rawSenses from '../data/senses.json';
import { BaseEntry, defineLexicon } from './define';

const Term = z.string().regex(/^[a-z][a-z'.-]*(?: [a-z][a-z'.-]*)*$/, 'lower-case word or phrase');

/**
 * A word-sense rule: the words of `phrase` (in the given case / part of speech) are not cues of
 * the `blocks` measure families; with `valence` the phrase is itself a sentiment phrase, with
 * `category` it is loaded language. `reason` says why, for the evidence and the codebook.
 */
export const SenseEntry = BaseEntry.extend({
  phrase: Term,
  blocks: z.array(z.enum(['sentiment', 'frames', 'loaded', 'hedges'])),
  reason: z.string().min(1),
  case: z.enum(['capitalised']).optional(),
  pos: z.enum(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV']).optional(),
  valence: z.number().min(-4).max(4).optional(),
  category: z.enum(['emotive', 'pejorative', 'partisan']).optional(),
});
export type SenseEntry = z.infer<typeof SenseEntry>;

export const senses = defineLexicon(rawSenses, SenseEntry, (e) => `${e.phrase}\u0000${e.case ?? ''}\u0000${e.pos ?? ''}`);
