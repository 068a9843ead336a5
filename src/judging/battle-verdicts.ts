// The AI judge's pairwise verdicts of a battle, for its results page (GET /api/battles/:id/verdicts).
//
// Runs as the caller: row-level security on battles.judge_verdicts shows the rows only where the
// battle's results are visible to them (judge_verdicts_read, the same rule as the vote tallies), so
// a reader sees verdicts exactly when they see the ranking. A battle the caller cannot see at all is
// not_found, like every other read of it.
import { AppError } from '../core/app-error.ts';
import type { VerdictWinner } from '../core/judge-verdict.ts';
import { withClaims, type Claims } from '../db/claims.ts';
import type { Db, Queryable } from '../db/db.ts';
import { toAppError } from '../db/errors.ts';

/** One of the two runs of a pair: the entries in slot order ('first') or the other way round ('swapped'). */
export interface VerdictRun {
  order: 'first' | 'swapped';
  /** The contender the judge saw as entry A in this run. */
  shown_first_contender_id: string;
  winner_contender_id: string | null;
  is_draw: boolean;
  /** The judge's own words; in the swapped run "A" means the entry it was shown first. */
  explanation: string | null;
}

export interface PairVerdict {
  id: string;
  judge: { model_id: string; model: string; display_name: string };
  contender_a: string;
  contender_b: string;
  /** The pair's outcome: the winner both runs agree on, else a draw (pairwise_swapped_v1). */
  winner_contender_id: string | null;
  is_draw: boolean;
  agreed: boolean;
  runs: [VerdictRun, VerdictRun];
  created_at: string;
}

interface Row {
  id: string;
  judge_model_id: string;
  judge_model: string;
  judge_display_name: string;
  contender_a: string;
  contender_b: string;
  first_winner: VerdictWinner;
  swapped_winner: VerdictWinner;
  outcome: VerdictWinner;
  agreed: boolean;
  first_explanation: string | null;
  swapped_explanation: string | null;
  created_at: Date | string;
}

// Winners are stored in the original order (contender_a is the lower slot) for both runs.
const winnerOf = (w: VerdictWinner, a: string, b: string) => (w === 'A' ? a : w === 'B' ? b : null);

export function toPairVerdict(r: Row): PairVerdict {
  const run = (order: 'first' | 'swapped', w: VerdictWinner, explanation: string | null): VerdictRun => ({
    order,
    shown_first_contender_id: order === 'first' ? r.contender_a : r.contender_b,
    winner_contender_id: winnerOf(w, r.contender_a, r.contender_b),
    is_draw: w === 'draw',
    explanation,
  });
  return {
    id: r.id,
    judge: { model_id: r.judge_model_id, model: r.judge_model, display_name: r.judge_display_name },
    contender_a: r.contender_a,
    contender_b: r.contender_b,
    winner_contender_id: winnerOf(r.outcome, r.contender_a, r.contender_b),
    is_draw: r.outcome === 'draw',
    agreed: r.agreed,
    runs: [run('first', r.first_winner, r.first_explanation), run('swapped', r.swapped_winner, r.swapped_explanation)],
    created_at: r.created_at instanceof Date ? r.created_at.toISOString() : r.created_at,
  };
}

/** Throws not_found unless the caller may see the battle (drafts, invite-only, deleted). */
export async function requireVisibleBattle(tx: Queryable, battleId: string): Promise<void> {
  const { rows } = await tx.query<{ visible: boolean }>('select battles.fn_can_view($1::uuid) as visible', [battleId]);
  if (!rows[0]?.visible) throw new AppError('not_found', 'battle not found', 404);
}

export async function battleVerdicts(db: Db, claims: Claims, battleId: string): Promise<PairVerdict[]> {
  try {
    return await withClaims(db, claims, async (tx) => {
      await requireVisibleBattle(tx, battleId);
      const { rows } = await tx.query<Row>(
        `select v.id, v.judge_model_id, m.model_id as judge_model, m.display_name as judge_display_name,
                v.contender_a, v.contender_b, v.first_winner, v.swapped_winner, v.outcome, v.agreed,
                v.verdicts #>> '{first,explanation}' as first_explanation,
                v.verdicts #>> '{swapped,explanation}' as swapped_explanation, v.created_at
           from battles.judge_verdicts v
           join ai.models m on m.id = v.judge_model_id
           left join battles.contenders ca on ca.id = v.contender_a
           left join battles.contenders cb on cb.id = v.contender_b
          where v.battle_id = $1::uuid
          order by ca.slot, cb.slot, v.created_at, v.id`,
        [battleId],
      );
      return rows.map(toPairVerdict);
    });
  } catch (err) {
    throw toAppError(err);
  }
}
