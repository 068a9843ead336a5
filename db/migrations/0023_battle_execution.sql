-- How a battle moves through execution and judging by itself: status changes queue the work
-- (contender runs, judging), fn_battle_advance moves the battle on when the work is done, and the
-- creator sees failures (fn_battle_execution_status) and retries them (fn_battle_retry_runs).
-- The worker that does the work is src/battles/execution-worker.ts; docs/judging.md tells the story.

-- Queues the judging a battle entering scoring needs, by mode: a pair job per pair of entries
-- (ai_judge), a grading job per entry (rubric_score by the AI judge), one scoring job (auto_score).
-- Community votes and human judges need no job. Pairs are ordered by slot (contender_a first).
create function battles.fn_enqueue_judging(b battles.battles)
returns integer
language plpgsql security definer set search_path = '' as $$
declare
  v_entries uuid[];
  v_count integer := 0;
  i integer;
  j integer;
begin
  select coalesce(array_agg(s.contender_id order by c.slot), '{}') into v_entries
    from battles.submissions s join battles.contenders c on c.id = s.contender_id
   where s.battle_id = b.id and s.is_final and s.status = 'submitted' and c.contender_status in ('active', 'accepted');
  if b.judging_mode = 'ai_judge' then
    for i in 1 .. coalesce(array_length(v_entries, 1), 0) loop
      for j in i + 1 .. array_length(v_entries, 1) loop
        perform execution.fn_enqueue('judge_pair', b.id, null,
          jsonb_build_object('contender_a', v_entries[i], 'contender_b', v_entries[j]),
          format('judge_pair:%s:%s:%s', b.id, v_entries[i], v_entries[j]),
          greatest(1, least(25, ops.setting_int('app.judge_max_attempts', 3))));
        v_count := v_count + 1;
      end loop;
    end loop;
  elsif b.judging_mode = 'rubric_score' and b.rule_snapshot #>> '{judging,rubric_scorer}' = 'ai' then
    for i in 1 .. coalesce(array_length(v_entries, 1), 0) loop
      perform execution.fn_enqueue('judge_rubric', b.id, v_entries[i], '{}', format('judge_rubric:%s', v_entries[i]),
        greatest(1, least(25, ops.setting_int('app.judge_max_attempts', 3))));
      v_count := v_count + 1;
    end loop;
  elsif b.judging_mode = 'auto_score' then
    perform execution.fn_enqueue('auto_score', b.id, null, '{}', format('auto_score:%s', b.id));
    v_count := 1;
  end if;
  if v_count = 0 and b.judging_mode <> 'community_vote' then
    -- Nothing to judge by machine (one entry, or human judges): let the advancer decide.
    perform execution.fn_enqueue('advance', b.id);
  end if;
  return v_count;
end $$;

-- Status changes queue work: publication of a generated challenge queues its preparation, entering
-- executing queues one run per AI contender without an entry, entering scoring queues the judging,
-- and a battle that ends (closed, published, archived) drops its queued jobs.
create function battles.trg_battle_jobs() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  c record;
  v_runs integer := 0;
begin
  if ops.is_migrating() then
    return null;
  end if;
  if old.rule_snapshot is null and new.rule_snapshot is not null
     and jsonb_typeof(new.rule_snapshot #> '{judging,challenge}') = 'object' then
    perform execution.fn_enqueue('challenge_prepare', new.id, null, '{}', 'challenge_prepare:' || new.id);
  end if;
  if new.status is not distinct from old.status then
    return null;
  end if;
  if old.status = 'executing' then
    -- Moved on by hand (or cancelled): runs not yet started will not be needed.
    update execution.jobs set status = 'cancelled', finished_at = now(), updated_at = now()
     where battle_id = new.id and kind = 'contender_run' and status = 'queued';
  end if;
  if new.status = 'executing' then
    for c in
      select ct.id from battles.contenders ct
       where ct.battle_id = new.id and ct.contender_type <> 'human' and ct.contender_status in ('active', 'accepted')
         and not exists (select 1 from battles.submissions s where s.contender_id = ct.id and s.is_final and s.status = 'submitted')
       order by ct.slot
    loop
      perform execution.fn_enqueue('contender_run', new.id, c.id, '{}', 'contender_run:' || c.id);
      v_runs := v_runs + 1;
    end loop;
    if v_runs = 0 then
      perform execution.fn_enqueue('advance', new.id);
    end if;
  elsif new.status = 'scoring' then
    perform battles.fn_enqueue_judging(new);
  elsif new.status in ('closed', 'published', 'archived') then
    update execution.jobs set status = 'cancelled', finished_at = now(), updated_at = now()
     where battle_id = new.id and status = 'queued';
  end if;
  return null;
end $$;
create trigger battles_jobs after update of status, rule_snapshot on battles.battles
  for each row execute function battles.trg_battle_jobs();

-- A person's entry while the battle is executing (human vs AI) may be the last one missing: ask the
-- advancer to look. The worker's own entries advance in the same transaction and need no job.
create function battles.trg_submission_advance() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not lensers.fn_is_system()
     and exists (select 1 from battles.battles b where b.id = new.battle_id and b.status = 'executing') then
    perform execution.fn_enqueue('advance', new.battle_id);
  end if;
  return null;
end $$;
create trigger submissions_advance after insert on battles.submissions
  for each row execute function battles.trg_submission_advance();

-- The AI judge's vote once its verdicts are in: for the contender with the most Copeland points
-- (src/core/judge-verdict.ts combineSwapped per pair), a draw when the lead is shared. Once per battle.
create function battles.fn_cast_judge_vote(b battles.battles)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_judge uuid := (b.rule_snapshot #>> '{judging,judge,model_id}')::uuid;
  v_leaders uuid[];
  v_rationale text;
begin
  if v_judge is null or not exists (select 1 from battles.judge_verdicts v where v.battle_id = b.id and v.judge_model_id = v_judge)
     or exists (select 1 from battles.votes v join battles.judge_personas p on p.profile_id = v.voter_lenser_id
                 where v.battle_id = b.id and p.model_id = v_judge) then
    return null;
  end if;
  with points as (select s.contender_id, s.score from battles.fn_judging_scores(b) s where s.score is not null)
  select array_agg(p.contender_id) into v_leaders from points p where p.score = (select max(score) from points);
  select string_agg(format('%s vs %s: %s%s', ca.slot, cb.slot,
           case v.outcome when 'A' then ca.slot || ' wins' when 'B' then cb.slot || ' wins' else 'draw' end,
           case when v.agreed then '' else ' (the two orders disagreed)' end), '; ' order by ca.slot, cb.slot)
    into v_rationale
    from battles.judge_verdicts v
    join battles.contenders ca on ca.id = v.contender_a
    join battles.contenders cb on cb.id = v.contender_b
   where v.battle_id = b.id and v.judge_model_id = v_judge;
  return battles.fn_record_judge_vote(b.id, v_judge,
    case when array_length(v_leaders, 1) = 1 then v_leaders[1] end,
    'Pairwise verdicts, each judged in both orders: ' || v_rationale);
end $$;

-- Moves a battle on when its work is done; called by the worker (service_role) after every job and
-- by 'advance' jobs. Executing → voting (community_vote) or scoring (the other modes) once every
-- contender in the running has an entry and no run is pending; scoring → closed once the judging
-- is complete. Returns what it did or why it waits; it never fails for a battle that must wait.
create function battles.fn_battle_advance(p_battle_id uuid)
returns text
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles;
  v_entries integer;
begin
  if not lensers.fn_is_system() then
    perform ops.fail('forbidden', 'only the system advances battles', '42501');
  end if;
  select * into b from battles.battles where id = p_battle_id and deleted_at is null for update;
  if not found then
    return 'not_found';
  end if;
  if b.status = 'executing' then
    if exists (select 1 from execution.jobs j where j.battle_id = b.id and j.kind = 'contender_run'
                and j.status in ('queued', 'running')) then
      return 'waiting_for_runs';
    end if;
    if exists (select 1 from battles.contenders c
                where c.battle_id = b.id and c.contender_status in ('active', 'accepted')
                  and not exists (select 1 from battles.submissions s where s.contender_id = c.id and s.is_final and s.status = 'submitted')) then
      return 'waiting_for_entries';
    end if;
    v_entries := battles.fn_count_entries(b.id);
    if b.judging_mode = 'community_vote' then
      if v_entries < 2 then
        return 'not_enough_entries';
      end if;
      if b.voting_closes_at is not null and b.voting_closes_at <= now() then
        return 'voting_window_past';
      end if;
      perform battles.fn_battle_open_voting(b.id);
      return 'voting_opened';
    end if;
    if v_entries < 1 then
      return 'not_enough_entries';
    end if;
    perform battles.fn_battle_start_scoring(b.id);
    return 'scoring_started';
  elsif b.status = 'scoring' and b.judging_mode <> 'community_vote' then
    if exists (select 1 from execution.jobs j where j.battle_id = b.id
                and j.kind in ('judge_pair', 'judge_rubric', 'auto_score') and j.status in ('queued', 'running')) then
      return 'waiting_for_judging';
    end if;
    if not battles.fn_judging_complete(b) then
      return 'judging_incomplete';
    end if;
    if b.judging_mode = 'ai_judge' then
      perform battles.fn_cast_judge_vote(b);
    end if;
    perform battles.fn_battles_finalize(b.id);
    return 'finalized';
  end if;
  return 'nothing_to_do';
end $$;

-- The creator (or an operator) queues again the runs or judging jobs that failed for good, while
-- the battle waits on them (executing, or scoring). Returns how many jobs were queued.
create function battles.fn_battle_retry_runs(p_battle_id uuid)
returns integer
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  j execution.jobs;
  v_count integer := 0;
begin
  if not (battles.fn_is_creator(b) or lensers.fn_is_operator()) then
    perform ops.fail('forbidden', 'only its creator or an operator may retry runs', '42501');
  end if;
  if b.status not in ('executing', 'scoring') then
    perform ops.fail('nothing_to_retry', format('runs are retried while a battle is executing or scoring; this one is %s', b.status), '55000');
  end if;
  -- The latest job per logical job (dedupe key) says whether it still needs doing.
  for j in
    select distinct on (x.dedupe_key) x.* from execution.jobs x
     where x.battle_id = b.id and x.dedupe_key is not null
       and x.kind = any (case when b.status = 'executing' then array['contender_run']
                              else array['judge_pair', 'judge_rubric', 'auto_score'] end)
     order by x.dedupe_key, x.id desc
  loop
    if j.status in ('failed', 'dead')
       and not (j.kind = 'contender_run' and exists (select 1 from battles.submissions s where s.contender_id = j.contender_id and s.is_final)) then
      perform execution.fn_enqueue(j.kind, j.battle_id, j.contender_id, j.payload, j.dedupe_key, j.max_attempts);
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end $$;

-- What the worker is doing for a battle and what went wrong: every job (latest first), the runs
-- with their tokens, cost and errors, and the totals. Models and lens reports are shown once
-- identities are revealed (not to blind voters). Provider keys are never stored, so never shown.
create function battles.fn_battle_execution_status(p_battle_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  b battles.battles;
  v_revealed boolean;
begin
  select * into b from battles.battles where id = p_battle_id and deleted_at is null;
  if not found or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  v_revealed := battles.fn_identities_revealed(b.id);
  return jsonb_build_object(
    'battle_id', b.id,
    'status', b.status,
    'judging_mode', b.judging_mode,
    'failed', exists (
      select 1 from (select distinct on (x.dedupe_key) x.status from execution.jobs x
                      where x.battle_id = b.id and x.dedupe_key is not null order by x.dedupe_key, x.id desc) latest
       where latest.status in ('failed', 'dead')),
    'jobs', coalesce((select jsonb_agg(jsonb_build_object(
        'id', j.id, 'kind', j.kind, 'contender_id', j.contender_id, 'slot', c.slot, 'payload', j.payload,
        'status', j.status, 'attempts', j.attempts, 'max_attempts', j.max_attempts, 'run_at', j.run_at,
        'error_code', j.last_error_code, 'error_message', j.last_error_message,
        'created_at', j.created_at, 'finished_at', j.finished_at) order by j.id desc)
      from execution.jobs j left join battles.contenders c on c.id = j.contender_id
     where j.battle_id = b.id), '[]'),
    'runs', coalesce((select jsonb_agg(jsonb_build_object(
        'id', r.id, 'job_id', r.job_id, 'purpose', r.purpose, 'contender_id', r.contender_id, 'attempt', r.attempt,
        'status', r.status, 'error_code', r.error_code, 'error_message', r.error_message,
        'input_tokens', r.input_tokens, 'output_tokens', r.output_tokens, 'cost_usd', r.cost_usd,
        'latency_ms', r.latency_ms, 'provider_request_id', r.provider_request_id, 'stop_reason', r.stop_reason,
        'params', r.params, 'prompt_hash', r.prompt_hash, 'output_hash', r.output_hash,
        'model_id', case when v_revealed then r.model_id end,
        'render_report', case when v_revealed then r.render_report end,
        'started_at', r.started_at, 'finished_at', r.finished_at) order by r.created_at, r.id)
      from execution.runs r where r.battle_id = b.id), '[]'),
    'totals', (select jsonb_build_object('runs', count(*), 'input_tokens', coalesce(sum(r.input_tokens), 0),
        'output_tokens', coalesce(sum(r.output_tokens), 0), 'cost_usd', coalesce(sum(r.cost_usd), 0))
      from execution.runs r where r.battle_id = b.id));
end $$;

-- The "judging" part of the finalized summary: how each mode reached its scores, with what a
-- replay needs (docs/judging.md). Written once, at finalization, when results become visible.
create function battles.fn_judging_explanation(b battles.battles)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare v_judge uuid := (b.rule_snapshot #>> '{judging,judge,model_id}')::uuid;
begin
  if b.judging_mode = 'community_vote' then
    return jsonb_build_object('mode', 'community_vote', 'protocol', 'weighted_votes_v1',
      'method', 'score = sum of the weights of the votes for the contender; draw votes count for nobody',
      'votes', (select count(*) from battles.votes v where v.battle_id = b.id),
      'ai_votes', (select count(*) from battles.votes v where v.battle_id = b.id and v.is_ai_vote));
  elsif b.judging_mode = 'ai_judge' then
    return jsonb_build_object('mode', 'ai_judge', 'protocol', 'pairwise_swapped_v1',
      'method', 'each pair of entries is judged twice, the second time in swapped order; a contender wins the pair only if both runs pick it, otherwise the pair is a draw; score = 1 per pair won + 0.5 per pair drawn (Copeland)',
      'judge', b.rule_snapshot #> '{judging,judge}',
      'pairs', coalesce((select jsonb_agg(jsonb_build_object('contender_a', v.contender_a, 'contender_b', v.contender_b,
          'first_winner', v.first_winner, 'swapped_winner', v.swapped_winner, 'outcome', v.outcome, 'agreed', v.agreed,
          'first_run_id', v.first_run_id, 'swapped_run_id', v.swapped_run_id) order by v.created_at, v.id)
        from battles.judge_verdicts v where v.battle_id = b.id and v.judge_model_id = v_judge), '[]'));
  elsif b.judging_mode = 'rubric_score' then
    return jsonb_build_object('mode', 'rubric_score', 'protocol', 'rubric_weighted_v1',
      'method', 'per scorer: sum(weight * value) / sum(weight) over the scorecards, pass = 1, partial = 0.5, fail = 0, skipped left out; score = mean over scorers',
      'scorer', b.rule_snapshot #>> '{judging,rubric_scorer}',
      'judge', b.rule_snapshot #> '{judging,judge}',
      'rubric', b.rule_snapshot -> 'rubric',
      'scorecards', coalesce((select jsonb_agg(jsonb_build_object('contender_id', sc.contender_id,
          'criterion_id', sc.rubric_criterion_id, 'result', sc.result,
          'scorer_lenser_id', sc.scorer_lenser_id, 'scorer_model_id', sc.scorer_model_id)
          order by sc.contender_id, sc.rubric_criterion_id, sc.scorer_lenser_id nulls first)
        from battles.scorecards sc where sc.battle_id = b.id and sc.kind = 'rubric'), '[]'));
  elsif b.judging_mode = 'auto_score' then
    return jsonb_build_object('mode', 'auto_score', 'protocol', 'challenge_auto_v1',
      'method', 'each entry is scored by the challenge''s checker against the answer key generated from the seed (0..1)',
      'challenge', (b.rule_snapshot #> '{judging,challenge}')
        || jsonb_build_object('seed', (select s.seed from battles.challenge_secrets s where s.battle_id = b.id)),
      'scores', coalesce((select jsonb_agg(jsonb_build_object('contender_id', cs.contender_id, 'submission_id', cs.submission_id,
          'score', cs.score, 'details', cs.details) order by cs.contender_id)
        from battles.challenge_scores cs where cs.battle_id = b.id), '[]'));
  end if;
  return null;
end $$;

revoke execute on function battles.fn_enqueue_judging(battles.battles), battles.trg_battle_jobs(),
  battles.trg_submission_advance(), battles.fn_cast_judge_vote(battles.battles), battles.fn_battle_advance(uuid),
  battles.fn_battle_retry_runs(uuid), battles.fn_battle_execution_status(uuid), battles.fn_judging_explanation(battles.battles)
  from public;
grant execute on function battles.fn_battle_advance(uuid), battles.fn_cast_judge_vote(battles.battles),
  battles.fn_enqueue_judging(battles.battles), battles.fn_judging_explanation(battles.battles) to service_role;
grant execute on function battles.fn_battle_retry_runs(uuid) to authenticated, service_role;
grant execute on function battles.fn_battle_execution_status(uuid) to anon, authenticated, service_role;
