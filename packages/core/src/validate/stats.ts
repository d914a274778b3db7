/**
 * Agreement statistics, pure and dependency-free. Each function throws on misuse
 * (unequal lengths) and returns NaN when the statistic is undefined (e.g. no variance).
 */

function checkPair(a: readonly unknown[], b: readonly unknown[], what: string): void {
  if (a.length !== b.length) throw new RangeError(`${what}: both series must have the same length (got ${a.length} and ${b.length}).`);
}

/** Pearson product-moment correlation. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  checkPair(x, y, 'pearson');
  const n = x.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Ranks with ties given their average rank (1-based). */
export function ranks(x: readonly number[]): number[] {
  const idx = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Array<number>(x.length);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[idx[k]![1]] = r;
    i = j + 1;
  }
  return out;
}

/** Spearman rank correlation (Pearson on average ranks, so ties are handled). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  checkPair(x, y, 'spearman');
  return pearson(ranks(x), ranks(y));
}

/** Sorted distinct labels of both series. */
export function labelsOf(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Confusion matrix: rows = `gold` labels, columns = `pred` labels, in `labels` order. */
export function confusion(gold: readonly string[], pred: readonly string[], labels: readonly string[] = labelsOf(gold, pred)): number[][] {
  checkPair(gold, pred, 'confusion');
  const at = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const r = at.get(gold[i]!);
    const c = at.get(pred[i]!);
    if (r === undefined || c === undefined) throw new RangeError(`confusion: label not in labels: ${gold[i]} / ${pred[i]}`);
    m[r]![c]!++;
  }
  return m;
}

/** Cohen's kappa for two coders on nominal labels. */
export function cohenKappa(a: readonly string[], b: readonly string[]): number {
  checkPair(a, b, 'cohenKappa');
  const n = a.length;
  if (n === 0) return NaN;
  const labels = labelsOf(a, b);
  const m = confusion(a, b, labels);
  let po = 0;
  let pe = 0;
  for (let i = 0; i < labels.length; i++) {
    po += m[i]![i]!;
    const row = m[i]!.reduce((s, v) => s + v, 0);
    const col = m.reduce((s, r) => s + r[i]!, 0);
    pe += (row / n) * (col / n);
  }
  po /= n;
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}

export type AlphaLevel = 'nominal' | 'interval';

/**
 * Krippendorff's alpha for two coders and complete data (every unit coded by both),
 * nominal or interval metric: α = 1 − D_o / D_e over the coincidence matrix.
 */
export function krippendorffAlpha(a: readonly (string | number)[], b: readonly (string | number)[], level: AlphaLevel = 'nominal'): number {
  checkPair(a, b, 'krippendorffAlpha');
  const values = [...a, ...b];
  const N = values.length;
  if (N < 2) return NaN;
  const delta = (x: string | number, y: string | number) =>
    level === 'nominal' ? (x === y ? 0 : 1) : (Number(x) - Number(y)) ** 2;
  // Observed: each unit has 2 values -> pairable pairs (x,y) and (y,x), each weighted 1/(m_u - 1) = 1.
  let Do = 0;
  for (let i = 0; i < a.length; i++) Do += 2 * delta(a[i]!, b[i]!);
  Do /= N;
  // Expected: all pairs of pairable values, excluding a value with itself.
  let De: number;
  if (level === 'nominal') {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    let same = 0;
    for (const c of counts.values()) same += c * (c - 1);
    De = (N * (N - 1) - same) / (N * (N - 1));
  } else {
    const xs = values.map(Number);
    let s = 0;
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) s += (xs[i]! - xs[j]!) ** 2;
    De = s / (N * (N - 1));
  }
  return De === 0 ? NaN : 1 - Do / De;
}

/** Per-label precision, recall and F1 of `pred` against `gold`, plus the macro average over gold ∪ pred labels. */
export function f1Scores(gold: readonly string[], pred: readonly string[]): { labels: { label: string; precision: number; recall: number; f1: number; support: number }[]; macroF1: number } {
  checkPair(gold, pred, 'f1Scores');
  const labels = labelsOf(gold, pred);
  const out = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === label;
      const p = pred[i] === label;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: tp + fn };
  });
  return { labels: out, macroF1: out.length === 0 ? NaN : out.reduce((s, l) => s + l.f1, 0) / out.length };
}

/** Macro-averaged F1 over the labels of gold ∪ pred (numbers are compared as labels). */
export function macroF1(gold: readonly (string | number)[], pred: readonly (string | number)[]): number {
  return f1Scores(gold.map(String), pred.map(String)).macroF1;
}
