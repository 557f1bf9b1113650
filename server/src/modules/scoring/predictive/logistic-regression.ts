import type { OneHotRows } from './one-hot-rows.js';

/**
 * L2-regularised logistic regression over one-hot rows, fitted by Newton's method (IRLS) with
 * an exact Cholesky solve. A row has one active column per feature, so the Hessian costs
 * rows × features² to build, and columns stay in the hundreds because rare values are pooled.
 * Newton needs a handful of steps; with no randomness, the same data gives the same weights.
 *
 * Minimises Σ log(1 + e^z) − y·z + λ/2·‖w‖² with z = b + Σ w[active]; the intercept b is free.
 */
export interface LogisticFit {
  intercept: number;
  /** One per column. */
  weights: Float64Array;
  iterations: number;
}

const MAX_NEWTON_STEPS = 50;
/**
 * Stop once a Newton step promises to lower the loss by less than this per training row: the
 * weights are then correct to far more digits than any score shows.
 */
const DECREMENT_TOLERANCE = 1e-10;

/** `start` (a fit on the same columns with another λ) saves steps when tuning λ. */
export function fitLogistic(
  data: OneHotRows,
  labels: ArrayLike<number>,
  lambda: number,
  start?: LogisticFit,
): LogisticFit {
  // The levels of a feature sum to the intercept column: only the penalty makes the fit unique.
  if (!(lambda > 0)) throw new Error('fitLogistic: lambda must be positive');
  const y = Float64Array.from(labels);
  const size = data.width + 1;
  // Parameters: the weights, then the intercept as the column every row has.
  const theta = new Float64Array(size);
  if (start) {
    theta.set(start.weights);
    theta[data.width] = start.intercept;
  } else {
    const rate = y.reduce((sum, label) => sum + label, 0) / Math.max(y.length, 1);
    theta[data.width] = rate > 0 && rate < 1 ? Math.log(rate / (1 - rate)) : 0;
  }
  const trial = new Float64Array(size);
  const logits = new Float64Array(y.length);
  // `logits` always holds the logits of `theta` when a step begins.
  let current = objective(data, y, lambda, theta, logits);

  let steps = 0;
  while (steps < MAX_NEWTON_STEPS) {
    steps++;
    const { gradient, hessian } = derivatives(data, y, lambda, theta, logits);
    const direction = choleskySolve(hessian, gradient, size);
    const decrement = dot(gradient, direction) / 2;
    // Backtracking: the full Newton step is almost always taken, but the loss may never rise.
    let next = Infinity;
    for (let scale = 1; scale >= 1e-6 && !(next <= current); scale /= 2) {
      for (let c = 0; c < size; c++) trial[c] = theta[c] - scale * direction[c];
      next = objective(data, y, lambda, trial, logits);
    }
    // No step lowers the loss: theta is as good as floating point allows.
    if (!(next <= current)) break;
    theta.set(trial);
    current = next;
    if (decrement <= DECREMENT_TOLERANCE * Math.max(y.length, 1)) break;
  }
  return { intercept: theta[data.width], weights: theta.slice(0, data.width), iterations: steps };
}

/** Penalised negative log-likelihood; leaves the logits of `theta` in `logits`. */
function objective(data: OneHotRows, labels: Float64Array, lambda: number, theta: Float64Array, logits: Float64Array) {
  const { columns, features, width } = data;
  let loss = 0;
  for (let i = 0; i < logits.length; i++) {
    let z = theta[width];
    for (let f = 0, at = i * features; f < features; f++) z += theta[columns[at + f]];
    logits[i] = z;
    loss += softplus(z) - labels[i] * z;
  }
  let squares = 0;
  for (let c = 0; c < width; c++) squares += theta[c] * theta[c];
  return loss + (lambda / 2) * squares;
}

/** Gradient, and the lower triangle of the Hessian XᵀSX + λI (row-major, size × size), at `theta`. */
function derivatives(
  data: OneHotRows,
  labels: Float64Array,
  lambda: number,
  theta: Float64Array,
  logits: Float64Array,
) {
  const { columns, features, width } = data;
  const size = width + 1;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const active = new Int32Array(features + 1);
  active[features] = width;
  for (let i = 0; i < logits.length; i++) {
    const p = sigmoid(logits[i]);
    const residual = p - labels[i];
    const curvature = p * (1 - p);
    for (let f = 0; f < features; f++) active[f] = columns[i * features + f];
    // Columns increase along a row (and the intercept is last), so a ≥ b fills the lower triangle.
    for (let a = 0; a <= features; a++) {
      const row = active[a] * size;
      gradient[active[a]] += residual;
      for (let b = 0; b <= a; b++) hessian[row + active[b]] += curvature;
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
    const pivot = Math.sqrt(Math.max(diagonal, Number.MIN_VALUE));
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

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
