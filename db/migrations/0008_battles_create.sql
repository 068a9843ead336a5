-- Creating battles: the daily creation cap, create, create from template, clone, draft edits, rubrics.

-- The handicap an AI contender runs under (docs/judging.md): the only keys the worker applies, each
-- with its type and range. Anything else is refused by name rather than frozen and silently ignored.
-- Checked when a battle is created or its draft edited, and again at publication.
create function battles.fn_check_handicap(p_handicap jsonb)
returns void
language plpgsql set search_path = '' as $$
declare
  k text;
  n numeric;
  v jsonb;
begin
  if p_handicap is null or jsonb_typeof(p_handicap) = 'null' then
    return;
  end if;
  if jsonb_typeof(p_handicap) <> 'object' then
    perform ops.fail('invalid_input', 'handicap_config is an object of max_tokens, temperature, time_limit_ms', '22023');
  end if;
  for k, v in select e.key, e.value from jsonb_each(p_handicap) e order by e.key loop
    if k not in ('max_tokens', 'temperature', 'time_limit_ms') then
      perform ops.fail('invalid_input', format('handicap_config.%s is not a handicap the worker applies (known: max_tokens, temperature, time_limit_ms)', left(k, 60)), '22023');
    end if;
    n := case when jsonb_typeof(v) = 'number' then v::text::numeric end;
    if k = 'max_tokens' and (n is null or n not between 1 and 100000 or n <> trunc(n)) then
      perform ops.fail('invalid_input', format('handicap_config.max_tokens must be an integer from 1 to 100000, not %s', left(v::text, 40)), '22023');
    elsif k = 'temperature' and (n is null or n not between 0 and 2) then
      perform ops.fail('invalid_input', format('handicap_config.temperature must be a number from 0 to 2, not %s', left(v::text, 40)), '22023');
    elsif k = 'time_limit_ms' and (n is null or n not between 1000 and 3600000) then
      perform ops.fail('invalid_input', format('handicap_config.time_limit_ms must be a number of milliseconds from 1000 to 3600000, not %s', left(v::text, 40)), '22023');
    end if;
  end loop;
end $$;

-- One insert path for create, clone and create-from-template, so the cap covers all three.
-- The cap counts every battle the principal created in the last 24 hours, deleted ones included
-- (create-then-delete must not reset it). A transaction-scoped advisory lock per principal makes
-- concurrent creates queue, so the count they see is never stale.
create function battles.fn_insert_battle(
  p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text,
  p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum,
  p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer,
  p_content_type text, p_invite_only boolean, p_voting_opens_at timestamptz, p_voting_closes_at timestamptz,
  p_handicap_config jsonb, p_workflow_id uuid, p_origin jsonb)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_principal uuid := lensers.fn_require_principal();
  v_acting uuid := lensers.fn_acting_profile_id();
  v_cap integer := ops.setting_int('app.battles_daily_create_cap', 10);
  v_recent integer;
  v_oldest timestamptz;
  v_combo battles.axes_combinations;
  v_id uuid;
begin
  if (select is_anonymous from lensers.profiles where id = v_principal) then
    perform ops.fail('guest_not_allowed', 'guest accounts cannot create battles; sign up first', '42501');
  end if;
  select * into v_combo from battles.axes_combinations
   where task_source = p_task_source and contender_structure = p_contender_structure and judging_mode = p_judging_mode;
  if not found then
    perform ops.fail('invalid_axes', format('unknown task source %s', p_task_source), '22023');
  elsif v_combo.invalid_reason is not null then
    perform ops.fail('invalid_axes', format('%s × %s × %s is not a valid battle: %s',
      p_task_source, p_contender_structure, p_judging_mode, v_combo.invalid_reason), '22023');
  end if;
  if p_judging_mode = 'auto_score' and p_challenge_type is distinct from 'math_calculation'
     and p_challenge_type is distinct from 'writing_contest' then
    perform ops.fail('invalid_axes', 'auto_score needs an auto-scored challenge type (math_calculation, writing_contest)', '22023');
  end if;
  if p_rubric_id is not null and not exists (
       select 1 from battles.rubrics r where r.id = p_rubric_id and (r.is_public or r.creator_lenser_id in (v_principal, v_acting))) then
    perform ops.fail('not_found', 'rubric not found', 'P0002');
  end if;
  if p_voting_opens_at is not null and p_voting_closes_at is not null and p_voting_opens_at >= p_voting_closes_at then
    perform ops.fail('invalid_input', 'voting must open before it closes', '22023');
  end if;
  perform battles.fn_check_handicap(p_handicap_config);

  perform pg_advisory_xact_lock(hashtextextended('battles_create:' || v_principal::text, 0));
  if v_cap > 0 then
    select count(*), min(created_at) into v_recent, v_oldest
      from (select created_at from battles.battles
             where principal_id = v_principal and created_at > now() - interval '24 hours'
             order by created_at desc limit v_cap) recent;
    if v_recent >= v_cap then
      perform ops.fail('battle_rate_limit_exceeded',
        format('you can create %s battles per 24 hours; try again later', v_cap), '54000',
        'retry_after=' || greatest(1, ceil(extract(epoch from v_oldest + interval '24 hours' - now())))::integer);
    end if;
  end if;
  if exists (select 1 from battles.battles where slug = p_slug) then
    perform ops.fail('slug_taken', format('the slug %s is taken', p_slug), '23505');
  end if;

  insert into battles.battles (
    creator_lenser_id, principal_id, title, slug, task_prompt, rubric_id, battle_type, voter_eligibility,
    max_contenders, invite_code, voting_opens_at, voting_closes_at, handicap_config, content_type,
    contender_structure, judging_mode, task_source, challenge_type, workflow_id)
  values (
    v_acting, v_principal, btrim(p_title), p_slug, p_task_prompt, p_rubric_id, v_combo.battle_type,
    coalesce(p_voter_eligibility, 'open'), coalesce(p_max_contenders, 2),
    case when p_invite_only then replace(gen_random_uuid()::text, '-', '') end,
    p_voting_opens_at, p_voting_closes_at, coalesce(p_handicap_config, '{}'), coalesce(p_content_type, 'text'),
    p_contender_structure, p_judging_mode, p_task_source, p_challenge_type, p_workflow_id)
  returning id into v_id;
  perform battles.fn_log_event(v_id, 'status_change',
    jsonb_build_object('from', null, 'to', 'draft', 'action', 'create') || coalesce(p_origin, '{}'));
  return v_id;
end $$;

create function battles.fn_battles_create(
  p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid default null,
  p_task_source text default 'challenge',
  p_contender_structure battles.contender_structure_enum default 'human_vs_human',
  p_judging_mode battles.judging_mode_enum default 'community_vote',
  p_challenge_type text default null,
  p_voter_eligibility battles.voter_eligibility_enum default 'open',
  p_max_contenders integer default 2,
  p_content_type text default 'text',
  p_invite_only boolean default false,
  p_voting_opens_at timestamptz default null,
  p_voting_closes_at timestamptz default null,
  p_handicap_config jsonb default '{}',
  p_workflow_id uuid default null)
returns uuid
language sql security definer set search_path = '' as $$
  select battles.fn_insert_battle(p_title, p_slug, p_task_prompt, p_rubric_id, p_task_source,
    p_contender_structure, p_judging_mode, p_challenge_type, p_voter_eligibility, p_max_contenders,
    p_content_type, p_invite_only, p_voting_opens_at, p_voting_closes_at, p_handicap_config, p_workflow_id, '{}')
$$;

create function battles.fn_battles_create_from_template(p_template_id uuid, p_title text, p_slug text)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare t battles.templates;
begin
  select * into t from battles.templates
   where id = p_template_id and (is_public or creator_lenser_id = auth.uid());
  if not found then
    perform ops.fail('not_found', 'template not found', 'P0002');
  end if;
  return battles.fn_insert_battle(p_title, p_slug, t.task_prompt, t.rubric_id, t.task_source,
    t.contender_structure, t.judging_mode, t.challenge_type, t.voter_eligibility, t.max_contenders,
    t.content_type, false, null, null, t.handicap_config, null, jsonb_build_object('template_id', t.id));
end $$;

-- Only battles the caller can see may be cloned; the clone is a fresh draft with the same rules.
create function battles.fn_battles_clone(p_battle_id uuid, p_title text, p_slug text)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare b battles.battles;
begin
  select * into b from battles.battles where id = p_battle_id;
  if not found or b.deleted_at is not null or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  return battles.fn_insert_battle(p_title, p_slug, b.task_prompt, b.rubric_id, b.task_source,
    b.contender_structure, b.judging_mode, b.challenge_type, b.voter_eligibility, b.max_contenders,
    b.content_type, b.invite_code is not null, null, null, b.handicap_config, b.workflow_id,
    jsonb_build_object('cloned_from', b.id));
end $$;

create function battles.fn_battles_create_template(p_battle_id uuid, p_title text, p_is_public boolean default true)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare b battles.battles; v_id uuid;
begin
  perform lensers.fn_require_principal();
  select * into b from battles.battles where id = p_battle_id;
  if not found or b.deleted_at is not null or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  insert into battles.templates (creator_lenser_id, title, task_prompt, rubric_id, task_source, contender_structure,
    judging_mode, challenge_type, voter_eligibility, max_contenders, content_type, handicap_config, is_public)
  values (auth.uid(), p_title, b.task_prompt, b.rubric_id, b.task_source, b.contender_structure, b.judging_mode,
    b.challenge_type, b.voter_eligibility, b.max_contenders, b.content_type, b.handicap_config, coalesce(p_is_public, true))
  returning id into v_id;
  return v_id;
end $$;

-- Draft edits (the creation wizard saves at every step). Only named keys are applied; axes are
-- re-checked by the foreign key to the compatibility table. invite_only true gives the draft an
-- invite code (kept if it has one), false removes it.
create function battles.fn_battles_update_draft(p_battle_id uuid, p_patch jsonb)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_unknown text;
  v_combo battles.axes_combinations;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may edit a draft', '42501');
  end if;
  if b.status <> 'draft' then
    perform ops.fail('invalid_transition', 'only drafts can be edited; retract the battle first', '55000');
  end if;
  select string_agg(k, ', ') into v_unknown from jsonb_object_keys(coalesce(p_patch, '{}')) k
   where k not in ('title', 'task_prompt', 'rubric_id', 'task_source', 'contender_structure', 'judging_mode',
                   'challenge_type', 'voter_eligibility', 'max_contenders', 'content_type', 'voting_opens_at',
                   'voting_closes_at', 'handicap_config', 'workflow_id', 'invite_only');
  if v_unknown is not null then
    perform ops.fail('invalid_input', format('unknown draft fields: %s', v_unknown), '22023');
  end if;
  b.title := coalesce(p_patch ->> 'title', b.title);
  b.task_prompt := coalesce(p_patch ->> 'task_prompt', b.task_prompt);
  if p_patch ? 'rubric_id' then b.rubric_id := (p_patch ->> 'rubric_id')::uuid; end if;
  b.task_source := coalesce(p_patch ->> 'task_source', b.task_source);
  b.contender_structure := coalesce((p_patch ->> 'contender_structure')::battles.contender_structure_enum, b.contender_structure);
  b.judging_mode := coalesce((p_patch ->> 'judging_mode')::battles.judging_mode_enum, b.judging_mode);
  if p_patch ? 'challenge_type' then b.challenge_type := p_patch ->> 'challenge_type'; end if;
  b.voter_eligibility := coalesce((p_patch ->> 'voter_eligibility')::battles.voter_eligibility_enum, b.voter_eligibility);
  b.max_contenders := coalesce((p_patch ->> 'max_contenders')::integer, b.max_contenders);
  b.content_type := coalesce(p_patch ->> 'content_type', b.content_type);
  if p_patch ? 'voting_opens_at' then b.voting_opens_at := (p_patch ->> 'voting_opens_at')::timestamptz; end if;
  if p_patch ? 'voting_closes_at' then b.voting_closes_at := (p_patch ->> 'voting_closes_at')::timestamptz; end if;
  if p_patch ? 'handicap_config' then
    perform battles.fn_check_handicap(p_patch -> 'handicap_config');
    b.handicap_config := coalesce(nullif(p_patch -> 'handicap_config', 'null'::jsonb), '{}');
  end if;
  if p_patch ? 'workflow_id' then b.workflow_id := (p_patch ->> 'workflow_id')::uuid; end if;
  if p_patch ? 'invite_only' then
    if jsonb_typeof(p_patch -> 'invite_only') <> 'boolean' then
      perform ops.fail('invalid_input', 'invite_only is true or false', '22023');
    end if;
    b.invite_code := case when (p_patch ->> 'invite_only')::boolean
                          then coalesce(b.invite_code, replace(gen_random_uuid()::text, '-', '')) end;
  end if;
  select * into v_combo from battles.axes_combinations
   where task_source = b.task_source and contender_structure = b.contender_structure and judging_mode = b.judging_mode;
  if not found or v_combo.invalid_reason is not null then
    perform ops.fail('invalid_axes', format('%s × %s × %s is not a valid battle: %s',
      b.task_source, b.contender_structure, b.judging_mode, coalesce(v_combo.invalid_reason, 'unknown task source')), '22023');
  end if;
  if b.max_contenders < (select count(*) from battles.contenders c where c.battle_id = b.id) then
    perform ops.fail('invalid_input', 'max_contenders is below the number of contenders who joined', '22023');
  end if;
  update battles.battles set
    title = b.title, task_prompt = b.task_prompt, rubric_id = b.rubric_id, task_source = b.task_source,
    contender_structure = b.contender_structure, judging_mode = b.judging_mode, battle_type = v_combo.battle_type,
    challenge_type = b.challenge_type, voter_eligibility = b.voter_eligibility, max_contenders = b.max_contenders,
    content_type = b.content_type, voting_opens_at = b.voting_opens_at, voting_closes_at = b.voting_closes_at,
    handicap_config = b.handicap_config, workflow_id = b.workflow_id, invite_code = b.invite_code
  where id = b.id;
end $$;

-- criteria: [{"title": "...", "description": "...", "weight": 2}]
create function battles.fn_rubrics_create(p_title text, p_criteria jsonb, p_description text default null,
  p_is_public boolean default false)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare v_id uuid; v_me uuid := lensers.fn_acting_profile_id();
begin
  if jsonb_typeof(p_criteria) is distinct from 'array' or jsonb_array_length(p_criteria) = 0 then
    perform ops.fail('invalid_input', 'a rubric needs at least one criterion', '22023');
  end if;
  insert into battles.rubrics (creator_lenser_id, title, description, is_public)
  values (v_me, p_title, p_description, coalesce(p_is_public, false)) returning id into v_id;
  insert into battles.rubric_criteria (rubric_id, ordinal, title, description, weight)
  select v_id, c.ord, c.value ->> 'title', c.value ->> 'description', coalesce((c.value ->> 'weight')::numeric, 1.0)
    from jsonb_array_elements(p_criteria) with ordinality as c(value, ord);
  return v_id;
end $$;
