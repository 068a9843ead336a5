// execution.runs rows: one per model call, written in the outcome transaction with its cost event.
import { randomUUID } from 'node:crypto';
import { canonicalHash, sha256Hex } from '../core/canonical-json.ts';
import type { Queryable } from '../db/db.ts';
import type { GenerateRequest, GenerateResult } from '../providers/index.ts';
import type { ClaimedJob, JobError } from './jobs/job.ts';
import type { HandlerContext } from './job-handlers.ts';
import { costOf, providerJobError, type ModelRow } from './model-providers.ts';

export type RunPurpose = 'contender' | 'judge_pair' | 'judge_rubric';

/** One model call as it happened: the request (for its hash), and its result or error. */
export interface CallRecord {
  id: string;
  model: ModelRow;
  /** Null when the run was blocked before any call (e.g. lens_param_missing). */
  request: GenerateRequest | null;
  startedAt: Date;
  finishedAt: Date;
  result?: GenerateResult;
  /** The call failed, or its answer could not be used (e.g. judge_bad_json). */
  error?: JobError;
  /** What was asked beyond the prompt: max tokens, temperature, time limit, order for judges. */
  params: Record<string, unknown>;
  renderReport?: unknown;
}

export function newRunId(): string {
  return randomUUID();
}

/**
 * SHA-256 of the canonical JSON of what was sent (model, system, messages, max tokens,
 * temperature): equal prompts hash equal, and the prompt text itself is not stored.
 */
export function promptHash(req: GenerateRequest): string {
  const sent = {
    model: req.model,
    system: req.system ?? null,
    messages: req.messages,
    maxTokens: req.maxTokens,
    temperature: req.temperature ?? null,
  };
  try {
    return canonicalHash(sent);
  } catch {
    // Text with unpaired surrogates has no canonical form; hash its plain JSON instead.
    return sha256Hex(JSON.stringify(sent));
  }
}

/**
 * Inserts the run row and, when tokens were used, a cost_recorded event. Events name the run, not
 * the model: during blind voting the runs table is hidden, events are not.
 */
export async function insertRun(
  tx: Queryable,
  job: ClaimedJob,
  call: CallRecord,
  opts: { purpose: RunPurpose; contenderId: string | null; runnerId: string; status: 'succeeded' | 'failed' | 'dead' },
): Promise<void> {
  const r = call.result;
  const cost = r ? costOf(call.model, r.usage) : null;
  await tx.query(
    `insert into execution.runs (id, battle_id, contender_id, model_id, runner_id, status, prompt_hash, output_hash,
       input_tokens, output_tokens, cost_usd, latency_ms, provider_request_id, error_code, error_message, started_at,
       finished_at, job_id, attempt, purpose, params, render_report, stop_reason, provider_attempts)
     values ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::text, $7::text, $8::text, $9::integer, $10::integer,
       $11::numeric, $12::integer, $13::text, $14::text, left($15::text, 2000), $16::timestamptz, $17::timestamptz,
       $18::bigint, $19::integer, $20::text, $21::jsonb, $22::jsonb, $23::text, $24::integer)`,
    [
      call.id, job.battleId, opts.contenderId, call.model.id, opts.runnerId, opts.status,
      call.request ? promptHash(call.request) : null,
      r ? sha256Hex(r.text) : null, r?.usage.inputTokens ?? null, r?.usage.outputTokens ?? null, cost,
      r?.latencyMs ?? Math.max(0, call.finishedAt.getTime() - call.startedAt.getTime()), r?.requestId ?? null,
      call.error?.code ?? null, call.error?.message ?? null, call.startedAt.toISOString(), call.finishedAt.toISOString(),
      job.id, job.attempt, opts.purpose, JSON.stringify(call.params),
      call.renderReport === undefined ? null : JSON.stringify(call.renderReport), r?.stopReason ?? null, r?.attempts ?? null,
    ],
  );
  if (r) {
    await tx.query(
      `insert into battles.events (battle_id, event_type, actor_id, metadata)
       values ($1::uuid, 'cost_recorded', null, jsonb_build_object('run_id', $2::uuid, 'job_id', $3::bigint,
         'purpose', $4::text, 'cost_usd', $5::numeric, 'input_tokens', $6::integer, 'output_tokens', $7::integer))`,
      [job.battleId, call.id, job.id, opts.purpose, cost, r.usage.inputTokens, r.usage.outputTokens],
    );
  }
}

/**
 * Looks up the model's provider and calls it, capturing timing, result or error, never throwing.
 * A model no provider serves (provider_not_configured) sends nothing, but the attempt is still a
 * run like any other, so the battle page and the cost totals show it.
 */
export async function timedCall(
  ctx: Pick<HandlerContext, 'providers' | 'signal'>,
  model: ModelRow,
  request: GenerateRequest,
  params: Record<string, unknown>,
): Promise<CallRecord> {
  const startedAt = new Date();
  const base = { id: newRunId(), model, request, params, startedAt };
  try {
    const result = await ctx.providers(model).generate({ ...request, signal: ctx.signal });
    return { ...base, result, finishedAt: new Date() };
  } catch (err) {
    return { ...base, error: providerJobError(err), finishedAt: new Date() };
  }
}
