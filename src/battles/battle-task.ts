// The task text of a battle as contenders and judges read it: the creator's prompt plus the generated challenge or workflow.
import { serviceClaims, withClaims } from '../db/claims.ts';
import type { Db } from '../db/db.ts';
import { ensureChallenge } from './challenge-instance.ts';
import { taskText, workflowProcedure } from './contender-prompt.ts';

export async function battleTaskText(db: Db, battleId: string): Promise<string> {
  const { rows } = await withClaims(db, serviceClaims(), (tx) =>
    tx.query<{ task_prompt: string; has_challenge: boolean; definition: unknown }>(
      `select b.task_prompt, jsonb_typeof(b.rule_snapshot #> '{judging,challenge}') = 'object' as has_challenge,
              w.definition
         from battles.battles b left join workflows.workflows w on w.id = b.workflow_id
        where b.id = $1::uuid`,
      [battleId],
    ),
  );
  const row = rows[0];
  if (!row) throw new Error(`battle ${battleId} not found`);
  if (row.has_challenge) {
    const challenge = await ensureChallenge(db, battleId);
    return taskText(row.task_prompt, challenge?.prompt ?? null);
  }
  return taskText(row.task_prompt, workflowProcedure(row.definition));
}
