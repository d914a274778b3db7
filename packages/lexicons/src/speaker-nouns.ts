import { z } from 'zod';
import raw from '../data/speaker-nouns.json';
import { BaseEntry, defineLexicon } from './define';

/** A common noun that can head a speaker's noun phrase (scripts/build-speaker-nouns.ts, from WordNet). */
export const SpeakerNounEntry = BaseEntry.extend({
  key: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'key must be one lower-case word'),
  class: z.enum(['person', 'group']),
}).strict();
export type SpeakerNounEntry = z.infer<typeof SpeakerNounEntry>;

export const speakerNouns = defineLexicon(raw, SpeakerNounEntry, (e) => e.key);
