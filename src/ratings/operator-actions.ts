// Operator moves on ratings, as the caller (the SQL checks the caller is an operator or the system):
// excluding an abusive vote from the leaderboards, reversing a battle's result, and correcting it.
import { withClaims, type Claims } from '../db/claims.ts';
import type { Db } from '../db/db.ts';
import { toAppError } from '../db/errors.ts';

async function callJson<T>(db: Db, claims: Claims, sql: string, params: unknown[]): Promise<T> {
  try {
    return await withClaims(db, claims, async (tx) => (await tx.query<{ result: T }>(sql, params)).rows[0].result);
  } catch (err) {
    throw toAppError(err);
  }
}

export interface VoteExclusion {
  vote_id: string;
  battle_id: string;
  already_excluded: boolean;
}

/** battles.fn_exclude_vote: the vote stops counting for leaderboards (idempotent). */
export function excludeVote(db: Db, claims: Claims, voteId: string, reason: string): Promise<VoteExclusion> {
  return callJson(db, claims, 'select battles.fn_exclude_vote($1::uuid, $2::text) as result', [voteId, reason]);
}

export interface EloReversal {
  battle_id: string;
  reversed: boolean;
  log_rows: number;
}

/**
 * reputation.fn_reverse_elo_for_battle: compensating log rows subtract the battle's deltas, and the
 * battle leaves the leaderboards and takes back its XP (idempotent).
 */
export function reverseBattleElo(db: Db, claims: Claims, battleId: string, reason: string): Promise<EloReversal> {
  return callJson(db, claims, 'select reputation.fn_reverse_elo_for_battle($1::uuid, $2::text) as result', [battleId, reason]);
}

export interface ResultCorrection {
  battle_id: string;
  correction_id: number;
  /** Contender id → corrected rank (1 best). */
  ranks: Record<string, number>;
  winner_contender_id: string | null;
  /** Log rows that took back the previous result's deltas. */
  reversed_log_rows: number;
  /** Log rows that applied the corrected result. */
  log_rows: number;
}

export type CorrectedResult = { ranks: Record<string, number> } | { winnerContenderId: string };

/**
 * reputation.fn_correct_battle_result: the old result's ELO deltas are compensated, the corrected
 * result is rated, and leaderboard counts and XP follow, in one transaction.
 */
export function correctBattleResult(db: Db, claims: Claims, battleId: string, reason: string, result: CorrectedResult): Promise<ResultCorrection> {
  return callJson(db, claims, 'select reputation.fn_correct_battle_result($1::uuid, $2::text, $3::jsonb, $4::uuid) as result', [
    battleId,
    reason,
    'ranks' in result ? JSON.stringify(result.ranks) : null,
    'winnerContenderId' in result ? result.winnerContenderId : null,
  ]);
}

/** True for operators and the system (service_role), as lensers.fn_is_operator() decides. */
export async function isOperator(db: Db, claims: Claims): Promise<boolean> {
  return callJson(db, claims, 'select lensers.fn_is_operator() as result', []);
}
