import { z } from 'zod';
import rawBoundaries from '../data/sentence-boundaries.json';
import { BaseEntry, defineLexicon, LexiconError } from './define';

/**
 * Where a period does not end a sentence (see data/sentence-boundaries.json):
 * `title` / `abbreviation` terms (lower-case, with their periods) and named `pattern`s.
 */
export const BoundaryEntry = z.discriminatedUnion('kind', [
  BaseEntry.extend({ kind: z.literal('title'), term: z.string().regex(/^[a-z][a-z.-]*\.$/) }),
  BaseEntry.extend({ kind: z.literal('abbreviation'), term: z.string().regex(/^[a-z][a-z.]*\.$/) }),
  BaseEntry.extend({
    kind: z.literal('pattern'),
    term: z.string().regex(/^[a-z][a-z-]*$/),
    class: z.enum(['never-ends', 'inside', 'lower-next']),
    pattern: z.string().min(1),
  }),
]);
export type BoundaryEntry = z.infer<typeof BoundaryEntry>;

export const sentenceBoundaries = defineLexicon(rawBoundaries, BoundaryEntry, (e) => `${e.kind}\u0000${e.term}`);

for (const e of sentenceBoundaries.entries) {
  if (e.kind !== 'pattern') continue;
  try {
    new RegExp(e.pattern, 'gu');
  } catch (err) {
    throw new LexiconError(`Lexicon "sentence-boundaries" pattern "${e.term}" is not a valid regular expression: ${(err as Error).message}`);
  }
}
