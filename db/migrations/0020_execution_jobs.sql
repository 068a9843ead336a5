-- The execution job queue: AI contender runs, judging and battle advancement, claimed by workers from
-- Postgres (src/battles/jobs/). Invariants of the queue live here; the claim query and the outcome
-- writes are in src/battles/jobs/*.ts, each with a comment on why it is written that way.

-- One row per unit of work. A worker claims a due row (FOR UPDATE SKIP LOCKED), holds it with a
-- lease it keeps extending, does the outside call, and records the outcome in one short transaction.
--   queued    waiting; due once run_at has passed (a retry waits out its backoff here)
--   running   leased by locked_by until lease_until; an expired lease makes it claimable again
--   succeeded done
--   failed    final failure that retrying cannot fix (e.g. lens_param_missing); not retried
--   dead      retryable failures used up max_attempts: the dead letter, visible on the battle
--   cancelled the battle moved on (cancelled, or advanced by hand) before the job ran
create table execution.jobs (
  id bigint generated always as identity primary key,
  kind text not null constraint jobs_kind_known check (kind in (
    'contender_run',      -- one AI contender's entry (src/battles/contender-run.ts)
    'challenge_prepare',  -- generate a challenge's prompt and hidden answer key from its seed
    'judge_pair',         -- ai_judge: one pair, judged twice in swapped order (src/judging/ai-judge.ts)
    'judge_rubric',       -- rubric_score by the AI judge: one contender against the rubric
    'auto_score',         -- auto_score: every entry scored against the answer key
    'advance')),          -- re-check whether a battle can move on (fn_battle_advance)
  battle_id uuid not null references battles.battles (id),
  contender_id uuid references battles.contenders (id),
  payload jsonb not null default '{}' constraint jobs_payload_object check (jsonb_typeof(payload) = 'object'),
  -- At most one live (queued or running) job per key: enqueueing twice is a no-op.
  dedupe_key text,
  status text not null default 'queued' constraint jobs_status_known
    check (status in ('queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled')),
  -- Counted at each claim; the claim's attempt number is the fencing token of its outcome write.
  attempts integer not null default 0 constraint jobs_attempts_nonnegative check (attempts >= 0),
  max_attempts integer not null default 3 constraint jobs_max_attempts_range check (max_attempts between 1 and 25),
  run_at timestamptz not null default now(),
  lease_until timestamptz,
  locked_by text constraint jobs_locked_by_length check (length(locked_by) <= 200),
  last_error_code text constraint jobs_error_code_shape check (last_error_code ~ '^[a-z][a-z0-9_]{1,63}$'),
  last_error_message text constraint jobs_error_message_length check (length(last_error_message) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  constraint jobs_running_is_leased check ((status = 'running') = (lease_until is not null and locked_by is not null)),
  constraint jobs_attempts_within_max check (attempts <= max_attempts),
  constraint jobs_finished_when_final check ((status in ('succeeded', 'failed', 'dead', 'cancelled')) = (finished_at is not null)),
  constraint jobs_contender_of_battle foreign key (battle_id, contender_id) references battles.contenders (battle_id, id)
);
create unique index jobs_dedupe_live on execution.jobs (dedupe_key) where status in ('queued', 'running');
-- 'advance' is deduplicated against queued jobs only: a check already running may have looked
-- before the change that asks for a new one, so that request must not be dropped (lost wakeup).
create unique index jobs_advance_queued on execution.jobs (battle_id) where kind = 'advance' and status = 'queued';
-- The two ways a job becomes due: queued and past run_at, or running with an expired lease.
create index jobs_due_idx on execution.jobs (run_at, id) where status = 'queued';
create index jobs_lease_idx on execution.jobs (lease_until) where status = 'running';
create index jobs_battle_idx on execution.jobs (battle_id, kind);

-- Adds a job unless a live one with the same dedupe key exists (for 'advance': a queued one for the
-- battle); returns its id, or null when deduplicated.
create function execution.fn_enqueue(p_kind text, p_battle_id uuid, p_contender_id uuid default null,
  p_payload jsonb default '{}', p_dedupe_key text default null, p_max_attempts integer default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare v_id bigint;
begin
  if p_kind = 'advance' then
    insert into execution.jobs (kind, battle_id, max_attempts) values ('advance', p_battle_id, 5)
    on conflict (battle_id) where kind = 'advance' and status = 'queued' do nothing
    returning id into v_id;
    return v_id;
  end if;
  insert into execution.jobs (kind, battle_id, contender_id, payload, dedupe_key, max_attempts)
  values (p_kind, p_battle_id, p_contender_id, coalesce(p_payload, '{}'), p_dedupe_key,
    coalesce(p_max_attempts, greatest(1, least(25, ops.setting_int('app.execution_max_attempts', 3)))))
  on conflict (dedupe_key) where status in ('queued', 'running') do nothing
  returning id into v_id;
  return v_id;
end $$;

-- Runs: one row per model call (a contender's entry, or one judging call), per attempt.
alter table execution.runs
  add column job_id bigint references execution.jobs (id),
  add column attempt integer constraint runs_attempt_positive check (attempt >= 1),
  add column purpose text not null default 'contender'
    constraint runs_purpose_known check (purpose in ('contender', 'judge_pair', 'judge_rubric')),
  add column error_message text constraint runs_error_message_length check (length(error_message) <= 2000),
  -- What the call was asked for (max_tokens, temperature, time limit, order for judges): no prompt text.
  add column params jsonb not null default '{}' constraint runs_params_object check (jsonb_typeof(params) = 'object'),
  -- Lens rendering report (lens, version, unknown tokens, extra values, defaults used): never dropped.
  add column render_report jsonb,
  add column stop_reason text,
  add column provider_attempts integer constraint runs_provider_attempts_nonnegative check (provider_attempts >= 0);
alter table execution.runs add constraint runs_battle_fk foreign key (battle_id) references battles.battles (id);
alter table execution.runs add constraint runs_final_is_finished
  check (status in ('queued', 'running') or finished_at is not null);
create index runs_job_idx on execution.runs (job_id);

-- The model and contender of a run unmask a blind vote: readable only where identities are revealed.
drop policy runs_read on execution.runs;
create policy runs_read on execution.runs for select using (
  battle_id is null or (battles.fn_can_view(battle_id) and battles.fn_identities_revealed(battle_id)));

-- The adapter named on every entry the cloud worker makes (submissions.adapter_id).
insert into execution.runners (name, kind) values ('cloud-worker', 'cloud_worker');

alter table execution.jobs enable row level security;
revoke all on execution.jobs from public, anon, authenticated;
grant all on execution.jobs to service_role;
revoke execute on function execution.fn_enqueue(text, uuid, uuid, jsonb, text, integer) from public;
grant execute on function execution.fn_enqueue(text, uuid, uuid, jsonb, text, integer) to service_role;
