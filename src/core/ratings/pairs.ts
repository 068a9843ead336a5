// Aggregates pairwise outcomes into per-pair counts, so fitting costs O(entities + pairs), not O(votes).
//
// Input: parallel typed arrays a[t], b[t] (entity indices 0..N-1) and outcome[t] = score of a
// (1 a wins, 0 b wins, 0.5 tie). Each unordered pair {i, j}, stored with i < j, keeps
//   firstWins  = decisive wins of i over j,   secondWins = decisive wins of j over i,
//   ties       = ties between them,           games = firstWins + secondWins + ties,
// and the usual count matrix follows: W_ij = firstWins + ties / 2 (ties count half to each side),
// N_ij = games. Only pairs that met are stored, in order of (i, j).
// One pass over the outcomes; up to DENSE_ENTITY_LIMIT entities the pass indexes a dense N×N
// table (no hashing, 30 ns-class per outcome), above it a Map keyed by i·N + j.
import type { OutcomeArray } from './elo.ts';

/** Pairwise outcomes held column-wise; `outcome` is the score of `a`. */
export interface PairwiseOutcomes {
  a: Int32Array;
  b: Int32Array;
  outcome: OutcomeArray;
}

/** Outcome counts per unordered pair (first < second). Counts are integers stored as doubles. */
export interface PairCounts {
  entityCount: number;
  first: Int32Array;
  second: Int32Array;
  firstWins: Float64Array;
  secondWins: Float64Array;
  ties: Float64Array;
}

/** Dense tables stay within 2048² · 3 · 4 bytes = 50 MB; with more entities than that, pairs are sparse anyway. */
const DENSE_ENTITY_LIMIT = 2048;

function invalid(t: number, a: number, b: number, outcome: number): RangeError {
  return new RangeError(`invalid outcome at ${t}: a=${a} b=${b} outcome=${outcome} (expected 0, 0.5 or 1)`);
}

/** Cell of an outcome within a pair: 0 first wins, 1 second wins, 2 tie; -1 if not 0, 0.5 or 1. */
function cellOf(scoreOfFirst: number): number {
  return scoreOfFirst === 1 ? 0 : scoreOfFirst === 0 ? 1 : scoreOfFirst === 0.5 ? 2 : -1;
}

/** Counts outcomes per pair of entities 0..entityCount-1. Throws on an index out of range, a self-pair or a score not in {0, 0.5, 1}. */
export function aggregatePairs(outcomes: PairwiseOutcomes, entityCount: number): PairCounts {
  const { a, b, outcome } = outcomes;
  const length = a.length;
  if (b.length !== length || outcome.length !== length) throw new RangeError('a, b and outcome must have equal lengths');
  if (!Number.isInteger(entityCount) || entityCount < 0) throw new RangeError(`bad entityCount ${entityCount}`);
  return entityCount <= DENSE_ENTITY_LIMIT
    ? aggregateDense(a, b, outcome, entityCount)
    : aggregateSparse(a, b, outcome, entityCount);
}

function aggregateDense(a: Int32Array, b: Int32Array, outcome: OutcomeArray, n: number): PairCounts {
  const table = new Uint32Array(n * n * 3); // (lo · n + hi) · 3 + cell
  for (let t = 0; t < a.length; t++) {
    const x = a[t];
    const y = b[t];
    const s = outcome[t];
    if (x >>> 0 >= n || y >>> 0 >= n || x === y) throw invalid(t, x, y, s);
    const cell = cellOf(x < y ? s : 1 - s);
    if (cell < 0) throw invalid(t, x, y, s);
    table[(x < y ? x * n + y : y * n + x) * 3 + cell]++;
  }
  let pairCount = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const base = (i * n + j) * 3;
      if (table[base] + table[base + 1] + table[base + 2] > 0) pairCount++;
    }
  }
  const counts = emptyCounts(n, pairCount);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const base = (i * n + j) * 3;
      if (table[base] + table[base + 1] + table[base + 2] === 0) continue;
      counts.first[p] = i;
      counts.second[p] = j;
      counts.firstWins[p] = table[base];
      counts.secondWins[p] = table[base + 1];
      counts.ties[p] = table[base + 2];
      p++;
    }
  }
  return counts;
}

function aggregateSparse(a: Int32Array, b: Int32Array, outcome: OutcomeArray, n: number): PairCounts {
  const slots = new Map<number, number>(); // lo · n + hi → slot
  let cells = new Float64Array(3 * 1024);
  for (let t = 0; t < a.length; t++) {
    const x = a[t];
    const y = b[t];
    const s = outcome[t];
    if (x >>> 0 >= n || y >>> 0 >= n || x === y) throw invalid(t, x, y, s);
    const cell = cellOf(x < y ? s : 1 - s);
    if (cell < 0) throw invalid(t, x, y, s);
    const key = x < y ? x * n + y : y * n + x;
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(key, slot);
      if (3 * slot + 3 > cells.length) {
        const grown = new Float64Array(cells.length * 2);
        grown.set(cells);
        cells = grown;
      }
    }
    cells[3 * slot + cell]++;
  }
  const keys = [...slots.keys()].sort((u, v) => u - v);
  const counts = emptyCounts(n, keys.length);
  keys.forEach((key, p) => {
    const slot = slots.get(key)!;
    counts.first[p] = Math.floor(key / n);
    counts.second[p] = key % n;
    counts.firstWins[p] = cells[3 * slot];
    counts.secondWins[p] = cells[3 * slot + 1];
    counts.ties[p] = cells[3 * slot + 2];
  });
  return counts;
}

/** Zeroed counts for `pairCount` pairs. */
export function emptyCounts(entityCount: number, pairCount: number): PairCounts {
  return {
    entityCount,
    first: new Int32Array(pairCount),
    second: new Int32Array(pairCount),
    firstWins: new Float64Array(pairCount),
    secondWins: new Float64Array(pairCount),
    ties: new Float64Array(pairCount),
  };
}

/** Per-entity totals: games, decisive wins and losses, ties. */
export interface EntityTotals {
  games: Float64Array;
  wins: Float64Array;
  losses: Float64Array;
  ties: Float64Array;
}

export function entityTotals(counts: PairCounts): EntityTotals {
  const n = counts.entityCount;
  const totals = { games: new Float64Array(n), wins: new Float64Array(n), losses: new Float64Array(n), ties: new Float64Array(n) };
  for (let p = 0; p < counts.first.length; p++) {
    const i = counts.first[p];
    const j = counts.second[p];
    const wi = counts.firstWins[p];
    const wj = counts.secondWins[p];
    const t = counts.ties[p];
    totals.wins[i] += wi;
    totals.losses[i] += wj;
    totals.wins[j] += wj;
    totals.losses[j] += wi;
    totals.ties[i] += t;
    totals.ties[j] += t;
    totals.games[i] += wi + wj + t;
    totals.games[j] += wi + wj + t;
  }
  return totals;
}

/** Dense N×N view, row-major: wins[i·N + j] = W_ij (ties half), games[i·N + j] = N_ij. */
export function countMatrix(counts: PairCounts): { wins: Float64Array; games: Float64Array } {
  const n = counts.entityCount;
  const wins = new Float64Array(n * n);
  const games = new Float64Array(n * n);
  for (let p = 0; p < counts.first.length; p++) {
    const i = counts.first[p];
    const j = counts.second[p];
    const t = counts.ties[p];
    wins[i * n + j] = counts.firstWins[p] + t / 2;
    wins[j * n + i] = counts.secondWins[p] + t / 2;
    games[i * n + j] = games[j * n + i] = counts.firstWins[p] + counts.secondWins[p] + t;
  }
  return { wins, games };
}
