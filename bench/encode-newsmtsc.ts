/** Warm the encoder cache with every NewsMTSC sentence (before the sentence-sentiment encoder experiments; nice -n 10). */
import fs from 'node:fs';
import path from 'node:path';
import { loadNodeEncoder } from '@parallax/encoder/node';
import { encodeCached } from './encoder-cache';

const DEV = path.resolve(import.meta.dirname, '../../shared/dev-data');
const texts = fs
  .readFileSync(path.join(DEV, 'newsmtsc/train.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { sentence_normalized: string }).sentence_normalized);
const enc = await loadNodeEncoder();
const t0 = performance.now();
await encodeCached(enc, texts, (d, n) => {
  if (d % 320 === 0 || d === n) console.log(`${d}/${n} ${((d / (performance.now() - t0)) * 1000).toFixed(1)}/s`);
});
