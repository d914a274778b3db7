import { z } from 'zod';
import raw from '../data/word-vectors.json';
import { BaseEntry, defineLexicon } from './define';

/**
 * A block of word vectors: `words` space-separated, `vectors` the base64 of their int8
 * rows (row-major, `dimensions` bytes per word, scaled per word: only cosines are meaningful).
 */
export const WordVectorBlock = BaseEntry.extend({
  id: z.string().regex(/^block-\d{3}$/),
  dimensions: z.number().int().positive(),
  words: z.string().min(1),
  vectors: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
}).refine((e) => Math.floor((e.vectors.length * 3) / 4) - (e.vectors.match(/=*$/)?.[0].length ?? 0) === e.words.split(' ').length * e.dimensions, {
  message: 'vectors must hold dimensions bytes per word',
});
export type WordVectorBlock = z.infer<typeof WordVectorBlock>;

export const wordVectors = defineLexicon(raw, WordVectorBlock, (e) => e.id);
