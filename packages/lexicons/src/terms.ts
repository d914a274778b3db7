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
  /**
   * The concept's surfaces are generic nouns that may name different things in one story
   * (talks / meeting / summit, investigation / inquiry): a term choice only when aligned
   * passages use two of them. Without it, two surfaces anywhere in one event's articles suffice
   * (names of one thing: Kyiv / Kiev, Obamacare / Affordable Care Act).
   */
  needs_alignment: z.boolean().optional(),
  /** The surface folds into the concept for sentence alignment but is not a name of it reported in terms.csv ("meeting" for talks). */
  alignment_only: z.boolean().optional(),
}).strict();
export type TermEntry = z.infer<typeof TermEntry>;

export const terms = defineLexicon(raw, TermEntry, (e) => `${e.concept_id}/${e.surface}`);
