/**
 * Sentence-bias dev data and the logistic-regression learner shared by bench/train-bias.ts
 * (which writes packages/lexicons/data/bias-model.json) and bench/quality-scores.ts.
 *
 * Data (read from ../shared/dev-data at run time, never copied):
 * - NewsSD-ENG (Antici et al. 2024) sentences, SUBJ = biased (1), OBJ = 0; upstream splits:
 *   train + val = the training pool (cross-validated in 5 folds by FNV-1a(id) mod 5), test = HELD OUT;
 * - WNC sample (Pryzant et al. 2020): each pair gives its biased sentence (1) and its
 *   neutralised one (0); upstream train split for training, test split HELD OUT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { biasFeatures } from '@parallax/core';
import type { Nlp } from '@parallax/core';
import type { Lexicons } from '@parallax/lexicons';
import { fnv1a } from './newsmtsc';

export interface BiasRow {
  id: string;
  text: string;
  y: 0 | 1;
  set: 'newssd' | 'wnc';
  split: 'train' | 'test';
  /** 0 … 4 (NewsSD training pool only). */
  fold: number;
  /** Feature name -> count. */
  x: Map<string, number>;
}

function readJsonl(file: string): Record<string, unknown>[] | null {
  if (!fs.existsSync(file)) return null;
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function featurize(nlp: Nlp, lex: Lexicons, text: string): Map<string, number> {
  const tokens = nlp.parse(text, 0).sentences.flatMap((s) => s.tokens);
  const x = new Map<string, number>();
  for (const h of biasFeatures(tokens, lex)) x.set(h.feature, (x.get(h.feature) ?? 0) + 1);
  return x;
}

export function loadBiasData(dev: string, nlp: Nlp, lex: Lexicons): BiasRow[] | null {
  const sd = readJsonl(path.join(dev, 'newssd_eng/sentences.jsonl'));
  const wnc = readJsonl(path.join(dev, 'wnc_sample/pairs.jsonl'));
  if (!sd || !wnc) return null;
  const rows: BiasRow[] = [];
  for (const o of sd) {
    const id = String(o.id);
    const text = String(o.text);
    rows.push({ id, text, y: o.label === 'SUBJ' ? 1 : 0, set: 'newssd', split: o.split === 'test' ? 'test' : 'train', fold: fnv1a(id) % 5, x: featurize(nlp, lex, text) });
  }
  for (const o of wnc) {
    const split = o.split === 'test' ? 'test' : 'train';
    // Identical before/after pairs carry no signal; skip them.
    if (o.biased === o.neutral) continue;
    for (const [k, y] of [['biased', 1], ['neutral', 0]] as const) {
      const text = String(o[k]);
      rows.push({ id: `${String(o.id)}-${k}`, text, y, set: 'wnc', split, fold: -1, x: featurize(nlp, lex, text) });
    }
  }
  return rows;
}

export interface LrConfig {
  /** L2 penalty per training sentence (objective: Σ wᵢ·logloss + λ/2·‖w‖²). */
  lambda: number;
  /** Weight of a WNC sentence relative to a news sentence. */
  wncWeight: number;
  /** Features kept: occurring in at least this many training sentences. */
  minCount: number;
  iterations: number;
  /**
   * Prior-neutral training: each class gets the same total weight (within news and within WNC),
   * so the model's probabilities assume a 50 % base rate instead of the training pool's.
   */
  balance?: boolean;
}

export interface LrModel {
  intercept: number;
  weights: Map<string, number>;
}

/** Deterministic full-batch gradient descent with momentum (fixed order, no randomness). */
export function trainLr(rows: readonly BiasRow[], cfg: LrConfig): LrModel {
  const df = new Map<string, number>();
  for (const r of rows) for (const f of r.x.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const feats = [...df.entries()].filter(([, n]) => n >= cfg.minCount).map(([f]) => f).sort();
  const index = new Map(feats.map((f, i) => [f, i]));
  const X = rows.map((r) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of [...r.x.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const i = index.get(f);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx, val };
  });
  const sw = rows.map((r) => (r.set === 'wnc' ? cfg.wncWeight : 1));
  if (cfg.balance) {
    // Class weights n/(2·n_class) within each set: both classes carry half of the set's weight.
    for (const set of ['newssd', 'wnc'] as const) {
      const n = rows.filter((r) => r.set === set).length;
      const pos = rows.filter((r) => r.set === set && r.y === 1).length;
      rows.forEach((r, i) => {
        if (r.set === set && pos > 0 && pos < n) sw[i] = sw[i]! * (n / (2 * (r.y === 1 ? pos : n - pos)));
      });
    }
  }
  const W = sw.reduce((a, b) => a + b, 0);
  const w = new Float64Array(feats.length);
  const vel = new Float64Array(feats.length);
  let b = 0;
  let vb = 0;
  const lr = 0.5;
  const mom = 0.9;
  const g = new Float64Array(feats.length);
  for (let it = 0; it < cfg.iterations; it++) {
    g.fill(0);
    let gb = 0;
    for (let n = 0; n < rows.length; n++) {
      if (sw[n] === 0) continue;
      const { idx, val } = X[n]!;
      let s = b;
      for (let k = 0; k < idx.length; k++) s += w[idx[k]!]! * val[k]!;
      const p = 1 / (1 + Math.exp(-s));
      const d = (sw[n]! * (p - rows[n]!.y)) / W;
      gb += d;
      for (let k = 0; k < idx.length; k++) g[idx[k]!]! += d * val[k]!;
    }
    for (let j = 0; j < w.length; j++) {
      const grad = g[j]! + (cfg.lambda / W) * w[j]!;
      vel[j] = mom * vel[j]! - lr * grad;
      w[j]! += vel[j]!;
    }
    vb = mom * vb - lr * gb;
    b += vb;
  }
  const weights = new Map<string, number>();
  feats.forEach((f, j) => weights.set(f, w[j]!));
  return { intercept: b, weights };
}

export const predict = (m: LrModel, x: Map<string, number>) => {
  let s = m.intercept;
  for (const [f, v] of x) s += (m.weights.get(f) ?? 0) * v;
  return 1 / (1 + Math.exp(-s));
};

/**
 * Biased-class precision/recall/F1. With `balanced`, negatives are re-weighted so both classes
 * weigh the same (the F1 a 50 % base rate would give, whatever the sample's base rate).
 */
export function prf(gold: readonly number[], pred: readonly number[], balanced = false): { p: number; r: number; f1: number } {
  const nPos = gold.filter((y) => y === 1).length;
  const nNeg = gold.length - nPos;
  const wNeg = balanced && nNeg > 0 ? nPos / nNeg : 1;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] === 1 && gold[i] === 1) tp++;
    else if (pred[i] === 1) fp += wNeg;
    else if (gold[i] === 1) fn++;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Threshold in 0.05 … 0.95 (step 0.01) maximising biased-class F1. */
export function bestThreshold(gold: readonly number[], probs: readonly number[], balanced = false): { t: number; f1: number } {
  let best = { t: 0.5, f1: -1 };
  for (let k = 5; k <= 95; k++) {
    const t = k / 100;
    const f1 = prf(gold, probs.map((p) => (p >= t ? 1 : 0)), balanced).f1;
    if (f1 > best.f1 + 1e-12) best = { t, f1 };
  }
  return best;
}

/** ROC AUC (ties counted half). */
export function auc(gold: readonly number[], probs: readonly number[]): number {
  const pos = probs.filter((_, i) => gold[i] === 1);
  const neg = probs.filter((_, i) => gold[i] === 0);
  let s = 0;
  for (const a of pos) for (const c of neg) s += a > c ? 1 : a === c ? 0.5 : 0;
  return pos.length && neg.length ? s / (pos.length * neg.length) : 0;
}
