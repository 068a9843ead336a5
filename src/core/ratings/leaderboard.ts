// Composes the rating pipeline: outcomes → pair counts → Bradley–Terry fit → bootstrap intervals → ranked rows.
//
// One row per entity with at least one game (an entity with none has no evidence to rate), sorted
// by rank, then rating descending, then id. winRate = (wins + ties / 2) / games: the mean score,
// counting a tie as half a win as the fit does.
import { bootstrapBradleyTerry, type BootstrapOptions } from './bootstrap.ts';
import { aggregatePairs, entityTotals, type PairCounts, type PairwiseOutcomes } from './pairs.ts';
import { ranksFromIntervals } from './ranks.ts';

export interface LeaderboardRow {
  entityId: string;
  rating: number;
  lower: number;
  upper: number;
  rank: number;
  games: number;
  wins: number;
  losses: number;
  ties: number;
  winRate: number;
}

export interface LeaderboardOptions extends BootstrapOptions {
  /** Id of entity i at index i; defaults to String(i). */
  entityIds?: readonly string[];
}

/** Leaderboard rows from raw pairwise outcomes over entities 0..entityCount-1. */
export function buildLeaderboard(
  outcomes: PairwiseOutcomes,
  entityCount: number,
  options: LeaderboardOptions = {},
): LeaderboardRow[] {
  return leaderboardFromCounts(aggregatePairs(outcomes, entityCount), options);
}

/** Leaderboard rows from counts already aggregated (e.g. kept up to date incrementally). */
export function leaderboardFromCounts(counts: PairCounts, options: LeaderboardOptions = {}): LeaderboardRow[] {
  const n = counts.entityCount;
  const ids = options.entityIds;
  if (ids && ids.length !== n) throw new RangeError(`entityIds has ${ids.length} ids for ${n} entities`);
  const { fit, lower, upper } = bootstrapBradleyTerry(counts, options);
  const totals = entityTotals(counts);
  const played: number[] = [];
  for (let i = 0; i < n; i++) if (totals.games[i] > 0) played.push(i);
  const ranks = ranksFromIntervals(
    played.map((i) => lower[i]),
    played.map((i) => upper[i]),
  );
  const rows = played.map((i, r): LeaderboardRow => {
    const games = totals.games[i];
    return {
      entityId: ids ? ids[i] : String(i),
      rating: fit.ratings[i],
      lower: lower[i],
      upper: upper[i],
      rank: ranks[r],
      games,
      wins: totals.wins[i],
      losses: totals.losses[i],
      ties: totals.ties[i],
      winRate: (totals.wins[i] + totals.ties[i] / 2) / games,
    };
  });
  return rows.sort(
    (x, y) => x.rank - y.rank || y.rating - x.rating || (x.entityId < y.entityId ? -1 : x.entityId > y.entityId ? 1 : 0),
  );
}
