// Records how a claimed job ended, inside the outcome transaction: succeeded, retried later, failed, dead, or cancelled.
import type { Queryable } from '../../db/db.ts';
import { LeaseLostError, type ClaimedJob, type FailedState, type JobError } from './job.ts';

/**
 * First statements of every outcome transaction. The battle row is locked first, then the job row
 * (the order every writer of a battle and its jobs follows, so outcomes of one battle queue behind
 * each other instead of deadlocking over the key-share locks their inserts take on the battle).
 * The job row is locked if, and only if, this claim still holds it: (id, locked_by, attempts) is
 * the fencing token, and after a lease expired and another worker re-claimed the job, attempts has
 * moved on and the stale outcome is refused.
 */
export async function lockOwnedJob(tx: Queryable, job: ClaimedJob): Promise<void> {
  await tx.query('select 1 from battles.battles where id = $1::uuid for update', [job.battleId]);
  const { rows } = await tx.query(
    `select id from execution.jobs
      where id = $1::bigint and locked_by = $2::text and attempts = $3::integer and status = 'running'
      for update`,
    [job.id, job.lockedBy, job.attempt],
  );
  if (rows.length === 0) throw new LeaseLostError(job.id);
}

export async function markSucceeded(tx: Queryable, job: ClaimedJob): Promise<void> {
  await tx.query(
    `update execution.jobs
        set status = 'succeeded', lease_until = null, locked_by = null, finished_at = now(), updated_at = now()
      where id = $1::bigint`,
    [job.id],
  );
}

export async function markCancelled(tx: Queryable, job: ClaimedJob, reason: string): Promise<void> {
  await tx.query(
    `update execution.jobs
        set status = 'cancelled', lease_until = null, locked_by = null, finished_at = now(), updated_at = now(),
            last_error_code = 'cancelled', last_error_message = left($2::text, 2000)
      where id = $1::bigint`,
    [job.id, reason],
  );
}

/**
 * A failed attempt: retryable errors go back to 'queued' with run_at pushed back by `delayMs` while
 * attempts remain, and are dead-lettered after the last one; other errors fail the job for good.
 * Writes the run_failed event the battle page shows. Returns where the job now is.
 */
export async function markFailed(tx: Queryable, job: ClaimedJob, error: JobError, delayMs: number): Promise<FailedState> {
  const state: FailedState = !error.retryable ? 'failed' : job.attempt < job.maxAttempts ? 'queued' : 'dead';
  const { rows } = await tx.query<{ run_at: string }>(
    `update execution.jobs
        set status = $2::text, lease_until = null, locked_by = null, updated_at = now(),
            run_at = case when $2::text = 'queued' then now() + make_interval(secs => $3::double precision / 1000) else run_at end,
            finished_at = case when $2::text = 'queued' then null else now() end,
            last_error_code = $4::text, last_error_message = left($5::text, 2000)
      where id = $1::bigint
      returning run_at`,
    [job.id, state, delayMs, error.code, error.message],
  );
  if (job.kind !== 'advance') {
    await tx.query(
      `insert into battles.events (battle_id, event_type, actor_id, metadata)
       values ($1::uuid, 'run_failed', null, jsonb_build_object(
         'job_id', $2::bigint, 'kind', $3::text, 'contender_id', $4::uuid, 'attempt', $5::integer,
         'code', $6::text, 'message', left($7::text, 2000), 'state', $8::text,
         'retry_at', case when $8::text = 'queued' then $9::timestamptz end))`,
      [job.battleId, job.id, job.kind, job.contenderId, job.attempt, error.code, error.message, state, rows[0]?.run_at ?? null],
    );
  }
  return state;
}
