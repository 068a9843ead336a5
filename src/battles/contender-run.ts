// The contender_run job: one AI contender answers the battle's task through its model, and the answer becomes its entry.
import type { LensParam } from '../core/lens-render.ts';
import { serviceClaims, withClaims } from '../db/claims.ts';
import type { Queryable } from '../db/db.ts';
import { rpcIn } from './rpc.ts';
import { battleTaskText } from './battle-task.ts';
import { buildContenderRequest, type Handicap, type LensAssignment } from './contender-prompt.ts';
import type { ClaimedJob, JobOutcome } from './jobs/job.ts';
import type { HandlerContext } from './job-handlers.ts';
import { MODEL_ROW_JSON_SQL, type ModelRow } from './model-providers.ts';
import { insertRun, newRunId, timedCall, type CallRecord } from './run-record.ts';

/** battles.submissions.content_text holds at most this many characters. */
const MAX_ENTRY_CHARS = 200_000;

interface RunContext {
  battleStatus: string;
  contenderStatus: string;
  profileId: string;
  personaPrompt: string | null;
  handicap: Handicap;
  model: ModelRow;
  lens: LensAssignment | null;
  hasEntry: boolean;
}

/** Everything the run needs in one read: battle, contender, AI lenser and model, lens assignment. */
const CONTEXT_SQL = `
select b.status as battle_status, c.contender_status, l.profile_id, l.system_prompt,
       coalesce(b.rule_snapshot -> 'handicap', '{}') as handicap,
       ${MODEL_ROW_JSON_SQL} as model,
       a.lens_id, a.version_id as pinned_version_id, a.input_snapshot, v.id as version_id, v.version, v.template_body, v.params,
       exists (select 1 from battles.submissions s where s.contender_id = c.id and s.is_final and s.status = 'submitted') as has_entry
  from battles.contenders c
  join battles.battles b on b.id = c.battle_id
  join battles.contender_entity_map em on em.contender_id = c.id
  join agents.ai_lensers l on l.id = em.ai_lenser_id
  join ai.models m on m.id = l.model_id
  left join battles.contender_lens_assignments a on a.contender_id = c.id
  -- No pinned version: the latest published one, resolved now, at execution start.
  left join lateral (
    select x.id from lenses.versions x where x.lens_id = a.lens_id and x.status = 'published' order by x.version desc limit 1
  ) latest on a.version_id is null
  left join lenses.versions v on v.id = coalesce(a.version_id, latest.id)
 where c.id = $1::uuid and c.battle_id = $2::uuid`;

/** A row of CONTEXT_SQL, as pg returns it. */
interface ContextRow {
  battle_status: string;
  contender_status: string;
  profile_id: string;
  system_prompt: string | null;
  handicap: Handicap;
  model: ModelRow;
  lens_id: string | null;
  pinned_version_id: string | null;
  input_snapshot: Record<string, unknown> | null;
  version_id: string | null;
  version: number | null;
  template_body: string | null;
  params: LensParam[] | null;
  has_entry: boolean;
}

async function loadContext(tx: Queryable, job: ClaimedJob): Promise<RunContext | null> {
  const { rows } = await tx.query<ContextRow>(CONTEXT_SQL, [job.contenderId, job.battleId]);
  const r = rows[0];
  if (!r) return null;
  return {
    battleStatus: r.battle_status,
    contenderStatus: r.contender_status,
    profileId: r.profile_id,
    personaPrompt: r.system_prompt,
    handicap: r.handicap,
    model: r.model,
    hasEntry: r.has_entry,
    lens: r.lens_id
      ? {
          lensId: r.lens_id,
          versionId: r.version_id,
          version: r.version,
          templateBody: r.template_body,
          params: r.params ?? [],
          inputSnapshot: r.input_snapshot ?? {},
          pinned: r.pinned_version_id !== null,
        }
      : null,
  };
}

export async function runContender(job: ClaimedJob, ctx: HandlerContext): Promise<JobOutcome> {
  const run = await withClaims(ctx.db, serviceClaims(), (tx) => loadContext(tx, job));
  if (!run) return { status: 'cancelled', reason: 'the contender is not an AI lenser of this battle' };
  if (run.battleStatus !== 'executing') return { status: 'cancelled', reason: `the battle is ${run.battleStatus}, not executing` };
  if (!['active', 'accepted'].includes(run.contenderStatus)) {
    return { status: 'cancelled', reason: `the contender is ${run.contenderStatus}` };
  }
  if (run.hasEntry) return { status: 'cancelled', reason: 'the contender already has an entry' };

  const built = buildContenderRequest({
    model: run.model.model_id,
    personaPrompt: run.personaPrompt,
    task: await battleTaskText(ctx.db, job.battleId),
    handicap: run.handicap,
    lens: run.lens,
  });
  const recordAs = (call: CallRecord, status: 'succeeded' | 'failed' | 'dead') => (tx: Queryable) =>
    insertRun(tx, job, call, { purpose: 'contender', contenderId: job.contenderId, runnerId: ctx.runnerId, status });

  if (!built.ok) {
    // Blocked before any model call: the run row carries the code and the lens report.
    const now = new Date();
    const call: CallRecord = {
      id: newRunId(), model: run.model, request: null, startedAt: now, finishedAt: now,
      error: built.error, params: {}, renderReport: built.lensReport ?? undefined,
    };
    return { status: 'failed', error: built.error, record: (tx, state) => recordAs(call, state === 'dead' ? 'dead' : 'failed')(tx) };
  }

  const call = await timedCall(ctx, run.model, built.request, built.params);
  call.renderReport = built.lensReport ?? undefined;
  if (call.error) {
    const error = call.error;
    return { status: 'failed', error, record: (tx, state) => recordAs(call, state === 'dead' ? 'dead' : 'failed')(tx) };
  }
  const result = call.result!;
  return {
    status: 'succeeded',
    record: async (tx) => {
      await recordAs(call, 'succeeded')(tx);
      await tx.query(
        `insert into battles.events (battle_id, event_type, actor_id, metadata)
         values ($1::uuid, 'run_completed', null, jsonb_build_object('job_id', $2::bigint, 'run_id', $3::uuid,
           'contender_id', $4::uuid, 'attempt', $5::integer, 'latency_ms', $6::integer, 'stop_reason', $7::text,
           'lens', $8::jsonb))`,
        [job.battleId, job.id, call.id, job.contenderId, job.attempt, result.latencyMs, result.stopReason,
          built.lensReport ? JSON.stringify(built.lensReport) : null],
      );
      // The entry is made the way a person makes one: fn_battles_submit, as the AI contender's profile.
      await actAs(tx, run.profileId);
      await rpcIn(tx, 'fn_battles_submit', {
        battle_id: job.battleId,
        text: result.text.slice(0, MAX_ENTRY_CHARS),
        run_id: call.id,
        source_type: 'execution_output',
        adapter_id: ctx.runnerId,
        model_id: run.model.id,
      });
      await actAs(tx, null);
    },
  };
}

/** Switches the service identity of the open transaction (fn_acting_profile_id reads `sub`). */
export async function actAs(tx: Queryable, profileId: string | null): Promise<void> {
  const claims = profileId ? { sub: profileId, role: 'service_role' } : { role: 'service_role' };
  await tx.query(`select set_config('request.jwt.claims', $1::text, true)`, [JSON.stringify(claims)]);
}
