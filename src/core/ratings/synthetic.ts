// Seeded synthetic pairwise outcomes from known ratings, for simulations, tests and the benchmark.
//
// Each outcome picks an ordered pair (a, b), a ≠ b, uniformly, and draws the result so that the
// expected score of a is exactly the Elo/Bradley–Terry probability p = 1 / (1 + 10^((R_b - R_a)/400)):
//   P(tie) = τ = tieRate · 2 · min(p, 1 - p),  P(a wins) = p - τ/2,  P(b wins) = 1 - p - τ/2.
// Ties therefore never bias a fit that counts a tie as half a win; tieRate = 0 gives no ties.
import { expectedScore } from './elo.ts';
import type { PairwiseOutcomes } from './pairs.ts';
import { createRandom } from './random.ts';

export interface SyntheticOptions {
  /** True ratings of entities 0..N-1 (N >= 2). */
  ratings: ArrayLike<number>;
  count: number;
  seed: number;
  /** In [0, 1]; default 0. */
  tieRate?: number;
}

export function generateOutcomes(options: SyntheticOptions): PairwiseOutcomes {
  const { ratings, count, seed } = options;
  const tieRate = options.tieRate ?? 0;
  const n = ratings.length;
  if (n < 2) throw new RangeError('need at least 2 entities');
  if (!(tieRate >= 0 && tieRate <= 1)) throw new RangeError(`tieRate must be in [0, 1], got ${tieRate}`);
  const random = createRandom(seed);
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const outcome = new Float32Array(count);
  for (let t = 0; t < count; t++) {
    const i = random.nextInt(n);
    let j = random.nextInt(n - 1);
    if (j >= i) j++;
    const p = expectedScore(ratings[i], ratings[j]);
    const tie = tieRate * 2 * Math.min(p, 1 - p);
    const u = random.nextFloat();
    a[t] = i;
    b[t] = j;
    outcome[t] = u < tie ? 0.5 : u < p + tie / 2 ? 1 : 0;
  }
  return { a, b, outcome };
}
