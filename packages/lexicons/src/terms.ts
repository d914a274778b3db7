import { z } from 'zod';
import raw from '../data/terms.json';
import { BaseEntry, defineLexicon } from './define';

/** One surface form of a contested concept ("war" / "conflict" / "special military operation"). */
export const TermEntry = BaseEntry.extend({
  concept_id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Lower-case; matched on wink lemmas token by token. */
  surface: z.string().min(1).refine((s) => s === s.toLowerCase(), 'surface must be lower-case'),
  /** Restricts a one-word surface to a Universal POS tag. */
  pos: z.enum(['NOUN', 'VERB', 'ADJ', 'PROPN']).optional(),
  /** `contested`: a term choice reported in terms.csv; `paraphrase`: a near-synonym set used only for alignment. */
  kind: z.enum(['contested', 'paraphrase']),
  note: z.string().min(1),
}).strict();
export type TermEntry = z.infer<typeof TermEntry>;

export const terms = defineLexicon(raw, TermEntry, (e) => `${e.concept_id}/${e.surface}`);
