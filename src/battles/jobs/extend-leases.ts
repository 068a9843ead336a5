// The worker's heartbeat: pushes back the leases of the jobs it is still working on.
import { serviceClaims, withClaims } from '../../db/claims.ts';
import type { Db } from '../../db/db.ts';
import type { ClaimedJob } from './job.ts';

/**
 * One statement for every job in flight (unnest of the ids and attempts). A job whose lease has
 * already been taken over (attempts moved on) is left alone: its old claim will be refused at the
 * outcome write anyway. Returns the ids still held.
 */
export async function extendLeases(db: Db, workerId: string, jobs: readonly ClaimedJob[], leaseMs: number): Promise<number[]> {
  if (jobs.length === 0) return [];
  return withClaims(db, serviceClaims(), async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      `update execution.jobs j
          set lease_until = now() + make_interval(secs => $2::double precision / 1000), updated_at = now()
         from unnest($3::bigint[], $4::integer[]) as held(id, attempts)
        where j.id = held.id and j.attempts = held.attempts and j.locked_by = $1::text and j.status = 'running'
        returning j.id`,
      [workerId, leaseMs, jobs.map((j) => j.id), jobs.map((j) => j.attempt)],
    );
    return rows.map((r) => Number(r.id));
  });
}
