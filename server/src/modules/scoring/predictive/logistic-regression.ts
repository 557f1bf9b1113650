/**
 * L2-regularised logistic regression over one-hot rows, fitted by Newton's method with a
 * Jacobi-preconditioned conjugate-gradient inner solve (truncated Newton). Every row has exactly
 * one active column per feature, so a row is just its column indexes: products with the design
 * matrix cost O(rows × features), and the Hessian (columns²) is never formed. No randomness:
 * the same data gives the same weights, bit for bit.
 *
 * Minimises Σ log(1 + e^z) − y·z + λ/2·‖w‖², z = b + Σ w[active]; the intercept b is not penalised.
 */
export interface OneHotRows {
  /** rows × features column indexes, row-major. */
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
const MAX_CG_STEPS = 100;
/** Converged when the largest gradient entry is this small relative to the row count. */
const GRADIENT_TOLERANCE = 1e-8;

export function fitLogistic(data: OneHotRows, labels: ArrayLike<number>, lambda: number): LogisticFit {
  const n = labels.length;
  const { columns, features, width } = data;
  const weights = new Float64Array(width);
  const mean = Array.from(labels).reduce((sum, y) => sum + y, 0) / Math.max(n, 1);
  // Start at the base rate: the first step then only has to learn what differs from it.
  let intercept = mean > 0 && mean < 1 ? Math.log(mean / (1 - mean)) : 0;
  const logits = new Float64Array(n);
  const curvature = new Float64Array(n);
  const gradient = new Float64Array(width + 1);
  const trialWeights = new Float64Array(width);
  const trialLogits = new Float64Array(n);

  const objective = (w: Float64Array, z: Float64Array) => {
    let loss = 0;
    for (let i = 0; i < n; i++) loss += softplus(z[i]) - labels[i] * z[i];
    return loss + (lambda / 2) * dot(w, w);
  };
  computeLogits(columns, features, intercept, weights, logits);
  let current = objective(weights, logits);

  let step = 1;
  for (; step <= MAX_NEWTON_STEPS; step++) {
    // Gradient (last entry: intercept) and the per-row curvature p(1 − p).
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      const p = sigmoid(logits[i]);
      const residual = p - labels[i];
      curvature[i] = p * (1 - p);
      gradient[width] += residual;
      for (let f = 0, at = i * features; f < features; f++) gradient[columns[at + f]] += residual;
    }
    let largest = Math.abs(gradient[width]);
    for (let c = 0; c < width; c++) {
      gradient[c] += lambda * weights[c];
      largest = Math.max(largest, Math.abs(gradient[c]));
    }
    if (largest <= GRADIENT_TOLERANCE * Math.max(n, 1)) break;

    const direction = solveNewtonStep(data, curvature, lambda, gradient);
    const slope = dot(gradient, direction);
    // Backtracking: the full Newton step is almost always taken, but the loss may never rise.
    let scale = 1;
    let trial = Infinity;
    let trialIntercept = intercept;
    for (; scale >= 1e-6; scale /= 2) {
      for (let c = 0; c < width; c++) trialWeights[c] = weights[c] + scale * direction[c];
      trialIntercept = intercept + scale * direction[width];
      computeLogits(columns, features, trialIntercept, trialWeights, trialLogits);
      trial = objective(trialWeights, trialLogits);
      if (trial <= current + 1e-4 * scale * slope) break;
    }
    if (!(trial < current)) break;
    weights.set(trialWeights);
    logits.set(trialLogits);
    intercept = trialIntercept;
    const improvement = current - trial;
    current = trial;
    if (improvement <= 1e-12 * current) break;
  }
  return { intercept, weights, iterations: Math.min(step, MAX_NEWTON_STEPS) };
}

/** Solves H·d = −g by preconditioned conjugate gradients, H = Xᵀ S X + λI (intercept unpenalised). */
function solveNewtonStep(data: OneHotRows, curvature: Float64Array, lambda: number, gradient: Float64Array): Float64Array {
  const { columns, features, width } = data;
  const n = curvature.length;
  const size = width + 1;
  const diagonal = new Float64Array(size);
  for (let c = 0; c < width; c++) diagonal[c] = lambda;
  for (let i = 0; i < n; i++) {
    diagonal[width] += curvature[i];
    for (let f = 0, at = i * features; f < features; f++) diagonal[columns[at + f]] += curvature[i];
  }
  const rowProducts = new Float64Array(n);
  const multiply = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let u = v[width];
      for (let f = 0, at = i * features; f < features; f++) u += v[columns[at + f]];
      rowProducts[i] = curvature[i] * u;
    }
    out.fill(0);
    for (let i = 0; i < n; i++) {
      out[width] += rowProducts[i];
      for (let f = 0, at = i * features; f < features; f++) out[columns[at + f]] += rowProducts[i];
    }
    for (let c = 0; c < width; c++) out[c] += lambda * v[c];
  };

  const x = new Float64Array(size);
  const r = new Float64Array(size);
  const z = new Float64Array(size);
  const p = new Float64Array(size);
  const q = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    r[c] = -gradient[c];
    z[c] = diagonal[c] > 0 ? r[c] / diagonal[c] : r[c];
    p[c] = z[c];
  }
  let rz = dot(r, z);
  const stop = 1e-10 * dot(r, r);
  for (let k = 0; k < MAX_CG_STEPS && dot(r, r) > stop; k++) {
    multiply(p, q);
    const alpha = rz / dot(p, q);
    for (let c = 0; c < size; c++) {
      x[c] += alpha * p[c];
      r[c] -= alpha * q[c];
      z[c] = diagonal[c] > 0 ? r[c] / diagonal[c] : r[c];
    }
    const next = dot(r, z);
    const beta = next / rz;
    rz = next;
    for (let c = 0; c < size; c++) p[c] = z[c] + beta * p[c];
  }
  return x;
}

function computeLogits(columns: Int32Array, features: number, b: number, w: Float64Array, out: Float64Array) {
  for (let i = 0; i < out.length; i++) {
    let z = b;
    for (let f = 0, at = i * features; f < features; f++) z += w[columns[at + f]];
    out[i] = z;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
