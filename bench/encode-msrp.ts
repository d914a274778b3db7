/** Warm the encoder cache with every MSRP train sentence (run before training/quality; nice -n 10). */
import fs from 'node:fs';
import path from 'node:path';
import { loadNodeEncoder } from '@parallax/encoder/node';
import { encodeCached } from './encoder-cache';

const DEV = path.resolve(import.meta.dirname, '../../shared/dev-data');
const rows = fs
  .readFileSync(path.join(DEV, 'msrp_train/train.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { s1: string; s2: string });
const enc = await loadNodeEncoder();
const t0 = performance.now();
await encodeCached(enc, rows.flatMap((r) => [r.s1, r.s2]), (d, n) => {
  if (d % 320 === 0 || d === n) console.log(`${d}/${n} ${((d / (performance.now() - t0)) * 1000).toFixed(1)}/s`);
});
