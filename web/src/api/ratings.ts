// Ratings (src/api/routes/leaderboards.ts, docs/ratings.md): published Bradley–Terry leaderboards per
// category with current ELO beside them, and the ELO change log of a lenser or model.
import { ApiError, get, query } from './client.ts';

export type EntityKind = 'lenser' | 'model';

export interface LeaderboardRow {
  entity_id: string;
  handle: string | null;
  display_name: string | null;
  /** 1 + the number of entities whose whole 95% interval lies above this one. */
  rank: number;
  rating: number;
  lower: number;
  upper: number;
  games: number;
  wins: number;
  losses: number;
  ties: number;
  /** (wins + ties / 2) / games */
  win_rate: number;
  elo: number | null;
  elo_games: number | null;
}

export interface Leaderboard {
  id: string;
  category: string;
  entity_kind: EntityKind;
  method: string;
  computed_at: string;
  outcomes_count: number;
  excluded_votes: number;
  data_through: string | null;
  params: Record<string, unknown>;
  rows: LeaderboardRow[];
}

export interface EloHistoryRow {
  log_id: number;
  battle_id: string;
  reason: 'battle' | 'reversal';
  rating_before: number;
  rating_after: number;
  delta: number;
  k: number;
  expected_score: number;
  outcome: number;
  opponents: number;
  formula_version: string;
  reverses_log_id: number | null;
  created_at: string;
}

export interface EloHistory {
  entity_kind: EntityKind;
  entity_id: string;
  current: { rating: number; games: number; updated_at: string } | null;
  history: EloHistoryRow[];
}

/** Leaderboard categories: 'overall' or '<axis>:<value>' (src/ratings/categories.ts). */
export const LEADERBOARD_CATEGORIES: Array<{ key: string; label: string; group: string }> = [
  { key: 'overall', label: 'Overall', group: 'Overall' },
  { key: 'judging_mode:community_vote', label: 'Community vote', group: 'Judging' },
  { key: 'judging_mode:ai_judge', label: 'AI judge', group: 'Judging' },
  { key: 'judging_mode:rubric_score', label: 'Rubric score', group: 'Judging' },
  { key: 'judging_mode:auto_score', label: 'Auto score', group: 'Judging' },
  { key: 'task_source:challenge', label: 'Challenges', group: 'Task' },
  { key: 'task_source:lens', label: 'Lenses', group: 'Task' },
  { key: 'task_source:workflow', label: 'Workflows', group: 'Task' },
  { key: 'challenge_type:math_calculation', label: 'Math calculation', group: 'Challenge type' },
  { key: 'challenge_type:writing_contest', label: 'Writing contest', group: 'Challenge type' },
  { key: 'content_type:text', label: 'Text', group: 'Content' },
  { key: 'content_type:markdown', label: 'Markdown', group: 'Content' },
  { key: 'content_type:code', label: 'Code', group: 'Content' },
];

const enc = encodeURIComponent;

export const ratingsApi = {
  /** null: this leaderboard has not been computed yet (404 leaderboard_not_computed). */
  leaderboard: async (category: string, entity: EntityKind, signal?: AbortSignal): Promise<Leaderboard | null> => {
    try {
      return await get<Leaderboard>(`/api/leaderboards/${enc(category)}${query({ entity })}`, signal);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'leaderboard_not_computed') return null;
      throw err;
    }
  },
  history: (kind: EntityKind, entityId: string, signal?: AbortSignal) =>
    get<EloHistory>(`/api/ratings/${enc(kind)}/${enc(entityId)}/history`, signal),
};

/** Rating points for a chart: the rating before the first change, then after each change. */
export function historyPoints(h: EloHistory): Array<{ at: string; rating: number }> {
  if (!h.history.length) return [];
  // The starting rating is drawn a little before the first change so the line has a first step.
  const start = new Date(Date.parse(h.history[0].created_at) - 3_600_000).toISOString();
  return [{ at: start, rating: h.history[0].rating_before }, ...h.history.map((r) => ({ at: r.created_at, rating: r.rating_after }))];
}
