/**
 * Measured designs for entity-targeted sentiment (issue 14): a ridge regression of NewsMTSC
 * target polarity (−1/0/1) on the target's entity-scope evidence, then today's neutral band.
 *   kinds      sums of entity-scope evidence weights per kind and sign (VADER word, topic,
 *              learned news word; emoticon/emphasis folded into word), in the target's clause
 *              vs other clauses, plus the squashed entity and sentence scores: one learned
 *              factor per evidence kind (an evidence item keeps its span; its weight is scaled);
 *   kinds+lem  the same plus presence of lower-case content lemmas in the target's clause
 *              outside the mention (negation-scoped: a lemma within 3 words after a negator is
 *              its own feature), min count 3 in the fitting part.
 * λ (and the band) are chosen by 4-fold cross-validation inside train80 (folds by bucket mod 4);
 * the model is refitted on train80 and reported on test20 (held out). Prints; writes nothing.
 *
 *   nice -n 10 pnpm exec tsx bench/explore-entity-linear.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clauses, createNlp, DEFAULT_PARAMS, entityItems, macroF1, NEWS_POS, sentenceContext, sentenceItems, spearman, squash, sumWeights, tokenRange } from '@parallax/core';
import { lexicons as lex } from '@parallax/lexicons';
import { bandLabels, bestBand, loadNewsMtsc, polarity } from './newsmtsc';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = loadNewsMtsc(path.resolve(ROOT, '../shared/dev-data'), createNlp());
if (!rows) throw new Error('newsmtsc/train.jsonl not found');
const ENC = process.argv.includes('--enc');
let vecs: Map<string, Float32Array> | null = null;
if (ENC) {
  const { loadNodeEncoder } = await import('@parallax/encoder/node');
  const { encodeCached } = await import('./encoder-cache');
  vecs = await encodeCached(await loadNodeEncoder(), rows.map((r) => r.text));
}
const NEG = new Set(['not', "n't", 'no', 'never', 'without', 'nor', 'neither']);

interface T { bucket: number; y: number; x: Map<string, number> }
const data: T[] = [];
for (const row of rows) {
  const p = DEFAULT_PARAMS;
  const items = sentenceItems(row.tokens, lex, p);
  const sScore = squash(sumWeights(items), p.alpha);
  const ctx = sentenceContext(row.tokens);
  const cl = clauses(row.tokens);
  for (const t of row.targets) {
    const range = tokenRange(row.tokens, t.from, t.to);
    const ranges = range ? [range] : [];
    for (const m of t.further_mentions ?? []) {
      const r = tokenRange(row.tokens, m.from, m.to);
      if (r) ranges.push(r);
    }
    const x = new Map<string, number>();
    const add = (k: string, v: number) => x.set(k, (x.get(k) ?? 0) + v);
    const eItems = range ? entityItems(row.tokens, items, ranges, p, ctx) : [];
    const tClauses = new Set<number>();
    for (const r of ranges) for (let i = r.from; i < r.to; i++) tClauses.add(cl[i]!);
    for (const it of eItems) {
      const kind = it.kind === 'topic' || it.kind === 'news' ? it.kind : 'word';
      const where = tClauses.has(cl[it.index]!) ? 'in' : 'out';
      add(`k:${kind}${it.weight >= 0 ? '+' : '-'}:${where}`, it.weight);
    }
    add('s:entity', range ? squash(sumWeights(eItems), p.alpha) : 0);
    add('s:sentence', sScore);
    // Lemmas in the target's clause, outside mentions.
    let neg = 0;
    for (let i = 0; i < row.tokens.length; i++) {
      const tk = row.tokens[i]!;
      if (!tClauses.has(cl[i]!) || ranges.some((r) => i >= r.from && i < r.to)) { if (tk.kind === 'word' && NEG.has(tk.norm)) neg = 3; continue; }
      if (tk.kind !== 'word') continue;
      if (NEG.has(tk.norm) || tk.lemma === 'not') { neg = 3; continue; }
      if (NEWS_POS.has(tk.pos) && /^[a-z]/.test(tk.text)) x.set(`${neg > 0 ? 'n' : 'w'}:${tk.lemma}`, 1);
      if (neg > 0) neg--;
    }
    if (vecs) vecs.get(row.text)!.forEach((v, j) => x.set(`e:${String(j).padStart(3, '0')}`, v));
    data.push({ bucket: row.bucket, y: polarity(t.polarity), x });
  }
}

/** Sparse ridge by full-batch gradient descent with momentum (deterministic, as explore-sentence-ridge.ts). */
function train(tr: readonly T[], lambda: number, useLemmas: boolean, minCount = 3): (x: Map<string, number>) => number {
  const df = new Map<string, number>();
  for (const d of tr) for (const f of d.x.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const feats = [...df].filter(([f, n]) => (f.startsWith('k:') || f.startsWith('s:')) || (useLemmas && n >= minCount)).map(([f]) => f).sort();
  const ix = new Map(feats.map((f, i) => [f, i]));
  const X = tr.map((d) => [...d.x].filter(([f]) => ix.has(f)).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([f, v]) => [ix.get(f)!, v] as const));
  const w = new Float64Array(feats.length);
  const vel = new Float64Array(feats.length);
  const g = new Float64Array(feats.length);
  let b = 0;
  let vb = 0;
  const N = tr.length;
  for (let it = 0; it < 300; it++) {
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

const tr80 = data.filter((d) => d.bucket < 80);
const te20 = data.filter((d) => d.bucket >= 80);
const base = bestBand(tr80.map((d) => d.y), tr80.map((d) => d.x.get('s:entity')!));
console.log(`today's entity score: band ${base.band} train80 F1 ${base.f1.toFixed(3)}; HELD-OUT test20 F1 ${macroF1(te20.map((d) => d.y), bandLabels(te20.map((d) => d.x.get('s:entity')!), base.band)).toFixed(3)}`);
for (const [name, lem] of (process.argv.includes('--lr-only') ? [] : [['kinds', false], ['kinds+lem', true]]) as [string, boolean][]) {
  let best = { lambda: 0, f1: -1 };
  for (const lambda of lem ? [3, 10, 30] : [0.1, 1, 10]) {
    // 4-fold CV inside train80: the band is chosen on the fitted folds' predictions, F1 on the left-out fold.
    const gs: number[] = [];
    const ps: number[] = [];
    for (let f = 0; f < 4; f++) {
      const fitPart = tr80.filter((d) => d.bucket % 4 !== f);
      const held = tr80.filter((d) => d.bucket % 4 === f);
      const m = train(fitPart, lambda, lem);
      const band = bestBand(fitPart.map((d) => d.y), fitPart.map((d) => m(d.x))).band;
      for (const d of held) { gs.push(d.y); ps.push(m(d.x) > band ? 1 : m(d.x) < -band ? -1 : 0); }
    }
    const f1 = macroF1(gs, ps);
    console.log(`  ${name} λ=${lambda}: 4-fold CV (train80) F1 ${f1.toFixed(3)}`);
    if (f1 > best.f1 + 1e-9) best = { lambda, f1 };
  }
  const m = train(tr80, best.lambda, lem);
  const band = bestBand(tr80.map((d) => d.y), tr80.map((d) => m(d.x))).band;
  const te = te20.map((d) => m(d.x));
  console.log(`${name}: λ=${best.lambda} band ${band}: HELD-OUT test20 F1 ${macroF1(te20.map((d) => d.y), bandLabels(te, band)).toFixed(3)} rho ${spearman(te, te20.map((d) => d.y)).toFixed(3)}`);
}

/**
 * Multinomial logistic regression (classes −1/0/1; class-balanced loss, L2 λ), full-batch
 * gradient descent with momentum; the label is the argmax (no band).
 */
function trainLR(tr: readonly T[], lambda: number, useLemmas: boolean, minCount = 3): (x: Map<string, number>) => number {
  const df = new Map<string, number>();
  for (const d of tr) for (const f of d.x.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const feats = [...df].filter(([f, n]) => f.startsWith('k:') || f.startsWith('s:') || f.startsWith('e:') || (useLemmas && n >= minCount)).map(([f]) => f).sort();
  const ix = new Map(feats.map((f, i) => [f, i]));
  const X = tr.map((d) => [...d.x].filter(([f]) => ix.has(f)).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([f, v]) => [ix.get(f)!, v] as const));
  const F = feats.length;
  const W = [new Float64Array(F), new Float64Array(F), new Float64Array(F)];
  const V = [new Float64Array(F), new Float64Array(F), new Float64Array(F)];
  const G = [new Float64Array(F), new Float64Array(F), new Float64Array(F)];
  const B = [0, 0, 0];
  const VB = [0, 0, 0];
  const N = tr.length;
  const cnt = [0, 0, 0];
  for (const d of tr) cnt[d.y + 1]!++;
  const cw = cnt.map((c) => N / (3 * c));
  for (let it = 0; it < 300; it++) {
    for (const g of G) g.fill(0);
    const GB = [0, 0, 0];
    for (let n = 0; n < N; n++) {
      const s = [B[0]!, B[1]!, B[2]!];
      for (const [i, v] of X[n]!) for (let c = 0; c < 3; c++) s[c]! += W[c]![i]! * v;
      const mx = Math.max(...s);
      const e = s.map((z) => Math.exp(z - mx));
      const Z = e[0]! + e[1]! + e[2]!;
      const yc = tr[n]!.y + 1;
      const wgt = cw[yc]! / N;
      for (let c = 0; c < 3; c++) {
        const d = (e[c]! / Z - (c === yc ? 1 : 0)) * wgt;
        GB[c]! += d;
        for (const [i, v] of X[n]!) G[c]![i]! += d * v;
      }
    }
    for (let c = 0; c < 3; c++) {
      for (let j = 0; j < F; j++) {
        V[c]![j] = 0.9 * V[c]![j]! - 0.5 * (G[c]![j]! + (lambda / N) * W[c]![j]!);
        W[c]![j]! += V[c]![j]!;
      }
      VB[c] = 0.9 * VB[c]! - 0.5 * GB[c]!;
      B[c]! += VB[c]!;
    }
  }
  const maps = W.map((w) => new Map(feats.map((f, j) => [f, w[j]!])));
  return (x) => {
    const s = [B[0]!, B[1]!, B[2]!];
    for (const [f, v] of x) for (let c = 0; c < 3; c++) s[c]! += (maps[c]!.get(f) ?? 0) * v;
    let arg = 0;
    for (let c = 1; c < 3; c++) if (s[c]! > s[arg]!) arg = c;
    return arg - 1;
  };
}
for (const [name, lem] of (process.argv.includes('--ridge3') ? [] : [['LR kinds', false], ['LR kinds+lem', true]]) as [string, boolean][]) {
  for (const lambda of lem ? [10, 30] : [1]) {
    const m = trainLR(tr80, lambda, lem);
    console.log(`${name} λ=${lambda}: HELD-OUT test20 F1 ${macroF1(te20.map((d) => d.y), te20.map((d) => m(d.x))).toFixed(3)}  [train80 ${macroF1(tr80.map((d) => d.y), tr80.map((d) => m(d.x))).toFixed(3)}]`);
  }
}
if (process.argv.includes('--cv')) {
  let best = { lambda: 0, mc: 0, f1: -1 };
  for (const lambda of [5, 10, 20]) for (const mc of [2, 3, 5]) {
    const gs: number[] = [];
    const ps: number[] = [];
    for (let f = 0; f < 4; f++) {
      const m = trainLR(tr80.filter((d) => d.bucket % 4 !== f), lambda, true, mc);
      for (const d of tr80.filter((d) => d.bucket % 4 === f)) { gs.push(d.y); ps.push(m(d.x)); }
    }
    const f1 = macroF1(gs, ps);
    console.log(`  LR kinds+lem λ=${lambda} min=${mc}: 4-fold CV (train80) F1 ${f1.toFixed(3)}`);
    if (f1 > best.f1 + 1e-9) best = { lambda, mc, f1 };
  }
  const m = trainLR(tr80, best.lambda, true, best.mc);
  console.log(`LR kinds+lem chosen by CV λ=${best.lambda} min=${best.mc}: HELD-OUT test20 F1 ${macroF1(te20.map((d) => d.y), te20.map((d) => m(d.x))).toFixed(3)}`);
}

if (process.argv.includes('--ridge3')) {
  // One ridge per class on one-hot targets, class-balanced row weights, label = argmax (closed form).
  const { ridge, predict } = await import('./linear');
  const keys = [...new Set(tr80.flatMap((d) => [...d.x.keys()].filter((f) => f.startsWith('k:') || f.startsWith('e:'))))].sort();
  const dense = (d: T) => keys.map((k) => d.x.get(k) ?? 0);
  const fit3 = (tr: readonly T[], lambda: number) => {
    const X = tr.map(dense);
    const cnt = [0, 0, 0];
    for (const d of tr) cnt[d.y + 1]!++;
    const rw = tr.map((d) => tr.length / (3 * cnt[d.y + 1]!));
    const ms = [-1, 0, 1].map((c) => ridge(X, tr.map((d) => (d.y === c ? 1 : 0)), lambda, rw));
    return (d: T) => { const x = dense(d); const s = ms.map((m) => predict(m, x)); let a = 0; for (let c = 1; c < 3; c++) if (s[c]! > s[a]!) a = c; return a - 1; };
  };
  for (const lambda of [1, 10, 100]) {
    const gs: number[] = [];
    const ps: number[] = [];
    for (let f = 0; f < 4; f++) {
      const m = fit3(tr80.filter((d) => d.bucket % 4 !== f), lambda);
      for (const d of tr80.filter((d) => d.bucket % 4 === f)) { gs.push(d.y); ps.push(m(d)); }
    }
    const m = fit3(tr80, lambda);
    console.log(`ridge3 kinds+enc λ=${lambda}: 4-fold CV (train80) F1 ${macroF1(gs, ps).toFixed(3)}; HELD-OUT test20 F1 ${macroF1(te20.map((d) => d.y), te20.map(m)).toFixed(3)}`);
  }
}
