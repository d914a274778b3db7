/**
 * A measured design for sentence sentiment that is NOT shipped (issue 14): ridge regression of
 * NewsMTSC's mean target polarity (−1 … 1) on
 *   - the sums of today's sentence evidence weights per kind (VADER word +/−, topic, learned
 *     news word +/−, emoticon, emphasis: so a learned factor per evidence kind), and
 *   - lemma presence of lower-case content words (noun/verb/adjective/adverb), min count 2–3,
 * fitted by deterministic full-batch gradient descent with momentum (fixed order, no
 * randomness). λ and the min count are chosen on train64 → dev16; the figure to report is
 * test20 (held out) with the same setting learned on train80. Prints; writes nothing.
 *
 *   nice -n 10 pnpm exec tsx bench/explore-sentence-ridge.ts [--scoped]   (≈ 4 min)
 *
 * Measured 2026-12-04: lemmas: dev16 best λ=50, min 3 (r 0.553), test20 r 0.498; --scoped
 * (negation-scoped lemmas + content bigrams, λ ∈ {20, 50, 150}, min ∈ {2, 3}): dev16 best
 * λ=50, min 2 (r 0.556), test20 r 0.503. Today's lexicon score 0.454, VADER 0.390; goal 0.55.
 * Kind factors alone (least squares on the 7 kind sums, no words) reach test20 r 0.460–0.465.
 * Not shipped: below the goal, and a news-trained word model would also score tweets and
 * reviews (the VADER sets), where the news lexicon already costs r (tweets 0.8752 → 0.8771
 * with it off).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNlp, DEFAULT_PARAMS, NEWS_POS, pearson, sentenceItems } from '@parallax/core';
import { lexicons as lex } from '@parallax/lexicons';
import { isDev16, isTest20, isTrain64, isTrain80, loadNewsMtsc, polarity, type MtscRow } from './newsmtsc';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCOPED = process.argv.includes('--scoped');
const rows = loadNewsMtsc(path.resolve(ROOT, '../shared/dev-data'), createNlp());
if (!rows) throw new Error('newsmtsc/train.jsonl not found under ../shared/dev-data');

const feat = (r: MtscRow): Map<string, number> => {
  const x = new Map<string, number>();
  for (const it of sentenceItems(r.tokens, lex, DEFAULT_PARAMS)) {
    const k = `k:${it.kind === 'word' || it.kind === 'news' ? `${it.kind}${it.weight >= 0 ? '+' : '-'}` : it.kind}`;
    x.set(k, (x.get(k) ?? 0) + it.weight);
  }
  if (!SCOPED) {
    for (const t of r.tokens) if (t.kind === 'word' && NEWS_POS.has(t.pos) && /^[a-z]/.test(t.text)) x.set(`w:${t.lemma}`, 1);
    return x;
  }
  // --scoped: a lemma within 3 words after "not"/"n't"/"no"/"never" (up to , . ; :) is its own
  // feature (n:lemma), plus bigrams of consecutive content lemmas (b:a_b).
  let neg = 0;
  let prev = '';
  for (const t of r.tokens) {
    if (t.kind !== 'word') {
      if (/[,.;:]/.test(t.text)) neg = 0;
      continue;
    }
    if (t.lemma === 'not' || t.norm === "n't" || t.norm === 'no' || t.norm === 'never') {
      neg = 3;
      continue;
    }
    if (NEWS_POS.has(t.pos) && /^[a-z]/.test(t.text)) {
      x.set(`${neg > 0 ? 'n' : 'w'}:${t.lemma}`, 1);
      if (prev) x.set(`b:${prev}_${t.lemma}`, 1);
      prev = t.lemma;
    }
    if (neg > 0) neg--;
  }
  return x;
};
const gold = (r: MtscRow) => r.targets.reduce((a, t) => a + polarity(t.polarity), 0) / r.targets.length;
const data = rows.map((r) => ({ r, x: feat(r), y: gold(r) }));
type D = (typeof data)[number];

function train(tr: readonly D[], lambda: number, minCount: number): (x: Map<string, number>) => number {
  const df = new Map<string, number>();
  for (const d of tr) for (const f of d.x.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const feats = [...df].filter(([f, n]) => f.startsWith('k:') || n >= minCount).map(([f]) => f).sort();
  const ix = new Map(feats.map((f, i) => [f, i]));
  const X = tr.map((d) => [...d.x].filter(([f]) => ix.has(f)).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([f, v]) => [ix.get(f)!, v] as const));
  const w = new Float64Array(feats.length);
  const vel = new Float64Array(feats.length);
  const g = new Float64Array(feats.length);
  let b = 0;
  let vb = 0;
  const N = tr.length;
  for (let it = 0; it < 400; it++) {
    g.fill(0);
    let gb = 0;
    for (let n = 0; n < N; n++) {
      let s = b;
      for (const [i, v] of X[n]!) s += w[i]! * v;
      const d = (s - tr[n]!.y) / N;
      gb += d;
      for (const [i, v] of X[n]!) g[i]! += d * v;
    }
    for (let j = 0; j < w.length; j++) {
      vel[j] = 0.9 * vel[j]! - 0.1 * (g[j]! + (lambda / N) * w[j]!);
      w[j]! += vel[j]!;
    }
    vb = 0.9 * vb - 0.1 * gb;
    b += vb;
  }
  const m = new Map(feats.map((f, j) => [f, w[j]!]));
  return (x) => {
    let s = b;
    for (const [f, v] of x) s += (m.get(f) ?? 0) * v;
    return s;
  };
}

const tr64 = data.filter((d) => isTrain64(d.r));
const dev16 = data.filter((d) => isDev16(d.r));
const tr80 = data.filter((d) => isTrain80(d.r));
const test20 = data.filter((d) => isTest20(d.r));
const r = (f: (x: Map<string, number>) => number, ds: readonly D[]) => pearson(ds.map((d) => f(d.x)), ds.map((d) => d.y));
let best = { lambda: 0, minCount: 0, r: -2 };
for (const lambda of SCOPED ? [20, 50, 150] : [1, 5, 20, 50, 150, 400])
  for (const minCount of SCOPED ? [2, 3] : [2, 3, 10]) {
    const rd = r(train(tr64, lambda, minCount), dev16);
    console.log(`λ=${lambda} min=${minCount}: dev16 r ${rd.toFixed(3)}`);
    if (rd > best.r + 1e-9) best = { lambda, minCount, r: rd };
  }
console.log(`chosen on dev16: λ=${best.lambda} min=${best.minCount}; HELD-OUT test20 r ${r(train(tr80, best.lambda, best.minCount), test20).toFixed(3)} (goal 0.55)`);
