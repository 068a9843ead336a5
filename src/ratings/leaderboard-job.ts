// Recomputes the global leaderboards: reads pair counts aggregated in SQL, fits Bradley–Terry with
// bootstrap intervals (src/core/ratings), and publishes a snapshot per leaderboard whose inputs
// changed. Called on demand (POST /api/leaderboards/recompute) and by the scheduler every 10 minutes.
import { canonicalHash } from '../core/canonical-json.ts';
import {
  BT_ANCHOR_RATING,
  BT_SCALE,
  DEFAULT_BOOTSTRAP_ROUNDS,
  DEFAULT_BOOTSTRAP_SEED,
  DEFAULT_CONFIDENCE_LEVEL,
  DEFAULT_PRIOR_GAMES,
  leaderboardFromCounts,
  type LeaderboardOptions,
} from '../core/ratings/index.ts';
import type { Db } from '../db/db.ts';
import type { Logger } from '../logging/logger.ts';
import type { ScheduledJob } from '../ops/scheduler.ts';
import { ENTITY_KINDS, type EntityKind } from './categories.ts';
import { readLeaderboardInputs, type LeaderboardInput } from './leaderboard-inputs.ts';
import { publishSnapshot, type SnapshotRow } from './snapshots.ts';

export const LEADERBOARD_JOB_NAME = 'recompute-leaderboards';
/** Every 10 minutes: a vote shows up on the leaderboards within that, and an unchanged refit costs one read. */
export const LEADERBOARD_JOB_SCHEDULE = '*/10 * * * *';

export interface RecomputeOptions {
  /** Only these categories (each computed even when empty); default: every category with data, and 'overall'. */
  categories?: readonly string[];
  entityKinds?: readonly EntityKind[];
  /** Store a snapshot even when the inputs did not change. */
  force?: boolean;
  rounds?: number;
  seed?: number;
  level?: number;
  priorGames?: number;
  logger?: Logger;
}

export interface RecomputeResult {
  category: string;
  entityKind: EntityKind;
  snapshotId: string;
  /** False when the latest snapshot already covered the same inputs. */
  stored: boolean;
  entities: number;
  outcomesCount: number;
  excludedVotes: number;
}

/** The fit's parameters as stored in params (and hashed with the inputs). */
export function leaderboardParams(opts: RecomputeOptions = {}) {
  return {
    bootstrap_rounds: opts.rounds ?? DEFAULT_BOOTSTRAP_ROUNDS,
    seed: opts.seed ?? DEFAULT_BOOTSTRAP_SEED,
    level: opts.level ?? DEFAULT_CONFIDENCE_LEVEL,
    prior_games: opts.priorGames ?? DEFAULT_PRIOR_GAMES,
    scale: BT_SCALE,
    anchor: BT_ANCHOR_RATING,
    interval: 'percentile bootstrap over pair counts',
  };
}

export type LeaderboardParams = ReturnType<typeof leaderboardParams>;

/** The options buildLeaderboard/leaderboardFromCounts get for these parameters (a test reuses them). */
export function leaderboardOptions(params: LeaderboardParams, entityIds: readonly string[]): LeaderboardOptions {
  return { entityIds, rounds: params.bootstrap_rounds, seed: params.seed, level: params.level, fit: { priorGames: params.prior_games } };
}

/** Fits one leaderboard; an empty one has no rows. */
export function fitLeaderboard(input: LeaderboardInput, params: LeaderboardParams): SnapshotRow[] {
  if (input.entityIds.length === 0) return [];
  return leaderboardFromCounts(input.counts, leaderboardOptions(params, input.entityIds)).map((r) => ({
    entity_id: r.entityId,
    rank: r.rank,
    rating: r.rating,
    lower: r.lower,
    upper: r.upper,
    games: r.games,
    wins: r.wins,
    losses: r.losses,
    ties: r.ties,
    win_rate: r.winRate,
  }));
}

export async function recomputeLeaderboards(db: Db, opts: RecomputeOptions = {}): Promise<RecomputeResult[]> {
  const params = leaderboardParams(opts);
  const inputs = await db.transaction(async (tx) => {
    // One snapshot of the data for counts, coverage and exclusions alike.
    await tx.query('set transaction isolation level repeatable read, read only');
    return readLeaderboardInputs(tx, opts.categories ?? null, opts.entityKinds ?? ENTITY_KINDS);
  });
  const results: RecomputeResult[] = [];
  for (const input of inputs) {
    const started = performance.now();
    const rows = fitLeaderboard(input, params);
    const storedParams = { ...params, battles_count: input.battlesCount, entities: input.entityIds.length };
    const inputsSha256 = canonicalHash({
      pairs: input.pairs.map((p) => [p.first_id, p.second_id, Number(p.first_wins), Number(p.second_wins), Number(p.ties)]),
      outcomes_count: input.outcomesCount,
      excluded_votes: input.excludedVotes,
      params: storedParams,
    });
    const { id, stored } = await db.transaction((tx) =>
      publishSnapshot(
        tx,
        {
          category: input.category,
          entityKind: input.entityKind,
          outcomesCount: input.outcomesCount,
          excludedVotes: input.excludedVotes,
          dataThrough: input.dataThrough,
          params: storedParams,
          inputsSha256,
          rows,
        },
        opts.force,
      ),
    );
    opts.logger?.debug(
      { category: input.category, entityKind: input.entityKind, stored, entities: rows.length, ms: Math.round(performance.now() - started) },
      'leaderboard recomputed',
    );
    results.push({
      category: input.category,
      entityKind: input.entityKind,
      snapshotId: id,
      stored,
      entities: rows.length,
      outcomesCount: input.outcomesCount,
      excludedVotes: input.excludedVotes,
    });
  }
  return results;
}

/** The scheduled job: every leaderboard with data, each stored only when its inputs changed. */
export function leaderboardJob(db: Db, logger?: Logger): ScheduledJob {
  return {
    name: LEADERBOARD_JOB_NAME,
    schedule: LEADERBOARD_JOB_SCHEDULE,
    run: async () => {
      const results = await recomputeLeaderboards(db, { logger });
      logger?.info({ job: LEADERBOARD_JOB_NAME, leaderboards: results.length, stored: results.filter((r) => r.stored).length }, 'leaderboards recomputed');
      return results;
    },
  };
}
