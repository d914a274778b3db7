/**
 * Logistic regression for the claim matcher, fitted by Newton's method (IRLS) with an
 * L2 penalty on the feature weights: deterministic (no random start, no shuffling,
 * fixed iteration count, fixed row order). One bias per data source (MSRP pairs have
 * a ~68 % paraphrase prior, event sentence pairs ~1–2 %): the feature weights are
 * shared, and the engine ships the event bias.
 */
import {
  FEATURES,
  groupScored,
  matchPairs,
  probability,
  scoreEvent,
  type SentenceVectors,
  type FeatureVector,
  type MatcherWeights,
  type SentenceKeys,
} from '@parallax/core';
import { alignResources, type Claim, type CorpusState, type Omission } from '@parallax/core';
import { ctx, pairKey, type GoldEvent, type MsrpPair } from './align-data';

/** The word vectors and frequency ranks the engine's claims stage hands the matcher. */
const RES = alignResources({ entityMerges: {} } as unknown as CorpusState, ctx);

export interface Row {
  x: FeatureVector;
  y: 0 | 1;
  /** 0 = MSRP, 1 = event pairs. */
  domain: 0 | 1;
  w: number;
}

export const L2 = 1;

/** Rows reweighted so each class holds half of `total` (the source's prior is not learned). */
export function balance(rows: readonly Row[], total: number): Row[] {
  const p = rows.filter((r) => r.y === 1).length;
  const n = rows.length - p;
  return rows.map((r) => ({ ...r, w: r.y === 1 ? total / (2 * p) : total / (2 * n) }));
}

/**
 * The training set: MSRP rows and event rows, each source weighing as much as the MSRP
 * rows in total and each class balanced within its source, so p(same fact) is read
 * at an even prior (the grouping thresholds then set the operating point).
 */
export function trainingRows(mRows: readonly Row[], eRows: readonly Row[]): Row[] {
  return [...balance(mRows, mRows.length), ...balance(eRows, mRows.length)];
}
const ITER = 30;

export interface Fitted {
  weights: Record<(typeof FEATURES)[number], number>;
  biases: [number, number];
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]![c]!;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k] = M[r]![k]! - f * M[c]![k]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}

/**
 * Features that say the two sentences disagree: their weight may only lower p(same fact).
 * A fit that gives one a positive weight (the data are small and confounded: in one event,
 * pairs that share numbers and differ in one are often the same story) refits with that
 * feature fixed at 0 (an active set; a sign constraint, the common prior for such
 * evidence), so "a conflicting number makes two sentences more alike" can never ship.
 */
export const NONPOSITIVE: ReadonlySet<string> = new Set(['number_conflict', 'negation_mismatch', 'speaker_conflict']);

export function fit(rows: readonly Row[], exclude: ReadonlySet<string> = new Set()): Fitted {
  const fixed = new Set<string>(exclude);
  for (;;) {
    const f = fitWith(rows, fixed);
    const wrong = FEATURES.filter((k) => NONPOSITIVE.has(k) && !fixed.has(k) && f.weights[k] > 0);
    if (wrong.length === 0) return f;
    for (const k of wrong) fixed.add(k);
  }
}

function fitWith(rows: readonly Row[], fixed: ReadonlySet<string>): Fitted {
  const F = FEATURES.length;
  const D = F + 2;
  const vec = (r: Row) => [...FEATURES.map((f) => (fixed.has(f) ? 0 : r.x[f])), r.domain === 0 ? 1 : 0, r.domain === 1 ? 1 : 0];
  const X = rows.map(vec);
  let beta = new Array<number>(D).fill(0);
  for (let it = 0; it < ITER; it++) {
    const H = Array.from({ length: D }, () => new Array<number>(D).fill(0));
    const g = new Array<number>(D).fill(0);
    rows.forEach((r, i) => {
      const xi = X[i]!;
      let z = 0;
      for (let d = 0; d < D; d++) z += beta[d]! * xi[d]!;
      const p = 1 / (1 + Math.exp(-z));
      const s = r.w * p * (1 - p);
      for (let a = 0; a < D; a++) {
        g[a] = g[a]! + r.w * (r.y - p) * xi[a]!;
        if (xi[a] === 0) continue;
        for (let b = 0; b < D; b++) H[a]![b] = H[a]![b]! + s * xi[a]! * xi[b]!;
      }
    });
    for (let d = 0; d < F; d++) {
      g[d] = g[d]! - L2 * beta[d]!;
      H[d]![d] = H[d]![d]! + L2;
    }
    for (let d = F; d < D; d++) H[d]![d] = H[d]![d]! + 1e-9;
    const step = solve(H, g);
    beta = beta.map((b, d) => b + step[d]!);
  }
  const weights = {} as Fitted['weights'];
  FEATURES.forEach((f, d) => (weights[f] = beta[d]!));
  return { weights, biases: [beta[F]!, beta[F + 1]!] };
}

/** Weights rounded for shipping (6 decimals), so the JSON is reproducible byte for byte. */
export const r6 = (x: number) => {
  const v = Math.round(x * 1e6) / 1e6;
  return Object.is(v, -0) ? 0 : v;
};

/** The features the engine computes for the pairs of one event (keyed cosine without SIF, then matchPairs). */
export function eventFeatures(items: readonly SentenceKeys[], vectors: SentenceVectors) {
  const lexical = scoreEvent(items, { sif: 0, minKeys: 0 });
  return { items: lexical.items, pairs: lexical.pairs, features: matchPairs(lexical.items, lexical.pairs, vectors, RES.vectors, RES.ranks) };
}

/**
 * A lexical pre-filter cascade (measured, not shipped): only sentences that have a
 * cross-article candidate with keyed cosine >= floor are encoded and matched; the rest
 * stay single-sentence claims.
 */
export function cascadeKeep(items: readonly SentenceKeys[], floor: number): SentenceKeys[] {
  const lex = scoreEvent(items, { sif: 0, minKeys: 0 });
  const keep = new Set<number>();
  for (const p of lex.pairs) {
    if (p.score >= floor) {
      keep.add(p.i);
      keep.add(p.j);
    }
  }
  return lex.items.filter((_, i) => keep.has(i));
}

export const CASCADE_FLOORS = [0.05, 0.1, 0.15, 0.2];

/** An MSRP pair as a two-sentence event (as two articles of one event with one sentence each). */
export function msrpFeatures(p: MsrpPair, vectors: SentenceVectors) {
  const a = { ...p.k1, a: 0, article_id: `${p.id}-a` };
  const b = { ...p.k2, a: 1, article_id: `${p.id}-b` };
  return eventFeatures([a, b], vectors).features[0]!;
}

export function msrpRows(pairs: readonly MsrpPair[], vectors: SentenceVectors): Row[] {
  return pairs.map((p) => ({ x: msrpFeatures(p, vectors).values, y: p.label, domain: 0, w: 1 }));
}

/** Every cross-article pair of a gold event's sentences, labelled by the gold. */
export function eventRows(ev: GoldEvent, vectors: SentenceVectors, weight: number): Row[] {
  const f = eventFeatures(ev.items, vectors);
  return f.features.map((p) => ({
    x: p.values,
    y: ev.gold.has(pairKey(f.items[p.i]!.sentence_id, f.items[p.j]!.sentence_id)) ? 1 : 0,
    domain: 1,
    w: weight,
  }));
}

export function asWeights(f: Fitted, domain: 0 | 1, threshold: number, groupThreshold: number): MatcherWeights {
  return { id: 'claim-matcher', version: '0', sha256: '', bias: f.biases[domain], weights: f.weights, threshold, groupThreshold };
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
  tp: number;
  nPred: number;
  nGold: number;
}
export function prf(tp: number, nPred: number, nGold: number): Prf {
  const p = nPred ? tp / nPred : 0;
  const r = nGold ? tp / nGold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, nPred, nGold };
}

/** Pairwise claim-alignment P/R/F1 of a gold event with the learned matcher (average-link grouping). */
export function eventF1(ev: GoldEvent, w: MatcherWeights, feats: ReturnType<typeof eventFeatures>): Prf {
  const pairs = feats.features.map((p) => ({ i: p.i, j: p.j, score: probability(p.values, w) }));
  return groupsF1(ev, groupScored({ items: feats.items, pairs }, { threshold: w.threshold, groupThreshold: w.groupThreshold }));
}

export function groupsF1(ev: GoldEvent, groups: readonly (readonly SentenceKeys[])[]): Prf {
  let tp = 0;
  let n = 0;
  for (const g of groups)
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) {
        if (g[x]!.article_id === g[y]!.article_id) continue;
        n++;
        if (ev.gold.has(pairKey(g[x]!.sentence_id, g[y]!.sentence_id))) tp++;
      }
  return prf(tp, n, ev.gold.size);
}

/** Accuracy and F1 (positive = paraphrase) of binary predictions. */
export function accF1(pred: readonly boolean[], gold: readonly (0 | 1)[]): { acc: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let ok = 0;
  pred.forEach((p, i) => {
    const g = gold[i] === 1;
    if (p === g) ok++;
    if (p && g) tp++;
    else if (p && !g) fp++;
    else if (!p && g) fn++;
  });
  const pr = tp + fp ? tp / (tp + fp) : 0;
  const rc = tp + fn ? tp / (tp + fn) : 0;
  return { acc: ok / pred.length, f1: pr + rc ? (2 * pr * rc) / (pr + rc) : 0 };
}

/** The threshold on `scores` that maximises training accuracy (ties: the lowest), from the distinct training scores. */
export function bestThreshold(scores: readonly number[], gold: readonly (0 | 1)[]): number {
  const order = scores.map((s, i) => [s, gold[i]!] as const).sort((a, b) => a[0] - b[0]);
  // Predict positive for score >= t. Start with t below everything: all positive.
  let correct = gold.filter((g) => g === 1).length;
  let best = correct;
  let bestT = order.length ? order[0]![0] : 0.5;
  for (let k = 0; k < order.length; k++) {
    // Moving t just above order[k]: that item becomes negative.
    correct += order[k]![1] === 0 ? 1 : -1;
    const next = order[k + 1];
    if (next && next[0] === order[k]![0]) continue;
    if (correct > best) {
      best = correct;
      bestT = next ? (order[k]![0] + next[0]) / 2 : order[k]![0] + 1e-9;
    }
  }
  return bestT;
}

/**
 * 10-fold cross-validation on MSRP (fold = row index mod 10, fixed order): a score
 * function is fitted on nine folds (`train` returns a scorer for those rows), its
 * accuracy-maximising threshold is chosen on the same nine folds, and the tenth is
 * predicted. Returns pooled accuracy and F1 over all rows.
 */
export function crossValidate<T>(rows: readonly T[], gold: readonly (0 | 1)[], train: (trainIdx: number[]) => (row: T) => number): { acc: number; f1: number } {
  const pred: boolean[] = new Array<boolean>(rows.length).fill(false);
  for (let fold = 0; fold < 10; fold++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    rows.forEach((_, i) => (i % 10 === fold ? testIdx : trainIdx).push(i));
    const score = train(trainIdx);
    const tScores = trainIdx.map((i) => score(rows[i]!));
    const t = bestThreshold(tScores, trainIdx.map((i) => gold[i]!));
    for (const i of testIdx) pred[i] = score(rows[i]!) >= t;
  }
  return accF1(pred, gold);
}

/**
 * Omission precision against a gold event (the gold lists every fact two or more of its
 * articles report, with the sentences stating it): an `omitted_by` item "article X leaves
 * out claim C" is true when most of C's members belong to one gold claim G, those span two
 * articles, and X has no sentence in G; `unique_to` "only X reports C" is true when C's
 * sentence is in no gold claim. Recall: true omitted_by items found / gold omissions (a
 * gold claim reported by at least half of the articles and not all, times its missing articles).
 */
export function omissionTruth(ev: GoldEvent, claims: readonly Claim[], omissions: readonly Omission[]) {
  const goldOf = new Map<string, number>();
  ev.goldGroups.forEach((g, k) => g.forEach((s) => goldOf.set(s, k)));
  const articles = [...new Set(ev.keys.map((s) => s.article_id))];
  const art = (sid: string) => sid.slice(0, sid.lastIndexOf(':s'));
  const byId = new Map(claims.map((c) => [c.claim_id, c]));
  const goldClaimOf = (c: Claim): number | null => {
    const count = new Map<number, number>();
    for (const s of c.sentence_ids) {
      const g = goldOf.get(s);
      if (g !== undefined) count.set(g, (count.get(g) ?? 0) + 1);
    }
    const best = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (!best || best[1] * 2 < c.sentence_ids.length) return null;
    const arts = new Set(c.sentence_ids.filter((s) => goldOf.get(s) === best[0]).map(art));
    return arts.size >= 2 ? best[0] : null;
  };
  let tpO = 0, nO = 0, tpU = 0, nU = 0;
  const found = new Set<string>();
  const wrong: string[] = [];
  for (const o of omissions) {
    const c = byId.get(o.claim_id)!;
    if (o.kind === 'omitted_by') {
      nO++;
      const g = goldClaimOf(c);
      const ok = g !== null && !ev.goldGroups[g]!.some((s) => art(s) === o.article_id);
      if (ok) {
        tpO++;
        found.add(`${g}|${o.article_id}`);
      } else wrong.push(`${o.article_id} leaves out ${c.sentence_ids.join(' ')}`);
    } else {
      nU++;
      if (!goldOf.has(c.sentence_ids[0]!)) tpU++;
    }
  }
  let goldO = 0;
  const k = articles.length;
  for (const g of ev.goldGroups) {
    const n = new Set(g.map(art)).size;
    if (n >= 2 && n >= Math.ceil(k / 2) && n < k) goldO += k - n;
  }
  return { omitted_by: nO, omitted_by_true: tpO, precision: nO ? tpO / nO : 1, gold_omissions: goldO, recall: goldO ? found.size / goldO : 1, unique_to: nU, unique_to_true: tpU, wrong };
}

/**
 * Feature sets compared (bench/matcher-designs.ts prints each one's leave-one-event-out
 * F1); features outside a design are fixed at weight 0. `compact` ships: the best
 * leave-one-event-out F1 on the training gold (RESULTS.md, issue 11).
 */
const ENCODER_FEATURES = ['encoder_cosine', 'cosine_gap', 'mutual_best'];
const ORIGINAL = FEATURES.filter((f) => f !== 'key_rank' && f !== 'soft_overlap');
export const DESIGNS: Record<string, readonly string[]> = {
  original: ORIGINAL,
  original_no_encoder: ORIGINAL.filter((f) => !ENCODER_FEATURES.includes(f)),
  all: [...FEATURES],
  all_no_encoder: FEATURES.filter((f) => !ENCODER_FEATURES.includes(f)),
  compact: ['key_cosine', 'key_rank', 'soft_overlap', 'encoder_cosine', 'cosine_gap', 'entity_overlap', 'number_conflict', 'negation_mismatch'],
  compact_no_encoder: ['key_cosine', 'key_rank', 'soft_overlap', 'entity_overlap', 'number_conflict', 'negation_mismatch'],
};
export const SHIPPED_DESIGN = 'compact';
export const excluded = (design: readonly string[]): Set<string> => new Set(FEATURES.filter((f) => !design.includes(f)));

/** Grouping thresholds searched (probabilities are read at an even prior, so the useful ones are high). */
export const PROB_GRID = Array.from({ length: 13 }, (_, k) => Math.round((0.5 + 0.04 * k) * 100) / 100);
/** Keyed-score thresholds searched for the lexical matcher. */
export const LEX_GRID = [0.1, 0.13, 0.16, 0.19, 0.22, 0.25, 0.28, 0.31, 0.34, 0.37, 0.4];

/** Every cross-article pair of each gold event, classes balanced within the event, each event weighing 1000. */
export function goldRows(events: readonly GoldEvent[], vectors: SentenceVectors): Row[] {
  return events.flatMap((e) => balance(eventRows(e, vectors, 1), 1000));
}

export type Scorer = (e: GoldEvent) => { items: SentenceKeys[]; pairs: { i: number; j: number; score: number }[] };

/** Pooled pairwise P/R/F1 over events (true positives, predicted and gold pairs summed). */
export function pooledF1(events: readonly GoldEvent[], score: Scorer, opts: { threshold: number; groupThreshold: number }): Prf {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const e of events) {
    const m = groupsF1(e, groupScored(score(e), opts));
    tp += m.tp;
    np += m.nPred;
    ng += m.nGold;
  }
  return prf(tp, np, ng);
}

/** The (threshold, groupThreshold ≤ threshold) of `grid` with the best pooled F1 (first best wins). */
export function chooseThresholds(events: readonly GoldEvent[], score: Scorer, grid: readonly number[]) {
  let best = { f1: -1, threshold: 0, groupThreshold: 0 };
  for (const t of grid)
    for (const g of grid) {
      if (g > t) continue;
      const m = pooledF1(events, score, { threshold: t, groupThreshold: g });
      if (m.f1 > best.f1 + 1e-12) best = { f1: m.f1, threshold: t, groupThreshold: g };
    }
  return best;
}

/** Fit a design on gold events and choose its thresholds on the same events. */
export function trainDesign(events: readonly GoldEvent[], vectors: SentenceVectors, design: readonly string[]) {
  const fitted = fit(goldRows(events, vectors), excluded(design));
  const w0 = asWeights(fitted, 1, 0, 0);
  const cache = new Map<string, ReturnType<typeof eventFeatures>>();
  const score: Scorer = (e) => {
    let f = cache.get(e.name);
    if (!f) cache.set(e.name, (f = eventFeatures(e.items, vectors)));
    return { items: f.items, pairs: f.features.map((p) => ({ i: p.i, j: p.j, score: probability(p.values, w0) })) };
  };
  const best = chooseThresholds(events, score, PROB_GRID);
  return { fitted, threshold: best.threshold, groupThreshold: best.groupThreshold, trainF1: best.f1, score };
}

/**
 * Leave-one-event-out over the training gold: each event is scored by a model fitted
 * (and thresholded) on the others; pooled over the held-out events. `train` returns the
 * scorer and the options for a set of training events.
 */
export function leaveOneEventOut(events: readonly GoldEvent[], train: (tr: readonly GoldEvent[]) => { score: Scorer; threshold: number; groupThreshold: number }) {
  let tp = 0;
  let np = 0;
  let ng = 0;
  const per: Record<string, number> = {};
  for (const test of events) {
    const m = train(events.filter((e) => e !== test));
    const r = groupsF1(test, groupScored(m.score(test), m));
    tp += r.tp;
    np += r.nPred;
    ng += r.nGold;
    per[test.name] = Math.round(r.f1 * 1000) / 1000;
  }
  return { ...prf(tp, np, ng), per };
}
