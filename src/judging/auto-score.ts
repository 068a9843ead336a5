// auto_score: every entry scored by the challenge's own checker against the answer key generated from the secret seed.
//
// No model is involved: src/core/challenges scores math_calculation (exact answers, decimals within
// their rounding rule) and writing_contest (length and constraint checks as a weighted rubric).
// The answer key comes from the seed frozen (as a SHA-256) in the rule snapshot, so revealing the
// seed after finalization lets anyone regenerate the key and replay every score.
import { ensureChallenge } from '../battles/challenge-instance.ts';
import type { HandlerContext } from '../battles/job-handlers.ts';
import type { ClaimedJob, JobOutcome } from '../battles/jobs/job.ts';
import { getChallenge } from '../core/challenges/index.ts';
import { serviceClaims, withClaims } from '../db/claims.ts';
import { loadEntries } from './judging-context.ts';

export async function runAutoScore(job: ClaimedJob, ctx: HandlerContext): Promise<JobOutcome> {
  const { rows } = await withClaims(ctx.db, serviceClaims(), (tx) =>
    tx.query<{ status: string }>('select status from battles.battles where id = $1::uuid', [job.battleId]),
  );
  if (rows[0]?.status !== 'scoring') return { status: 'cancelled', reason: `the battle is ${rows[0]?.status}, not scoring` };
  const instance = await ensureChallenge(ctx.db, job.battleId);
  const challenge = instance ? getChallenge(instance.challengeType) : null;
  if (!instance || !challenge) {
    return { status: 'failed', error: { code: 'challenge_unknown', message: 'this battle has no auto-scored challenge', retryable: false } };
  }
  const entries = await loadEntries(ctx.db, job.battleId);
  const scored = entries.map((e) => ({ entry: e, ...challenge.score(instance.answerKey, e.text ?? '') }));
  return {
    status: 'succeeded',
    record: async (tx) => {
      for (const { entry, score, details } of scored) {
        await tx.query(
          `insert into battles.challenge_scores (battle_id, contender_id, submission_id, challenge_type, score, details, job_id)
           values ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::numeric, $6::jsonb, $7::bigint)
           on conflict (battle_id, contender_id) do update
             set submission_id = excluded.submission_id, score = excluded.score, details = excluded.details,
                 job_id = excluded.job_id, scored_at = now()`,
          [job.battleId, entry.contenderId, entry.submissionId, instance.challengeType, round10(score), JSON.stringify(details), job.id],
        );
      }
    },
  };
}

/** The column holds ten decimal places; rounding here keeps the stored value the one scored. */
function round10(x: number): string {
  return x.toFixed(10);
}
