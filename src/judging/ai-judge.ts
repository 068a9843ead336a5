// ai_judge: one pair of entries judged twice, the second time in swapped order; the two verdicts combined cancel position bias.
//
// Protocol pairwise_swapped_v1 (docs/judging.md): the judge model sees the task, the rubric if
// any, and entries A and B wrapped as data (judge-prompt.ts); then the same with B shown first.
// Each reply must be a verdict (src/core/judge-verdict.ts, zod); combineSwapped keeps a winner only
// when both orders pick the same contender, anything else is a draw. A reply that is not a valid
// verdict fails the attempt with judge_bad_json: the job is retried, then dead-lettered.
import type { Queryable } from '../db/db.ts';
import { combineSwapped, parseJudgeVerdict, unswapVerdict, type JudgeVerdict } from '../core/judge-verdict.ts';
import type { HandlerContext } from '../battles/job-handlers.ts';
import type { ClaimedJob, JobError, JobOutcome } from '../battles/jobs/job.ts';
import { insertRun, timedCall, type CallRecord } from '../battles/run-record.ts';
import { pairwiseRequest, type JudgeCriterion } from './judge-prompt.ts';
import { JUDGE_MODEL_MISSING, loadEntries, loadJudgingContext } from './judging-context.ts';

/** A verdict with a rubric must assess every criterion key exactly once. */
function criteriaProblem(verdict: JudgeVerdict, criteria: readonly JudgeCriterion[]): string | null {
  if (criteria.length === 0) return null;
  const given = (verdict.criteria ?? []).map((c) => c.criterionId.trim());
  const expected = criteria.map((c) => c.key);
  const ok = given.length === expected.length && expected.every((k) => given.includes(k));
  return ok ? null : `The verdict must assess each criterion (${expected.join(', ')}) exactly once; it assessed ${given.join(', ') || 'none'}.`;
}

/** Parses a judged call in place: a reply that is no valid verdict becomes the call's error. */
function verdictOf(call: CallRecord, criteria: readonly JudgeCriterion[]): JudgeVerdict | null {
  if (!call.result) return null;
  const parsed = parseJudgeVerdict(call.result.text);
  const problem = parsed.ok ? criteriaProblem(parsed.verdict, criteria) : [parsed.message, ...parsed.issues].join(' ');
  if (parsed.ok && problem === null) return parsed.verdict;
  call.error = { code: 'judge_bad_json', message: problem ?? 'invalid verdict', retryable: true };
  return null;
}

export async function runJudgePair(job: ClaimedJob, ctx: HandlerContext): Promise<JobOutcome> {
  const [idA, idB] = [job.payload.contender_a as string, job.payload.contender_b as string];
  const jc = await loadJudgingContext(ctx.db, job.battleId);
  if (jc.status !== 'scoring') return { status: 'cancelled', reason: `the battle is ${jc.status}, not scoring` };
  if (!jc.judge) return { status: 'failed', error: JUDGE_MODEL_MISSING };
  const judge = jc.judge;
  const entries = await loadEntries(ctx.db, job.battleId, [idA, idB]);
  const a = entries.find((e) => e.contenderId === idA);
  const b = entries.find((e) => e.contenderId === idB);
  if (!a || !b) return { status: 'cancelled', reason: 'one of the two entries is no longer in the running' };

  const call = (req: ReturnType<typeof pairwiseRequest>, order: 'first' | 'swapped') =>
    timedCall(ctx, judge, req, { order, max_tokens: req.maxTokens, temperature: req.temperature ?? null });
  // Both orders at once: they are independent, and the pair then takes one judge latency.
  const [first, swapped] = await Promise.all([
    call(pairwiseRequest(judge.model_id, jc.task, jc.criteria, a, b), 'first'),
    call(pairwiseRequest(judge.model_id, jc.task, jc.criteria, b, a), 'swapped'),
  ]);
  const v1 = verdictOf(first, jc.criteria);
  const v2 = verdictOf(swapped, jc.criteria);
  const runs = async (tx: Queryable, failedAs: 'failed' | 'dead') => {
    for (const c of [first, swapped]) {
      await insertRun(tx, job, c, { purpose: 'judge_pair', contenderId: null, runnerId: ctx.runnerId, status: c.error ? failedAs : 'succeeded' });
    }
  };
  if (!v1 || !v2) {
    const error: JobError = (first.error ?? swapped.error)!;
    return { status: 'failed', error, record: (tx, state) => runs(tx, state === 'dead' ? 'dead' : 'failed') };
  }

  const combined = combineSwapped(v1, v2);
  const inOrder = unswapVerdict(v2); // the swapped run's verdict, with A and B as in the first run
  return {
    status: 'succeeded',
    record: async (tx) => {
      await runs(tx, 'failed');
      const { rows } = await tx.query<{ id: string }>(
        `insert into battles.judge_verdicts (battle_id, judge_model_id, contender_a, contender_b, first_winner, swapped_winner,
           outcome, agreed, first_run_id, swapped_run_id, verdicts, job_id)
         values ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::text, $6::text, $7::text, $8::boolean, $9::uuid, $10::uuid, $11::jsonb, $12::bigint)
         on conflict (battle_id, judge_model_id, contender_a, contender_b) do nothing
         returning id`,
        [job.battleId, judge.id, a.contenderId, b.contenderId, combined.firstWinner, combined.swappedWinner, combined.winner,
          combined.agreed, first.id, swapped.id, JSON.stringify({ first: v1, swapped: v2 }), job.id],
      );
      const verdictId = rows[0]?.id;
      if (verdictId) {
        for (const [order, v] of [['first', v1], ['swapped', inOrder]] as const) {
          for (const c of v.criteria ?? []) {
            const criterion = jc.criteria.find((k) => k.key === c.criterionId.trim())!;
            for (const [contender, result] of [[a.contenderId, c.resultA], [b.contenderId, c.resultB]] as const) {
              await tx.query(
                `insert into battles.scorecards (battle_id, contender_id, rubric_criterion_id, result, scorer_model_id, explanation,
                   kind, verdict_id, run_id)
                 values ($1::uuid, $2::uuid, $3::uuid, $4::battles.scorecard_result_enum, $5::uuid, left($6::text, 5000), 'pairwise', $7::uuid, $8::uuid)`,
                [job.battleId, contender, criterion.id, result, judge.id, `[${order} order] ${c.explanation}`, verdictId,
                  order === 'first' ? first.id : swapped.id],
              );
            }
          }
        }
      }
      await tx.query(
        `insert into battles.events (battle_id, event_type, actor_id, metadata)
         values ($1::uuid, 'run_completed', null, jsonb_build_object('job_id', $2::bigint, 'kind', 'judge_pair',
           'run_ids', jsonb_build_array($3::uuid, $4::uuid), 'contender_a', $5::uuid, 'contender_b', $6::uuid,
           'outcome', $7::text, 'agreed', $8::boolean))`,
        [job.battleId, job.id, first.id, swapped.id, a.contenderId, b.contenderId, combined.winner, combined.agreed],
      );
    },
  };
}
