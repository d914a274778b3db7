import { z } from 'zod';
import raw from '../data/claim-matcher.json';
import { BaseEntry, defineLexicon } from './define';

/**
 * One parameter of the learned claim matcher (logistic regression): a feature weight,
 * the bias, or a grouping threshold. Written by bench/train-matcher.ts, never by hand.
 */
export const MatcherParamEntry = BaseEntry.extend({
  id: z.string().regex(/^[a-z_]+$/),
  kind: z.enum(['weight', 'bias', 'threshold']),
  value: z.number().finite(),
});
export type MatcherParamEntry = z.infer<typeof MatcherParamEntry>;

export const claimMatcher = defineLexicon(raw, MatcherParamEntry, (e) => e.id);
