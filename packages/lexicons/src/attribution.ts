import { z } from 'zod';
import rawVerbs from '../data/attribution-verbs.json';
import rawSides from '../data/sides.json';
import { BaseEntry, defineLexicon } from './define';

/** A speech/attribution verb lemma and how it frames what follows. */
export const AttributionVerbEntry = BaseEntry.extend({
  lemma: z.string().regex(/^[a-z]+$/),
  class: z.enum(['neutral', 'positive', 'negative']),
});
export type AttributionVerbEntry = z.infer<typeof AttributionVerbEntry>;

/** An entity id or an affiliation word mapped to a side. */
export const SideEntry = BaseEntry.extend({
  key: z.string().min(1),
  kind: z.enum(['entity', 'affiliation']),
  side: z.string().regex(/^[a-z_]+$/),
});
export type SideEntry = z.infer<typeof SideEntry>;

export const attributionVerbs = defineLexicon(rawVerbs, AttributionVerbEntry, (e) => e.lemma);
export const sides = defineLexicon(rawSides, SideEntry, (e) => `${e.kind}\u0000${e.key}`);
