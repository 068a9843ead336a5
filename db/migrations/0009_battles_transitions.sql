-- The lifecycle RPCs: each is one move of battles.transition_rules plus what that move records.
-- Each checks who may make the move (battles.fn_require_actor) before any check of the battle's state.

-- Freezes the rules voters and contenders are promised (axes, eligibility, rubric, handicap, voting
-- window, limits, judging) with the SHA-256 of their jsonb text, and opens the battle for entries.
create function battles.fn_publish_battle(p_battle_id uuid)
returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_rubric jsonb;
  v_judging jsonb;
  v_snapshot jsonb;
  v_sha text;
begin
  perform battles.fn_require_actor(b, 'publish');
  if b.status = 'draft' then
    if b.judging_mode = 'rubric_score' and b.rubric_id is null then
      perform ops.fail('rubric_required', 'rubric_score battles need a rubric', '22023');
    end if;
    if b.voting_closes_at is not null and b.voting_closes_at <= now() then
      perform ops.fail('voting_window_past', 'the voting window has already closed; set a new one', '22023');
    end if;
    -- Who judges, and the challenge's seed commitment (0022_judging.sql).
    v_judging := battles.fn_frozen_judging_rules(b);
  end if;
  if b.rubric_id is not null then
    select jsonb_build_object('id', r.id, 'title', r.title, 'version', r.version,
             'criteria', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'ordinal', c.ordinal,
                 'title', c.title, 'weight', c.weight) order by c.ordinal)
               from battles.rubric_criteria c where c.rubric_id = r.id), '[]'))
      into v_rubric from battles.rubrics r where r.id = b.rubric_id;
  end if;
  v_snapshot := jsonb_build_object(
    'axes', jsonb_build_object('task_source', b.task_source, 'contender_structure', b.contender_structure,
      'judging_mode', b.judging_mode, 'challenge_type', b.challenge_type, 'battle_type', b.battle_type),
    'voter_eligibility', b.voter_eligibility,
    'rubric', v_rubric,
    'handicap', b.handicap_config,
    'voting_window', jsonb_build_object('opens_at', b.voting_opens_at, 'closes_at', b.voting_closes_at),
    'max_contenders', b.max_contenders,
    'content_type', b.content_type,
    'invite_only', b.invite_code is not null,
    'task_prompt_sha256', encode(sha256(convert_to(b.task_prompt, 'UTF8')), 'hex'),
    'judging', v_judging,
    'version', 1);
  v_sha := encode(sha256(convert_to(v_snapshot::text, 'UTF8')), 'hex');
  b := battles.fn_apply_transition(p_battle_id, 'publish', jsonb_build_object('rule_snapshot_sha256', v_sha));
  update battles.battles set rule_snapshot = v_snapshot, rule_snapshot_sha256 = v_sha, rules_frozen_at = now()
   where id = p_battle_id;
  return jsonb_build_object('battle_id', b.id, 'status', b.status, 'rule_snapshot', v_snapshot,
    'rule_snapshot_sha256', v_sha);
end $$;

-- The older name for the same move: one implementation, the snapshot is frozen either way.
create function battles.fn_battles_open(p_battle_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  perform battles.fn_publish_battle(p_battle_id);
end $$;

-- Back to draft while nobody has entered; the rules thaw so the creator can fix them.
create function battles.fn_battles_retract(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  perform battles.fn_require_actor(b, 'retract');
  -- Only an open battle can be retracted: in any other state the state machine's refusal
  -- (invalid_transition) is the answer, not this precondition.
  if b.status = 'open' and exists (select 1 from battles.submissions s where s.battle_id = p_battle_id) then
    perform ops.fail('battle_has_entries', 'a battle with entries cannot be retracted; cancel it instead', '55000');
  end if;
  perform battles.fn_apply_transition(p_battle_id, 'retract');
  update battles.battles set rules_frozen_at = null, rule_snapshot = null, rule_snapshot_sha256 = null
   where id = p_battle_id;
end $$;

create function battles.fn_battles_delete(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  if not (battles.fn_is_creator(b) or (lensers.fn_is_operator() and not lensers.fn_is_system())) then
    perform ops.fail('forbidden', 'only its creator or an operator may delete this battle', '42501');
  end if;
  if b.status <> 'draft' then
    perform ops.fail('invalid_transition', format('only drafts can be deleted; this battle is %s (archive it instead)', b.status), '55000');
  end if;
  update battles.battles set deleted_at = now() where id = p_battle_id;
  perform battles.fn_log_event(p_battle_id, 'status_change', jsonb_build_object('from', 'draft', 'to', 'draft', 'action', 'delete'));
end $$;

-- Entries that can be judged: final submissions of contenders still in the running.
create function battles.fn_count_entries(p_battle_id uuid) returns integer
language sql stable security definer set search_path = '' as $$
  select count(*)::integer from battles.submissions s
    join battles.contenders c on c.id = s.contender_id
   where s.battle_id = p_battle_id and s.is_final and s.status = 'submitted'
     and c.contender_status in ('active', 'accepted')
$$;

create function battles.fn_battle_start_execution(p_battle_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'start_execution');
end $$;

create function battles.fn_battle_open_voting(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  perform battles.fn_require_actor(b, 'open_voting');
  if b.status in ('open', 'executing') and battles.fn_count_entries(p_battle_id) < 2 then
    perform ops.fail('not_enough_entries', 'voting needs at least two entries', '55000');
  end if;
  if b.status in ('open', 'executing') and b.voting_closes_at is not null and b.voting_closes_at <= now() then
    perform ops.fail('voting_window_past', 'the voting window has already closed', '55000');
  end if;
  perform battles.fn_apply_transition(p_battle_id, 'open_voting');
  -- Opening by hand before the scheduled time opens now; the scheduled close stays.
  update battles.battles set voting_opens_at = least(coalesce(voting_opens_at, now()), now()) where id = p_battle_id;
end $$;

create function battles.fn_battle_close_voting(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'close_voting');
  update battles.battles set voting_closes_at = least(coalesce(voting_closes_at, now()), now()) where id = p_battle_id;
end $$;

create function battles.fn_battle_start_scoring(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  perform battles.fn_require_actor(b, 'start_scoring');
  if b.status in ('open', 'executing') and battles.fn_count_entries(p_battle_id) < 1 then
    perform ops.fail('not_enough_entries', 'scoring needs at least one entry', '55000');
  end if;
  perform battles.fn_apply_transition(p_battle_id, 'start_scoring');
end $$;

create function battles.fn_battles_publish_results(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'publish_results');
  update battles.battles set published_at = now() where id = p_battle_id;
  perform reputation.fn_battle_result_changed(p_battle_id);  -- leaderboard counts and XP (0024_xp_ledger.sql)
end $$;

create function battles.fn_battles_archive(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'archive');
  update battles.battles set archived_at = now() where id = p_battle_id;
end $$;

create function battles.fn_battles_cancel(p_battle_id uuid, p_reason text default null)
returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'cancel', jsonb_build_object('reason', p_reason));
  update battles.battles set cancelled_at = now(), archived_at = now() where id = p_battle_id;
end $$;
