// Which function does each kind of job, and what every handler is given.
import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { runAutoScore } from '../judging/auto-score.ts';
import { runJudgePair } from '../judging/ai-judge.ts';
import { runJudgeRubric } from '../judging/rubric-score.ts';
import { ensureChallenge } from './challenge-instance.ts';
import { runContender } from './contender-run.ts';
import type { ClaimedJob, JobKind, JobOutcome } from './jobs/job.ts';
import type { ProviderSource } from './model-providers.ts';

export interface HandlerContext {
  db: Db;
  providers: ProviderSource;
  logger: Logger;
  /** execution.runners id of the cloud worker: the adapter_id of its entries. */
  runnerId: string;
  /** Aborted when the worker stops. */
  signal: AbortSignal;
}

/** Does a job's outside work with no transaction open; the worker records the outcome. */
export type JobHandler = (job: ClaimedJob, ctx: HandlerContext) => Promise<JobOutcome>;

export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  contender_run: runContender,
  challenge_prepare: async (job, ctx) => {
    await ensureChallenge(ctx.db, job.battleId);
    return { status: 'succeeded' };
  },
  judge_pair: runJudgePair,
  judge_rubric: runJudgeRubric,
  auto_score: runAutoScore,
  // The worker advances the battle after every job; this job exists only to ask it to.
  advance: async () => ({ status: 'succeeded' }),
};
