import { z } from 'zod';
import raw from '../data/boilerplate.json';
import { BaseEntry, defineLexicon } from './define';

export const BoilerplateEntry = BaseEntry.extend({
  id: z.string().regex(/^[a-z0-9-]+$/),
  scope: z.enum(['line', 'inline', 'block']),
  pattern: z.string().refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression'),
  flags: z.string().regex(/^[imsu]*$/),
  reason: z.string().min(1),
});
export type BoilerplateEntry = z.infer<typeof BoilerplateEntry>;

export const boilerplate = defineLexicon(raw, BoilerplateEntry, (e) => e.id);
