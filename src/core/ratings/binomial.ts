// Exact binomial and multinomial draws, so the bootstrap can resample aggregated counts instead of votes.
//
// Binomial(n, p):
//   - symmetry: Bin(n, p) = n - Bin(n, 1 - p), so only p <= 1/2 is sampled;
//   - n·p < 10: inversion (BINV, Kachitvichyanukul & Schmeiser 1988), walking the pmf
//     f(0) = q^n, f(x) = f(x-1) · ((n + 1)·p/q / x - p/q); expected cost O(n·p + 1);
//   - otherwise: BTRS, the transformed rejection sampler of Hörmann (1993), O(1) expected,
//     accepting with ln f(k) - ln f(m) = ln m! + ln (n-m)! - ln k! - ln (n-k)! + (k - m)·ln(p/q).
// Multinomial(n; c_1..c_m / Σc) by conditional binomials: X_1 ~ Bin(n, c_1/C), then
// X_2 ~ Bin(n - X_1, c_2/(C - c_1)), ... — exactly the law of resampling n items with replacement.
import type { Random } from './random.ts';

const LOG_FACTORIAL_TABLE_SIZE = 256;
const logFactorialTable = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
for (let k = 2; k < LOG_FACTORIAL_TABLE_SIZE; k++) logFactorialTable[k] = logFactorialTable[k - 1] + Math.log(k);
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln(k!) — a table below 256, else Stirling's series ln k! = k ln k - k + ½ ln(2πk) + 1/(12k) - 1/(360k³) + 1/(1260k⁵). */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k];
  const inv = 1 / k;
  const inv2 = inv * inv;
  return k * Math.log(k) - k + HALF_LOG_TWO_PI + 0.5 * Math.log(k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** One draw from Binomial(n, p); n a non-negative integer, 0 <= p <= 1. */
export function sampleBinomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomialLow(random, n, 1 - p);
  return sampleBinomialLow(random, n, p);
}

function sampleBinomialLow(random: Random, n: number, p: number): number {
  return n * p < 10 ? inversion(random, n, p) : btrs(random, n, p);
}

function inversion(random: Random, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  for (;;) {
    let r = Math.pow(q, n);
    let u = random.nextFloat();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) break; // rounding left mass in the tail: draw again
      r *= a / x - s;
    }
    if (x <= n) return x;
  }
}

function btrs(random: Random, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = random.nextFloat() - 0.5;
    let v = random.nextFloat();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/**
 * Resamples `n` items with replacement from cells holding `weights` (integer counts): writes a
 * Multinomial(n; weights / Σweights) draw into `out`. O(cells) whatever n is. Zero cells stay zero.
 */
export function sampleMultinomial(random: Random, n: number, weights: ArrayLike<number>, out: Float64Array): void {
  let remainingMass = 0;
  for (let i = 0; i < weights.length; i++) remainingMass += weights[i];
  let remaining = n;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (remaining === 0 || w === 0) {
      out[i] = 0;
    } else {
      const draw = w >= remainingMass ? remaining : sampleBinomial(random, remaining, w / remainingMass);
      out[i] = draw;
      remaining -= draw;
    }
    remainingMass -= w;
  }
}
