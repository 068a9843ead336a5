// Reads of the online ELO: an entity's current rating and its change log, for charts. Runs as the
// caller, so rows of battles the caller cannot see stay hidden (row-level security on the log).
import { withClaims, type Claims } from '../db/claims.ts';
import type { Db } from '../db/db.ts';
import { toAppError } from '../db/errors.ts';
import type { EntityKind } from './categories.ts';

export interface EloHistoryRow {
  log_id: number;
  battle_id: string;
  reason: 'battle' | 'reversal' | 'correction';
  rating_before: number;
  rating_after: number;
  delta: number;
  k: number;
  expected_score: number;
  outcome: number;
  opponents: number;
  formula_version: string;
  reverses_log_id: number | null;
  correction_id: number | null;
  created_at: Date;
}

export interface EloHistory {
  entity_kind: EntityKind;
  entity_id: string;
  current: { rating: number; games: number; updated_at: Date } | null;
  history: EloHistoryRow[];
}

export async function eloHistory(db: Db, claims: Claims, kind: EntityKind, entityId: string, limit = 1000): Promise<EloHistory> {
  try {
    return await withClaims(db, claims, async (tx) => {
      const current = await tx.query<{ rating: number; games: number; updated_at: Date }>(
        'select rating, games, updated_at from reputation.elo_ratings where entity_kind = $1::text and entity_id = $2::uuid',
        [kind, entityId],
      );
      const history = await tx.query<EloHistoryRow>('select * from reputation.fn_elo_history($1::text, $2::uuid, $3::integer)', [
        kind,
        entityId,
        limit,
      ]);
      return { entity_kind: kind, entity_id: entityId, current: current.rows[0] ?? null, history: history.rows };
    });
  } catch (err) {
    throw toAppError(err);
  }
}
