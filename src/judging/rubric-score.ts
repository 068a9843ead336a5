// rubric_score by the AI judge: one entry graded on every criterion of the frozen rubric, stored as scorecards.
//
// The score itself is computed in SQL at finalization (battles.fn_judging_scores, rubric branch:
// Σ weight·value / Σ weight per scorer, skipped left out), the same rule as scoreRubric in
// src/core/scoring.ts. Grading one entry alone has no order to bias, so there is no swap here.
import type { HandlerContext } from '../battles/job-handlers.ts';
import type { ClaimedJob, JobOutcome } from '../battles/jobs/job.ts';
import { insertRun, timedCall } from '../battles/run-record.ts';
import { rubricRequest } from './judge-prompt.ts';
import { JUDGE_MODEL_MISSING, loadEntries, loadJudgingContext } from './judging-context.ts';
import { parseRubricGrade } from './rubric-grade.ts';

export async function runJudgeRubric(job: ClaimedJob, ctx: HandlerContext): Promise<JobOutcome> {
  const jc = await loadJudgingContext(ctx.db, job.battleId);
  if (jc.status !== 'scoring') return { status: 'cancelled', reason: `the battle is ${jc.status}, not scoring` };
  if (!jc.judge) return { status: 'failed', error: JUDGE_MODEL_MISSING };
  if (jc.criteria.length === 0) {
    return { status: 'failed', error: { code: 'rubric_required', message: 'this battle has no rubric to grade with', retryable: false } };
  }
  const judge = jc.judge;
  const [entry] = await loadEntries(ctx.db, job.battleId, [job.contenderId!]);
  if (!entry) return { status: 'cancelled', reason: 'the entry is no longer in the running' };

  const request = rubricRequest(judge.model_id, jc.task, jc.criteria, entry);
  const params = { max_tokens: request.maxTokens, temperature: request.temperature ?? null };
  const call = await timedCall(ctx, judge, request, params); // a failed call is recorded as a failed run below
  const parsed = call.result ? parseRubricGrade(call.result.text, jc.criteria.map((c) => c.key)) : null;
  if (parsed && !parsed.ok) call.error = { code: parsed.code, message: parsed.message, retryable: true };
  const recordRun = (status: 'succeeded' | 'failed' | 'dead') => (tx: Parameters<typeof insertRun>[0]) =>
    insertRun(tx, job, call, { purpose: 'judge_rubric', contenderId: entry.contenderId, runnerId: ctx.runnerId, status });
  if (call.error || !parsed?.ok) {
    return { status: 'failed', error: call.error!, record: (tx, state) => recordRun(state === 'dead' ? 'dead' : 'failed')(tx) };
  }
  const grade = parsed.grade;
  return {
    status: 'succeeded',
    record: async (tx) => {
      await recordRun('succeeded')(tx);
      for (const c of grade.criteria) {
        const criterion = jc.criteria.find((k) => k.key === c.criterionId)!;
        await tx.query(
          `insert into battles.scorecards (battle_id, contender_id, rubric_criterion_id, result, scorer_model_id, explanation, kind, run_id)
           values ($1::uuid, $2::uuid, $3::uuid, $4::battles.scorecard_result_enum, $5::uuid, left($6::text, 5000), 'rubric', $7::uuid)
           on conflict (contender_id, rubric_criterion_id, scorer_model_id) where kind = 'rubric' and scorer_lenser_id is null
           do update set result = excluded.result, explanation = excluded.explanation, run_id = excluded.run_id, updated_at = now()`,
          [job.battleId, entry.contenderId, criterion.id, c.result, judge.id, c.explanation, call.id],
        );
      }
      await tx.query(
        `insert into battles.events (battle_id, event_type, actor_id, metadata)
         values ($1::uuid, 'run_completed', null, jsonb_build_object('job_id', $2::bigint, 'kind', 'judge_rubric',
           'run_id', $3::uuid, 'contender_id', $4::uuid))`,
        [job.battleId, job.id, call.id, entry.contenderId],
      );
    },
  };
}
