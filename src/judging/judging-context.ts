// What a judging job reads before it calls the judge: the frozen judge model, the task, the rubric and the entries.
import type { JobError } from '../battles/jobs/job.ts';
import { MODEL_ROW_JSON_SQL, type ModelRow } from '../battles/model-providers.ts';
import { battleTaskText } from '../battles/battle-task.ts';
import { serviceClaims, withClaims } from '../db/claims.ts';
import type { Db } from '../db/db.ts';
import { criterionKeys, type JudgeCriterion, type JudgeEntry } from './judge-prompt.ts';

export interface JudgingContext {
  status: string;
  /** The judge frozen in the rule snapshot; null when the battle has none (judge_model_missing). */
  judge: ModelRow | null;
  task: string;
  /** The frozen rubric's criteria in order, with the short keys the judge answers with. */
  criteria: JudgeCriterion[];
}

export interface Entry extends JudgeEntry {
  contenderId: string;
  submissionId: string;
  slot: string;
}

export const JUDGE_MODEL_MISSING: JobError = {
  code: 'judge_model_missing',
  message: 'this battle has no judge model: set one before publishing (fn_battles_set_judging) or configure app.ai_judge_model_id',
  retryable: false,
};

export async function loadJudgingContext(db: Db, battleId: string): Promise<JudgingContext> {
  const { rows } = await withClaims(db, serviceClaims(), (tx) =>
    tx.query<{ status: string; judge: ModelRow | null; criteria: JudgeCriterion[] }>(
      `select b.status,
              (select ${MODEL_ROW_JSON_SQL}
                 from ai.models m where m.id = (b.rule_snapshot #>> '{judging,judge,model_id}')::uuid) as judge,
              coalesce((select jsonb_agg(jsonb_build_object('id', c ->> 'id', 'title', c ->> 'title',
                          'weight', (c ->> 'weight')::numeric, 'description', k.description) order by (c ->> 'ordinal')::integer)
                          from jsonb_array_elements(b.rule_snapshot #> '{rubric,criteria}') c
                          left join battles.rubric_criteria k on k.id = (c ->> 'id')::uuid), '[]') as criteria
         from battles.battles b where b.id = $1::uuid`,
      [battleId],
    ),
  );
  const row = rows[0];
  if (!row) throw new Error(`battle ${battleId} not found`);
  return {
    status: row.status,
    judge: row.judge,
    task: await battleTaskText(db, battleId),
    criteria: criterionKeys(row.criteria.map((c) => ({ ...c, weight: Number(c.weight) }))),
  };
}

/** The final entries of the given contenders (all contenders in the running when none are given). */
export async function loadEntries(db: Db, battleId: string, contenderIds?: readonly string[]): Promise<Entry[]> {
  const { rows } = await withClaims(db, serviceClaims(), (tx) =>
    tx.query<{ contender_id: string; submission_id: string; slot: string; text: string | null; url: string | null }>(
      `select s.contender_id, s.id as submission_id, c.slot, s.content_text as text, s.content_url as url
         from battles.submissions s join battles.contenders c on c.id = s.contender_id
        where s.battle_id = $1::uuid and s.is_final and s.status = 'submitted'
          and c.contender_status in ('active', 'accepted')
          and ($2::uuid[] is null or s.contender_id = any ($2::uuid[]))
        order by c.slot`,
      [battleId, contenderIds ?? null],
    ),
  );
  return rows.map((r) => ({ contenderId: r.contender_id, submissionId: r.submission_id, slot: r.slot, text: r.text, url: r.url }));
}
