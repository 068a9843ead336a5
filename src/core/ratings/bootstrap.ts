// Bootstrap confidence intervals for Bradley–Terry ratings, resampling aggregated counts instead of votes.
//
// The classic bootstrap (FastChat's) draws the V votes with replacement V times and refits, which
// costs O(V) per round. Drawing V votes with replacement is the same as one Multinomial(V; c / V)
// draw over the outcome cells c (per pair: first wins, second wins, ties), so each round here is
// one multinomial draw over those 3·pairs cells (conditional binomials, see binomial.ts) followed
// by a fit warm-started from the point estimate: O(pairs) per round, whatever V is. Same law as the
// vote bootstrap, not an approximation.
// Interval: the percentile bootstrap, [q(α/2), q(1 - α/2)] of the rounds' ratings with α = 1 - level,
// quantiles interpolated linearly between order statistics (numpy/pandas' default, as FastChat).
// Reproducible: the same counts, seed and options give the same intervals.
import { fitBradleyTerry, type BradleyTerryFit, type BradleyTerryOptions } from './bradley-terry.ts';
import { sampleMultinomial } from './binomial.ts';
import { emptyCounts, type PairCounts } from './pairs.ts';
import { createRandom } from './random.ts';

export const DEFAULT_BOOTSTRAP_ROUNDS = 100;
export const DEFAULT_CONFIDENCE_LEVEL = 0.95;
export const DEFAULT_BOOTSTRAP_SEED = 42;
/** Rating points: a bootstrap round is one of a hundred samples; 0.001 point is far below the spread. */
export const DEFAULT_BOOTSTRAP_TOLERANCE = 1e-3;

export interface BootstrapOptions {
  rounds?: number;
  level?: number;
  seed?: number;
  /** Options of the point fit; the rounds use them too, with `roundTolerance`. */
  fit?: BradleyTerryOptions;
  roundTolerance?: number;
}

export interface BootstrapResult {
  /** The point fit on the original counts. */
  fit: BradleyTerryFit;
  lower: Float64Array;
  upper: Float64Array;
  /** Rounds' ratings, row-major: samples[round · entityCount + entity]. */
  samples: Float64Array;
  rounds: number;
}

/** Fits `counts` and bootstraps percentile intervals around each rating. */
export function bootstrapBradleyTerry(counts: PairCounts, options: BootstrapOptions = {}): BootstrapResult {
  const rounds = options.rounds ?? DEFAULT_BOOTSTRAP_ROUNDS;
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const n = counts.entityCount;
  const pairs = counts.first.length;
  const fit = fitBradleyTerry(counts, options.fit);

  const cells = new Float64Array(3 * pairs);
  let total = 0;
  for (let p = 0; p < pairs; p++) {
    cells[3 * p] = counts.firstWins[p];
    cells[3 * p + 1] = counts.secondWins[p];
    cells[3 * p + 2] = counts.ties[p];
    total += counts.firstWins[p] + counts.secondWins[p] + counts.ties[p];
  }
  if (!Number.isInteger(total)) throw new RangeError('bootstrap needs integer counts');

  const random = createRandom(options.seed ?? DEFAULT_BOOTSTRAP_SEED);
  const drawn = new Float64Array(3 * pairs);
  const resampled = emptyCounts(n, pairs);
  resampled.first.set(counts.first);
  resampled.second.set(counts.second);
  const roundOptions: BradleyTerryOptions = {
    ...options.fit,
    tolerance: options.roundTolerance ?? DEFAULT_BOOTSTRAP_TOLERANCE,
    initialStrengths: fit.strengths,
  };
  const samples = new Float64Array(rounds * n);
  for (let r = 0; r < rounds; r++) {
    sampleMultinomial(random, total, cells, drawn);
    for (let p = 0; p < pairs; p++) {
      resampled.firstWins[p] = drawn[3 * p];
      resampled.secondWins[p] = drawn[3 * p + 1];
      resampled.ties[p] = drawn[3 * p + 2];
    }
    samples.set(fitBradleyTerry(resampled, roundOptions).ratings, r * n);
  }

  const alpha = 1 - level;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const column = new Float64Array(rounds);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < rounds; r++) column[r] = samples[r * n + i];
    column.sort();
    lower[i] = quantile(column, alpha / 2);
    upper[i] = quantile(column, 1 - alpha / 2);
  }
  return { fit, lower, upper, samples, rounds };
}

/** Quantile q of ascending `sorted`, interpolating linearly at position q · (length - 1). */
export function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
