/** Warm the encoder cache with every 10th item of the VADER sets (the encoder-sentiment quality figures; nice -n 10). */
import fs from 'node:fs';
import path from 'node:path';
import { loadNodeEncoder } from '@parallax/encoder/node';
import { encodeCached } from './encoder-cache';

const DEV = path.resolve(import.meta.dirname, '../../shared/dev-data');
const enc = await loadNodeEncoder();
for (const set of ['tweets', 'amazon', 'movies']) {
  const rows = fs.readFileSync(path.join(DEV, `vader/${set}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string });
  const sample = rows.filter((_, i) => i % 10 === 0).map((r) => r.text);
  const t0 = performance.now();
  await encodeCached(enc, sample);
  console.log(`${set}: ${sample.length} texts, ${((sample.length / (performance.now() - t0)) * 1000).toFixed(1)}/s (cached ones are free)`);
}
