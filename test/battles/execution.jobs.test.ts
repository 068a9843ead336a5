// The job queue: claims, leases, fencing, retries with backoff, dead letters, deduplication, and
// (on Postgres) two workers that never run a job twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, onPostgres, postgresUrlFor, type TestDb } from '../support/db.ts';
import { battleIn, eventsOf } from '../support/battle-fixtures.ts';
import { serviceClaims, withClaims } from '../../src/db/claims.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { ExecutionWorker, retryBackoff } from '../../src/battles/execution-worker.ts';
import { claimJobs, extendLeases, lockOwnedJob, LeaseLostError, type ClaimedJob } from '../../src/battles/jobs/index.ts';
import type { JobHandler } from '../../src/battles/job-handlers.ts';
import { providerSource } from '../../src/battles/model-providers.ts';

let db: TestDb;
let battleId: string;

beforeAll(async () => {
  db = await createTestDb();
  battleId = (await battleIn(db, 'open')).id;
});
afterAll(async () => {
  await db.destroy();
});

let keyCounter = 0;

/** Queues `n` challenge_prepare jobs (a kind tests can replace with their own handler). */
async function enqueue(n: number, opts: { runAt?: string; maxAttempts?: number } = {}): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { rows } = await db.query<{ id: number }>(
      `select execution.fn_enqueue('challenge_prepare', $1, null, '{}', $2, $3) as id`,
      [battleId, `test:${process.pid}:${++keyCounter}`, opts.maxAttempts ?? 3],
    );
    ids.push(rows[0].id);
    if (opts.runAt) await db.query('update execution.jobs set run_at = $2 where id = $1', [rows[0].id, opts.runAt]);
  }
  return ids;
}

async function job(id: number) {
  const { rows } = await db.query<Record<string, any>>('select * from execution.jobs where id = $1', [id]);
  return rows[0];
}

/** Finishes every queued job so tests do not see each other's work. */
async function drainQueue() {
  await db.query(`update execution.jobs set status = 'cancelled', finished_at = now(), lease_until = null, locked_by = null
                   where status in ('queued', 'running')`);
}

function worker(handler: JobHandler, opts: Partial<ConstructorParameters<typeof ExecutionWorker>[0]> = {}) {
  return new ExecutionWorker({
    db,
    providers: providerSource({}),
    handlers: { challenge_prepare: handler },
    retryDelayMs: () => 20,
    pollMs: 10,
    ...opts,
  });
}

describe('claiming', () => {
  it('claims due jobs oldest first, counts the attempt, and leaves jobs that are not due yet', async () => {
    await drainQueue();
    const later = await enqueue(1, { runAt: '2999-01-01T00:00:00Z' });
    const due = await enqueue(3);
    const claimed = await claimJobs(db, 'w1', 10, 30_000);
    expect(claimed.map((j) => j.id)).toEqual(due);
    for (const j of claimed) expect(j).toMatchObject({ attempt: 1, lockedBy: 'w1', kind: 'challenge_prepare' });
    const row = await job(due[0]);
    expect(row).toMatchObject({ status: 'running', attempts: 1, locked_by: 'w1' });
    expect(new Date(row.lease_until).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await job(later[0])).status).toBe('queued');
    expect(await claimJobs(db, 'w2', 10, 30_000)).toEqual([]);
  });

  it('claims at most the number of free slots asked for', async () => {
    await drainQueue();
    await enqueue(5);
    expect(await claimJobs(db, 'w1', 2, 30_000)).toHaveLength(2);
    expect(await claimJobs(db, 'w1', 10, 30_000)).toHaveLength(3);
  });

  it('deduplicates live jobs by key, and advance jobs only against queued ones', async () => {
    await drainQueue();
    const twice = async () =>
      (await db.query<{ id: number | null }>(`select execution.fn_enqueue('challenge_prepare', $1, null, '{}', 'same-key') as id`, [battleId])).rows[0].id;
    expect(await twice()).not.toBeNull();
    expect(await twice()).toBeNull();
    const advance = async () =>
      (await db.query<{ id: number | null }>(`select execution.fn_enqueue('advance', $1) as id`, [battleId])).rows[0].id;
    const first = await advance();
    expect(first).not.toBeNull();
    expect(await advance()).toBeNull();
    // Once the queued check is running, a new request must be queued: the running one may have
    // looked before the change that asks for it.
    await claimJobs(db, 'w1', 10, 30_000);
    expect(await advance()).not.toBeNull();
  });
});

describe('leases', () => {
  it('re-claims a job whose lease expired (its worker stopped), and refuses the stale claim its outcome', async () => {
    await drainQueue();
    const [id] = await enqueue(1);
    const [stale] = await claimJobs(db, 'crashed-worker', 1, 600);
    expect(await claimJobs(db, 'other', 1, 30_000)).toEqual([]); // still leased
    await new Promise((r) => setTimeout(r, 700));
    const [fresh] = await claimJobs(db, 'other', 1, 30_000);
    expect(fresh).toMatchObject({ id, attempt: 2, lockedBy: 'other' });
    await expect(withClaims(db, serviceClaims(), (tx) => lockOwnedJob(tx, stale))).rejects.toBeInstanceOf(LeaseLostError);
    await withClaims(db, serviceClaims(), (tx) => lockOwnedJob(tx, fresh)); // the new claim holds it
  });

  it('lets the worker that holds a job push its lease back (heartbeat), and nobody else', async () => {
    await drainQueue();
    await enqueue(1);
    const [held] = await claimJobs(db, 'w1', 1, 100);
    expect(await extendLeases(db, 'w1', [held], 30_000)).toEqual([held.id]);
    expect(await extendLeases(db, 'intruder', [{ ...held, lockedBy: 'intruder' }], 30_000)).toEqual([]);
    await new Promise((r) => setTimeout(r, 150));
    expect(await claimJobs(db, 'w2', 1, 30_000)).toEqual([]);
  });

  it('dead-letters a job whose lease expired on its last attempt, with a run_failed event', async () => {
    await drainQueue();
    const [id] = await enqueue(1, { maxAttempts: 1 });
    await claimJobs(db, 'crashed-worker', 1, 30);
    await new Promise((r) => setTimeout(r, 80));
    expect(await claimJobs(db, 'other', 1, 30_000)).toEqual([]);
    expect(await job(id)).toMatchObject({ status: 'dead', last_error_code: 'lease_expired', locked_by: null });
    const events = (await eventsOf(db, battleId)).filter((e) => e.event_type === 'run_failed' && e.metadata.job_id === id);
    expect(events[0]?.metadata).toMatchObject({ code: 'lease_expired', state: 'dead' });
  });

  it('a worker re-claims a stuck job after the lease and runs it to the end', async () => {
    await drainQueue();
    const [id] = await enqueue(1);
    await claimJobs(db, 'crashed-worker', 1, 50);
    const ran: ClaimedJob[] = [];
    const w = worker(async (j) => {
      ran.push(j);
      return { status: 'succeeded' };
    });
    await new Promise((r) => setTimeout(r, 100));
    await w.runUntilIdle();
    expect(ran.map((j) => [j.id, j.attempt])).toEqual([[id, 2]]);
    expect((await job(id)).status).toBe('succeeded');
  });
});

describe('retries', () => {
  it('retries a retryable failure after a backoff, then dead-letters it after max_attempts', async () => {
    await drainQueue();
    const [id] = await enqueue(1, { maxAttempts: 3 });
    const seen: number[] = [];
    const w = worker(async (j) => {
      seen.push(j.attempt);
      return { status: 'failed', error: { code: 'provider_unavailable', message: 'down', retryable: true } };
    });
    await w.runUntilIdle();
    expect(seen).toEqual([1, 2, 3]);
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 3, last_error_code: 'provider_unavailable' });
    const states = (await eventsOf(db, battleId))
      .filter((e) => e.event_type === 'run_failed' && e.metadata.job_id === id)
      .map((e) => e.metadata.state);
    expect(states).toEqual(['queued', 'queued', 'dead']);
  });

  it('waits out the backoff before the next attempt', async () => {
    await drainQueue();
    const [id] = await enqueue(1);
    const w = worker(async () => ({ status: 'failed', error: { code: 'provider_timeout', message: 'slow', retryable: true } }), {
      retryDelayMs: () => 60_000,
    });
    await w.runUntilIdle();
    const row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(new Date(row.run_at).getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('fails a non-retryable error at once', async () => {
    await drainQueue();
    const [id] = await enqueue(1);
    await worker(async () => ({ status: 'failed', error: { code: 'lens_param_missing', message: 'x', retryable: false } })).runUntilIdle();
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 1, last_error_code: 'lens_param_missing' });
  });

  it('treats a handler that throws as a retryable internal error', async () => {
    await drainQueue();
    const [id] = await enqueue(1, { maxAttempts: 2 });
    await worker(async () => {
      throw new Error('boom');
    }).runUntilIdle();
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 2, last_error_code: 'internal_error' });
  });

  it('backs off exponentially with jitter, capped, and honours a longer retry-after', () => {
    const err = { code: 'x', message: 'x', retryable: true };
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(60_000, 2_000 * 2 ** (attempt - 1));
      const d = retryBackoff(attempt, err);
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
    expect(retryBackoff(1, { ...err, retryAfterMs: 30_000 })).toBe(30_000);
  });
});

// Two workers on two connection pools, claiming concurrently from one Postgres database. PGlite has
// a single connection, so its claims can never overlap: the race only exists on a server.
describe.skipIf(!onPostgres)('two workers (Postgres)', () => {
  it('never run the same job twice, and run every job', async () => {
    await drainQueue();
    const ids = await enqueue(120);
    const { rows } = await db.query<{ name: string }>('select current_database() as name');
    const second = openPostgres({ connectionString: postgresUrlFor(rows[0].name), max: 10 });
    const runs = new Map<number, string[]>();
    const handler =
      (name: string): JobHandler =>
      async (j) => {
        runs.set(j.id, [...(runs.get(j.id) ?? []), name]);
        await new Promise((r) => setTimeout(r, 2 + Math.random() * 5));
        return { status: 'succeeded' };
      };
    try {
      const a = worker(handler('a'), { concurrency: 8, workerId: 'a' });
      const b = new ExecutionWorker({
        db: second, providers: providerSource({}), handlers: { challenge_prepare: handler('b') }, concurrency: 8, workerId: 'b', pollMs: 10,
      });
      await Promise.all([a.runUntilIdle(), b.runUntilIdle()]);
      expect([...runs.keys()].sort((x, y) => x - y)).toEqual(ids);
      for (const [, by] of runs) expect(by).toHaveLength(1);
      const counts = [...runs.values()].reduce((acc, [w]) => ({ ...acc, [w]: (acc[w] ?? 0) + 1 }), {} as Record<string, number>);
      expect(counts.a).toBeGreaterThan(0);
      expect(counts.b).toBeGreaterThan(0);
      const { rows: left } = await db.query<{ n: number }>(
        `select count(*)::int as n from execution.jobs where id = any ($1::bigint[]) and status <> 'succeeded'`, [ids]);
      expect(left[0].n).toBe(0);
    } finally {
      await second.close();
    }
  });
});
