/**
 * Weighted logistic regression by Newton's method (IRLS) for the handful of calibration
 * features: exact in a few iterations where gradient descent needs thousands. A tiny ridge
 * keeps the system solvable when a feature is constant in the data.
 */
export { reliability } from "~/engines/eval/reliability";

export type WeightedSample = { correct: number; weight: number };

const ITERATIONS = 30;
const RIDGE = 1e-6;

/** Returns the coefficients of x followed by the intercept. */
export function fitLogistic(samples: (WeightedSample & { x: number[] })[]): number[] {
  const size = (samples[0]?.x.length ?? 0) + 1;
  let beta = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(size).fill(0);
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (const { x, correct, weight } of samples) {
      const row = [...x, 1];
      const z = row.reduce((sum, value, i) => sum + value * beta[i], 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let i = 0; i < size; i++) {
        gradient[i] += weight * (p - correct) * row[i];
        for (let j = 0; j < size; j++) hessian[i][j] += weight * p * (1 - p) * row[i] * row[j];
      }
    }
    for (let i = 0; i < size; i++) hessian[i][i] += RIDGE;
    const step = solve(hessian, gradient);
    beta = beta.map((value, i) => value - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return beta;
}

/** Gaussian elimination with partial pivoting (the systems here are at most 6 × 6). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) pivot = row;
    [a[column], a[pivot]] = [a[pivot], a[column]];
    for (let row = column + 1; row < n; row++) {
      const factor = a[row][column] / a[column][column];
      for (let k = column; k <= n; k++) a[row][k] -= factor * a[column][k];
    }
  }
  const result = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row][n];
    for (let k = row + 1; k < n; k++) sum -= a[row][k] * result[k];
    result[row] = sum / a[row][row];
  }
  return result;
}
