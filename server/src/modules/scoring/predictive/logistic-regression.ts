/**
 * L2-regularised logistic regression over one-hot rows, fitted by Newton's method (IRLS) with
 * an exact Cholesky solve. Every row has exactly one active column per feature, so a row is
 * just its column indexes and the Hessian costs rows × features² to build; columns stay in the
 * hundreds because rare levels are pooled. Newton converges in a handful of steps, and with no
 * randomness the same data gives the same weights, bit for bit.
 *
 * Minimises Σ log(1 + e^z) − y·z + λ/2·‖w‖², z = b + Σ w[active]; the intercept b is not penalised.
 */
export interface OneHotRows {
  /** rows × features column indexes, row-major, increasing within a row. */
  columns: Int32Array;
  features: number;
  /** Total number of columns (levels over all features). */
  width: number;
}

export interface LogisticFit {
  intercept: number;
  weights: Float64Array;
  iterations: number;
}

const MAX_NEWTON_STEPS = 50;
/** Converged when the largest gradient entry is this small relative to the row count. */
const GRADIENT_TOLERANCE = 1e-9;

export function fitLogistic(data: OneHotRows, labels: ArrayLike<number>, lambda: number): LogisticFit {
  if (!(lambda > 0)) throw new Error('fitLogistic: lambda must be positive (one-hot levels are collinear)');
  const n = labels.length;
  const { columns, features, width } = data;
  // Parameters: the weights, then the intercept as the last entry (an always-active column).
  const theta = new Float64Array(width + 1);
  const mean = Array.from(labels).reduce((sum, y) => sum + y, 0) / Math.max(n, 1);
  // Start at the base rate: the first step then only has to learn what differs from it.
  theta[width] = mean > 0 && mean < 1 ? Math.log(mean / (1 - mean)) : 0;
  const trial = new Float64Array(width + 1);
  const logits = new Float64Array(n);
  let current = objective(data, labels, lambda, theta, logits);

  for (let step = 1; step <= MAX_NEWTON_STEPS; step++) {
    const { gradient, hessian } = derivatives(data, labels, lambda, theta, logits);
    let largest = 0;
    for (const g of gradient) largest = Math.max(largest, Math.abs(g));
    if (largest <= GRADIENT_TOLERANCE * Math.max(n, 1)) return result(theta, width, step);

    const direction = choleskySolve(hessian, gradient, width + 1);
    // Backtracking: the full Newton step is almost always taken, but the loss may never rise.
    let next = Infinity;
    for (let scale = 1; scale >= 1e-6; scale /= 2) {
      for (let c = 0; c <= width; c++) trial[c] = theta[c] - scale * direction[c];
      next = objective(data, labels, lambda, trial, logits);
      if (next <= current) break;
    }
    if (!(next <= current)) return result(theta, width, step);
    theta.set(trial);
    const improvement = current - next;
    current = next;
    if (improvement <= 1e-13 * current) return result(theta, width, step);
  }
  return result(theta, width, MAX_NEWTON_STEPS);
  // The logits left in `logits` always belong to the last accepted or rejected trial; derivatives() recomputes them.

  function result(t: Float64Array, w: number, iterations: number): LogisticFit {
    return { intercept: t[w], weights: t.slice(0, w), iterations };
  }
  void features;
  void columns;
}

/** Penalised negative log-likelihood; leaves the logits of `theta` in `logits`. */
function objective(data: OneHotRows, labels: ArrayLike<number>, lambda: number, theta: Float64Array, logits: Float64Array) {
  const { columns, features, width } = data;
  let loss = 0;
  for (let i = 0; i < logits.length; i++) {
    let z = theta[width];
    for (let f = 0, at = i * features; f < features; f++) z += theta[columns[at + f]];
    logits[i] = z;
    loss += softplus(z) - labels[i] * z;
  }
  let penalty = 0;
  for (let c = 0; c < width; c++) penalty += theta[c] * theta[c];
  return loss + (lambda / 2) * penalty;
}

/** Gradient and the lower triangle of the Hessian XᵀSX + λI (row-major, size²). */
function derivatives(data: OneHotRows, labels: ArrayLike<number>, lambda: number, theta: Float64Array, logits: Float64Array) {
  const { columns, features, width } = data;
  const size = width + 1;
  objective(data, labels, lambda, theta, logits);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const active = new Int32Array(features + 1);
  for (let i = 0; i < logits.length; i++) {
    const p = sigmoid(logits[i]);
    const residual = p - labels[i];
    const curvature = p * (1 - p);
    for (let f = 0; f < features; f++) active[f] = columns[i * features + f];
    active[features] = width;
    for (let a = 0; a <= features; a++) {
      const row = active[a];
      gradient[row] += residual;
      for (let b = 0; b <= a; b++) hessian[row * size + active[b]] += curvature;
    }
  }
  for (let c = 0; c < width; c++) {
    gradient[c] += lambda * theta[c];
    hessian[c * size + c] += lambda;
  }
  return { gradient, hessian };
}

/** Solves A·x = b for symmetric positive-definite A given by its lower triangle (overwritten). */
function choleskySolve(a: Float64Array, b: Float64Array, size: number): Float64Array {
  for (let j = 0; j < size; j++) {
    const rowJ = j * size;
    let diagonal = a[rowJ + j];
    for (let k = 0; k < j; k++) diagonal -= a[rowJ + k] * a[rowJ + k];
    const pivot = Math.sqrt(Math.max(diagonal, 1e-12));
    a[rowJ + j] = pivot;
    for (let i = j + 1; i < size; i++) {
      const rowI = i * size;
      let sum = a[rowI + j];
      for (let k = 0; k < j; k++) sum -= a[rowI + k] * a[rowJ + k];
      a[rowI + j] = sum / pivot;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < size; i++) {
    let sum = x[i];
    for (let k = 0; k < i; k++) sum -= a[i * size + k] * x[k];
    x[i] = sum / a[i * size + i];
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < size; k++) sum -= a[k * size + i] * x[k];
    x[i] = sum / a[i * size + i];
  }
  return x;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
