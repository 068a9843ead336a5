// The execution worker: claims jobs from Postgres, runs them concurrently, records each outcome in one short transaction.
//
// Workers coordinate only through execution.jobs (claim-jobs.ts explains the claim). Any number of
// worker processes may run against one database. Each job: claim (one transaction for a batch) →
// the handler's outside work with no transaction open (model calls) → outcome transaction: check
// the lease is still ours, write the handler's records, mark the job, and advance the battle.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../core/app-error.ts';
import { serviceClaims, withClaims } from '../db/claims.ts';
import type { Db } from '../db/db.ts';
import { toAppError } from '../db/errors.ts';
import { silentLogger } from '../logging/logger.ts';
import { JOB_HANDLERS, type HandlerContext, type JobHandler } from './job-handlers.ts';
import {
  claimJobs,
  extendLeases,
  JobFailure,
  LeaseLostError,
  lockOwnedJob,
  markCancelled,
  markFailed,
  markSucceeded,
  type ClaimedJob,
  type JobError,
  type JobKind,
  type JobOutcome,
} from './jobs/index.ts';
import type { ProviderSource } from './model-providers.ts';

export interface ExecutionWorkerOptions {
  db: Db;
  providers: ProviderSource;
  logger?: Logger;
  /** Unique per process; default host:pid:random. */
  workerId?: string;
  /** Jobs run at once. All contenders of a battle run concurrently when this is at least their number. */
  concurrency?: number;
  /** How often an idle worker looks for due jobs. */
  pollMs?: number;
  /** How long a claim holds a job without a heartbeat; a dead worker's jobs are re-claimed after it. */
  leaseMs?: number;
  /** Heartbeat period; default a third of the lease. */
  heartbeatMs?: number;
  /** Wait before retry `attempt + 1` after a retryable failure; default retryBackoff. */
  retryDelayMs?: (attempt: number, error: JobError) => number;
  /** Replaces handlers by kind (tests). */
  handlers?: Partial<Record<JobKind, JobHandler>>;
}

/**
 * 2 s, 4 s, 8 s … capped at 60 s, with "equal jitter" (half fixed, half random) so jobs that failed
 * together do not retry in step; a provider's retry-after wins when it asks for longer.
 */
export function retryBackoff(attempt: number, error: JobError): number {
  const ceiling = Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.max(error.retryAfterMs ?? 0, Math.round(ceiling / 2 + (Math.random() * ceiling) / 2));
}

interface InFlight {
  job: ClaimedJob;
  done: Promise<void>;
}

export class ExecutionWorker {
  readonly workerId: string;
  readonly #db: Db;
  readonly #log: Logger;
  readonly #concurrency: number;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #heartbeatMs: number;
  readonly #retryDelayMs: (attempt: number, error: JobError) => number;
  readonly #handlers: Record<JobKind, JobHandler>;
  readonly #ctx: Omit<HandlerContext, 'runnerId'> & { runnerId: string | null };
  readonly #abort = new AbortController();
  readonly #inFlight = new Map<number, InFlight>();
  #running = false;
  #stopped = false;
  #loop: Promise<void> | null = null;
  #claiming: Promise<number> | null = null;
  #wake: (() => void) | null = null;
  #heartbeat: NodeJS.Timeout | null = null;

  constructor(options: ExecutionWorkerOptions) {
    this.#db = options.db;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.#log = (options.logger ?? silentLogger).child({ worker: this.workerId });
    this.#concurrency = Math.max(1, options.concurrency ?? 16);
    this.#pollMs = options.pollMs ?? 500;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#heartbeatMs = options.heartbeatMs ?? Math.max(50, Math.floor(this.#leaseMs / 3));
    this.#retryDelayMs = options.retryDelayMs ?? retryBackoff;
    this.#handlers = { ...JOB_HANDLERS, ...options.handlers };
    this.#ctx = { db: options.db, providers: options.providers, logger: this.#log, runnerId: null, signal: this.#abort.signal };
  }

  /** Starts polling; returns at once. */
  start(): this {
    if (this.#running || this.#stopped) return this;
    this.#running = true;
    this.#startHeartbeat();
    this.#loop = this.#pollLoop();
    return this;
  }

  /** Stops claiming and waits for the jobs in flight to be recorded. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    await Promise.all([...this.#inFlight.values()].map((f) => f.done));
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  /**
   * Runs jobs until none is due or running, then resolves (tests, benchmarks, the CLI). Retries
   * due within `horizonMs` are waited for; later ones are left queued.
   */
  async runUntilIdle(opts: { horizonMs?: number; timeoutMs?: number } = {}): Promise<void> {
    const horizonMs = opts.horizonMs ?? 2_000;
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    this.#startHeartbeat();
    try {
      for (;;) {
        if (Date.now() > deadline) throw new Error(`worker not idle after ${opts.timeoutMs ?? 60_000} ms`);
        const claimed = await this.#fill();
        if (this.#inFlight.size > 0) {
          await Promise.race([...this.#inFlight.values()].map((f) => f.done));
          continue;
        }
        if (claimed > 0) continue;
        const next = await this.#nextDueInMs();
        if (next === null || next > horizonMs) return;
        await new Promise((resolve) => setTimeout(resolve, Math.max(5, next)));
      }
    } finally {
      if (!this.#running && this.#inFlight.size === 0 && this.#heartbeat) {
        clearInterval(this.#heartbeat);
        this.#heartbeat = null;
      }
    }
  }

  /** The number of jobs this worker is running now. */
  get busy(): number {
    return this.#inFlight.size;
  }

  async #pollLoop(): Promise<void> {
    while (this.#running) {
      try {
        await this.#fill();
      } catch (err) {
        this.#log.error({ err }, 'claiming jobs failed');
      }
      if (!this.#running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => {
      const jobs = [...this.#inFlight.values()].map((f) => f.job);
      if (jobs.length === 0) return;
      extendLeases(this.#db, this.workerId, jobs, this.#leaseMs).catch((err: unknown) =>
        this.#log.warn({ err }, 'extending leases failed'),
      );
    }, this.#heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Claims as many due jobs as there are free slots and starts them; one claim at a time per worker. */
  async #fill(): Promise<number> {
    if (this.#claiming) return this.#claiming;
    this.#claiming = (async () => {
      const free = this.#concurrency - this.#inFlight.size;
      if (free <= 0 || this.#stopped) return 0;
      if (this.#ctx.runnerId === null) this.#ctx.runnerId = await this.#cloudRunnerId();
      const jobs = await claimJobs(this.#db, this.workerId, free, this.#leaseMs);
      for (const job of jobs) this.#launch(job);
      return jobs.length;
    })();
    try {
      return await this.#claiming;
    } finally {
      this.#claiming = null;
    }
  }

  #launch(job: ClaimedJob): void {
    const done = this.#execute(job)
      .catch((err: unknown) => this.#log.error({ err, jobId: job.id }, 'job outcome could not be recorded'))
      .finally(() => {
        this.#inFlight.delete(job.id);
        this.#wake?.(); // the outcome may have queued more work (judging after the last run)
      });
    this.#inFlight.set(job.id, { job, done });
  }

  async #execute(job: ClaimedJob): Promise<void> {
    const log = this.#log.child({ jobId: job.id, kind: job.kind, battleId: job.battleId, attempt: job.attempt });
    const started = performance.now();
    let outcome: JobOutcome;
    try {
      outcome = await this.#handlers[job.kind](job, { ...this.#ctx, runnerId: this.#ctx.runnerId!, logger: log });
    } catch (err) {
      if (!(err instanceof JobFailure)) log.error({ err }, 'job handler threw');
      outcome = { status: 'failed', error: errorOf(err) };
    }
    try {
      await this.#record(job, outcome);
    } catch (err) {
      if (err instanceof LeaseLostError) {
        log.warn('lease lost before the outcome was recorded; the job was re-claimed and this outcome is dropped');
        return;
      }
      // The outcome itself was refused (e.g. the battle moved on, so the entry was not accepted).
      const refused = toAppError(err);
      const moved = refused.code === 'battle_not_accepting_entries' || refused.code === 'contender_not_active';
      log.warn({ code: refused.code }, 'recording the outcome failed');
      await this.#record(job, moved
        ? { status: 'cancelled', reason: refused.message }
        : { status: 'failed', error: { code: refused.code === 'internal' ? 'record_failed' : refused.code, message: refused.message, retryable: refused.status >= 500 } },
      ).catch((again: unknown) => {
        if (!(again instanceof LeaseLostError)) throw again;
      });
    }
    log.debug({ status: outcome.status, ms: Math.round(performance.now() - started) }, 'job finished');
  }

  /** The outcome transaction. */
  async #record(job: ClaimedJob, outcome: JobOutcome): Promise<void> {
    await withClaims(this.#db, serviceClaims(), async (tx) => {
      await lockOwnedJob(tx, job);
      if (outcome.status === 'succeeded') {
        await outcome.record?.(tx);
        await markSucceeded(tx, job);
      } else if (outcome.status === 'failed') {
        const state = await markFailed(tx, job, outcome.error, this.#retryDelayMs(job.attempt, outcome.error));
        await outcome.record?.(tx, state);
      } else {
        await markCancelled(tx, job, outcome.reason);
      }
      await tx.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', true)`);
      await tx.query('select battles.fn_battle_advance($1::uuid)', [job.battleId]);
    });
  }

  async #nextDueInMs(): Promise<number | null> {
    const { rows } = await withClaims(this.#db, serviceClaims(), (tx) =>
      tx.query<{ ms: number | null }>(
        `select extract(epoch from min(due) - now()) * 1000 as ms from (
           select min(run_at) as due from execution.jobs where status = 'queued'
           union all
           select min(lease_until) from execution.jobs where status = 'running' and attempts < max_attempts) d`,
      ),
    );
    const ms = rows[0]?.ms;
    return ms === null || ms === undefined ? null : Math.max(0, Number(ms));
  }

  async #cloudRunnerId(): Promise<string> {
    const { rows } = await withClaims(this.#db, serviceClaims(), (tx) =>
      tx.query<{ id: string }>(`select id from execution.runners where name = 'cloud-worker'`),
    );
    if (!rows[0]) throw new Error('execution.runners has no cloud-worker row (0020_execution_jobs.sql)');
    return rows[0].id;
  }
}

function errorOf(err: unknown): JobError {
  if (err instanceof JobFailure) return err.error;
  if (err instanceof AppError) return { code: err.code, message: err.message, retryable: err.status >= 500 };
  // Unexpected (a database hiccup, a bug): worth another attempt; the message stays in the logs.
  return { code: 'internal_error', message: 'the job failed unexpectedly; see the worker logs', retryable: true };
}

export function startExecutionWorker(options: ExecutionWorkerOptions): ExecutionWorker {
  return new ExecutionWorker(options).start();
}
