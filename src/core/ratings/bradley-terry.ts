// Bradley–Terry ratings fitted by maximum likelihood from aggregated pair counts, on the Elo scale (mean 1000).
//
//   model        P(i beats j) = π_i / (π_i + π_j); a tie counts as half a win to each side, so
//                W_ij = wins of i over j + ties / 2 and N_ij = games between i and j
//   likelihood   ℓ(π) = Σ_{i<j} W_ij ln π_i + W_ji ln π_j - N_ij ln(π_i + π_j)
//   prior        every entity also plays `priorGames` (default 1) virtual drawn games against a fixed
//                reference of strength 1. This keeps the maximum finite and unique when an entity won
//                or lost every game, parks entities with no games at the reference, and ties each
//                disconnected part of the comparison graph to the reference instead of letting it
//                drift. Its pull is worth one drawn game: a fraction of a point for entities with
//                hundreds of games. priorGames = 0 gives the plain MLE, which exists only when the
//                graph is strongly connected (else `converged` is false).
//   iteration    π_i ← [Σ_j W_ij π_j / (π_i + π_j)] / [Σ_j W_ji / (π_i + π_j)]   (Newman 2023, JMLR 24)
//                Its fixed points are those of Zermelo/Hunter's MM update π_i ← W_i / Σ_j N_ij/(π_i + π_j)
//                (both say Σ_j W_ij = Σ_j N_ij π_i/(π_i + π_j), i.e. ∂ℓ/∂ln π_i = 0) but it needs
//                far fewer sweeps. Updated in place (Gauss–Seidel). The data likelihood is unchanged
//                when a connected component's strengths are all multiplied by c, so only the weak
//                prior sets that scale and plain sweeps would crawl towards it; after each sweep every
//                component is therefore rescaled to its exact optimum, the root of
//                Σ_{i in component} cπ_i / (cπ_i + 1) = |component| / 2 (Newton in ln c).
//                Stops when no rating moved more than `tolerance` points in a sweep.
//   scale        rating_i = 1000 + 400 · log10(π_i / g), g = geometric mean of π over the entities
//                with at least one game: those entities' mean rating is exactly 1000 ("anchored at 1000").
import type { PairCounts } from './pairs.ts';

export const BT_ANCHOR_RATING = 1000;
export const BT_SCALE = 400;
/** Virtual drawn games per entity against the reference (see header). */
export const DEFAULT_PRIOR_GAMES = 1;
/** Rating points; far below anything displayed. */
export const DEFAULT_TOLERANCE = 1e-6;
export const DEFAULT_MAX_ITERATIONS = 10_000;

export interface BradleyTerryOptions {
  priorGames?: number;
  tolerance?: number;
  maxIterations?: number;
  /** Warm start: strengths from an earlier fit on similar counts (e.g. the bootstrap's point fit). */
  initialStrengths?: Float64Array;
}

export interface BradleyTerryFit {
  /** Anchored Elo-scale ratings, one per entity. */
  ratings: Float64Array;
  /** Fitted strengths π on the prior's scale (reference = 1), usable as a warm start. */
  strengths: Float64Array;
  iterations: number;
  converged: boolean;
}

/** Per-entity adjacency in compressed rows: for entity i, edges offsets[i]..offsets[i+1]-1. */
interface Adjacency {
  offsets: Int32Array;
  neighbour: Int32Array;
  winsFor: Float64Array; // W_ij
  winsAgainst: Float64Array; // W_ji
  played: Uint8Array; // 1 if the entity has at least one game
  /** Entities grouped by connected component: members componentStart[c]..componentStart[c+1]-1. */
  componentMembers: Int32Array;
  componentStart: Int32Array;
}

function buildAdjacency(counts: PairCounts): Adjacency {
  const n = counts.entityCount;
  const pairs = counts.first.length;
  const offsets = new Int32Array(n + 1);
  for (let p = 0; p < pairs; p++) {
    if (counts.firstWins[p] + counts.secondWins[p] + counts.ties[p] === 0) continue;
    offsets[counts.first[p] + 1]++;
    offsets[counts.second[p] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const edges = offsets[n];
  const neighbour = new Int32Array(edges);
  const winsFor = new Float64Array(edges);
  const winsAgainst = new Float64Array(edges);
  const played = new Uint8Array(n);
  const cursor = offsets.slice(0, n);
  for (let p = 0; p < pairs; p++) {
    const i = counts.first[p];
    const j = counts.second[p];
    const half = counts.ties[p] / 2;
    const wij = counts.firstWins[p] + half;
    const wji = counts.secondWins[p] + half;
    if (wij + wji === 0) continue;
    let e = cursor[i]++;
    neighbour[e] = j;
    winsFor[e] = wij;
    winsAgainst[e] = wji;
    e = cursor[j]++;
    neighbour[e] = i;
    winsFor[e] = wji;
    winsAgainst[e] = wij;
    played[i] = played[j] = 1;
  }
  const { componentMembers, componentStart } = components(offsets, neighbour);
  return { offsets, neighbour, winsFor, winsAgainst, played, componentMembers, componentStart };
}

/** Connected components by breadth-first search, members listed component after component. */
function components(offsets: Int32Array, neighbour: Int32Array): { componentMembers: Int32Array; componentStart: Int32Array } {
  const n = offsets.length - 1;
  const seen = new Uint8Array(n);
  const members = new Int32Array(n);
  const starts: number[] = [];
  let filled = 0;
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    starts.push(filled);
    seen[root] = 1;
    members[filled++] = root;
    for (let head = filled - 1; head < filled; head++) {
      const i = members[head];
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const j = neighbour[e];
        if (!seen[j]) {
          seen[j] = 1;
          members[filled++] = j;
        }
      }
    }
  }
  starts.push(filled);
  return { componentMembers: members, componentStart: Int32Array.from(starts) };
}

/**
 * Multiplies each component's strengths by its optimal c (root of Σ cπ_i/(cπ_i + 1) = m/2, which
 * is increasing in ln c) and returns the largest |ln c| applied.
 */
function rescaleComponents(strengths: Float64Array, members: Int32Array, start: Int32Array): number {
  let largest = 0;
  for (let c = 0; c + 1 < start.length; c++) {
    const from = start[c];
    const to = start[c + 1];
    let x = 0; // ln c
    for (let step = 0; step < 100; step++) {
      let f = -(to - from) / 2;
      let slope = 0;
      for (let m = from; m < to; m++) {
        const sigma = 1 / (1 + 1 / (Math.exp(x) * strengths[members[m]]));
        f += sigma;
        slope += sigma * (1 - sigma);
      }
      if (!(slope > 0)) break;
      const delta = f / slope;
      x -= Math.max(-5, Math.min(5, delta)); // damped: a huge first step could overflow exp
      if (Math.abs(delta) < 1e-14) break;
    }
    if (x === 0 || !Number.isFinite(x)) continue;
    const factor = Math.exp(x);
    for (let m = from; m < to; m++) strengths[members[m]] *= factor;
    largest = Math.max(largest, Math.abs(x));
  }
  return largest;
}

/** Fits Bradley–Terry strengths to `counts` and returns them as anchored Elo-scale ratings. */
export function fitBradleyTerry(counts: PairCounts, options: BradleyTerryOptions = {}): BradleyTerryFit {
  const n = counts.entityCount;
  const priorGames = options.priorGames ?? DEFAULT_PRIOR_GAMES;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (!(priorGames >= 0)) throw new RangeError(`priorGames must be >= 0, got ${priorGames}`);
  const { offsets, neighbour, winsFor, winsAgainst, played, componentMembers, componentStart } = buildAdjacency(counts);
  const strengths = options.initialStrengths ? Float64Array.from(options.initialStrengths) : new Float64Array(n).fill(1);
  if (strengths.length !== n) throw new RangeError('initialStrengths has the wrong length');
  const priorHalf = priorGames / 2; // virtual wins (and losses) against the reference
  const lnTolerance = (tolerance * Math.LN10) / BT_SCALE;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    let maxChange = 0;
    for (let i = 0; i < n; i++) {
      const pi = strengths[i];
      const toReference = priorHalf / (pi + 1);
      let numerator = toReference; // W_i,ref · π_ref / (π_i + π_ref) with π_ref = 1
      let denominator = toReference; // W_ref,i / (π_i + π_ref)
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const pj = strengths[neighbour[e]];
        const inv = 1 / (pi + pj);
        numerator += winsFor[e] * pj * inv;
        denominator += winsAgainst[e] * inv;
      }
      if (numerator === 0 && denominator === 0) continue; // no games and no prior: nothing to learn
      const next = numerator / denominator;
      const change = Math.abs(Math.log(next / pi));
      if (!(change <= maxChange)) maxChange = change; // NaN (0 or ∞ strength) counts as not converged
      strengths[i] = next;
    }
    if (priorGames === 0) normalise(strengths, played);
    else maxChange += rescaleComponents(strengths, componentMembers, componentStart);
    converged = maxChange < lnTolerance;
  }
  return { ratings: anchoredRatings(strengths, played), strengths, iterations, converged };
}

/** Without a prior the likelihood is scale-free: keep the geometric mean of played entities at 1. */
function normalise(strengths: Float64Array, played: Uint8Array): void {
  let sumLog = 0;
  let count = 0;
  for (let i = 0; i < strengths.length; i++) {
    if (played[i]) {
      sumLog += Math.log(strengths[i]);
      count++;
    }
  }
  if (count === 0 || !Number.isFinite(sumLog)) return;
  const scale = Math.exp(-sumLog / count);
  for (let i = 0; i < strengths.length; i++) strengths[i] *= scale;
}

/** rating_i = 1000 + 400 · log10(π_i / g), g the geometric mean of π over played entities (over all, if `played` is omitted). */
export function anchoredRatings(strengths: Float64Array, played?: Uint8Array): Float64Array {
  const n = strengths.length;
  const ratings = new Float64Array(n);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    ratings[i] = (BT_SCALE * Math.log(strengths[i])) / Math.LN10;
    if (!played || played[i]) {
      sum += ratings[i];
      count++;
    }
  }
  const shift = BT_ANCHOR_RATING - (count > 0 ? sum / count : 0);
  for (let i = 0; i < n; i++) ratings[i] += shift;
  return ratings;
}
