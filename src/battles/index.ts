// Battles services: RPC calls, the execution worker and its parts. Re-exports only.
export { ExecutionWorker, retryBackoff, startExecutionWorker, type ExecutionWorkerOptions } from './execution-worker.ts';
export { JOB_HANDLERS, type HandlerContext, type JobHandler } from './job-handlers.ts';
export {
  providerSource,
  WORKER_RETRY_POLICY,
  type ModelRow,
  type ProviderKeys,
  type ProviderSource,
} from './model-providers.ts';
export { buildContenderRequest, DEFAULT_MAX_TOKENS, type Handicap } from './contender-prompt.ts';
export { ensureChallenge } from './challenge-instance.ts';
export * from './jobs/index.ts';
