import { z } from 'zod';
import raw from '../data/speaker-nouns.json';
import { BaseEntry, defineLexicon } from './define';

/** A block of common nouns that can head a speaker's noun phrase (scripts/build-speaker-nouns.ts, from WordNet): `words` space-separated. */
export const SpeakerNounEntry = BaseEntry.extend({
  id: z.string().regex(/^(?:person|group|role)-[a-z-]+$/),
  class: z.enum(['person', 'group']),
  /** Role blocks: the source role these person nouns state (as lexicon `affiliations` roles). */
  role: z.enum(['government', 'lawmaker', 'opposition', 'expert', 'advocacy', 'business', 'citizen', 'journalist', 'law_enforcement', 'anonymous']).optional(),
  words: z.string().regex(/^[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)*$/, 'words: space-separated lower-case words'),
}).strict();
export type SpeakerNounEntry = z.infer<typeof SpeakerNounEntry>;

export const speakerNouns = defineLexicon(raw, SpeakerNounEntry, (e) => e.id);
