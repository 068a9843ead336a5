// The scorecards of a battle, for its results page (GET /api/battles/:id/scorecards): one row per
// contender, rubric criterion and scorer, with the result and the scorer's explanation.
//
// 'rubric' cards make a rubric_score (a named human judge's, or the judge model's grading of one
// entry); 'pairwise' cards are the per-criterion results an ai_judge verdict gave both entries of a
// pair. The criterion's title and weight come from the rule snapshot frozen at publication (the
// weights the score was computed with), falling back to the rubric row. Runs as the caller:
// row-level security (scorecards_read) shows the cards only where the battle's results are visible.
import type { ScorecardResult } from '../core/scoring.ts';
import { withClaims, type Claims } from '../db/claims.ts';
import type { Db } from '../db/db.ts';
import { toAppError } from '../db/errors.ts';
import { requireVisibleBattle } from './battle-verdicts.ts';

export interface BattleScorecard {
  id: string;
  contender_id: string;
  kind: 'rubric' | 'pairwise';
  criterion_id: string | null;
  criterion_title: string | null;
  ordinal: number | null;
  weight: number | null;
  result: ScorecardResult;
  explanation: string | null;
  scorer: { kind: 'model' | 'lenser'; id: string; display_name: string; handle: string | null };
  verdict_id: string | null;
  created_at: string;
}

/** A row as the query returns it: flat scorer columns, timestamp not yet a string (numeric is parsed by both backends). */
interface Row extends Omit<BattleScorecard, 'scorer' | 'created_at'> {
  scorer_lenser_id: string | null;
  scorer_model_id: string | null;
  scorer_display_name: string;
  scorer_handle: string | null;
  created_at: Date | string;
}

export async function battleScorecards(db: Db, claims: Claims, battleId: string): Promise<BattleScorecard[]> {
  try {
    return await withClaims(db, claims, async (tx) => {
      await requireVisibleBattle(tx, battleId);
      const { rows } = await tx.query<Row>(
        `select sc.id, sc.contender_id, sc.kind, sc.rubric_criterion_id as criterion_id,
                coalesce(k.title, rc.title) as criterion_title, coalesce(k.ordinal, rc.ordinal) as ordinal,
                coalesce(k.weight, rc.weight) as weight, sc.result::text as result, sc.explanation,
                sc.scorer_lenser_id, sc.scorer_model_id,
                coalesce(p.display_name, m.display_name) as scorer_display_name, p.handle as scorer_handle,
                sc.verdict_id, sc.created_at
           from battles.scorecards sc
           join battles.battles b on b.id = sc.battle_id
           left join lateral (
                  select c ->> 'title' as title, (c ->> 'ordinal')::integer as ordinal, (c ->> 'weight')::numeric as weight
                    from jsonb_array_elements(coalesce(b.rule_snapshot #> '{rubric,criteria}', '[]')) c
                   where c ->> 'id' = sc.rubric_criterion_id::text) k on true
           left join battles.rubric_criteria rc on rc.id = sc.rubric_criterion_id
           left join battles.contenders ct on ct.id = sc.contender_id
           left join lensers.profiles p on p.id = sc.scorer_lenser_id
           left join ai.models m on m.id = sc.scorer_model_id
          where sc.battle_id = $1::uuid
          order by ct.slot, sc.kind desc, coalesce(k.ordinal, rc.ordinal) nulls last, sc.verdict_id, sc.created_at, sc.id`,
        [battleId],
      );
      return rows.map((r): BattleScorecard => ({
        id: r.id,
        contender_id: r.contender_id,
        kind: r.kind,
        criterion_id: r.criterion_id,
        criterion_title: r.criterion_title,
        ordinal: r.ordinal,
        weight: r.weight,
        result: r.result,
        explanation: r.explanation,
        scorer: r.scorer_lenser_id
          ? { kind: 'lenser', id: r.scorer_lenser_id, display_name: r.scorer_display_name, handle: r.scorer_handle }
          : { kind: 'model', id: r.scorer_model_id!, display_name: r.scorer_display_name, handle: null },
        verdict_id: r.verdict_id,
        created_at: r.created_at instanceof Date ? r.created_at.toISOString() : r.created_at,
      }));
    });
  } catch (err) {
    throw toAppError(err);
  }
}
