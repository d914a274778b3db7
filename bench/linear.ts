/**
 * Deterministic regularised linear models for the bench's learners (issue 14): ridge regression
 * in closed form (Cholesky of XᵀX + λI; the intercept is not penalised) and multinomial logistic
 * regression by full-batch gradient descent (fixed iteration count and order, no randomness).
 * Dense rows only: callers build their own feature vectors.
 */

/** Solve A x = b for symmetric positive-definite A (row-major n×n), in place of a copy. */
export function choleskySolve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (s <= 0) throw new Error('choleskySolve: matrix is not positive definite');
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * y[k]!;
    y[i] = s / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}

export interface RidgeModel {
  intercept: number;
  weights: Float64Array;
}

/** Ridge regression of y on dense rows X (each of length d); penalty λ·|w|² (intercept free); optional row weights. */
export function ridge(X: readonly ArrayLike<number>[], y: readonly number[], lambda: number, rowWeight?: readonly number[]): RidgeModel {
  const d = X[0]!.length;
  const n = d + 1;
  const A = new Float64Array(n * n);
  const b = new Float64Array(n);
  const row = new Float64Array(n);
  for (let r = 0; r < X.length; r++) {
    const x = X[r]!;
    row[0] = 1;
    for (let j = 0; j < d; j++) row[j + 1] = x[j]!;
    const yr = y[r]!;
    const rw = rowWeight ? rowWeight[r]! : 1;
    for (let i = 0; i < n; i++) {
      const ri = row[i]! * rw;
      if (ri === 0) continue;
      b[i]! += ri * yr;
      for (let j = 0; j <= i; j++) A[i * n + j]! += ri * row[j]!;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[j * n + i] = A[i * n + j]!;
  for (let i = 1; i < n; i++) A[i * n + i]! += lambda;
  A[0]! += 1e-9;
  const w = choleskySolve(A, b, n);
  return { intercept: w[0]!, weights: w.subarray(1) };
}

export function predict(m: RidgeModel, x: ArrayLike<number>): number {
  let s = m.intercept;
  for (let j = 0; j < m.weights.length; j++) s += m.weights[j]! * x[j]!;
  return s;
}
