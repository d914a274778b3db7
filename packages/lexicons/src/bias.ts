import { z } from 'zod';
import rawBiasWords from '../data/bias-words.json';
import rawBiasModel from '../data/bias-model.json';
import { BaseEntry, defineLexicon } from './define';

const Term = z.string().regex(/^[a-z][a-z'.-]*(?: [a-z][a-z'.-]*)*$/, 'lower-case word or phrase');

/** A word of the Recasens et al. (2013) lists, with its kind. */
export const BiasWordEntry = BaseEntry.extend({ term: Term, kind: z.enum(['bias', 'hedge', 'factive', 'assertive', 'implicative', 'report']) });
export type BiasWordEntry = z.infer<typeof BiasWordEntry>;

/** One weight of the learned sentence-bias model (logistic regression; see bench/train-bias.ts). */
export const BiasWeightEntry = BaseEntry.extend({ feature: z.string().regex(/^[a-z]+:\S+$/), weight: z.number() });
export type BiasWeightEntry = z.infer<typeof BiasWeightEntry>;

export const biasWords = defineLexicon(rawBiasWords, BiasWordEntry, (e) => e.term);
export const biasModel = defineLexicon(rawBiasModel, BiasWeightEntry, (e) => e.feature);
