import { z } from 'zod';
import raw from '../data/affiliations.json';
import { BaseEntry, defineLexicon } from './define';

/** A word or phrase that states a speaker attribute (role, party) or names something that never speaks. */
export const AffiliationEntry = BaseEntry.extend({
  /** Lower-case, matched token by token on lower-cased tokens. */
  key: z.string().min(1).refine((s) => s === s.toLowerCase(), 'key must be lower-case'),
  attribute: z.enum(['role', 'party', 'party-abbreviation', 'not-speaker', 'possessor-voice', 'org-type', 'speaks-for']),
  value: z.string().min(1),
}).strict().superRefine((e, ctx) => {
  const roles = ['government', 'lawmaker', 'opposition', 'expert', 'advocacy', 'business', 'citizen', 'journalist', 'law_enforcement', 'anonymous'];
  if ((e.attribute === 'role' || e.attribute === 'org-type') && !roles.includes(e.value)) ctx.addIssue({ code: 'custom', message: `role must be one of ${roles.join(', ')}` });
  if (e.attribute === 'speaks-for' && e.value !== 'organisation') ctx.addIssue({ code: 'custom', message: 'speaks-for value must be organisation' });
  if (e.attribute === 'not-speaker' && !['outlet', 'programme', 'time'].includes(e.value)) ctx.addIssue({ code: 'custom', message: 'not-speaker value must be outlet, programme or time' });
});
export type AffiliationEntry = z.infer<typeof AffiliationEntry>;

export const affiliations = defineLexicon(raw, AffiliationEntry, (e) => `${e.attribute}\u0000${e.key}`);
