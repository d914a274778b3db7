import { z } from 'zod';
import rawVerbs from '../data/attribution-verbs.json';
import { BaseEntry, defineLexicon } from './define';

/** A speech/attribution verb lemma and how it frames what follows. */
export const AttributionVerbEntry = BaseEntry.extend({
  lemma: z.string().regex(/^[a-z]+$/),
  class: z.enum(['neutral', 'positive', 'negative']),
});
export type AttributionVerbEntry = z.infer<typeof AttributionVerbEntry>;

/**
 * A study lexicon (`parallax analyze --lexicon FILE`): an entity id or a description word
 * mapped to a side of the researcher's study design. There is no built-in one; an example
 * is docs/examples/riyadh-sides.json.
 */
export const SideEntry = BaseEntry.extend({
  key: z.string().min(1),
  kind: z.enum(['entity', 'affiliation']),
  side: z.string().regex(/^[a-z_]+$/),
});
export type SideEntry = z.infer<typeof SideEntry>;

export const attributionVerbs = defineLexicon(rawVerbs, AttributionVerbEntry, (e) => e.lemma);
/** Validate a study lexicon of sides exactly like the built-in lexicons (metadata, entries, duplicates, sha256). */
export function defineSidesLexicon(raw: unknown) {
  return defineLexicon(raw, SideEntry, (e) => `${e.kind}\u0000${e.key}`);
}
