-- The battle state machine. transition_rules is the whole table of allowed moves; a trigger refuses
-- any other status change from any writer, and fn_apply_transition adds who may make each move.

create table battles.transition_rules (
  action text not null,
  from_status battles.battle_status_enum not null,
  to_status battles.battle_status_enum not null,
  by_creator boolean not null,
  by_system boolean not null,
  by_operator boolean not null,
  -- The event written beside status_change (null: status_change alone).
  event_type text,
  primary key (action, from_status)
);

insert into battles.transition_rules values
  ('publish',         'draft',     'open',      true,  false, true, null),
  ('retract',         'open',      'draft',     true,  false, true, null),
  ('start_execution', 'open',      'executing', true,  true,  true, null),
  ('open_voting',     'open',      'voting',    true,  true,  true, 'voting_opened'),
  ('open_voting',     'executing', 'voting',    true,  true,  true, 'voting_opened'),
  ('start_scoring',   'open',      'scoring',   true,  true,  true, 'scoring_started'),
  ('start_scoring',   'executing', 'scoring',   true,  true,  true, 'scoring_started'),
  ('close_voting',    'voting',    'scoring',   true,  true,  true, 'voting_closed'),
  ('finalize',        'scoring',   'closed',    true,  true,  true, 'finalized'),
  ('publish_results', 'closed',    'published', true,  true,  true, 'published'),
  ('archive',         'open',      'archived',  true,  true,  true, 'archived'),
  ('archive',         'executing', 'archived',  true,  true,  true, 'archived'),
  ('archive',         'voting',    'archived',  true,  true,  true, 'archived'),
  ('archive',         'scoring',   'archived',  true,  true,  true, 'archived'),
  ('archive',         'closed',    'archived',  true,  true,  true, 'archived'),
  ('archive',         'published', 'archived',  true,  true,  true, 'archived'),
  ('cancel',          'open',      'archived',  true,  false, true, 'battle_cancelled'),
  ('cancel',          'executing', 'archived',  true,  false, true, 'battle_cancelled'),
  ('cancel',          'voting',    'archived',  true,  false, true, 'battle_cancelled'),
  ('cancel',          'scoring',   'archived',  true,  false, true, 'battle_cancelled');

alter table battles.transition_rules enable row level security;
create policy transition_rules_read on battles.transition_rules for select using (true);

-- Guards every UPDATE of a battle, whoever writes it: only listed status moves, and once the rules
-- are frozen at publication the promised rules cannot change underneath voters and contenders.
create function battles.trg_battles_guard() returns trigger
language plpgsql as $$
begin
  if ops.is_migrating() then
    return new;
  end if;
  if new.status is distinct from old.status
     and not exists (select 1 from battles.transition_rules r
                      where r.from_status = old.status and r.to_status = new.status) then
    perform ops.fail('invalid_transition',
      format('a battle cannot move from %s to %s', old.status, new.status), '55000');
  end if;
  if old.rules_frozen_at is not null and new.rules_frozen_at is null and new.status <> 'draft' then
    perform ops.fail('rules_frozen', 'rules thaw only when a battle is retracted to draft', '55000');
  end if;
  if old.rules_frozen_at is not null and new.rules_frozen_at is not null and (
       new.task_prompt, new.rubric_id, new.battle_type, new.voter_eligibility, new.max_contenders,
       new.handicap_config, new.contender_structure, new.judging_mode, new.task_source,
       new.challenge_type, new.content_type, new.rule_snapshot, new.rule_snapshot_sha256, new.invite_code)
     is distinct from (
       old.task_prompt, old.rubric_id, old.battle_type, old.voter_eligibility, old.max_contenders,
       old.handicap_config, old.contender_structure, old.judging_mode, old.task_source,
       old.challenge_type, old.content_type, old.rule_snapshot, old.rule_snapshot_sha256, old.invite_code) then
    perform ops.fail('rules_frozen', 'the rules of a published battle cannot change', '55000');
  end if;
  if new.creator_lenser_id is distinct from old.creator_lenser_id or new.principal_id is distinct from old.principal_id
     or new.created_at is distinct from old.created_at then
    perform ops.fail('immutable_column', 'creator and creation time never change', '55000');
  end if;
  new.updated_at := now();
  return new;
end $$;

-- Fires for an UPDATE that names any column but total_vote_count: the tally update of every vote sets
-- that column alone and skips the guard. A column list rather than a WHEN clause, because Postgres
-- re-reads and re-plans a WHEN clause in every statement that updates the table, and a comparison of
-- the guarded columns costs a vote more than the guard would. A new column of battles.battles belongs
-- in this list (test/battles/battles.transitions.test.ts checks that none is missing).
create trigger battles_guard before update of
    id, creator_lenser_id, principal_id, title, slug, task_prompt, rubric_id, status, battle_type,
    voter_eligibility, max_contenders, invite_code, voting_opens_at, voting_closes_at, published_at,
    finalized_at, winner_contender_id, handicap_config, content_type, contender_structure, judging_mode,
    task_source, challenge_type, workflow_id, rule_snapshot, rule_snapshot_sha256, rules_frozen_at,
    cancelled_at, archived_at, finalize_summary, created_at, updated_at, deleted_at
  on battles.battles
  for each row execute function battles.trg_battles_guard();

-- Who may make a move, checked before anything that depends on the battle's state: a caller who may
-- not act gets forbidden (not_found when they cannot see the battle), never a refusal that tells
-- them about its entries, its voting window or its judging. Every lifecycle RPC calls it first.
create function battles.fn_require_actor(b battles.battles, p_action text)
returns void
language plpgsql stable security definer set search_path = '' as $$
declare
  v_creator boolean;
  v_system boolean := lensers.fn_is_system();
  v_operator boolean := lensers.fn_is_operator() and not lensers.fn_is_system();
  r record;
begin
  v_creator := battles.fn_is_creator(b);
  -- Who may make an action is the same from every status it starts from (test/battles/battles.transitions.test.ts).
  select bool_or(t.by_creator) as by_creator, bool_or(t.by_system) as by_system, bool_or(t.by_operator) as by_operator
    into r from battles.transition_rules t where t.action = p_action;
  if r.by_creator is null then
    perform ops.fail('invalid_input', format('unknown battle action %s', p_action), '22023');
  end if;
  if not ((r.by_creator and v_creator) or (r.by_system and v_system) or (r.by_operator and v_operator)) then
    perform ops.fail('forbidden',
      format('only %s may %s this battle',
        array_to_string(array_remove(array[
          case when r.by_creator then 'its creator' end,
          case when r.by_system then 'the system' end,
          case when r.by_operator then 'an operator' end], null), ' or '),
        replace(p_action, '_', ' ')), '42501');
  end if;
end $$;

-- Applies one move of the state machine: checks the caller's right to make it, then the rule,
-- changes the status and writes status_change plus the move's own event. Returns the updated row.
create function battles.fn_apply_transition(p_battle_id uuid, p_action text, p_metadata jsonb default '{}')
returns battles.battles
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  r battles.transition_rules;
begin
  perform battles.fn_require_actor(b, p_action);
  select * into r from battles.transition_rules where action = p_action and from_status = b.status;
  if not found then
    perform ops.fail('invalid_transition',
      format('cannot %s a battle that is %s', replace(p_action, '_', ' '), b.status), '55000');
  end if;
  update battles.battles set status = r.to_status where id = p_battle_id returning * into b;
  perform battles.fn_log_event(p_battle_id, 'status_change',
    jsonb_build_object('from', r.from_status, 'to', r.to_status, 'action', p_action) || coalesce(p_metadata, '{}'));
  if r.event_type is not null then
    perform battles.fn_log_event(p_battle_id, r.event_type, coalesce(p_metadata, '{}'));
  end if;
  return b;
end $$;
