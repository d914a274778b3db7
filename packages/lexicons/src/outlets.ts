import { z } from 'zod';
import raw from '../data/outlets.json';
import { BaseEntry, defineLexicon } from './define';

export const OutletEntry = BaseEntry.extend({
  /** Lower-case host name without "www." (a page on a subdomain matches its parent domain). */
  domain: z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
});
export type OutletEntry = z.infer<typeof OutletEntry>;

export const outlets = defineLexicon(raw, OutletEntry, (e) => e.domain);
