// The execution job queue (execution.jobs): re-exports only.
export { claimJobs } from './claim-jobs.ts';
export { extendLeases } from './extend-leases.ts';
export { lockOwnedJob, markCancelled, markFailed, markSucceeded } from './finish-job.ts';
export {
  JobFailure,
  LeaseLostError,
  jobFromRow,
  type ClaimedJob,
  type FailedState,
  type JobError,
  type JobKind,
  type JobOutcome,
} from './job.ts';
