/**
 * Measured designs for news sentence sentiment with the sentence encoder (issue 14): ridge
 * regression of NewsMTSC's mean target polarity (−1 … 1) on
 *   enc      the USE-lite vector of the sentence (512 dims) alone;
 *   enc+lex  the vector plus today's lexicon evidence (squashed sentence score and the sums of
 *            evidence weights per kind: VADER word +/−, topic, learned news word +/−, emoticon,
 *            emphasis), i.e. the lexicon score with one dense evidence item added;
 *   lex      the lexicon features alone (the reference).
 * λ is chosen on train64 → dev16, the model refitted on train80 with it, and the figure to
 * report is test20 (held out, never used for fitting or choosing). Vectors come from the bench
 * encoder cache (bench/encode-newsmtsc.ts warms it). Prints; writes nothing.
 *
 *   nice -n 10 pnpm exec tsx bench/explore-sentence-encoder.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNlp, DEFAULT_PARAMS, pearson, sentenceItems, squash, sumWeights } from '@parallax/core';
import { lexicons as lex } from '@parallax/lexicons';
import { loadNodeEncoder } from '@parallax/encoder/node';
import { encodeCached } from './encoder-cache';
import { predict, ridge } from './linear';
import { isDev16, isTest20, isTrain64, isTrain80, loadNewsMtsc, polarity, type MtscRow } from './newsmtsc';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = loadNewsMtsc(path.resolve(ROOT, '../shared/dev-data'), createNlp());
if (!rows) throw new Error('newsmtsc/train.jsonl not found under ../shared/dev-data');
const enc = await loadNodeEncoder();
const t0 = performance.now();
const vecs = await encodeCached(enc, rows.map((r) => r.text));
console.log(`vectors ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (cache: new sentences are encoded and appended)`);

const KINDS = ['word+', 'word-', 'topic', 'news+', 'news-', 'emoticon', 'emphasis'];
const lexFeat = (r: MtscRow): number[] => {
  const items = sentenceItems(r.tokens, lex, DEFAULT_PARAMS);
  const k = new Map<string, number>();
  for (const it of items) {
    const key = it.kind === 'word' || it.kind === 'news' ? `${it.kind}${it.weight >= 0 ? '+' : '-'}` : it.kind;
    k.set(key, (k.get(key) ?? 0) + it.weight);
  }
  return [squash(sumWeights(items), DEFAULT_PARAMS.alpha), ...KINDS.map((x) => k.get(x) ?? 0)];
};
{
  // Cost beside the encoder's: lexicon evidence per sentence (tokens already parsed).
  const t1 = performance.now();
  for (const r of rows) lexFeat(r);
  console.log(`lexicon features: ${((rows.length / (performance.now() - t1)) * 1000).toFixed(0)} sentences/s (tokens given)`);
}
const gold = (r: MtscRow) => r.targets.reduce((a, t) => a + polarity(t.polarity), 0) / r.targets.length;
const data = rows.map((r) => {
  const v = Array.from(vecs.get(r.text)!);
  const l = lexFeat(r);
  return { r, y: gold(r), x: { enc: v, 'enc+lex': [...v, ...l], lex: l, 'enc+sq': [...v, l[0]!], 'enc+kinds': [...v, ...l.slice(1)] } as Record<string, number[]> };
});
type D = (typeof data)[number];
const fit = (ds: readonly D[], k: string, lambda: number) => ridge(ds.map((d) => d.x[k]!), ds.map((d) => d.y), lambda);
const rOf = (m: ReturnType<typeof fit>, ds: readonly D[], k: string) => pearson(ds.map((d) => predict(m, d.x[k]!)), ds.map((d) => d.y));
const tr64 = data.filter((d) => isTrain64(d.r));
const dev16 = data.filter((d) => isDev16(d.r));
const tr80 = data.filter((d) => isTrain80(d.r));
const test20 = data.filter((d) => isTest20(d.r));
for (const k of process.argv.slice(2).length ? process.argv.slice(2) : ['lex', 'enc', 'enc+lex', 'enc+sq', 'enc+kinds']) {
  let best = { lambda: 0, r: -2 };
  for (const lambda of [0.1, 0.3, 1, 3, 10, 30, 100]) {
    const rd = rOf(fit(tr64, k, lambda), dev16, k);
    if (rd > best.r + 1e-9) best = { lambda, r: rd };
  }
  const m = fit(tr80, k, best.lambda);
  console.log(`${k.padEnd(8)} λ=${best.lambda} (dev16 r ${best.r.toFixed(3)}): HELD-OUT test20 r ${rOf(m, test20, k).toFixed(3)}  [train80 r ${rOf(m, tr80, k).toFixed(3)}]`);
}
