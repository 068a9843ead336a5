// Ratings, leaderboards and judging read-outs. These endpoints belong to the ratings and judging
// work (issues 4 and 3) and may not exist on a server yet: pages call them through useResource with
// `optional`, so a 404 renders a "not available yet" state. The shapes are the ones docs/web.md asks for.
import { get, query } from './client.ts';

export type RatedEntityKind = 'human' | 'ai_lenser' | 'model';

export interface LeaderboardRow {
  rank: number;
  entity_kind: RatedEntityKind;
  entity_id: string;
  handle: string | null;
  display_name: string;
  rating: number;
  ci_low: number;
  ci_high: number;
  games: number;
  wins: number;
  draws: number;
  losses: number;
  win_rate: number;
}

export interface Leaderboard {
  category: string;
  method: string;
  computed_at: string;
  excluded_votes?: number;
  rows: LeaderboardRow[];
}

export interface RatingPoint {
  at: string;
  rating: number;
  battle_slug?: string | null;
}

export interface RatingHistory {
  entity_kind: RatedEntityKind;
  entity_id: string;
  display_name: string;
  points: RatingPoint[];
}

export interface Verdict {
  id: string;
  judge: { display_name: string; model_id?: string | null };
  winner_contender_id: string | null;
  is_draw: boolean;
  order_swapped?: boolean;
  explanation: string | null;
  created_at: string;
}

export interface Scorecard {
  contender_id: string;
  criterion_title: string;
  weight: number;
  result: 'pass' | 'fail' | 'partial' | 'skipped';
  explanation: string | null;
}

export interface RatingChange {
  contender_id: string | null;
  entity_kind: RatedEntityKind;
  display_name: string;
  handle: string | null;
  rating_before: number;
  rating_after: number;
  delta: number;
}

/** Leaderboard categories of issue 4: overall, and per judging mode, task source, content type. */
export const LEADERBOARD_CATEGORIES: Array<{ key: string; label: string; group: string }> = [
  { key: 'overall', label: 'Overall', group: 'Overall' },
  { key: 'judging_mode:community_vote', label: 'Community vote', group: 'Judging' },
  { key: 'judging_mode:ai_judge', label: 'AI judge', group: 'Judging' },
  { key: 'judging_mode:rubric_score', label: 'Rubric score', group: 'Judging' },
  { key: 'judging_mode:auto_score', label: 'Auto score', group: 'Judging' },
  { key: 'task_source:challenge', label: 'Challenges', group: 'Task' },
  { key: 'task_source:lens', label: 'Lenses', group: 'Task' },
  { key: 'task_source:workflow', label: 'Workflows', group: 'Task' },
  { key: 'content_type:text', label: 'Text', group: 'Content' },
  { key: 'content_type:code', label: 'Code', group: 'Content' },
  { key: 'content_type:markdown', label: 'Markdown', group: 'Content' },
];

const enc = encodeURIComponent;

export const ratingsApi = {
  leaderboard: (category: string, signal?: AbortSignal) => get<Leaderboard>(`/api/leaderboards/${enc(category)}`, signal),
  history: (kind: RatedEntityKind, entityId: string, category: string, signal?: AbortSignal) =>
    get<RatingHistory>(`/api/ratings/${enc(kind)}/${enc(entityId)}/history${query({ category })}`, signal),
  lenserRatings: (handle: string, signal?: AbortSignal) =>
    get<{ ratings: Array<{ category: string; rating: number; ci_low: number; ci_high: number; games: number; rank: number | null }>; xp: number | null }>(
      `/api/lensers/${enc(handle)}/ratings`, signal),
  verdicts: (battleId: string, signal?: AbortSignal) => get<Verdict[]>(`/api/battles/${enc(battleId)}/verdicts`, signal),
  scorecards: (battleId: string, signal?: AbortSignal) => get<Scorecard[]>(`/api/battles/${enc(battleId)}/scorecards`, signal),
  ratingChanges: (battleId: string, signal?: AbortSignal) => get<RatingChange[]>(`/api/battles/${enc(battleId)}/rating-changes`, signal),
};
