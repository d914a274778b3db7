import { z } from 'zod';
import raw from '../data/entities.json';
import { BaseEntry, defineLexicon } from './define';

const EntityId = z.string().regex(/^(?:person|org|place|gov|group):[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** A named entity: canonical id, display name and the spellings that refer to it. */
export const GazetteerEntity = BaseEntry.extend({
  id: EntityId,
  type: z.enum(['PERSON', 'ORG', 'PLACE', 'GOV', 'GROUP']),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** Places: country, city or region. */
  kind: z.enum(['country', 'city', 'region']).optional(),
  /** Adjectives / nouns for the people of a place ("Russian", "Russians"). */
  demonyms: z.array(z.string().min(1)).optional(),
  /** The id used when the name stands for the government ("Moscow said"): `gov:<slug>`. */
  government: z.string().regex(/^gov:[a-z0-9-]+$/).optional(),
  /** For cities: the country they are in. */
  country: z.string().regex(/^place:[a-z0-9-]+$/).optional(),
}).strict();
export type GazetteerEntity = z.infer<typeof GazetteerEntity>;

/**
 * A cue word for the proper-noun patterns: a title before a name, an honorific, a head noun
 * of an organisation or place name, a capitalised non-entity, or a `person-head`: a lower-case
 * noun that follows a person's surname used as a modifier ("the Trump administration").
 */
export const EntityCue = BaseEntry.extend({
  id: z.string().regex(/^cue:[a-z-]+:[a-z0-9-]+$/),
  cue: z.enum(['title', 'honorific', 'org-suffix', 'place-suffix', 'not-entity', 'person-head']),
  text: z.string().min(1),
}).strict();
export type EntityCue = z.infer<typeof EntityCue>;

export const EntityEntry = z.union([GazetteerEntity, EntityCue]);
export type EntityEntry = z.infer<typeof EntityEntry>;

export const entities = defineLexicon(raw, EntityEntry, (e) => e.id);

/** Entity entries only (no cues). */
export function isGazetteerEntity(e: EntityEntry): e is GazetteerEntity {
  return 'type' in e;
}

