// Stored leaderboards (reputation.leaderboard_snapshots): publishing one, and reading the latest
// with names and online ELO joined in (reputation.fn_leaderboard_get).
import type { Queryable } from '../db/db.ts';
import type { EntityKind } from './categories.ts';

/** One ranked entity as stored in a snapshot. */
export interface SnapshotRow {
  entity_id: string;
  rank: number;
  rating: number;
  lower: number;
  upper: number;
  games: number;
  wins: number;
  losses: number;
  ties: number;
  win_rate: number;
}

export interface NewSnapshot {
  category: string;
  entityKind: EntityKind;
  outcomesCount: number;
  excludedVotes: number;
  dataThrough: Date | null;
  params: Record<string, unknown>;
  inputsSha256: string;
  rows: SnapshotRow[];
}

/** A published leaderboard as the API returns it: rows carry handle, display_name, elo, elo_games. */
export interface Leaderboard {
  id: string;
  category: string;
  entity_kind: EntityKind;
  method: 'bradley_terry';
  computed_at: string;
  outcomes_count: number;
  excluded_votes: number;
  data_through: string | null;
  params: Record<string, unknown>;
  rows: Array<SnapshotRow & { handle: string | null; display_name: string | null; elo: number | null; elo_games: number | null }>;
}

// Fixed key: publications of all leaderboards take turns, so two schedulers (several API processes)
// computing the same inputs store one snapshot, not two.
const PUBLISH_LOCK_KEY = 7_160_443_018;

/**
 * Stores a snapshot unless the latest one of the same leaderboard was fitted on the same inputs (and
 * `force` is off). Returns the stored or the unchanged snapshot's id.
 */
export async function publishSnapshot(tx: Queryable, s: NewSnapshot, force = false): Promise<{ id: string; stored: boolean }> {
  await tx.query('select pg_advisory_xact_lock($1::bigint)', [PUBLISH_LOCK_KEY]);
  const latest = await tx.query<{ id: string; inputs_sha256: string }>(
    `select id, inputs_sha256 from reputation.leaderboard_snapshots
      where category = $1::text and entity_kind = $2::text
      order by computed_at desc, id desc limit 1`,
    [s.category, s.entityKind],
  );
  if (!force && latest.rows[0]?.inputs_sha256 === s.inputsSha256) return { id: latest.rows[0].id, stored: false };
  const { rows } = await tx.query<{ id: string }>(
    `insert into reputation.leaderboard_snapshots
       (category, entity_kind, method, outcomes_count, excluded_votes, data_through, params, inputs_sha256, rows)
     values ($1::text, $2::text, 'bradley_terry', $3::bigint, $4::bigint, $5::timestamptz, $6::jsonb, $7::text, $8::jsonb)
     returning id`,
    [s.category, s.entityKind, s.outcomesCount, s.excludedVotes, s.dataThrough, JSON.stringify(s.params), s.inputsSha256, JSON.stringify(s.rows)],
  );
  return { id: rows[0].id, stored: true };
}

/** The latest snapshot of a leaderboard, or null when none was computed yet. */
export async function getLeaderboard(q: Queryable, category: string, entityKind: EntityKind): Promise<Leaderboard | null> {
  const { rows } = await q.query<{ board: Leaderboard | null }>(
    'select reputation.fn_leaderboard_get($1::text, $2::text) as board',
    [category, entityKind],
  );
  return rows[0]?.board ?? null;
}

export interface LeaderboardSummary {
  category: string;
  entity_kind: EntityKind;
  computed_at: Date;
  outcomes_count: number;
  entities: number;
}

export async function listLeaderboards(q: Queryable): Promise<LeaderboardSummary[]> {
  const { rows } = await q.query<LeaderboardSummary>(
    'select category, entity_kind, computed_at, outcomes_count, entities from reputation.fn_leaderboards_list()',
  );
  return rows;
}
