// A claimed job as the worker sees it, and the outcome a handler hands back to be recorded.
import type { Queryable } from '../../db/db.ts';

/** execution.jobs.kind (0020_execution_jobs.sql). */
export type JobKind = 'contender_run' | 'challenge_prepare' | 'judge_pair' | 'judge_rubric' | 'auto_score' | 'advance';

export interface ClaimedJob {
  id: number;
  kind: JobKind;
  battleId: string;
  contenderId: string | null;
  payload: Record<string, unknown>;
  /** This claim's attempt number (1 = first); with lockedBy, the fencing token of the outcome write. */
  attempt: number;
  maxAttempts: number;
  lockedBy: string;
}

/** Why an attempt failed: a stable code, a message fit for the battle page, and whether trying again can help. */
export interface JobError {
  code: string;
  message: string;
  retryable: boolean;
  /** The earliest useful retry (a provider's retry-after); the backoff schedule applies otherwise. */
  retryAfterMs?: number | null;
}

/** Where a failed attempt left the job: queued again (after a backoff), failed for good, or dead-lettered. */
export type FailedState = 'queued' | 'failed' | 'dead';

/**
 * What a handler returns after its outside work. `record` runs inside the outcome transaction (as
 * service_role, the job row locked and checked to be still ours); it must only write.
 */
export type JobOutcome =
  | { status: 'succeeded'; record?: (tx: Queryable) => Promise<void> }
  | { status: 'failed'; error: JobError; record?: (tx: Queryable, state: FailedState) => Promise<void> }
  | { status: 'cancelled'; reason: string };

export class JobFailure extends Error {
  constructor(readonly error: JobError) {
    super(error.message);
    this.name = 'JobFailure';
  }
}

/** The job's lease was lost (it expired and another worker re-claimed the job): record nothing. */
export class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`job ${jobId} is no longer ours (lease expired and re-claimed); its outcome is discarded`);
    this.name = 'LeaseLostError';
  }
}

export function jobFromRow(row: Record<string, unknown>): ClaimedJob {
  return {
    id: Number(row.id),
    kind: row.kind as JobKind,
    battleId: row.battle_id as string,
    contenderId: (row.contender_id as string | null) ?? null,
    payload: (row.payload as Record<string, unknown>) ?? {},
    attempt: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    lockedBy: row.locked_by as string,
  };
}
