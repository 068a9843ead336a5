// Claims due jobs for one worker: the only way a job starts running.
import { serviceClaims, withClaims } from '../../db/claims.ts';
import type { Db } from '../../db/db.ts';
import { jobFromRow, type ClaimedJob } from './job.ts';

/**
 * Expired leases on their last attempt are dead-lettered first: the worker that held them stopped
 * (crashed, or hung past its lease), and nobody may try again. Each gets a run_failed event so the
 * battle shows why it waits.
 */
const REAP_SQL = `
with reaped as (
  update execution.jobs
     set status = 'dead', lease_until = null, locked_by = null, finished_at = now(), updated_at = now(),
         last_error_code = 'lease_expired',
         last_error_message = 'the worker running this job stopped before finishing it, on its last attempt'
   where status = 'running' and lease_until < now() and attempts >= max_attempts
  returning id, kind, battle_id, contender_id, attempts
)
insert into battles.events (battle_id, event_type, actor_id, metadata)
select r.battle_id, 'run_failed', null,
       jsonb_build_object('job_id', r.id, 'kind', r.kind, 'contender_id', r.contender_id, 'attempt', r.attempts,
                          'code', 'lease_expired', 'state', 'dead')
  from reaped r where r.kind <> 'advance'`;

/**
 * The claim, in the style of graphile-worker's getJobs:
 * - FOR UPDATE SKIP LOCKED: concurrent workers step over rows another claimer has locked instead of
 *   waiting for them, so no row is handed to two workers and no worker blocks another.
 * - A lease, not a held lock: the claim commits at once (no transaction stays open during a model
 *   call). The job is ours until lease_until, which the worker keeps pushing back while it works
 *   (extend-leases.ts). A worker that dies stops pushing; once the lease has expired the job is due
 *   again and another worker re-claims it, counting a new attempt.
 * - The attempt number is the fencing token: outcome writes require (id, locked_by, attempts) to be
 *   unchanged (finish-job.ts), so a worker whose job was re-claimed cannot record a stale outcome.
 * - Oldest due first (run_at, id); retries wait in 'queued' until their backoff's run_at.
 * - Only job rows are locked here. Writers that change a battle lock the battle row first and its
 *   jobs second (status triggers, outcome transactions); taking a battle lock (even the key-share
 *   lock of an events insert) while holding claimed job rows could deadlock with them, so the
 *   run_started events are written in a transaction of their own, after the claim.
 */
const CLAIM_SQL = `
with due as (
  select id from execution.jobs
   where (status = 'queued' and run_at <= now())
      or (status = 'running' and lease_until < now() and attempts < max_attempts)
   order by run_at, id
   limit $2
   for update skip locked
), claimed as (
  update execution.jobs j
     set status = 'running', attempts = j.attempts + 1, locked_by = $1,
         lease_until = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
    from due where j.id = due.id
  returning j.*
)
select * from claimed order by run_at, id`;

/** run_started for the claimed AI work, batched: one insert from unnest of the claimed ids. */
const STARTED_SQL = `
insert into battles.events (battle_id, event_type, actor_id, metadata)
select j.battle_id, 'run_started', null,
       jsonb_build_object('job_id', j.id, 'kind', j.kind, 'contender_id', j.contender_id, 'attempt', j.attempts)
  from execution.jobs j
 where j.id = any ($1::bigint[]) and j.kind in ('contender_run', 'judge_pair', 'judge_rubric')`;

export async function claimJobs(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  if (limit < 1) return [];
  const jobs = await withClaims(db, serviceClaims(), async (tx) => {
    const { rows } = await tx.query(CLAIM_SQL, [workerId, limit, leaseMs]);
    return rows.map(jobFromRow);
  });
  // Outside the claim transaction, for the lock order above. Reaping writes events too, and its
  // rows are running ones (never the queued rows a battle's own writers touch).
  await withClaims(db, serviceClaims(), async (tx) => {
    await tx.query(REAP_SQL);
    if (jobs.length > 0) await tx.query(STARTED_SQL, [jobs.map((j) => j.id)]);
  });
  return jobs;
}
