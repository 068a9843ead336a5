--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: agents; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA agents;

--
-- Name: ai; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA ai;

--
-- Name: auth; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA auth;

--
-- Name: battles; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA battles;

--
-- Name: execution; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA execution;

--
-- Name: lensers; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA lensers;

--
-- Name: lenses; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA lenses;

--
-- Name: ops; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA ops;

--
-- Name: reputation; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA reputation;

--
-- Name: workflows; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA workflows;

--
-- Name: xp; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA xp;

--
-- Name: battle_slug; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.battle_slug AS text
	CONSTRAINT battles_slug_check CHECK (((VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text) AND ((length(VALUE) >= 3) AND (length(VALUE) <= 100))));

--
-- Name: battle_status_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.battle_status_enum AS ENUM (
    'draft',
    'open',
    'executing',
    'voting',
    'scoring',
    'closed',
    'published',
    'archived'
);

--
-- Name: battle_title; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.battle_title AS text
	CONSTRAINT battles_title_check CHECK (((length(btrim(VALUE)) >= 1) AND (length(btrim(VALUE)) <= 200)));

--
-- Name: battle_type_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.battle_type_enum AS ENUM (
    'ai_vs_ai',
    'human_vs_human_ai_votes',
    'human_vs_human_open_votes',
    'human_vs_ai',
    'workflow_battle',
    'lenser_battle'
);

--
-- Name: challenge_type_name; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.challenge_type_name AS text
	CONSTRAINT battles_challenge_type_check CHECK ((VALUE ~ '^[a-z][a-z0-9_]{1,63}$'::text));

--
-- Name: contender_limit; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.contender_limit AS integer
	CONSTRAINT battles_max_contenders_check CHECK (((VALUE >= 2) AND (VALUE <= 26)));

--
-- Name: contender_structure_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.contender_structure_enum AS ENUM (
    'ai_vs_ai',
    'human_vs_human',
    'human_vs_ai'
);

--
-- Name: contender_type_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.contender_type_enum AS ENUM (
    'human',
    'ai_model',
    'ai_agent'
);

--
-- Name: content_type_name; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.content_type_name AS text
	CONSTRAINT battles_content_type_check CHECK ((VALUE = ANY (ARRAY['text'::text, 'code'::text, 'markdown'::text, 'image'::text, 'video'::text, 'audio'::text, 'link'::text])));

--
-- Name: event_type_name; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.event_type_name AS text
	CONSTRAINT events_event_type_check CHECK ((VALUE = ANY (ARRAY['status_change'::text, 'contender_joined'::text, 'submission_received'::text, 'vote_cast'::text, 'finalized'::text, 'published'::text, 'archived'::text, 'invitation_sent'::text, 'invitation_accepted'::text, 'adapter_connected'::text, 'contender_withdrawn'::text, 'voting_opened'::text, 'voting_closed'::text, 'scoring_started'::text, 'battle_cancelled'::text, 'funding_allocated'::text, 'cost_recorded'::text, 'run_started'::text, 'run_completed'::text, 'run_failed'::text])));

--
-- Name: invite_code_text; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.invite_code_text AS text
	CONSTRAINT battles_invite_code_check CHECK ((VALUE ~ '^[A-Za-z0-9_-]{8,64}$'::text));

--
-- Name: json_object; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.json_object AS jsonb
	CONSTRAINT battles_handicap_config_check CHECK ((jsonb_typeof(VALUE) = 'object'::text));

--
-- Name: judging_mode_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.judging_mode_enum AS ENUM (
    'community_vote',
    'ai_judge',
    'rubric_score',
    'auto_score'
);

--
-- Name: scorecard_result_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.scorecard_result_enum AS ENUM (
    'pass',
    'fail',
    'partial',
    'skipped'
);

--
-- Name: sha256_hex; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.sha256_hex AS text
	CONSTRAINT battles_rule_snapshot_sha256_check CHECK ((VALUE ~ '^[0-9a-f]{64}$'::text));

--
-- Name: submission_status_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.submission_status_enum AS ENUM (
    'pending',
    'streaming',
    'submitted',
    'withdrawn',
    'disqualified'
);

--
-- Name: task_prompt_text; Type: DOMAIN; Schema: battles; Owner: -
--

CREATE DOMAIN battles.task_prompt_text AS text
	CONSTRAINT battles_task_prompt_check CHECK (((length(btrim(VALUE)) >= 1) AND (length(btrim(VALUE)) <= 50000)));

--
-- Name: vote_value_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.vote_value_enum AS ENUM (
    'contender_a',
    'contender_b',
    'draw'
);

--
-- Name: voter_eligibility_enum; Type: TYPE; Schema: battles; Owner: -
--

CREATE TYPE battles.voter_eligibility_enum AS ENUM (
    'open',
    'lenser_only',
    'verified_lenser',
    'human_only',
    'ai_only'
);

--
-- Name: fn_ai_lensers_create(text, text, uuid, text, text); Type: FUNCTION; Schema: agents; Owner: -
--

CREATE FUNCTION agents.fn_ai_lensers_create(p_handle text, p_display_name text, p_model_id uuid, p_agent_kind text DEFAULT 'ai_model'::text, p_system_prompt text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_owner uuid := lensers.fn_require_principal();
  v_profile uuid;
  v_id uuid;
begin
  if (select is_anonymous from lensers.profiles where id = v_owner) then
    perform ops.fail('guest_not_allowed', 'guest accounts cannot own AI lensers', '42501');
  end if;
  if not exists (select 1 from ai.models m where m.id = p_model_id and m.is_active) then
    perform ops.fail('not_found', 'model not found', 'P0002');
  end if;
  if exists (select 1 from lensers.profiles where handle = p_handle) then
    perform ops.fail('handle_taken', 'that handle is already registered', '23505');
  end if;
  insert into lensers.profiles (handle, display_name, kind) values (p_handle, p_display_name, 'ai') returning id into v_profile;
  insert into agents.ai_lensers (profile_id, owner_profile_id, model_id, agent_kind, system_prompt)
  values (v_profile, v_owner, p_model_id, coalesce(p_agent_kind, 'ai_model'), p_system_prompt)
  returning id into v_id;
  return v_id;
end $$;

--
-- Name: fn_ai_lensers_list(boolean); Type: FUNCTION; Schema: agents; Owner: -
--

CREATE FUNCTION agents.fn_ai_lensers_list(p_owned_only boolean DEFAULT false) RETURNS TABLE(id uuid, profile_id uuid, handle text, display_name text, agent_kind text, model_id uuid, model_display_name text, provider text, owner_handle text, is_mine boolean)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select l.id, l.profile_id, p.handle, p.display_name, l.agent_kind, m.id, m.display_name, m.provider, o.handle,
         l.owner_profile_id is not distinct from auth.uid()
    from agents.ai_lensers l
    join lensers.profiles p on p.id = l.profile_id
    join ai.models m on m.id = l.model_id
    left join lensers.profiles o on o.id = l.owner_profile_id
   where not coalesce(p_owned_only, false) or l.owner_profile_id = auth.uid()
   order by p.handle
$$;

--
-- Name: fn_models_create(text, text, text, text, numeric, numeric, text); Type: FUNCTION; Schema: ai; Owner: -
--

CREATE FUNCTION ai.fn_models_create(p_provider text, p_model_id text, p_display_name text, p_base_url text DEFAULT NULL::text, p_price_in_per_mtok numeric DEFAULT 0, p_price_out_per_mtok numeric DEFAULT 0, p_api_key_env text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare v_id uuid;
begin
  if not lensers.fn_is_operator() then
    perform ops.fail('forbidden', 'only operators may register models', '42501');
  end if;
  if p_provider = 'scripted' then
    perform ops.fail('provider_demo_only',
      'the scripted provider is the demo seed''s stand-in, not a model; register an anthropic or openai_compatible model', '22023');
  end if;
  if p_provider is null or p_provider not in ('anthropic', 'openai_compatible') then
    perform ops.fail('invalid_input', 'provider is anthropic or openai_compatible', '22023');
  end if;
  if p_api_key_env is not null and p_api_key_env !~ '^LF_PROVIDER_KEY_[A-Z0-9_]{1,64}$' then
    perform ops.fail('invalid_input',
      'api_key_env is the name of an environment variable starting with LF_PROVIDER_KEY_ (capitals, digits, underscores)', '22023');
  end if;
  insert into ai.models (provider, model_id, display_name, base_url, price_in_per_mtok, price_out_per_mtok, api_key_env)
  values (p_provider, p_model_id, p_display_name, p_base_url, coalesce(p_price_in_per_mtok, 0), coalesce(p_price_out_per_mtok, 0),
    p_api_key_env)
  returning id into v_id;
  return v_id;
end $_$;

--
-- Name: fn_models_list(); Type: FUNCTION; Schema: ai; Owner: -
--

CREATE FUNCTION ai.fn_models_list() RETURNS TABLE(id uuid, provider text, model_id text, display_name text, price_in_per_mtok numeric, price_out_per_mtok numeric)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select m.id, m.provider, m.model_id, m.display_name, m.price_in_per_mtok, m.price_out_per_mtok
    from ai.models m where m.is_active order by m.display_name
$$;

--
-- Name: jwt(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.jwt() RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$
        select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
      $$;

--
-- Name: role(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.role() RETURNS text
    LANGUAGE sql STABLE
    AS $$
        select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''), auth.jwt() ->> 'role')
      $$;

--
-- Name: uid(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.uid() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$
        select nullif(coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                               auth.jwt() ->> 'sub'), '')::uuid
      $$;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: battles; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.battles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    creator_lenser_id uuid NOT NULL,
    principal_id uuid NOT NULL,
    title battles.battle_title NOT NULL,
    slug battles.battle_slug NOT NULL,
    task_prompt battles.task_prompt_text NOT NULL,
    rubric_id uuid,
    status battles.battle_status_enum DEFAULT 'draft'::battles.battle_status_enum NOT NULL,
    battle_type battles.battle_type_enum NOT NULL,
    voter_eligibility battles.voter_eligibility_enum DEFAULT 'open'::battles.voter_eligibility_enum NOT NULL,
    max_contenders battles.contender_limit DEFAULT 2 NOT NULL,
    invite_code battles.invite_code_text,
    voting_opens_at timestamp with time zone,
    voting_closes_at timestamp with time zone,
    published_at timestamp with time zone,
    finalized_at timestamp with time zone,
    winner_contender_id uuid,
    total_vote_count integer DEFAULT 0 NOT NULL,
    handicap_config battles.json_object DEFAULT '{}'::jsonb NOT NULL,
    content_type battles.content_type_name DEFAULT 'text'::text NOT NULL,
    contender_structure battles.contender_structure_enum NOT NULL,
    judging_mode battles.judging_mode_enum NOT NULL,
    task_source text NOT NULL,
    challenge_type battles.challenge_type_name,
    workflow_id uuid,
    rule_snapshot jsonb,
    rule_snapshot_sha256 battles.sha256_hex,
    rules_frozen_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    archived_at timestamp with time zone,
    finalize_summary jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    CONSTRAINT battles_auto_score_challenge CHECK (((judging_mode <> 'auto_score'::battles.judging_mode_enum) OR ((challenge_type)::text = ANY (ARRAY['math_calculation'::text, 'writing_contest'::text])))),
    CONSTRAINT battles_only_drafts_deleted CHECK (((deleted_at IS NULL) OR (status = 'draft'::battles.battle_status_enum))),
    CONSTRAINT battles_rubric_score_needs_rubric CHECK (((judging_mode <> 'rubric_score'::battles.judging_mode_enum) OR (status = 'draft'::battles.battle_status_enum) OR (rubric_id IS NOT NULL))),
    CONSTRAINT battles_snapshot_complete CHECK (((rule_snapshot IS NULL) = (rule_snapshot_sha256 IS NULL))),
    CONSTRAINT battles_total_vote_count_check CHECK ((total_vote_count >= 0)),
    CONSTRAINT battles_voting_window CHECK (((voting_opens_at IS NULL) OR (voting_closes_at IS NULL) OR (voting_opens_at < voting_closes_at)))
);

--
-- Name: fn_add_contender(battles.battles, uuid, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_add_contender(b battles.battles, p_profile_id uuid, p_entry_mode text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_profile lensers.profiles;
  v_ai agents.ai_lensers;
  v_type battles.contender_type_enum;
  v_count integer;
  v_same integer;
  v_id uuid;
begin
  select * into v_profile from lensers.profiles where id = p_profile_id;
  if v_profile.kind = 'ai' then
    select * into v_ai from agents.ai_lensers where profile_id = p_profile_id;
    v_type := v_ai.agent_kind::battles.contender_type_enum;
  else
    v_type := 'human';
  end if;

  select m.contender_id into v_id from battles.contender_entity_map m
   where m.battle_id = b.id and (m.profile_id = p_profile_id or m.ai_lenser_id = v_ai.id);
  if v_id is not null then
    return v_id;  -- joining twice is a no-op
  end if;

  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('this battle is %s and takes no new contenders', b.status), '55000');
  end if;
  if v_profile.is_anonymous then
    perform ops.fail('guest_not_allowed', 'guest accounts cannot contend; sign up first', '42501');
  end if;
  if b.contender_structure = 'ai_vs_ai' and v_type = 'human' then
    perform ops.fail('contender_structure', 'this battle is AI vs AI: join as one of your AI lensers', '55000');
  elsif b.contender_structure = 'human_vs_human' and v_type <> 'human' then
    perform ops.fail('contender_structure', 'this battle is human vs human', '55000');
  end if;
  select count(*), count(*) filter (where (c.contender_type = 'human') = (v_type = 'human'))
    into v_count, v_same from battles.contenders c where c.battle_id = b.id;
  if v_count >= b.max_contenders then
    perform ops.fail('battle_full', format('this battle is full (%s contenders)', b.max_contenders), '55000');
  end if;
  -- Human vs AI keeps room for both sides.
  if b.contender_structure = 'human_vs_ai' and v_same >= b.max_contenders - 1 then
    perform ops.fail('contender_structure', format('the %s side of this battle is full', case when v_type = 'human' then 'human' else 'AI' end), '55000');
  end if;

  insert into battles.contenders (battle_id, slot, contender_type, display_name, contender_status, entry_mode, accepted_at)
  values (b.id, chr(65 + v_count), v_type, v_profile.display_name, 'active', p_entry_mode, now())
  returning id into v_id;
  insert into battles.contender_entity_map (contender_id, battle_id, profile_id, ai_lenser_id)
  values (v_id, b.id, case when v_ai.id is null then p_profile_id end, v_ai.id);
  perform battles.fn_log_event(b.id, 'contender_joined',
    jsonb_build_object('contender_id', v_id, 'slot', chr(65 + v_count), 'entry_mode', p_entry_mode));
  return v_id;
end $$;

--
-- Name: fn_apply_transition(uuid, text, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_apply_transition(p_battle_id uuid, p_action text, p_metadata jsonb DEFAULT '{}'::jsonb) RETURNS battles.battles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battle_advance(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_advance(p_battle_id uuid) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battle_challenge(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_challenge(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles;
  i battles.challenge_instances;
begin
  select * into b from battles.battles where id = p_battle_id and deleted_at is null;
  if not found or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  if b.rule_snapshot #> '{judging,challenge}' is null or jsonb_typeof(b.rule_snapshot #> '{judging,challenge}') = 'null' then
    return null;
  end if;
  select * into i from battles.challenge_instances where battle_id = b.id;
  return jsonb_build_object(
    'challenge_type', b.challenge_type,
    'options', b.rule_snapshot #> '{judging,challenge,options}',
    'seed_sha256', b.rule_snapshot #>> '{judging,challenge,seed_sha256}',
    'ready', i.battle_id is not null,
    'prompt', i.prompt,
    'prompt_sha256', i.prompt_sha256,
    'generated_at', i.generated_at,
    'seed', case when b.finalized_at is not null and battles.fn_results_visible(b.id)
                 then (select s.seed from battles.challenge_secrets s where s.battle_id = b.id) end);
end $$;

--
-- Name: fn_battle_close_voting(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_close_voting(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'close_voting');
  update battles.battles set voting_closes_at = least(coalesce(voting_closes_at, now()), now()) where id = p_battle_id;
end $$;

--
-- Name: fn_battle_execution_status(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_execution_status(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battle_get_comments(uuid, integer, timestamp with time zone, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_get_comments(p_battle_id uuid, p_limit integer DEFAULT 50, p_before_ts timestamp with time zone DEFAULT NULL::timestamp with time zone, p_before_id uuid DEFAULT NULL::uuid) RETURNS TABLE(id uuid, battle_id uuid, author_lenser_id uuid, author_handle text, author_display_name text, body text, created_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id, c.battle_id, c.author_lenser_id, p.handle, p.display_name, c.body, c.created_at
    from battles.comments c join lensers.profiles p on p.id = c.author_lenser_id
   where c.battle_id = p_battle_id
     -- Keyset: strictly older than (before_ts, before_id); with a timestamp alone, strictly older.
     and (p_before_ts is null
          or (p_before_id is null and c.created_at < p_before_ts)
          or (p_before_id is not null and (c.created_at, c.id) < (p_before_ts, p_before_id)))
   order by c.created_at desc, c.id desc
   limit least(greatest(coalesce(p_limit, 50), 1), 200)
$$;

--
-- Name: fn_battles_contender_count(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_contender_count(p_battle_id uuid) RETURNS TABLE(contender_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.id from battles.contenders c where c.battle_id = p_battle_id and battles.fn_can_view(p_battle_id)
$$;

--
-- Name: fn_results_visible(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_results_visible(p_battle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from battles.battles b
     where b.id = p_battle_id
       and (lensers.fn_is_operator()
            or (b.finalized_at is not null and b.status in ('closed', 'published', 'archived')
                and (b.published_at is not null
                     or b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid()
                     or battles.fn_is_contender(b.id)))))
$$;

--
-- Name: ai_lensers; Type: TABLE; Schema: agents; Owner: -
--

CREATE TABLE agents.ai_lensers (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    profile_id uuid NOT NULL,
    owner_profile_id uuid,
    model_id uuid NOT NULL,
    agent_kind text DEFAULT 'ai_model'::text NOT NULL,
    system_prompt text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ai_lensers_agent_kind_check CHECK ((agent_kind = ANY (ARRAY['ai_model'::text, 'ai_agent'::text]))),
    CONSTRAINT ai_lensers_not_self_owned CHECK ((owner_profile_id IS DISTINCT FROM profile_id)),
    CONSTRAINT ai_lensers_system_prompt_check CHECK ((length(system_prompt) <= 20000))
);

--
-- Name: contender_entity_map; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.contender_entity_map (
    contender_id uuid NOT NULL,
    battle_id uuid NOT NULL,
    profile_id uuid,
    ai_lenser_id uuid,
    group_id uuid,
    CONSTRAINT entity_map_exactly_one CHECK ((num_nonnulls(profile_id, ai_lenser_id, group_id) = 1))
);

--
-- Name: contenders; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.contenders (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    slot character(1) NOT NULL,
    contender_type battles.contender_type_enum NOT NULL,
    display_name text NOT NULL,
    contender_status text DEFAULT 'active'::text NOT NULL,
    entry_mode text DEFAULT 'direct'::text NOT NULL,
    joined_at timestamp with time zone DEFAULT now() NOT NULL,
    accepted_at timestamp with time zone,
    withdrawn_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT contenders_contender_status_check CHECK ((contender_status = ANY (ARRAY['pending'::text, 'accepted'::text, 'active'::text, 'withdrawn'::text, 'disqualified'::text, 'eliminated'::text]))),
    CONSTRAINT contenders_display_name_check CHECK (((length(btrim(display_name)) >= 1) AND (length(btrim(display_name)) <= 80))),
    CONSTRAINT contenders_entry_mode_check CHECK ((entry_mode = ANY (ARRAY['direct'::text, 'invited'::text, 'qualified'::text, 'wildcard'::text, 'auto_join'::text]))),
    CONSTRAINT contenders_slot_check CHECK ((slot ~ '^[A-Z]$'::text))
);

--
-- Name: submissions; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.submissions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    contender_id uuid NOT NULL,
    status battles.submission_status_enum DEFAULT 'submitted'::battles.submission_status_enum NOT NULL,
    content_text text,
    content_url text,
    content_media jsonb DEFAULT '[]'::jsonb NOT NULL,
    execution_run_id uuid,
    source_type text DEFAULT 'manual'::text NOT NULL,
    model_id uuid,
    adapter_id uuid,
    artifact_id uuid,
    submitted_at timestamp with time zone,
    is_final boolean DEFAULT false NOT NULL,
    revision_of_id uuid,
    integrity_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT submissions_content_media_check CHECK ((jsonb_typeof(content_media) = 'array'::text)),
    CONSTRAINT submissions_content_text_check CHECK ((length(content_text) <= 200000)),
    CONSTRAINT submissions_content_url_check CHECK (((content_url ~ '^https?://'::text) AND (length(content_url) <= 2000))),
    CONSTRAINT submissions_has_content CHECK (((content_text IS NOT NULL) OR (content_url IS NOT NULL) OR (jsonb_array_length(content_media) > 0) OR (execution_run_id IS NOT NULL))),
    CONSTRAINT submissions_integrity_hash_check CHECK ((integrity_hash ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT submissions_source_type_check CHECK ((source_type = ANY (ARRAY['manual'::text, 'execution_output'::text, 'hybrid'::text, 'imported'::text])))
);

--
-- Name: vote_aggregates; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.vote_aggregates (
    battle_id uuid NOT NULL,
    contender_id uuid NOT NULL,
    raw_vote_count integer DEFAULT 0 NOT NULL,
    weighted_vote_sum numeric(14,4) DEFAULT 0 NOT NULL,
    draw_count integer DEFAULT 0 NOT NULL,
    rank_position integer,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT vote_aggregates_draw_count_check CHECK ((draw_count >= 0)),
    CONSTRAINT vote_aggregates_rank_position_check CHECK ((rank_position >= 1)),
    CONSTRAINT vote_aggregates_raw_vote_count_check CHECK ((raw_vote_count >= 0)),
    CONSTRAINT vote_aggregates_weighted_vote_sum_check CHECK ((weighted_vote_sum >= (0)::numeric))
);

--
-- Name: votes; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.votes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    voter_lenser_id uuid NOT NULL,
    principal_id uuid,
    voted_contender_id uuid,
    vote_value battles.vote_value_enum,
    is_draw boolean DEFAULT false NOT NULL,
    weight numeric(10,4) DEFAULT 1.0 NOT NULL,
    is_ai_vote boolean DEFAULT false NOT NULL,
    rationale text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT votes_draw_shape CHECK (((is_draw AND (voted_contender_id IS NULL) AND (vote_value = 'draw'::battles.vote_value_enum)) OR ((NOT is_draw) AND (voted_contender_id IS NOT NULL) AND (vote_value IS DISTINCT FROM 'draw'::battles.vote_value_enum)))),
    CONSTRAINT votes_rationale_check CHECK ((length(rationale) <= 5000)),
    CONSTRAINT votes_weight_check CHECK (((weight > (0)::numeric) AND (weight <= (1000)::numeric)))
);

--
-- Name: profiles; Type: TABLE; Schema: lensers; Owner: -
--

CREATE TABLE lensers.profiles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    handle text NOT NULL,
    display_name text NOT NULL,
    kind text DEFAULT 'human'::text NOT NULL,
    is_anonymous boolean DEFAULT false NOT NULL,
    is_verified boolean DEFAULT false NOT NULL,
    is_operator boolean DEFAULT false NOT NULL,
    bio text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT profiles_ai_not_operator CHECK (((kind = 'human'::text) OR (NOT is_operator))),
    CONSTRAINT profiles_bio_check CHECK ((length(bio) <= 2000)),
    CONSTRAINT profiles_display_name_check CHECK (((length(btrim(display_name)) >= 1) AND (length(btrim(display_name)) <= 80))),
    CONSTRAINT profiles_handle_check CHECK ((handle ~ '^[a-z0-9_]{3,30}$'::text)),
    CONSTRAINT profiles_kind_check CHECK ((kind = ANY (ARRAY['human'::text, 'ai'::text])))
);

--
-- Name: v_battle_full; Type: VIEW; Schema: battles; Owner: -
--

CREATE VIEW battles.v_battle_full WITH (security_invoker='true') AS
 SELECT b.id,
    b.slug,
    b.title,
    b.task_prompt,
    b.status,
    b.battle_type,
    b.task_source,
    b.contender_structure,
    b.judging_mode,
    b.challenge_type,
    b.content_type,
    b.voter_eligibility,
    b.max_contenders,
    (b.invite_code IS NOT NULL) AS invite_only,
    b.voting_opens_at,
    b.voting_closes_at,
    b.published_at,
    b.finalized_at,
    b.cancelled_at,
    b.archived_at,
        CASE
            WHEN r.results_visible THEN b.winner_contender_id
            ELSE NULL::uuid
        END AS winner_contender_id,
    b.total_vote_count,
    b.handicap_config,
    b.rule_snapshot,
    b.rule_snapshot_sha256,
    b.rules_frozen_at,
        CASE
            WHEN r.results_visible THEN b.finalize_summary
            ELSE NULL::jsonb
        END AS finalize_summary,
    b.rubric_id,
    b.created_at,
    b.updated_at,
    jsonb_build_object('id', p.id, 'handle', p.handle, 'display_name', p.display_name) AS creator,
    ( SELECT (count(*))::integer AS count
           FROM battles.fn_battles_contender_count(b.id) fn_battles_contender_count(contender_id)) AS contender_count,
    COALESCE(( SELECT jsonb_agg(jsonb_build_object('id', c.id, 'slot', c.slot, 'contender_type', c.contender_type, 'display_name', c.display_name, 'contender_status', c.contender_status, 'entry_mode', c.entry_mode, 'joined_at', c.joined_at, 'profile_id', m.profile_id, 'ai_lenser_id', m.ai_lenser_id, 'handle', COALESCE(hp.handle, ap.handle)) ORDER BY c.slot) AS jsonb_agg
           FROM ((((battles.contenders c
             LEFT JOIN battles.contender_entity_map m ON ((m.contender_id = c.id)))
             LEFT JOIN lensers.profiles hp ON ((hp.id = m.profile_id)))
             LEFT JOIN agents.ai_lensers al ON ((al.id = m.ai_lenser_id)))
             LEFT JOIN lensers.profiles ap ON ((ap.id = al.profile_id)))
          WHERE (c.battle_id = b.id)), '[]'::jsonb) AS contenders,
    COALESCE(( SELECT jsonb_agg(jsonb_build_object('id', s.id, 'contender_id', s.contender_id, 'status', s.status, 'content_text', s.content_text, 'content_url', s.content_url, 'content_media', s.content_media, 'source_type', s.source_type, 'submitted_at', s.submitted_at, 'integrity_hash', s.integrity_hash, 'revision_of_id', s.revision_of_id) ORDER BY s.integrity_hash) AS jsonb_agg
           FROM battles.submissions s
          WHERE ((s.battle_id = b.id) AND s.is_final)), '[]'::jsonb) AS entries,
    COALESCE(( SELECT jsonb_agg(jsonb_build_object('contender_id', a.contender_id, 'raw_vote_count', a.raw_vote_count, 'weighted_vote_sum', a.weighted_vote_sum, 'draw_count', a.draw_count, 'rank_position', a.rank_position) ORDER BY a.rank_position) AS jsonb_agg
           FROM battles.vote_aggregates a
          WHERE (a.battle_id = b.id)), '[]'::jsonb) AS results,
    ( SELECT jsonb_build_object('vote_id', v.id, 'voted_contender_id', v.voted_contender_id, 'vote_value', v.vote_value, 'is_draw', v.is_draw, 'created_at', v.created_at) AS jsonb_build_object
           FROM battles.votes v
          WHERE ((v.battle_id = b.id) AND ((v.principal_id = auth.uid()) OR (v.voter_lenser_id = auth.uid())))
         LIMIT 1) AS my_vote
   FROM ((battles.battles b
     JOIN lensers.profiles p ON ((p.id = b.creator_lenser_id)))
     CROSS JOIN LATERAL ( SELECT battles.fn_results_visible(b.id) AS results_visible
         OFFSET 0) r);

--
-- Name: fn_battle_get_full(text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_get_full(p_slug text) RETURNS battles.v_battle_full
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select * from battles.v_battle_full where slug = p_slug
$$;

--
-- Name: fn_battle_gets_feed(battles.battle_status_enum, battles.battle_type_enum, integer, text, battles.battle_status_enum[], text, battles.contender_structure_enum, battles.judging_mode_enum); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_gets_feed(p_status battles.battle_status_enum DEFAULT NULL::battles.battle_status_enum, p_battle_type battles.battle_type_enum DEFAULT NULL::battles.battle_type_enum, p_limit integer DEFAULT 20, p_cursor text DEFAULT NULL::text, p_statuses battles.battle_status_enum[] DEFAULT NULL::battles.battle_status_enum[], p_task_source text DEFAULT NULL::text, p_contender_structure battles.contender_structure_enum DEFAULT NULL::battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum DEFAULT NULL::battles.judging_mode_enum) RETURNS TABLE(id uuid, slug text, title text, status battles.battle_status_enum, battle_type battles.battle_type_enum, task_source text, contender_structure battles.contender_structure_enum, judging_mode battles.judging_mode_enum, challenge_type text, voter_eligibility battles.voter_eligibility_enum, total_vote_count integer, contender_count integer, voting_opens_at timestamp with time zone, voting_closes_at timestamp with time zone, created_at timestamp with time zone, creator_handle text, winner_contender_id uuid, winner_display_name text, cursor text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_ts timestamptz;
  v_id uuid;
begin
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    perform ops.fail('invalid_input', 'limit must be between 1 and 100', '22023');
  end if;
  if p_cursor is not null then
    begin
      v_ts := split_part(p_cursor, '|', 1)::timestamptz;
      v_id := split_part(p_cursor, '|', 2)::uuid;
    exception when others then
      perform ops.fail('invalid_cursor', 'cursor is not one this feed returned', '22023');
    end;
  end if;
  -- return query wants the declared types exactly: the domain columns go out as their text.
  return query
  select b.id, b.slug::text, b.title::text, b.status, b.battle_type, b.task_source, b.contender_structure, b.judging_mode,
         b.challenge_type::text, b.voter_eligibility, b.total_vote_count,
         (select count(*)::integer from battles.fn_battles_contender_count(b.id)),
         b.voting_opens_at, b.voting_closes_at, b.created_at, p.handle,
         -- The winner shows only to those who may see results (battles.fn_results_visible).
         case when r.results_visible then b.winner_contender_id end,
         (select c.display_name from battles.contenders c where c.id = b.winner_contender_id and r.results_visible),
         to_char(b.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' || b.id::text
    from battles.battles b
    join lensers.profiles p on p.id = b.creator_lenser_id
    -- Once per battle: offset 0 keeps the planner from copying the call into each use.
    cross join lateral (select battles.fn_results_visible(b.id) as results_visible offset 0) r
   where b.deleted_at is null
     and (case when p_status is null and p_statuses is null then b.status <> 'archived'
               else (p_status is null or b.status = p_status) and (p_statuses is null or b.status = any (p_statuses)) end)
     and (p_battle_type is null or b.battle_type = p_battle_type)
     and (p_task_source is null or b.task_source = p_task_source)
     and (p_contender_structure is null or b.contender_structure = p_contender_structure)
     and (p_judging_mode is null or b.judging_mode = p_judging_mode)
     and (p_cursor is null or (b.created_at, b.id) < (v_ts, v_id))
   order by b.created_at desc, b.id desc
   limit p_limit;
end $$;

--
-- Name: fn_battle_invitations(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_invitations(p_battle_id uuid) RETURNS TABLE(invitation_id uuid, email text, status text, created_at timestamp with time zone, expires_at timestamp with time zone, accepted_at timestamp with time zone, accepted_handle text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare b battles.battles;
begin
  select * into b from battles.battles where id = p_battle_id and deleted_at is null;
  if not found or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  if not (battles.fn_is_creator(b) or lensers.fn_is_operator()) then
    perform ops.fail('forbidden', 'only the creator sees who is invited', '42501');
  end if;
  return query
  select i.id, i.email,
         case when i.accepted_at is not null then 'accepted' when i.expires_at < now() then 'expired' else 'pending' end,
         i.created_at, i.expires_at, i.accepted_at, p.handle
    from battles.invitations i left join lensers.profiles p on p.id = i.accepted_by
   where i.battle_id = b.id
   order by i.created_at, i.id;
end $$;

--
-- Name: fn_battle_judging(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_judging(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  s battles.judging_settings;
begin
  if not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  select * into s from battles.judging_settings where battle_id = p_battle_id;
  return jsonb_build_object(
    'judge_model_id', s.judge_model_id,
    'judge_model', (select jsonb_build_object('id', m.id, 'display_name', m.display_name, 'provider', m.provider)
                      from ai.models m where m.id = s.judge_model_id),
    'challenge_options', coalesce(s.challenge_options, '{}'),
    'challenge_seed_chosen', exists (select 1 from battles.challenge_secrets c where c.battle_id = p_battle_id and c.chosen_by = 'creator'),
    'judges', coalesce((select jsonb_agg(jsonb_build_object('profile_id', p.id, 'handle', p.handle, 'display_name', p.display_name)
                          order by j.named_at, p.handle)
                          from battles.judges j join lensers.profiles p on p.id = j.profile_id
                         where j.battle_id = p_battle_id), '[]'));
end $$;

--
-- Name: fn_battle_lens(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_lens(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  return jsonb_build_object(
    'lens', (select jsonb_build_object('lens_id', bl.lens_id, 'title', l.title, 'slug', l.slug, 'version_id', bl.version_id,
               'version', v.version, 'input_snapshot', bl.input_snapshot, 'set_at', bl.set_at)
               from battles.battle_lenses bl join lenses.lenses l on l.id = bl.lens_id
               left join lenses.versions v on v.id = bl.version_id
              where bl.battle_id = p_battle_id),
    'assignments', coalesce((select jsonb_agg(jsonb_build_object('contender_id', c.id, 'slot', c.slot,
               'display_name', c.display_name, 'lens_id', a.lens_id, 'title', l.title, 'version_id', a.version_id,
               'version', v.version, 'input_snapshot', a.input_snapshot, 'assigned_at', a.assigned_at) order by c.slot)
               from battles.contender_lens_assignments a
               join battles.contenders c on c.id = a.contender_id
               join lenses.lenses l on l.id = a.lens_id
               left join lenses.versions v on v.id = a.version_id
              where c.battle_id = p_battle_id and battles.fn_identities_revealed(p_battle_id)), '[]'));
end $$;

--
-- Name: fn_battle_open_voting(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_open_voting(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battle_post_comment(uuid, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_post_comment(p_battle_id uuid, p_body text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare v_me uuid := lensers.fn_acting_profile_id(); v_id uuid;
begin
  if not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  insert into battles.comments (battle_id, author_lenser_id, body) values (p_battle_id, v_me, btrim(p_body))
  returning id into v_id;
  return v_id;
end $$;

--
-- Name: fn_battle_retry_runs(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_retry_runs(p_battle_id uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battle_start_execution(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_start_execution(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'start_execution');
end $$;

--
-- Name: fn_battle_start_scoring(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_start_scoring(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  perform battles.fn_require_actor(b, 'start_scoring');
  if b.status in ('open', 'executing') and battles.fn_count_entries(p_battle_id) < 1 then
    perform ops.fail('not_enough_entries', 'scoring needs at least one entry', '55000');
  end if;
  perform battles.fn_apply_transition(p_battle_id, 'start_scoring');
end $$;

--
-- Name: fn_battle_vote_eligibility(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battle_vote_eligibility(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles;
  r record;
begin
  select * into b from battles.battles where id = p_battle_id and deleted_at is null;
  if not found or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  if auth.uid() is null then
    return jsonb_build_object('can_vote', false, 'code', 'not_authenticated', 'message', 'sign in to vote');
  end if;
  select * into r from battles.fn_vote_refusal(b, lensers.fn_acting_profile_id(), lensers.fn_require_principal());
  return jsonb_build_object('can_vote', r.code is null, 'code', r.code, 'message', r.message);
end $$;

--
-- Name: fn_battles_accept_invitation(uuid, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_accept_invitation(p_invitation_id uuid DEFAULT NULL::uuid, p_token text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_me uuid := lensers.fn_require_principal();
  i battles.invitations;
  b battles.battles;
  v_contender uuid;
begin
  if p_token is not null then
    select * into i from battles.invitations where token_hash = encode(sha256(convert_to(p_token, 'UTF8')), 'hex') for update;
  else
    select * into i from battles.invitations
     where id = p_invitation_id
       -- The signed-in address: the account's, or the token's under Supabase Auth (fn_caller_email).
       and lower(email) = battles.fn_caller_email()
     for update;
  end if;
  if not found then
    perform ops.fail('not_found', 'invitation not found', 'P0002');
  end if;
  if i.accepted_by is not null and i.accepted_by <> v_me then
    perform ops.fail('invitation_used', 'this invitation was accepted by someone else', '55000');
  end if;
  if i.accepted_by is null and i.expires_at < now() then
    perform ops.fail('invitation_expired', 'this invitation has expired', '55000');
  end if;
  select * into b from battles.battles where id = i.battle_id for update;
  v_contender := battles.fn_add_contender(b, v_me, 'invited');
  if i.accepted_by is null then
    update battles.invitations set accepted_by = v_me, accepted_at = now(), contender_id = v_contender where id = i.id;
    perform battles.fn_log_event(b.id, 'invitation_accepted', jsonb_build_object('invitation_id', i.id, 'contender_id', v_contender));
  end if;
  return v_contender;
end $$;

--
-- Name: fn_battles_add_ai_contender(uuid, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_add_ai_contender(p_battle_id uuid, p_ai_lenser_id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_profile uuid;
  v_owner uuid;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may add AI contenders', '42501');
  end if;
  select profile_id, owner_profile_id into v_profile, v_owner from agents.ai_lensers where id = p_ai_lenser_id;
  if v_profile is null then
    perform ops.fail('not_found', 'AI lenser not found', 'P0002');
  end if;
  if v_owner is not null and v_owner <> auth.uid() then
    perform ops.fail('ai_lenser_not_yours', 'that AI lenser belongs to someone else; its owner can join it to the battle', '42501');
  end if;
  return battles.fn_add_contender(b, v_profile, 'invited');
end $$;

--
-- Name: fn_battles_archive(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_archive(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'archive');
  update battles.battles set archived_at = now() where id = p_battle_id;
end $$;

--
-- Name: fn_battles_assign_lens(uuid, uuid, uuid, uuid, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_assign_lens(p_battle_id uuid, p_contender_id uuid, p_lens_id uuid, p_version_id uuid DEFAULT NULL::uuid, p_input_snapshot jsonb DEFAULT '{}'::jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_me uuid := lensers.fn_acting_profile_id();
  c battles.contenders;
  v_id uuid;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may assign lenses', '42501');
  end if;
  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('lenses are assigned while a battle is draft or open; this one is %s', b.status), '55000');
  end if;
  select * into c from battles.contenders where id = p_contender_id and battle_id = b.id;
  if not found then
    perform ops.fail('not_found', 'contender not found in this battle', 'P0002');
  end if;
  if c.contender_type = 'human' then
    perform ops.fail('invalid_contender', 'lenses are run by AI contenders; humans submit their own entries', '22023');
  end if;
  perform battles.fn_lens_version_for(b, p_lens_id, p_version_id);
  if p_input_snapshot is not null and jsonb_typeof(p_input_snapshot) <> 'object' then
    perform ops.fail('invalid_input', 'input_snapshot is an object of parameter values', '22023');
  end if;
  insert into battles.contender_lens_assignments (contender_id, lens_id, version_id, input_snapshot, assigned_by)
  values (c.id, p_lens_id, p_version_id, coalesce(p_input_snapshot, '{}'), v_me)
  on conflict (contender_id) do update
    set lens_id = excluded.lens_id, version_id = excluded.version_id, input_snapshot = excluded.input_snapshot,
        assigned_at = now(), assigned_by = excluded.assigned_by
  returning id into v_id;
  return v_id;
end $$;

--
-- Name: fn_battles_cancel(uuid, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_cancel(p_battle_id uuid, p_reason text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'cancel', jsonb_build_object('reason', p_reason));
  update battles.battles set cancelled_at = now(), archived_at = now() where id = p_battle_id;
end $$;

--
-- Name: fn_battles_clone(uuid, text, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_clone(p_battle_id uuid, p_title text, p_slug text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battles_close(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_close(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  perform battles.fn_require_actor(b, 'finalize');
  if b.status = 'voting' then
    perform battles.fn_battle_close_voting(p_battle_id);
  end if;
  perform battles.fn_battles_finalize(p_battle_id);
end $$;

--
-- Name: fn_battles_create(text, text, text, uuid, text, battles.contender_structure_enum, battles.judging_mode_enum, text, battles.voter_eligibility_enum, integer, text, boolean, timestamp with time zone, timestamp with time zone, jsonb, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_create(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid DEFAULT NULL::uuid, p_task_source text DEFAULT 'challenge'::text, p_contender_structure battles.contender_structure_enum DEFAULT 'human_vs_human'::battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum DEFAULT 'community_vote'::battles.judging_mode_enum, p_challenge_type text DEFAULT NULL::text, p_voter_eligibility battles.voter_eligibility_enum DEFAULT 'open'::battles.voter_eligibility_enum, p_max_contenders integer DEFAULT 2, p_content_type text DEFAULT 'text'::text, p_invite_only boolean DEFAULT false, p_voting_opens_at timestamp with time zone DEFAULT NULL::timestamp with time zone, p_voting_closes_at timestamp with time zone DEFAULT NULL::timestamp with time zone, p_handicap_config jsonb DEFAULT '{}'::jsonb, p_workflow_id uuid DEFAULT NULL::uuid) RETURNS uuid
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select battles.fn_insert_battle(p_title, p_slug, p_task_prompt, p_rubric_id, p_task_source,
    p_contender_structure, p_judging_mode, p_challenge_type, p_voter_eligibility, p_max_contenders,
    p_content_type, p_invite_only, p_voting_opens_at, p_voting_closes_at, p_handicap_config, p_workflow_id, '{}')
$$;

--
-- Name: fn_battles_create_from_template(uuid, text, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_create_from_template(p_template_id uuid, p_title text, p_slug text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battles_create_template(uuid, text, boolean); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_create_template(p_battle_id uuid, p_title text, p_is_public boolean DEFAULT true) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battles_delete(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_delete(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battles_finalize(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_finalize(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  -- The caller first: a stranger learns nothing about the judging (judging_incomplete) from a refusal.
  perform battles.fn_require_actor(b, 'finalize');
  if b.status <> 'scoring' then
    -- Let the state machine explain the refusal in one place.
    perform battles.fn_apply_transition(p_battle_id, 'finalize');
  end if;
  perform battles.fn_rank_and_close(b);
end $$;

--
-- Name: fn_battles_get_public(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_get_public(p_battle_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select to_jsonb(v) from battles.v_battle_full v where v.id = p_battle_id
$$;

--
-- Name: fn_battles_invite(uuid, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_invite(p_battle_id uuid, p_email text) RETURNS uuid
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select invitation_id from battles.fn_battles_invite_with_token(p_battle_id, p_email)
$$;

--
-- Name: fn_battles_invite_with_token(uuid, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_invite_with_token(p_battle_id uuid, p_email text) RETURNS TABLE(invitation_id uuid, token text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
  v_id uuid;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may invite', '42501');
  end if;
  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('this battle is %s and takes no new contenders', b.status), '55000');
  end if;
  if exists (select 1 from battles.invitations i where i.battle_id = b.id and lower(i.email) = lower(btrim(p_email))) then
    perform ops.fail('already_invited', 'that address is already invited', '23505');
  end if;
  insert into battles.invitations (battle_id, email, token_hash, invited_by)
  values (b.id, btrim(p_email), encode(sha256(convert_to(v_token, 'UTF8')), 'hex'), auth.uid())
  returning id into v_id;
  perform battles.fn_log_event(b.id, 'invitation_sent', jsonb_build_object('invitation_id', v_id));
  return query select v_id, v_token;
end $$;

--
-- Name: fn_battles_join(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_join(p_battle_id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_acting uuid := lensers.fn_acting_profile_id();
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_mode text := 'direct';
begin
  if b.invite_code is not null and not battles.fn_is_creator(b) then
    if not battles.fn_is_invitee(b.id) then
      perform ops.fail('invite_required', 'this battle is invite-only', '42501');
    end if;
    v_mode := 'invited';
  end if;
  return battles.fn_add_contender(b, v_acting, v_mode);
end $$;

--
-- Name: fn_battles_leaderboard(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_leaderboard(p_battle_id uuid) RETURNS TABLE(contender_id uuid, slot character, display_name text, contender_type battles.contender_type_enum, contender_status text, raw_vote_count integer, weighted_vote_sum numeric, draw_count integer, rank_position integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id, c.slot, c.display_name, c.contender_type, c.contender_status, a.raw_vote_count, a.weighted_vote_sum,
         a.draw_count, a.rank_position
    from battles.vote_aggregates a join battles.contenders c on c.id = a.contender_id
   where a.battle_id = p_battle_id
   order by a.rank_position nulls last, c.slot
$$;

--
-- Name: fn_battles_list_public(integer, integer); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_list_public(p_limit integer DEFAULT 20, p_offset integer DEFAULT 0) RETURNS TABLE(id uuid, slug text, title text, status battles.battle_status_enum, battle_type battles.battle_type_enum, total_vote_count integer, published_at timestamp with time zone, created_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select b.id, b.slug, b.title, b.status, b.battle_type, b.total_vote_count, b.published_at, b.created_at
    from battles.battles b
   where b.status = 'published' and b.invite_code is null and b.deleted_at is null
   order by b.published_at desc, b.id desc
   limit least(greatest(coalesce(p_limit, 20), 1), 100) offset greatest(coalesce(p_offset, 0), 0)
$$;

--
-- Name: FUNCTION fn_battles_list_public(p_limit integer, p_offset integer); Type: COMMENT; Schema: battles; Owner: -
--

COMMENT ON FUNCTION battles.fn_battles_list_public(p_limit integer, p_offset integer) IS 'Deprecated: use fn_battle_gets_feed (keyset pagination).';

--
-- Name: fn_battles_name_judge(uuid, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_name_judge(p_battle_id uuid, p_profile_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  p lensers.profiles;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may name judges', '42501');
  end if;
  if b.judging_mode <> 'rubric_score' then
    perform ops.fail('invalid_input', 'only rubric_score battles have human judges', '22023');
  end if;
  if b.status <> 'draft' then
    perform ops.fail('rules_frozen', 'judges are named while the battle is a draft', '55000');
  end if;
  select * into p from lensers.profiles where id = p_profile_id;
  if not found then
    perform ops.fail('not_found', 'lenser not found', 'P0002');
  end if;
  if p.kind <> 'human' or p.is_anonymous then
    perform ops.fail('invalid_input', 'judges are registered human lensers', '22023');
  end if;
  insert into battles.judges (battle_id, profile_id, named_by) values (b.id, p.id, auth.uid())
  on conflict do nothing;
end $$;

--
-- Name: fn_battles_open(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_open(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform battles.fn_publish_battle(p_battle_id);
end $$;

--
-- Name: fn_battles_publish_results(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_publish_results(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform battles.fn_apply_transition(p_battle_id, 'publish_results');
  update battles.battles set published_at = now() where id = p_battle_id;
  perform reputation.fn_battle_result_changed(p_battle_id);  -- leaderboard counts and XP (0024_xp_ledger.sql)
end $$;

--
-- Name: fn_battles_remove_judge(uuid, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_remove_judge(p_battle_id uuid, p_profile_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may remove judges', '42501');
  end if;
  if b.status <> 'draft' then
    perform ops.fail('rules_frozen', 'judges change only while the battle is a draft', '55000');
  end if;
  delete from battles.judges j where j.battle_id = b.id and j.profile_id = p_profile_id;
  return found;
end $$;

--
-- Name: fn_battles_renew_invitation(uuid, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_renew_invitation(p_battle_id uuid, p_invitation_id uuid) RETURNS TABLE(invitation_id uuid, token text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may renew invitations', '42501');
  end if;
  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('this battle is %s and takes no new contenders', b.status), '55000');
  end if;
  update battles.invitations i set token_hash = encode(sha256(convert_to(v_token, 'UTF8')), 'hex'),
         expires_at = now() + interval '14 days'
   where i.id = p_invitation_id and i.battle_id = b.id and i.accepted_at is null;
  if not found then
    perform ops.fail('not_found', 'no pending invitation with this id in this battle', 'P0002');
  end if;
  perform battles.fn_log_event(b.id, 'invitation_sent', jsonb_build_object('invitation_id', p_invitation_id, 'renewed', true));
  return query select p_invitation_id, v_token;
end $$;

--
-- Name: fn_battles_retract(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_retract(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battles_set_judging(uuid, uuid, jsonb, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_set_judging(p_battle_id uuid, p_judge_model_id uuid DEFAULT NULL::uuid, p_challenge_options jsonb DEFAULT NULL::jsonb, p_challenge_seed text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may set how a battle is judged', '42501');
  end if;
  if b.status <> 'draft' then
    perform ops.fail('rules_frozen', 'judging is set while the battle is a draft', '55000');
  end if;
  if p_judge_model_id is not null and not exists (select 1 from ai.models m where m.id = p_judge_model_id and m.is_active) then
    perform ops.fail('not_found', 'model not found', 'P0002');
  end if;
  if p_challenge_options is not null and jsonb_typeof(p_challenge_options) <> 'object' then
    perform ops.fail('invalid_input', 'challenge_options is an object', '22023');
  end if;
  insert into battles.judging_settings (battle_id, judge_model_id, challenge_options)
  values (b.id, p_judge_model_id, coalesce(p_challenge_options, '{}'))
  on conflict (battle_id) do update
    set judge_model_id = excluded.judge_model_id, challenge_options = excluded.challenge_options, updated_at = now();
  if p_challenge_seed is not null then
    insert into battles.challenge_secrets (battle_id, seed, seed_sha256, chosen_by)
    values (b.id, p_challenge_seed, encode(sha256(convert_to(p_challenge_seed, 'UTF8')), 'hex'), 'creator')
    on conflict (battle_id) do update set seed = excluded.seed, seed_sha256 = excluded.seed_sha256, chosen_by = 'creator', created_at = now();
  end if;
end $$;

--
-- Name: fn_battles_set_lens(uuid, uuid, uuid, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_set_lens(p_battle_id uuid, p_lens_id uuid DEFAULT NULL::uuid, p_version_id uuid DEFAULT NULL::uuid, p_input_snapshot jsonb DEFAULT '{}'::jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_me uuid := lensers.fn_acting_profile_id();
  v_snapshot jsonb := coalesce(p_input_snapshot, '{}');
  v battles.battle_lenses;
  v_version lenses.versions;
  v_missing text[];
  v_count integer;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may set the lens', '42501');
  end if;
  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('the lens is set while a battle is draft or open; this one is %s', b.status), '55000');
  end if;
  if p_lens_id is null then
    delete from battles.battle_lenses where battle_id = b.id;
    delete from battles.contender_lens_assignments a using battles.contenders c
     where c.id = a.contender_id and c.battle_id = b.id;
    return jsonb_build_object('battle_id', b.id, 'lens_id', null, 'assigned', 0);
  end if;
  if jsonb_typeof(v_snapshot) <> 'object' then
    perform ops.fail('invalid_input', 'input_snapshot is an object of parameter values', '22023');
  end if;
  v_version := battles.fn_lens_version_for(b, p_lens_id, p_version_id);
  v_missing := lenses.fn_missing_params(v_version.params, v_snapshot);
  if cardinality(v_missing) > 0 then
    perform ops.fail('lens_param_missing', format('Missing value for required lens %s: %s.',
      case when cardinality(v_missing) = 1 then 'parameter' else 'parameters' end, array_to_string(v_missing, ', ')), '22023');
  end if;
  insert into battles.battle_lenses (battle_id, lens_id, version_id, input_snapshot, set_by)
  values (b.id, p_lens_id, p_version_id, v_snapshot, v_me)
  on conflict (battle_id) do update
    set lens_id = excluded.lens_id, version_id = excluded.version_id, input_snapshot = excluded.input_snapshot,
        set_by = excluded.set_by, set_at = now()
  returning * into v;
  insert into battles.contender_lens_assignments (contender_id, lens_id, version_id, input_snapshot, assigned_by)
  select c.id, v.lens_id, v.version_id, v.input_snapshot, v_me
    from battles.contenders c where c.battle_id = b.id and c.contender_type <> 'human'
  on conflict (contender_id) do update
    set lens_id = excluded.lens_id, version_id = excluded.version_id, input_snapshot = excluded.input_snapshot,
        assigned_at = now(), assigned_by = excluded.assigned_by;
  get diagnostics v_count = row_count;
  return jsonb_build_object('battle_id', b.id, 'lens_id', v.lens_id, 'version_id', v.version_id,
    'version', v_version.version, 'assigned', v_count);
end $$;

--
-- Name: fn_battles_submit(uuid, text, text, jsonb, uuid, uuid, text, uuid, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_submit(p_battle_id uuid, p_text text DEFAULT NULL::text, p_url text DEFAULT NULL::text, p_media jsonb DEFAULT NULL::jsonb, p_run_id uuid DEFAULT NULL::uuid, p_artifact_id uuid DEFAULT NULL::uuid, p_source_type text DEFAULT NULL::text, p_adapter_id uuid DEFAULT NULL::uuid, p_model_id uuid DEFAULT NULL::uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_acting uuid := lensers.fn_acting_profile_id();
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  c battles.contenders;
  v_prev uuid;
  v_id uuid;
  v_media jsonb := coalesce(p_media, '[]');
  v_source text := coalesce(p_source_type, case when p_run_id is null then 'manual' else 'execution_output' end);
begin
  select c2.* into c from battles.contenders c2
    join battles.contender_entity_map m on m.contender_id = c2.id
    left join agents.ai_lensers l on l.id = m.ai_lenser_id
   where c2.battle_id = b.id and (m.profile_id = v_acting or l.profile_id = v_acting);
  if not found then
    perform ops.fail('not_a_contender', 'only contenders can submit to this battle', '42501');
  end if;
  if b.status not in ('open', 'executing') then
    perform ops.fail('battle_not_accepting_entries', format('this battle is %s and takes no entries', b.status), '55000');
  end if;
  if c.contender_status not in ('active', 'accepted') then
    perform ops.fail('contender_not_active', format('your entry is %s', c.contender_status), '55000');
  end if;
  if coalesce(btrim(p_text), '') = '' and p_url is null and jsonb_array_length(v_media) = 0 and p_run_id is null then
    perform ops.fail('empty_submission', 'an entry needs text, a link, media or a run', '22023');
  end if;
  if v_source = 'execution_output' and p_run_id is null then
    perform ops.fail('invalid_input', 'execution_output entries name their run', '22023');
  end if;

  update battles.submissions set is_final = false
   where contender_id = c.id and is_final returning id into v_prev;
  insert into battles.submissions (battle_id, contender_id, status, content_text, content_url, content_media,
    execution_run_id, source_type, model_id, adapter_id, artifact_id, submitted_at, is_final, revision_of_id, integrity_hash)
  values (b.id, c.id, 'submitted', p_text, p_url, v_media, p_run_id, v_source, p_model_id, p_adapter_id, p_artifact_id,
    now(), true, v_prev, battles.fn_content_hash(p_text, p_url, v_media))
  returning id into v_id;
  perform battles.fn_log_event(b.id, 'submission_received',
    jsonb_build_object('submission_id', v_id, 'contender_id', c.id, 'revision_of_id', v_prev));
  return v_id;
end $$;

--
-- Name: fn_battles_submit_scorecards(uuid, uuid, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_submit_scorecards(p_battle_id uuid, p_contender_id uuid, p_scores jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_me uuid := lensers.fn_require_principal();
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  s jsonb;
  v_count integer := 0;
  v_criterion uuid;
  v_result battles.scorecard_result_enum;
begin
  if not exists (select 1 from battles.judges j where j.battle_id = b.id and j.profile_id = v_me) then
    perform ops.fail('not_a_judge', 'only the judges named for this battle can score it', '42501');
  end if;
  if battles.fn_is_contender(b.id) then
    perform ops.fail('contender_cannot_vote', 'contenders cannot judge their own battle', '42501');
  end if;
  if b.status <> 'scoring' then
    perform ops.fail('scoring_not_open', format('judges score while the battle is scoring; it is %s', b.status), '55000');
  end if;
  if b.rule_snapshot #>> '{judging,rubric_scorer}' is distinct from 'human' then
    perform ops.fail('invalid_input', 'this battle is scored by its AI judge', '22023');
  end if;
  if not exists (select 1 from battles.submissions x where x.contender_id = p_contender_id and x.battle_id = b.id
                   and x.is_final and x.status = 'submitted') then
    perform ops.fail('invalid_contender', 'that contender has no entry to score', '22023');
  end if;
  if jsonb_typeof(p_scores) is distinct from 'array' or jsonb_array_length(p_scores) = 0 then
    perform ops.fail('invalid_input', 'scores is a non-empty array', '22023');
  end if;
  for s in select value from jsonb_array_elements(p_scores) loop
    begin
      v_criterion := (s ->> 'criterion_id')::uuid;
      v_result := (s ->> 'result')::battles.scorecard_result_enum;
    exception when invalid_text_representation then
      perform ops.fail('invalid_input', format('bad score %s', s::text), '22023');
    end;
    if v_result is null or not exists (select 1 from battles.rubric_criteria k where k.id = v_criterion and k.rubric_id = b.rubric_id) then
      perform ops.fail('invalid_input', format('criterion %s is not in this battle''s rubric', coalesce(v_criterion::text, 'null')), '22023');
    end if;
    insert into battles.scorecards (battle_id, contender_id, rubric_criterion_id, result, scorer_lenser_id, explanation, kind)
    values (b.id, p_contender_id, v_criterion, v_result, v_me, nullif(btrim(s ->> 'explanation'), ''), 'rubric')
    on conflict (contender_id, rubric_criterion_id, scorer_lenser_id) where kind = 'rubric' and scorer_lenser_id is not null
    do update set result = excluded.result, explanation = excluded.explanation, updated_at = now();
    v_count := v_count + 1;
  end loop;
  if battles.fn_judging_complete(b) then
    perform execution.fn_enqueue('advance', b.id);
  end if;
  return v_count;
end $$;

--
-- Name: fn_battles_update_draft(uuid, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_update_draft(p_battle_id uuid, p_patch jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_battles_withdraw(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_battles_withdraw(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_acting uuid := lensers.fn_acting_profile_id();
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_contender uuid;
begin
  select m.contender_id into v_contender from battles.contender_entity_map m
    left join agents.ai_lensers l on l.id = m.ai_lenser_id
   where m.battle_id = b.id and (m.profile_id = v_acting or l.profile_id = v_acting);
  if v_contender is null then
    perform ops.fail('not_a_contender', 'you are not a contender in this battle', '42501');
  end if;
  if b.status not in ('draft', 'open', 'executing') then
    perform ops.fail('battle_not_open', format('contenders cannot withdraw once a battle is %s', b.status), '55000');
  end if;
  update battles.contenders set contender_status = 'withdrawn', withdrawn_at = now()
   where id = v_contender and contender_status <> 'withdrawn';
  if found then
    perform battles.fn_log_event(b.id, 'contender_withdrawn', jsonb_build_object('contender_id', v_contender));
  end if;
end $$;

--
-- Name: fn_caller_email(); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_caller_email() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(
    (select lower(a.email) from ops.accounts a where a.id = auth.uid()),
    (select lower(nullif(btrim(c.j ->> 'email'), ''))
       from (select auth.jwt() as j) c
      where auth.uid() is not null and auth.role() = 'authenticated'
        and jsonb_typeof(c.j -> 'email') = 'string'
        and coalesce(c.j -> 'is_anonymous', 'false'::jsonb) <> 'true'::jsonb
        and coalesce(c.j -> 'email_verified', c.j #> '{user_metadata,email_verified}', 'true'::jsonb) <> 'false'::jsonb))
$$;

--
-- Name: fn_can_view(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_can_view(p_battle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from battles.battles b
     where b.id = p_battle_id and b.deleted_at is null
       and ((b.status <> 'draft' and b.invite_code is null)
            or b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid()
            or lensers.fn_is_operator()
            or (b.status <> 'draft' and (battles.fn_is_invitee(b.id) or battles.fn_is_contender(b.id)))))
$$;

--
-- Name: fn_cast_judge_vote(battles.battles); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_cast_judge_vote(b battles.battles) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_check_handicap(jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_check_handicap(p_handicap jsonb) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_content_hash(text, text, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_content_hash(p_text text, p_url text, p_media jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
  select encode(sha256(convert_to(
    jsonb_build_object('media', coalesce(p_media, '[]'::jsonb), 'text', p_text, 'url', p_url)::text, 'UTF8')), 'hex')
$$;

--
-- Name: fn_count_entries(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_count_entries(p_battle_id uuid) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select count(*)::integer from battles.submissions s
    join battles.contenders c on c.id = s.contender_id
   where s.battle_id = p_battle_id and s.is_final and s.status = 'submitted'
     and c.contender_status in ('active', 'accepted')
$$;

--
-- Name: fn_enqueue_judging(battles.battles); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_enqueue_judging(b battles.battles) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_entries_visible(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_entries_visible(p_battle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from battles.battles b
     where b.id = p_battle_id
       and (b.status in ('voting', 'scoring', 'closed', 'published', 'archived')
            or b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid()
            or lensers.fn_is_operator()))
$$;

--
-- Name: fn_exclude_vote(uuid, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_exclude_vote(p_vote_id uuid, p_reason text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_battle uuid;
begin
  if not lensers.fn_is_operator() then
    perform ops.fail('forbidden', 'only operators may exclude votes', '42501');
  end if;
  if coalesce(btrim(p_reason), '') = '' then
    perform ops.fail('invalid_input', 'say why the vote is excluded', '22023');
  end if;
  select v.battle_id into v_battle from battles.votes v where v.id = p_vote_id;
  if v_battle is null then
    perform ops.fail('not_found', 'vote not found', 'P0002');
  end if;
  insert into battles.vote_exclusions (vote_id, excluded_by, reason)
  values (p_vote_id, (select p.id from lensers.profiles p where p.id = auth.uid()), btrim(p_reason))
  on conflict (vote_id) do nothing;
  if not found then
    return jsonb_build_object('vote_id', p_vote_id, 'battle_id', v_battle, 'already_excluded', true);
  end if;
  -- The vote leaves the stored pair counts now, if its battle counts.
  perform reputation.fn_leaderboard_sync_battle(v_battle);
  return jsonb_build_object('vote_id', p_vote_id, 'battle_id', v_battle, 'already_excluded', false);
end $$;

--
-- Name: fn_frozen_judging_rules(battles.battles); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_frozen_judging_rules(b battles.battles) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  s battles.judging_settings;
  v_model ai.models;
  v_model_id uuid;
  v_judge jsonb;
  v_scorer text;
  v_judges jsonb;
  v_challenge jsonb;
  v_secret battles.challenge_secrets;
begin
  -- Drafts are checked as they are written; this catches rows written another way (0008_battles_create.sql).
  perform battles.fn_check_handicap(b.handicap_config);

  select * into s from battles.judging_settings where battle_id = b.id;
  if b.judging_mode in ('ai_judge', 'rubric_score') then
    v_model_id := coalesce(s.judge_model_id, nullif(ops.setting('app.ai_judge_model_id'), '')::uuid);
    if v_model_id is not null then
      select * into v_model from ai.models m where m.id = v_model_id and m.is_active;
      if not found then
        perform ops.fail('judge_model_unavailable', 'the judge model is not an active model', '22023');
      end if;
      v_judge := jsonb_build_object('model_id', v_model.id, 'provider', v_model.provider, 'model', v_model.model_id,
        'display_name', v_model.display_name);
    end if;
  end if;
  -- An ai_judge battle without a judge would publish, run its contenders and then fail every judging job.
  if b.judging_mode = 'ai_judge' and v_judge is null then
    perform ops.fail('judge_model_missing',
      'an ai_judge battle needs a judge model: set one for the battle, or the operator default app.ai_judge_model_id', '22023');
  end if;
  if b.judging_mode = 'rubric_score' then
    select coalesce(jsonb_agg(j.profile_id order by j.profile_id), '[]') into v_judges from battles.judges j where j.battle_id = b.id;
    -- Named human judges score; without them, the judge model does; with neither nobody would, and
    -- the battle would end as a silent draw, so it is not published.
    v_scorer := case when jsonb_array_length(v_judges) > 0 then 'human' when v_judge is not null then 'ai' end;
    if v_scorer is null then
      perform ops.fail('rubric_scorer_missing',
        'a rubric_score battle needs someone to score it: name human judges, or set a judge model (or the operator default app.ai_judge_model_id)',
        '22023');
    end if;
    if v_scorer = 'human' then
      v_judge := null;
    end if;
  end if;

  if b.task_source = 'challenge' and battles.fn_has_challenge_generator(b.challenge_type) then
    select * into v_secret from battles.challenge_secrets where battle_id = b.id;
    if not found then
      insert into battles.challenge_secrets (battle_id, seed, seed_sha256, chosen_by)
      select b.id, x.seed, encode(sha256(convert_to(x.seed, 'UTF8')), 'hex'), 'random'
        from (select replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '') as seed) x
      returning * into v_secret;
    end if;
    v_challenge := jsonb_build_object('type', b.challenge_type, 'options', coalesce(s.challenge_options, '{}'),
      'seed_sha256', v_secret.seed_sha256, 'generator_version', 1);
  end if;

  return jsonb_build_object(
    'protocol', case b.judging_mode
      when 'community_vote' then 'weighted_votes_v1'
      when 'ai_judge' then 'pairwise_swapped_v1'
      when 'rubric_score' then 'rubric_weighted_v1'
      when 'auto_score' then 'challenge_auto_v1' end,
    'judge', v_judge,
    'rubric_scorer', v_scorer,
    'judges', v_judges,
    'challenge', v_challenge);
end $$;

--
-- Name: fn_get_global_messages(uuid, integer, timestamp with time zone, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_get_global_messages(p_battle_id uuid, p_limit integer DEFAULT 50, p_before_ts timestamp with time zone DEFAULT NULL::timestamp with time zone, p_before_id uuid DEFAULT NULL::uuid) RETURNS TABLE(id uuid, battle_id uuid, sender_lenser_id uuid, sender_handle text, sender_role text, body text, created_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select m.id, m.battle_id, m.sender_lenser_id, m.sender_handle, m.sender_role, m.body, m.created_at
    from battles.global_messages m
   where m.battle_id = p_battle_id
     -- Keyset: strictly older than (before_ts, before_id); with a timestamp alone, strictly older.
     and (p_before_ts is null
          or (p_before_id is null and m.created_at < p_before_ts)
          or (p_before_id is not null and (m.created_at, m.id) < (p_before_ts, p_before_id)))
   order by m.created_at desc, m.id desc
   limit least(greatest(coalesce(p_limit, 50), 1), 200)
$$;

--
-- Name: fn_has_challenge_generator(text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_has_challenge_generator(p_challenge_type text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ select p_challenge_type in ('math_calculation', 'writing_contest') $$;

--
-- Name: fn_has_voted(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_has_voted(p_battle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (select 1 from battles.votes v
                  where v.battle_id = p_battle_id and (v.principal_id = auth.uid() or v.voter_lenser_id = auth.uid()))
$$;

--
-- Name: fn_identities_revealed(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_identities_revealed(p_battle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from battles.battles b
     where b.id = p_battle_id
       and (b.status <> 'voting'
            or b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid()
            or lensers.fn_is_operator()
            or battles.fn_is_contender(b.id)
            or battles.fn_has_voted(b.id)))
$$;

--
-- Name: fn_insert_battle(text, text, text, uuid, text, battles.contender_structure_enum, battles.judging_mode_enum, text, battles.voter_eligibility_enum, integer, text, boolean, timestamp with time zone, timestamp with time zone, jsonb, uuid, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_insert_battle(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid, p_origin jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_is_contender(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_is_contender(p_battle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from battles.contender_entity_map m
      left join agents.ai_lensers l on l.id = m.ai_lenser_id
     where m.battle_id = p_battle_id
       and (m.profile_id = auth.uid() or l.profile_id = auth.uid() or l.owner_profile_id = auth.uid()))
$$;

--
-- Name: fn_is_creator(battles.battles); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_is_creator(b battles.battles) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select auth.uid() is not null and (b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid())
$$;

--
-- Name: fn_is_invitee(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_is_invitee(p_battle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from battles.invitations i
     where i.battle_id = p_battle_id
       and (i.accepted_by = auth.uid() or lower(i.email) = battles.fn_caller_email()))
$$;

--
-- Name: fn_judge_persona(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_judge_persona(p_model_id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_profile uuid;
  v_name text;
begin
  select profile_id into v_profile from battles.judge_personas where model_id = p_model_id;
  if v_profile is not null then
    return v_profile;
  end if;
  select display_name into v_name from ai.models where id = p_model_id;
  if v_name is null then
    perform ops.fail('not_found', 'model not found', 'P0002');
  end if;
  insert into lensers.profiles (handle, display_name, kind, bio)
  values ('judge_' || left(replace(p_model_id::text, '-', ''), 20), left('AI judge · ' || v_name, 80), 'ai',
    'Casts the verdicts of AI-judged battles (docs/judging.md). Never a contender.')
  returning id into v_profile;
  insert into battles.judge_personas (model_id, profile_id) values (p_model_id, v_profile);
  return v_profile;
end $$;

--
-- Name: fn_judging_complete(battles.battles); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_judging_complete(b battles.battles) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_entries uuid[];
  v_criteria integer;
  v_judge uuid := (b.rule_snapshot #>> '{judging,judge,model_id}')::uuid;
begin
  select coalesce(array_agg(s.contender_id order by c.slot), '{}') into v_entries
    from battles.submissions s join battles.contenders c on c.id = s.contender_id
   where s.battle_id = b.id and s.is_final and s.status = 'submitted' and c.contender_status in ('active', 'accepted');
  if b.judging_mode = 'ai_judge' then
    return v_judge is not null and not exists (
      select 1 from unnest(v_entries) with ordinality x(a, i) join unnest(v_entries) with ordinality y(b2, j) on x.i < y.j
       where not exists (select 1 from battles.judge_verdicts v
                          where v.battle_id = b.id and v.judge_model_id = v_judge and v.contender_a = x.a and v.contender_b = y.b2));
  elsif b.judging_mode = 'rubric_score' then
    v_criteria := coalesce(jsonb_array_length(b.rule_snapshot #> '{rubric,criteria}'), 0);
    if b.rule_snapshot #>> '{judging,rubric_scorer}' = 'ai' then
      return v_judge is not null and not exists (
        select 1 from unnest(v_entries) e(cid)
         where (select count(*) from battles.scorecards sc
                 where sc.contender_id = e.cid and sc.kind = 'rubric' and sc.scorer_model_id = v_judge and sc.scorer_lenser_id is null) < v_criteria);
    end if;
    -- Human scorers: every named judge has scored every entry on every criterion (publication
    -- refuses a rubric_score battle with neither judges nor a judge model: rubric_scorer_missing).
    return not exists (
      select 1 from battles.judges j cross join unnest(v_entries) e(cid)
       where j.battle_id = b.id
         and (select count(*) from battles.scorecards sc
               where sc.contender_id = e.cid and sc.kind = 'rubric' and sc.scorer_lenser_id = j.profile_id) < v_criteria);
  elsif b.judging_mode = 'auto_score' then
    return not exists (select 1 from unnest(v_entries) e(cid)
                        where not exists (select 1 from battles.challenge_scores cs where cs.battle_id = b.id and cs.contender_id = e.cid));
  end if;
  return false;
end $$;

--
-- Name: fn_judging_explanation(battles.battles); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_judging_explanation(b battles.battles) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_judging_scores(battles.battles); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_judging_scores(b battles.battles) RETURNS TABLE(contender_id uuid, score numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare v_judge uuid := (b.rule_snapshot #>> '{judging,judge,model_id}')::uuid;
begin
  -- A judged battle is decided on all of its judgements or not at all (0022_judging.sql).
  if b.judging_mode <> 'community_vote' and not battles.fn_judging_complete(b) then
    perform ops.fail('judging_incomplete', format('the %s judging of this battle is not complete', b.judging_mode), '55000');
  end if;
  if b.judging_mode = 'community_vote' then
    return query select a.contender_id, a.weighted_vote_sum::numeric
      from battles.vote_aggregates a where a.battle_id = b.id;
  elsif b.judging_mode = 'ai_judge' then
    return query select c.id, sum(case when v.outcome = 'draw' then 0.5
                                       when (v.outcome = 'A') = (v.contender_a = c.id) then 1 else 0 end)::numeric
      from battles.contenders c
      join battles.judge_verdicts v on v.battle_id = b.id and v.judge_model_id = v_judge and c.id in (v.contender_a, v.contender_b)
     where c.battle_id = b.id
     group by c.id;
  elsif b.judging_mode = 'rubric_score' then
    -- The weights promised at publication, from the rule snapshot (0022_judging.sql).
    return query select r.contender_id, r.score from battles.fn_rubric_scores(b.id, b.rule_snapshot #> '{rubric,criteria}') r;
  elsif b.judging_mode = 'auto_score' then
    return query select cs.contender_id, round(cs.score, 10)
      from battles.challenge_scores cs where cs.battle_id = b.id;
  else
    perform ops.fail('judging_mode_not_supported', format('judging mode %s has no scorer yet', b.judging_mode), '0A000');
  end if;
end $$;

--
-- Name: versions; Type: TABLE; Schema: lenses; Owner: -
--

CREATE TABLE lenses.versions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    lens_id uuid NOT NULL,
    version integer NOT NULL,
    template_body text NOT NULL,
    params jsonb DEFAULT '[]'::jsonb NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    published_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT versions_params_check CHECK ((jsonb_typeof(params) = 'array'::text)),
    CONSTRAINT versions_published_has_time CHECK (((status = 'draft'::text) OR (published_at IS NOT NULL))),
    CONSTRAINT versions_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'published'::text, 'deprecated'::text]))),
    CONSTRAINT versions_template_body_check CHECK (((length(template_body) >= 1) AND (length(template_body) <= 50000))),
    CONSTRAINT versions_version_check CHECK ((version >= 1))
);

--
-- Name: fn_lens_version_for(battles.battles, uuid, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_lens_version_for(b battles.battles, p_lens_id uuid, p_version_id uuid) RETURNS lenses.versions
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v lenses.versions;
begin
  if not exists (select 1 from lenses.lenses l where l.id = p_lens_id
                   and (l.is_public or l.owner_lenser_id in (lensers.fn_acting_profile_id(), b.principal_id))) then
    perform ops.fail('not_found', 'lens not found', 'P0002');
  end if;
  select * into v from lenses.versions x
   where x.lens_id = p_lens_id and x.status = 'published' and (p_version_id is null or x.id = p_version_id)
   order by x.version desc limit 1;
  if not found then
    if p_version_id is not null then
      perform ops.fail('not_found', 'no published version of that lens with this id', 'P0002');
    end if;
    perform ops.fail('lens_not_published', 'this lens has no published version yet', '55000');
  end if;
  return v;
end $$;

--
-- Name: fn_lock_visible(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_lock_visible(p_battle_id uuid) RETURNS battles.battles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare b battles.battles;
begin
  select * into b from battles.battles where id = p_battle_id for update;
  if not found or b.deleted_at is not null or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  return b;
end $$;

--
-- Name: fn_log_event(uuid, text, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_log_event(p_battle_id uuid, p_type text, p_metadata jsonb DEFAULT '{}'::jsonb) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  insert into battles.events (battle_id, event_type, actor_id, metadata)
  values (p_battle_id, p_type, auth.uid(), coalesce(p_metadata, '{}'))
$$;

--
-- Name: fn_post_global_message(uuid, text, text, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_post_global_message(p_battle_id uuid, p_body text, p_sender_handle text DEFAULT NULL::text, p_sender_role text DEFAULT NULL::text) RETURNS TABLE(id uuid, battle_id uuid, sender_lenser_id uuid, sender_handle text, sender_role text, body text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_me uuid := lensers.fn_acting_profile_id();
  b battles.battles;
  v_handle text;
  v_role text;
begin
  select * into b from battles.battles where battles.battles.id = p_battle_id and deleted_at is null;
  if not found or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  select handle into v_handle from lensers.profiles where lensers.profiles.id = v_me;
  v_role := case
    when lensers.fn_is_operator() then 'operator'
    when battles.fn_is_creator(b) then 'creator'
    when battles.fn_is_contender(p_battle_id) then 'contender'
    else 'spectator' end;
  return query
  insert into battles.global_messages as m (battle_id, sender_lenser_id, sender_handle, sender_role, body)
  values (p_battle_id, v_me, v_handle, v_role, btrim(p_body))
  returning m.id, m.battle_id, m.sender_lenser_id, m.sender_handle, m.sender_role, m.body, m.created_at;
end $$;

--
-- Name: fn_publish_battle(uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_publish_battle(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_rank_and_close(battles.battles); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_rank_and_close(b battles.battles) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_ranked jsonb;
  v_winner uuid;
  v_top integer;
  v_summary jsonb;
begin
  with scored as (
    select c.id, c.slot, c.contender_status, s.score,
           c.contender_status in ('withdrawn', 'disqualified', 'eliminated') as out_of_running
      from battles.contenders c
      left join battles.fn_judging_scores(b) s on s.contender_id = c.id
     where c.battle_id = b.id
  ), ranked as (
    select id, slot, score, out_of_running,
           case when not out_of_running then rank() over (partition by out_of_running order by score desc nulls last)
                else (select count(*) from scored s2 where not s2.out_of_running)
                     + rank() over (partition by out_of_running order by score desc nulls last) end as rank_position
      from scored
  )
  select jsonb_agg(jsonb_build_object('contender_id', id, 'slot', slot, 'score', score, 'rank', rank_position,
           'out_of_running', out_of_running) order by rank_position, slot)
    into v_ranked from ranked;

  update battles.vote_aggregates a set rank_position = (r ->> 'rank')::integer, updated_at = now()
    from jsonb_array_elements(coalesce(v_ranked, '[]')) r
   where a.battle_id = b.id and a.contender_id = (r ->> 'contender_id')::uuid;

  select count(*) into v_top from jsonb_array_elements(coalesce(v_ranked, '[]')) r
   where (r ->> 'rank')::integer = 1 and not (r ->> 'out_of_running')::boolean and r ->> 'score' is not null;
  if v_top = 1 then
    select (r ->> 'contender_id')::uuid into v_winner from jsonb_array_elements(v_ranked) r
     where (r ->> 'rank')::integer = 1 and not (r ->> 'out_of_running')::boolean;
  end if;

  v_summary := jsonb_build_object(
    'judging_mode', b.judging_mode,
    'scores', coalesce(v_ranked, '[]'),
    'winner_contender_id', v_winner,
    'draw', v_winner is null,
    'tie_rule', 'competition ranking by score; a shared first place is a draw with no winner; no score ranks after every score; withdrawn and disqualified rank last',
    'total_vote_count', b.total_vote_count,
    -- How the scores were reached, per mode, with what is needed to replay them (0023_battle_execution.sql).
    'judging', battles.fn_judging_explanation(b));
  perform battles.fn_apply_transition(b.id, 'finalize', v_summary);
  update battles.battles set winner_contender_id = v_winner, finalized_at = now(), finalize_summary = v_summary
   where id = b.id;
  perform reputation.fn_compute_elo_after_battle(b.id);  -- ELO in the same transaction (0017_reputation_elo.sql)
  return v_summary;
end $$;

--
-- Name: fn_record_judge_vote(uuid, uuid, uuid, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_record_judge_vote(p_battle_id uuid, p_judge_model_id uuid, p_voted_contender_id uuid, p_rationale text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_voter uuid;
  v_slot text;
  v_id uuid := gen_random_uuid();
begin
  if not lensers.fn_is_system() then
    perform ops.fail('forbidden', 'only the system records judge votes', '42501');
  end if;
  v_voter := battles.fn_judge_persona(p_judge_model_id);
  if p_voted_contender_id is not null then
    select slot into v_slot from battles.contenders where id = p_voted_contender_id and battle_id = p_battle_id;
    if v_slot is null then
      perform ops.fail('invalid_contender', 'that contender is not in this battle', '22023');
    end if;
  end if;
  insert into battles.events (battle_id, event_type, actor_id, metadata)
  values (p_battle_id, 'vote_cast', v_voter, jsonb_build_object('vote_id', v_id, 'judge_model_id', p_judge_model_id, 'is_ai_vote', true));
  insert into battles.votes (id, battle_id, voter_lenser_id, principal_id, voted_contender_id, vote_value, is_draw, is_ai_vote, rationale)
  values (v_id, p_battle_id, v_voter, null, p_voted_contender_id,
    (case when p_voted_contender_id is null then 'draw' when v_slot = 'A' then 'contender_a' when v_slot = 'B' then 'contender_b'
          else null end)::battles.vote_value_enum,
    p_voted_contender_id is null, true, left(p_rationale, 5000));
  return v_id;
end $$;

--
-- Name: fn_require_actor(battles.battles, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_require_actor(b battles.battles, p_action text) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_rubric_scores(uuid, jsonb); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_rubric_scores(p_battle_id uuid, p_criteria jsonb) RETURNS TABLE(contender_id uuid, score numeric)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with criteria as (
    select (c ->> 'id')::uuid as id, (c ->> 'weight')::numeric as weight
      from jsonb_array_elements(coalesce(p_criteria, '[]')) c
  ), per_scorer as (
    select sc.contender_id, coalesce(sc.scorer_lenser_id, sc.scorer_model_id) as scorer,
           sum(k.weight * case sc.result when 'pass' then 1 when 'partial' then 0.5 else 0 end)
             filter (where sc.result <> 'skipped') as earned,
           sum(k.weight) filter (where sc.result <> 'skipped') as possible
      from battles.scorecards sc
      join criteria k on k.id = sc.rubric_criterion_id
     where sc.battle_id = p_battle_id and sc.kind = 'rubric'
     group by sc.contender_id, coalesce(sc.scorer_lenser_id, sc.scorer_model_id)
  )
  select p.contender_id, round(avg(p.earned / p.possible) filter (where p.possible > 0), 10)
    from per_scorer p group by p.contender_id
$$;

--
-- Name: fn_rubrics_create(text, jsonb, text, boolean); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_rubrics_create(p_title text, p_criteria jsonb, p_description text DEFAULT NULL::text, p_is_public boolean DEFAULT false) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_rubrics_list(); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_rubrics_list() RETURNS TABLE(id uuid, title text, description text, is_public boolean, is_mine boolean, criteria jsonb)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select r.id, r.title, r.description, r.is_public, r.creator_lenser_id is not distinct from auth.uid(),
         coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'ordinal', c.ordinal, 'title', c.title,
                    'description', c.description, 'weight', c.weight) order by c.ordinal)
                     from battles.rubric_criteria c where c.rubric_id = r.id), '[]')
    from battles.rubrics r
   where r.is_public or r.creator_lenser_id = auth.uid()
   order by r.created_at desc
   limit 200
$$;

--
-- Name: fn_submit_vote(uuid, uuid, battles.vote_value_enum, boolean, text); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_submit_vote(p_battle_id uuid, p_voted_contender_id uuid DEFAULT NULL::uuid, p_vote_value battles.vote_value_enum DEFAULT NULL::battles.vote_value_enum, p_is_draw boolean DEFAULT false, p_rationale text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_principal uuid := lensers.fn_require_principal();
  v_acting uuid;
  b battles.battles;
  v_refusal record;
  v_slot text;
  v_value battles.vote_value_enum;
  v_id uuid := gen_random_uuid();
  v_inserted uuid;
  -- coalesce: a vote naming only its contender (no vote_value) is not a draw, not null.
  v_draw boolean := coalesce(p_is_draw, false) or coalesce(p_vote_value = 'draw', false);
begin
  -- Without an act_as claim the acting profile is the principal (fn_acting_profile_id would check
  -- the principal a second time to say so).
  v_acting := case when coalesce(auth.jwt() ->> 'act_as', '') = '' then v_principal else lensers.fn_acting_profile_id() end;
  -- No row lock here: the tally update at the end re-checks the status under the row lock
  -- (trg_votes_tally), so a vote racing the close of voting is refused there.
  select * into b from battles.battles where id = p_battle_id and deleted_at is null;
  -- A live battle without an invite code is visible to everyone (the first case of fn_can_view);
  -- only the others need the full check.
  if not found or not ((b.status <> 'draft' and b.invite_code is null) or battles.fn_can_view(p_battle_id)) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  v_refusal := battles.fn_vote_refusal(b, v_acting, v_principal);
  if v_refusal.code is not null then
    perform ops.fail(v_refusal.code, v_refusal.message,
      case v_refusal.code when 'already_voted' then '23505' when 'voter_ineligible' then '42501'
        when 'contender_cannot_vote' then '42501' else '55000' end);
  end if;

  if v_draw then
    if p_voted_contender_id is not null or (p_vote_value is not null and p_vote_value <> 'draw') then
      perform ops.fail('invalid_vote', 'a draw names no contender', '22023');
    end if;
    v_value := 'draw';
  else
    if p_voted_contender_id is null then
      perform ops.fail('invalid_vote', 'name the contender you vote for, or vote draw', '22023');
    end if;
    select c.slot into v_slot from battles.contenders c
     where c.id = p_voted_contender_id and c.battle_id = b.id and c.contender_status in ('active', 'accepted');
    if v_slot is null then
      perform ops.fail('invalid_contender', 'that contender is not in the running in this battle', '22023');
    end if;
    -- contender_a / contender_b name slots A and B; beyond two contenders the vote names its
    -- contender by id and vote_value stays null.
    v_value := case v_slot when 'A' then 'contender_a' when 'B' then 'contender_b' end;
    if p_vote_value is not null and p_vote_value is distinct from v_value then
      perform ops.fail('invalid_vote', format('vote_value %s does not match the contender in slot %s', p_vote_value, v_slot), '22023');
    end if;
  end if;

  insert into battles.votes (id, battle_id, voter_lenser_id, principal_id, voted_contender_id, vote_value, is_draw,
    is_ai_vote, rationale)
  values (v_id, b.id, v_acting, v_principal, case when v_draw then null else p_voted_contender_id end, v_value, v_draw,
    v_acting <> v_principal, nullif(btrim(p_rationale), ''))
  on conflict do nothing
  returning id into v_inserted;
  if v_inserted is null then
    perform ops.fail('already_voted', 'you have already voted in this battle', '23505');
  end if;
  -- After the vote: its tally trigger already holds the battle row, so this insert's foreign-key
  -- check finds the row locked by this transaction (see 0_votes_tally below).
  insert into battles.events (battle_id, event_type, actor_id, metadata)
  values (b.id, 'vote_cast', auth.uid(), jsonb_build_object('vote_id', v_id));
  return jsonb_build_object('vote_id', v_id, 'battle_id', b.id, 'vote_value', v_value,
    'total_vote_count', (select total_vote_count from battles.battles where id = b.id));
end $$;

--
-- Name: fn_vote_refusal(battles.battles, uuid, uuid); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.fn_vote_refusal(b battles.battles, p_acting uuid, p_principal uuid, OUT code text, OUT message text) RETURNS record
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_acting lensers.profiles;
  v_principal lensers.profiles;
begin
  -- One row, (null, null) when the caller may vote. A plain function, not a set-returning one:
  -- fn_submit_vote evaluates it as an expression on every vote.
  if b.status <> 'voting' then
    code := 'voting_not_open'; message := format('voting is not open (the battle is %s)', b.status);
  elsif b.voting_opens_at is not null and now() < b.voting_opens_at then
    code := 'voting_not_open'; message := format('voting opens at %s', b.voting_opens_at);
  elsif b.voting_closes_at is not null and now() >= b.voting_closes_at then
    code := 'voting_closed'; message := 'voting has closed';
  elsif exists (select 1 from battles.contender_entity_map m left join agents.ai_lensers l on l.id = m.ai_lenser_id
                 where m.battle_id = b.id
                   and (m.profile_id in (p_acting, p_principal) or l.profile_id = p_acting or l.owner_profile_id = p_principal)) then
    code := 'contender_cannot_vote'; message := 'contenders cannot vote in their own battle';
  else
    -- The profiles are read only for the eligibility rules that look at them (not for 'open').
    if b.voter_eligibility <> 'open' then
      select * into v_acting from lensers.profiles where id = p_acting;
      select * into v_principal from lensers.profiles where id = p_principal;
      if b.voter_eligibility = 'lenser_only' and v_principal.is_anonymous then
        code := 'voter_ineligible'; message := 'only registered lensers may vote in this battle';
      elsif b.voter_eligibility = 'verified_lenser' and (v_principal.is_anonymous or not v_acting.is_verified) then
        code := 'voter_ineligible'; message := 'only verified lensers may vote in this battle';
      elsif b.voter_eligibility = 'human_only' and v_acting.kind <> 'human' then
        code := 'voter_ineligible'; message := 'only humans may vote in this battle';
      elsif b.voter_eligibility = 'ai_only' and v_acting.kind <> 'ai' then
        code := 'voter_ineligible'; message := 'only AI lensers may vote in this battle';
      end if;
    end if;
    -- Two probes of the two unique indexes rather than one OR over both.
    if code is null and (exists (select 1 from battles.votes v where v.battle_id = b.id and v.principal_id = p_principal)
                         or exists (select 1 from battles.votes v where v.battle_id = b.id and v.voter_lenser_id = p_acting)) then
      code := 'already_voted'; message := 'you have already voted in this battle';
    end if;
  end if;
end $$;

--
-- Name: trg_battle_jobs(); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.trg_battle_jobs() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: trg_battles_guard(); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.trg_battles_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

--
-- Name: trg_contender_aggregate(); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.trg_contender_aggregate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  -- Every contender has a tally row from the start, so zero-vote contenders still get a rank.
  insert into battles.vote_aggregates (battle_id, contender_id) values (new.battle_id, new.id);
  return new;
end $$;

--
-- Name: trg_contender_battle_lens(); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.trg_contender_battle_lens() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into battles.contender_lens_assignments (contender_id, lens_id, version_id, input_snapshot, assigned_by)
  select new.id, l.lens_id, l.version_id, l.input_snapshot, l.set_by
    from battles.battle_lenses l where l.battle_id = new.battle_id
  on conflict (contender_id) do nothing;
  return new;
end $$;

--
-- Name: trg_submission_advance(); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.trg_submission_advance() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not lensers.fn_is_system()
     and exists (select 1 from battles.battles b where b.id = new.battle_id and b.status = 'executing') then
    perform execution.fn_enqueue('advance', new.battle_id);
  end if;
  return null;
end $$;

--
-- Name: trg_votes_tally(); Type: FUNCTION; Schema: battles; Owner: -
--

CREATE FUNCTION battles.trg_votes_tally() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if new.is_draw then
    perform 1 from battles.vote_aggregates a where a.battle_id = new.battle_id order by a.contender_id for update;
    update battles.vote_aggregates set draw_count = draw_count + 1, updated_at = now()
     where battle_id = new.battle_id;
  else
    update battles.vote_aggregates
       set raw_vote_count = raw_vote_count + 1, weighted_vote_sum = weighted_vote_sum + new.weight, updated_at = now()
     where battle_id = new.battle_id and contender_id = new.voted_contender_id;
  end if;
  -- System judges (ai_judge: no principal, is_ai_vote) vote while the battle is scoring
  -- (battles.fn_record_judge_vote, 0022_judging.sql); everyone else only while it is voting.
  update battles.battles set total_vote_count = total_vote_count + 1
   where id = new.battle_id
     and (status = 'voting' or ops.is_migrating() or (status = 'scoring' and new.is_ai_vote and new.principal_id is null));
  if not found then
    perform ops.fail('voting_closed', 'voting closed before this vote was counted', '55000');
  end if;
  return new;
end $$;

--
-- Name: fn_enqueue(text, uuid, uuid, jsonb, text, integer); Type: FUNCTION; Schema: execution; Owner: -
--

CREATE FUNCTION execution.fn_enqueue(p_kind text, p_battle_id uuid, p_contender_id uuid DEFAULT NULL::uuid, p_payload jsonb DEFAULT '{}'::jsonb, p_dedupe_key text DEFAULT NULL::text, p_max_attempts integer DEFAULT NULL::integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: fn_acting_profile_id(); Type: FUNCTION; Schema: lensers; Owner: -
--

CREATE FUNCTION lensers.fn_acting_profile_id() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_principal uuid;
  v_act text := auth.jwt() ->> 'act_as';
  v_profile uuid;
begin
  -- System workers (service_role) act as the profile named in their token, e.g. an AI contender.
  if lensers.fn_is_system() and auth.uid() is not null then
    return auth.uid();
  end if;
  v_principal := lensers.fn_require_principal();
  if v_act is null or v_act = '' then
    return v_principal;
  end if;
  select l.profile_id into v_profile
    from agents.ai_lensers l
   where l.id::text = v_act and l.owner_profile_id = v_principal;
  if v_profile is null then
    perform ops.fail('act_as_forbidden', 'you can only act as an AI lenser you own', '42501');
  end if;
  return v_profile;
end $$;

--
-- Name: fn_is_operator(); Type: FUNCTION; Schema: lensers; Owner: -
--

CREATE FUNCTION lensers.fn_is_operator() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select auth.role() = 'service_role'
      or exists (select 1 from lensers.profiles p where p.id = auth.uid() and p.is_operator)
$$;

--
-- Name: fn_is_system(); Type: FUNCTION; Schema: lensers; Owner: -
--

CREATE FUNCTION lensers.fn_is_system() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ select coalesce(auth.role(), '') = 'service_role' $$;

--
-- Name: fn_lenser_get_profile(text); Type: FUNCTION; Schema: lensers; Owner: -
--

CREATE FUNCTION lensers.fn_lenser_get_profile(p_handle text) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  return (select jsonb_build_object(
    'id', p.id, 'handle', p.handle, 'display_name', p.display_name, 'kind', p.kind, 'bio', p.bio,
    'is_verified', p.is_verified, 'is_anonymous', p.is_anonymous, 'created_at', p.created_at,
    'ai', (select jsonb_build_object('ai_lenser_id', l.id, 'agent_kind', l.agent_kind,
                    'model', jsonb_build_object('id', m.id, 'display_name', m.display_name, 'provider', m.provider, 'model_id', m.model_id),
                    'owner', (select jsonb_build_object('handle', o.handle, 'display_name', o.display_name)
                                from lensers.profiles o where o.id = l.owner_profile_id))
             from agents.ai_lensers l join ai.models m on m.id = l.model_id where l.profile_id = p.id),
    'created_battles', coalesce((select jsonb_agg(x order by x.created_at desc) from (
        select b.id, b.slug, b.title, b.status, b.judging_mode, b.total_vote_count, b.created_at
          from battles.battles b where b.creator_lenser_id = p.id order by b.created_at desc limit 50) x), '[]'),
    'contended_battles', coalesce((select jsonb_agg(x order by x.created_at desc) from (
        select b.id, b.slug, b.title, b.status, b.created_at, c.slot, a.rank_position,
               -- The outcome follows the results rule (rank_position through row-level security).
               case when battles.fn_results_visible(b.id) then b.winner_contender_id = c.id end as won
          from battles.contender_entity_map m
          join battles.contenders c on c.id = m.contender_id
          join battles.battles b on b.id = c.battle_id
          left join battles.vote_aggregates a on a.contender_id = c.id
          left join agents.ai_lensers l on l.id = m.ai_lenser_id
         where m.profile_id = p.id or l.profile_id = p.id
         order by b.created_at desc limit 50) x), '[]'),
    -- Total XP and the newest events (0024_xp_ledger.sql).
    'xp', xp.fn_lenser_xp(p.id))
  from lensers.profiles p where p.handle = p_handle);
end $$;

--
-- Name: fn_require_principal(); Type: FUNCTION; Schema: lensers; Owner: -
--

CREATE FUNCTION lensers.fn_require_principal() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare v uuid := auth.uid();
begin
  if v is null then
    perform ops.fail('not_authenticated', 'sign in first', '28000');
  end if;
  if not exists (select 1 from lensers.profiles p where p.id = v and p.kind = 'human') then
    perform ops.fail('not_authenticated', 'no lenser profile for this identity', '28000');
  end if;
  return v;
end $$;

--
-- Name: fn_set_verified(uuid, boolean); Type: FUNCTION; Schema: lensers; Owner: -
--

CREATE FUNCTION lensers.fn_set_verified(p_profile_id uuid, p_verified boolean DEFAULT true) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not lensers.fn_is_operator() then
    perform ops.fail('forbidden', 'only operators may verify lensers', '42501');
  end if;
  update lensers.profiles set is_verified = coalesce(p_verified, true), updated_at = now()
   where id = p_profile_id and not is_anonymous;
  if not found then
    perform ops.fail('not_found', 'lenser not found', 'P0002');
  end if;
end $$;

--
-- Name: fn_check_params(jsonb); Type: FUNCTION; Schema: lenses; Owner: -
--

CREATE FUNCTION lenses.fn_check_params(p_params jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
declare
  p jsonb;
  v_labels text[] := '{}';
  v_label text;
begin
  if p_params is null then
    return '[]';
  end if;
  if jsonb_typeof(p_params) <> 'array' or jsonb_array_length(p_params) > 100 then
    perform ops.fail('invalid_input', 'params must be an array of at most 100 parameters', '22023');
  end if;
  for p in select value from jsonb_array_elements(p_params) loop
    v_label := btrim(p ->> 'label');
    if jsonb_typeof(p) <> 'object' or v_label is null or v_label !~ '^[^[:space:]\[\]]{1,100}$' then
      perform ops.fail('invalid_input', format('parameter %s needs a label without spaces or brackets', coalesce(p::text, 'null')), '22023');
    end if;
    if v_label = any (v_labels) then
      perform ops.fail('invalid_input', format('parameter %s is declared twice', v_label), '22023');
    end if;
    if p ? 'required' and jsonb_typeof(p -> 'required') <> 'boolean'
       or p ? 'default' and jsonb_typeof(p -> 'default') not in ('string', 'null')
       or p ? 'description' and jsonb_typeof(p -> 'description') not in ('string', 'null') then
      perform ops.fail('invalid_input', format('parameter %s: required is a boolean, default and description are text', v_label), '22023');
    end if;
    v_labels := v_labels || v_label;
  end loop;
  return (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'label', btrim(value ->> 'label'),
             'required', coalesce((value ->> 'required')::boolean, false),
             'default', value ->> 'default',
             'description', value ->> 'description')) order by ord), '[]')
            from jsonb_array_elements(p_params) with ordinality as t(value, ord));
end $_$;

--
-- Name: fn_is_blank(text); Type: FUNCTION; Schema: lenses; Owner: -
--

CREATE FUNCTION lenses.fn_is_blank(p text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select p is null or translate(p, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff', '') = ''
$$;

--
-- Name: fn_lens_get(uuid); Type: FUNCTION; Schema: lenses; Owner: -
--

CREATE FUNCTION lenses.fn_lens_get(p_lens_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select jsonb_build_object('id', l.id, 'slug', l.slug, 'title', l.title, 'description', l.description,
           'is_public', l.is_public, 'is_mine', l.owner_lenser_id = auth.uid(),
           'owner_handle', (select p.handle from lensers.profiles p where p.id = l.owner_lenser_id),
           'versions', coalesce((select jsonb_agg(jsonb_build_object('id', v.id, 'version', v.version, 'status', v.status,
               'published_at', v.published_at, 'template_body', v.template_body, 'params', v.params) order by v.version desc)
             from lenses.versions v where v.lens_id = l.id), '[]'))
    from lenses.lenses l where l.id = p_lens_id
$$;

--
-- Name: fn_lens_versions_create(uuid, text, jsonb, boolean); Type: FUNCTION; Schema: lenses; Owner: -
--

CREATE FUNCTION lenses.fn_lens_versions_create(p_lens_id uuid, p_template_body text, p_params jsonb DEFAULT '[]'::jsonb, p_publish boolean DEFAULT true) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_me uuid := lensers.fn_acting_profile_id();
  v_lens lenses.lenses;
  v_version integer;
  v_id uuid;
  v_params jsonb := lenses.fn_check_params(p_params);
begin
  select * into v_lens from lenses.lenses where id = p_lens_id for update;
  if not found or not (v_lens.is_public or v_lens.owner_lenser_id = v_me) then
    perform ops.fail('not_found', 'lens not found', 'P0002');
  end if;
  if v_lens.owner_lenser_id <> v_me then
    perform ops.fail('forbidden', 'only the owner of a lens may add versions', '42501');
  end if;
  if coalesce(btrim(p_template_body), '') = '' then
    perform ops.fail('invalid_input', 'a lens version needs a template body', '22023');
  end if;
  select coalesce(max(version), 0) + 1 into v_version from lenses.versions where lens_id = p_lens_id;
  insert into lenses.versions (lens_id, version, template_body, params, status, published_at)
  values (p_lens_id, v_version, p_template_body, v_params,
    case when coalesce(p_publish, true) then 'published' else 'draft' end,
    case when coalesce(p_publish, true) then now() end)
  returning id into v_id;
  update lenses.lenses set updated_at = now() where id = p_lens_id;
  return jsonb_build_object('lens_id', p_lens_id, 'version_id', v_id, 'version', v_version,
    'status', case when coalesce(p_publish, true) then 'published' else 'draft' end);
end $$;

--
-- Name: fn_lenses_create(text, text, text, jsonb, text, boolean); Type: FUNCTION; Schema: lenses; Owner: -
--

CREATE FUNCTION lenses.fn_lenses_create(p_slug text, p_title text, p_template_body text, p_params jsonb DEFAULT '[]'::jsonb, p_description text DEFAULT NULL::text, p_is_public boolean DEFAULT true) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_me uuid := lensers.fn_acting_profile_id();
  v_id uuid;
begin
  if (select is_anonymous from lensers.profiles where id = v_me) then
    perform ops.fail('guest_not_allowed', 'guest accounts cannot create lenses; sign up first', '42501');
  end if;
  if exists (select 1 from lenses.lenses where slug = p_slug) then
    perform ops.fail('slug_taken', format('the lens slug %s is taken', p_slug), '23505');
  end if;
  insert into lenses.lenses (owner_lenser_id, slug, title, description, is_public)
  values (v_me, p_slug, btrim(p_title), p_description, coalesce(p_is_public, true))
  returning id into v_id;
  return lenses.fn_lens_versions_create(v_id, p_template_body, p_params, true);
end $$;

--
-- Name: fn_lenses_list(); Type: FUNCTION; Schema: lenses; Owner: -
--

CREATE FUNCTION lenses.fn_lenses_list() RETURNS TABLE(id uuid, slug text, title text, description text, is_public boolean, is_mine boolean, owner_handle text, latest_version integer, versions jsonb)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select l.id, l.slug, l.title, l.description, l.is_public, l.owner_lenser_id = auth.uid(), p.handle,
         max(v.version),
         jsonb_agg(jsonb_build_object('id', v.id, 'version', v.version, 'published_at', v.published_at, 'params', v.params)
                   order by v.version desc)
    from lenses.lenses l
    join lenses.versions v on v.lens_id = l.id and v.status = 'published'
    left join lensers.profiles p on p.id = l.owner_lenser_id
   group by l.id, p.handle
   order by l.owner_lenser_id = auth.uid() desc, l.title, l.id
$$;

--
-- Name: fn_missing_params(jsonb, jsonb); Type: FUNCTION; Schema: lenses; Owner: -
--

CREATE FUNCTION lenses.fn_missing_params(p_params jsonb, p_snapshot jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select coalesce(array_agg(p.value ->> 'label' order by p.ord), '{}')
    from jsonb_array_elements(coalesce(p_params, '[]')) with ordinality as p(value, ord)
   where coalesce((p.value ->> 'required')::boolean, false)
     and lenses.fn_is_blank(p.value ->> 'default')
     and coalesce(jsonb_typeof(coalesce(p_snapshot, '{}') -> (p.value ->> 'label')), 'null') in ('null', 'string')
     and lenses.fn_is_blank(coalesce(p_snapshot, '{}') ->> (p.value ->> 'label'))
$$;

--
-- Name: fail(text, text, text, text); Type: FUNCTION; Schema: ops; Owner: -
--

CREATE FUNCTION ops.fail(p_code text, p_message text, p_sqlstate text DEFAULT 'P0001'::text, p_hint text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql
    AS $$
begin
  raise exception using message = p_message, detail = 'lf_' || p_code, errcode = p_sqlstate,
    hint = coalesce(p_hint, '');
end $$;

--
-- Name: forbid_mutation(); Type: FUNCTION; Schema: ops; Owner: -
--

CREATE FUNCTION ops.forbid_mutation() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  if ops.is_migrating() then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  perform ops.fail('append_only', format('%I.%I is append-only: %s is not allowed', tg_table_schema, tg_table_name, lower(tg_op)), '55000');
  return null;
end $$;

--
-- Name: is_migrating(); Type: FUNCTION; Schema: ops; Owner: -
--

CREATE FUNCTION ops.is_migrating() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select case when coalesce(current_setting('lf.migrating', true), '') = 'on'
    then exists (select 1 from ops.schema_migrations m
                  where m.xmin = pg_current_xact_id_if_assigned()::xid and m.applied_at = now())
    else false end
$$;

--
-- Name: setting(text, text); Type: FUNCTION; Schema: ops; Owner: -
--

CREATE FUNCTION ops.setting(p_key text, p_default text DEFAULT NULL::text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(
    nullif(current_setting(p_key, true), ''),
    (select s.value from ops.settings s where s.key = p_key),
    p_default)
$$;

--
-- Name: setting_int(text, integer); Type: FUNCTION; Schema: ops; Owner: -
--

CREATE FUNCTION ops.setting_int(p_key text, p_default integer) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
declare v text := ops.setting(p_key);
begin
  if v is null then return p_default; end if;
  return v::integer;
exception when invalid_text_representation then
  return p_default;
end $$;

--
-- Name: fn_battle_categories(text, text, text, text); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_battle_categories(p_judging_mode text, p_task_source text, p_challenge_type text, p_content_type text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select array_remove(array['overall', 'judging_mode:' || p_judging_mode, 'task_source:' || p_task_source,
    'challenge_type:' || p_challenge_type, 'content_type:' || p_content_type], null)
$$;

--
-- Name: fn_battle_placements(uuid); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_battle_placements(p_battle_id uuid) RETURNS TABLE(entity_kind text, entity_id uuid, rank_position integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select e.entity_kind, e.entity_id, min(e.rank_position)::integer
    from reputation.v_contender_entities e
   where e.battle_id = p_battle_id and e.contender_status <> 'withdrawn' and e.rank_position is not null
     and (e.entity_kind = 'lenser'
          or (select count(distinct e2.entity_id) from reputation.v_contender_entities e2
               where e2.battle_id = p_battle_id and e2.entity_kind = 'model' and e2.contender_status <> 'withdrawn'
                 and e2.rank_position is not null) >= 2)
   group by e.entity_kind, e.entity_id
$$;

--
-- Name: fn_battle_result_changed(uuid); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_battle_result_changed(p_battle_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform reputation.fn_leaderboard_sync_battle(p_battle_id);
  perform xp.fn_sync_battle_xp(p_battle_id);
end $$;

--
-- Name: fn_compute_elo_after_battle(uuid); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_compute_elo_after_battle(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  b battles.battles;
  v_rows integer;
begin
  select * into b from battles.battles where id = p_battle_id;
  if not found then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  if b.finalized_at is null or b.cancelled_at is not null then
    perform ops.fail('battle_not_final', format('only finalized battles are rated (this one is %s)', b.status), '55000');
  end if;
  if exists (select 1 from reputation.elo_battle_log l where l.battle_id = p_battle_id)
     or exists (select 1 from reputation.battle_reversals r where r.battle_id = p_battle_id) then
    return jsonb_build_object('battle_id', p_battle_id, 'rated', false, 'log_rows', 0);
  end if;
  v_rows := reputation.fn_elo_rate_placements(p_battle_id, 'battle', null);
  return jsonb_build_object('battle_id', p_battle_id, 'rated', v_rows > 0, 'log_rows', v_rows);
end $$;

--
-- Name: fn_correct_battle_result(uuid, text, jsonb, uuid); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_correct_battle_result(p_battle_id uuid, p_reason text, p_ranks jsonb DEFAULT NULL::jsonb, p_winner_contender_id uuid DEFAULT NULL::uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  b battles.battles;
  v_placed uuid[];
  v_ranks jsonb;
  v_bad integer;
  v_winner uuid;
  v_correction bigint;
  v_reversed integer;
  v_applied integer;
begin
  if not lensers.fn_is_operator() then
    perform ops.fail('forbidden', 'only operators may correct a battle''s result', '42501');
  end if;
  if coalesce(btrim(p_reason), '') = '' then
    perform ops.fail('invalid_input', 'say why the result is corrected', '22023');
  end if;
  if (p_ranks is null) = (p_winner_contender_id is null) then
    perform ops.fail('invalid_input', 'give either the corrected ranks or the corrected winner', '22023');
  end if;
  select * into b from battles.battles where id = p_battle_id for update;
  if not found then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  if b.finalized_at is null or b.cancelled_at is not null then
    perform ops.fail('battle_not_final', format('only a finalized battle''s result can be corrected (this one is %s)', b.status), '55000');
  end if;
  if exists (select 1 from reputation.battle_reversals r where r.battle_id = p_battle_id) then
    perform ops.fail('battle_reversed', 'this battle''s result was overturned and no longer counts', '55000');
  end if;
  -- The contenders the finalized result placed (all but the withdrawn), as ELO and leaderboards do.
  select array_agg(c.id order by c.id) into v_placed
    from battles.contenders c join battles.vote_aggregates a on a.battle_id = c.battle_id and a.contender_id = c.id
   where c.battle_id = p_battle_id and c.contender_status <> 'withdrawn' and a.rank_position is not null;
  if p_winner_contender_id is not null then
    if not p_winner_contender_id = any (coalesce(v_placed, '{}')) then
      perform ops.fail('invalid_input', 'the winner must be one of the battle''s placed contenders', '22023');
    end if;
    select jsonb_object_agg(u.id::text, case when u.id = p_winner_contender_id then 1 else 2 end) into v_ranks
      from unnest(v_placed) u (id);
  else
    if jsonb_typeof(p_ranks) <> 'object' then
      perform ops.fail('invalid_input', 'ranks are an object {"<contender id>": rank}', '22023');
    end if;
    select count(*) into v_bad from jsonb_each(p_ranks) e
     where jsonb_typeof(e.value) <> 'number' or e.value::text !~ '^[1-9][0-9]{0,5}$';
    if v_bad > 0 then
      perform ops.fail('invalid_input', 'each rank is a whole number of at least 1', '22023');
    end if;
    if (select array_agg(e.key order by e.key) from jsonb_each(p_ranks) e)
       is distinct from (select array_agg(u.id::text order by u.id::text) from unnest(v_placed) u (id)) then
      perform ops.fail('invalid_input', 'rank exactly the contenders the result placed (every one not withdrawn)', '22023');
    end if;
    -- Kept as competition ranks, as fn_battles_finalize gives them: each one more than the number
    -- ranked above it (1, 2, 2, 4), the order and ties as given. So no place is skipped, and the
    -- withdrawn, whom finalization ranked after every placed contender, stay last.
    select jsonb_object_agg(e.key, 1 + (select count(*) from jsonb_each(p_ranks) f
                                         where (f.value::text)::integer < (e.value::text)::integer))
      into v_ranks from jsonb_each(p_ranks) e;
  end if;
  select case when count(*) = 1 then (array_agg(e.key::uuid))[1] end into v_winner
    from jsonb_each(v_ranks) e where e.value::integer = 1;
  insert into reputation.result_corrections (battle_id, ranks, winner_contender_id, reason, corrected_by)
  values (p_battle_id, v_ranks, v_winner, btrim(p_reason), (select p.id from lensers.profiles p where p.id = auth.uid()))
  returning id into v_correction;
  -- The battle itself shows the corrected result: winner and ranks become the corrected ones (first,
  -- as ELO, leaderboards and XP below read them), the summary keeps how it was first decided and
  -- says it was corrected, and a 'finalized' event (hidden like the first until results are
  -- visible) records the correction.
  update battles.vote_aggregates a set rank_position = (v_ranks ->> a.contender_id::text)::integer, updated_at = now()
   where a.battle_id = p_battle_id and v_ranks ? a.contender_id::text;
  update battles.battles set winner_contender_id = v_winner,
         finalize_summary = coalesce(finalize_summary, '{}') || jsonb_build_object('correction', jsonb_build_object(
           'correction_id', v_correction, 'ranks', v_ranks, 'winner_contender_id', v_winner, 'reason', btrim(p_reason),
           'corrected_at', now()))
   where id = p_battle_id;
  perform battles.fn_log_event(p_battle_id, 'finalized', jsonb_build_object('corrected', true, 'correction_id', v_correction,
    'ranks', v_ranks, 'winner_contender_id', v_winner, 'reason', btrim(p_reason)));
  v_reversed := reputation.fn_elo_compensate(p_battle_id);
  v_applied := reputation.fn_elo_rate_placements(p_battle_id, 'correction', v_correction);
  perform reputation.fn_battle_result_changed(p_battle_id);
  return jsonb_build_object('battle_id', p_battle_id, 'correction_id', v_correction, 'ranks', v_ranks,
    'winner_contender_id', v_winner, 'reversed_log_rows', v_reversed, 'log_rows', v_applied);
end $_$;

--
-- Name: fn_elo_compensate(uuid); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_elo_compensate(p_battle_id uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_row record;
  v_rows integer;
begin
  for v_row in select distinct l.entity_kind, l.entity_id from reputation.elo_battle_log l
                where l.battle_id = p_battle_id and l.reason <> 'reversal' order by l.entity_kind, l.entity_id loop
    perform reputation.fn_lock_entity(v_row.entity_kind, v_row.entity_id);
  end loop;
  insert into reputation.elo_battle_log (battle_id, entity_kind, entity_id, rating_before, rating_after, delta, k,
    expected_score, outcome, opponents, formula_version, reason, reverses_log_id)
  select l.battle_id, l.entity_kind, l.entity_id, r.rating, r.rating + (-l.delta), -l.delta, l.k,
         l.expected_score, l.outcome, l.opponents, l.formula_version, 'reversal', l.id
    from reputation.elo_battle_log l
    join reputation.elo_ratings r on r.entity_kind = l.entity_kind and r.entity_id = l.entity_id
   where l.battle_id = p_battle_id and l.reason <> 'reversal'
     and not exists (select 1 from reputation.elo_battle_log x where x.reverses_log_id = l.id)
   order by l.id;
  get diagnostics v_rows = row_count;
  return v_rows;
end $$;

--
-- Name: fn_elo_history(text, uuid, integer); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_elo_history(p_entity_kind text, p_entity_id uuid, p_limit integer DEFAULT 1000) RETURNS TABLE(log_id bigint, battle_id uuid, reason text, rating_before double precision, rating_after double precision, delta double precision, k double precision, expected_score double precision, outcome double precision, opponents integer, formula_version text, reverses_log_id bigint, correction_id bigint, created_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select * from (
    select l.id, l.battle_id, l.reason, l.rating_before, l.rating_after, l.delta, l.k, l.expected_score, l.outcome,
           l.opponents, l.formula_version, l.reverses_log_id, l.correction_id, l.created_at
      from reputation.elo_battle_log l
     where l.entity_kind = p_entity_kind and l.entity_id = p_entity_id
     order by l.id desc
     limit least(greatest(coalesce(p_limit, 1000), 1), 5000)) h
  order by h.id
$$;

--
-- Name: fn_elo_rate(uuid[], double precision[], double precision[], integer[], double precision, double precision, integer); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_elo_rate(p_ids uuid[], p_ranks double precision[], p_ratings double precision[], p_games integer[], p_k double precision, p_provisional_k double precision, p_provisional_games integer) RETURNS TABLE(entity_id uuid, rating_before double precision, k double precision, expected_score double precision, outcome double precision, delta double precision, opponents integer)
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  with p as (
    select t.id, t.rnk, t.rating, t.games, t.ord
      from unnest(p_ids, p_ranks, p_ratings, p_games) with ordinality as t (id, rnk, rating, games, ord)
  ), n as (
    select count(*)::integer - 1 as opponents from p
  ), sums as (
    select i.ord, i.id, i.rating, i.games,
           sum(case when i.rnk < j.rnk then 1::double precision when i.rnk = j.rnk then 0.5::double precision
                    else 0::double precision end) as score_sum,
           sum(1::double precision / (1::double precision + exp(greatest(-700::double precision, least(700::double precision,
               (j.rating - i.rating) * (ln(10::double precision) / 400::double precision)))))) as expected_sum
      from p i join p j on j.ord <> i.ord
     group by i.ord, i.id, i.rating, i.games
  )
  select s.id, s.rating, kk.k, s.expected_sum / n.opponents, s.score_sum / n.opponents,
         kk.k * (s.score_sum / n.opponents - s.expected_sum / n.opponents), n.opponents
    from sums s cross join n
    cross join lateral (select case when s.games < p_provisional_games then p_provisional_k else p_k end as k) kk
   order by s.ord
$$;

--
-- Name: fn_elo_rate_placements(uuid, text, bigint); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_elo_rate_placements(p_battle_id uuid, p_reason text, p_correction_id bigint) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  s record;
  v_kind text;
  v_id uuid;
  v_ids uuid[];
  v_ranks double precision[];
  v_ratings double precision[];
  v_games integer[];
  v_rows integer := 0;
  v_count integer;
begin
  select * into s from reputation.fn_elo_settings();
  foreach v_kind in array array['lenser', 'model'] loop
    select array_agg(p.entity_id order by p.entity_id), array_agg(p.rank_position::double precision order by p.entity_id)
      into v_ids, v_ranks
      from reputation.fn_battle_placements(p_battle_id) p where p.entity_kind = v_kind;
    continue when coalesce(array_length(v_ids, 1), 0) < 2;
    foreach v_id in array v_ids loop
      perform reputation.fn_lock_entity(v_kind, v_id);
    end loop;
    select array_agg(coalesce(r.rating, s.start_rating) order by u.ord), array_agg(coalesce(r.games, 0) order by u.ord)
      into v_ratings, v_games
      from unnest(v_ids) with ordinality u (id, ord)
      left join reputation.elo_ratings r on r.entity_kind = v_kind and r.entity_id = u.id;
    insert into reputation.elo_battle_log (battle_id, entity_kind, entity_id, rating_before, rating_after, delta, k,
      expected_score, outcome, opponents, formula_version, reason, correction_id)
    select p_battle_id, v_kind, x.entity_id, x.rating_before, x.rating_before + x.delta, x.delta, x.k,
           x.expected_score, x.outcome, x.opponents, 'elo-pairwise-v1', p_reason, p_correction_id
      from reputation.fn_elo_rate(v_ids, v_ranks, v_ratings, v_games, s.k, s.provisional_k, s.provisional_games) x;
    get diagnostics v_count = row_count;
    v_rows := v_rows + v_count;
  end loop;
  return v_rows;
end $$;

--
-- Name: fn_elo_replay(); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_elo_replay() RETURNS TABLE(entity_kind text, entity_id uuid, rating double precision, games integer, consistent boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  r record;
  v_kind text;
  v_id uuid;
begin
  for r in select l.entity_kind, l.entity_id, l.rating_before, l.delta, l.reason
             from reputation.elo_battle_log l order by l.entity_kind, l.entity_id, l.id loop
    if v_id is null or r.entity_kind <> v_kind or r.entity_id <> v_id then
      if v_id is not null then
        return next;
      end if;
      v_kind := r.entity_kind;
      v_id := r.entity_id;
      entity_kind := v_kind;
      entity_id := v_id;
      rating := r.rating_before;
      games := 0;
      consistent := r.reason = 'battle';
    end if;
    if r.rating_before <> rating then
      consistent := false;
    end if;
    rating := rating + r.delta;
    games := games + case r.reason when 'reversal' then -1 else 1 end;
  end loop;
  if v_id is not null then
    return next;
  end if;
end $$;

--
-- Name: fn_elo_settings(); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_elo_settings(OUT k double precision, OUT provisional_k double precision, OUT provisional_games integer, OUT start_rating double precision) RETURNS record
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  k := reputation.fn_setting_float('app.elo_k_factor', 32);
  provisional_k := reputation.fn_setting_float('app.elo_provisional_k_factor', 64);
  provisional_games := ops.setting_int('app.elo_provisional_games', 10);
  start_rating := reputation.fn_setting_float('app.elo_start_rating', 1000);
  if not (k > 0 and provisional_k > 0 and provisional_games >= 0 and start_rating = start_rating) then
    perform ops.fail('invalid_setting', format('ELO settings out of range: k=%s provisional_k=%s provisional_games=%s start=%s',
      k, provisional_k, provisional_games, start_rating), '22023');
  end if;
end $$;

--
-- Name: fn_leaderboard_coverage(text[]); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboard_coverage(p_categories text[] DEFAULT NULL::text[]) RETURNS TABLE(category text, entity_kind text, outcomes_count bigint, battles_count bigint, data_through timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select t.category, t.entity_kind, t.outcomes_count, t.battles_count, t.data_through
    from reputation.leaderboard_totals t
   where p_categories is null or t.category = any (p_categories)
$$;

--
-- Name: fn_leaderboard_coverage_recount(text[]); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboard_coverage_recount(p_categories text[] DEFAULT NULL::text[]) RETURNS TABLE(category text, entity_kind text, outcomes_count bigint, battles_count bigint, data_through timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.category, d.entity_kind, sum(d.first_wins + d.second_wins + d.ties)::bigint, count(distinct d.battle_id),
         max(d.last_outcome_at)
    from reputation.v_battle_pair_counts d
   cross join lateral unnest(d.categories) as c (category)
   where p_categories is null or c.category = any (p_categories)
   group by 1, 2
$$;

--
-- Name: fn_leaderboard_excluded_votes(text[]); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboard_excluded_votes(p_categories text[] DEFAULT NULL::text[]) RETURNS TABLE(category text, excluded_votes bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select e.category, e.excluded_votes
    from reputation.leaderboard_excluded_votes e
   where p_categories is null or e.category = any (p_categories)
$$;

--
-- Name: fn_leaderboard_excluded_votes_recount(text[]); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboard_excluded_votes_recount(p_categories text[] DEFAULT NULL::text[]) RETURNS TABLE(category text, excluded_votes bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.category, count(*)
    from battles.vote_exclusions x
    join battles.votes v on v.id = x.vote_id
    join reputation.v_counted_battles f on f.id = v.battle_id and f.judging_mode = 'community_vote' and not f.corrected
   cross join lateral unnest(reputation.fn_battle_categories(f.judging_mode::text, f.task_source, f.challenge_type,
     f.content_type)) as c (category)
   where p_categories is null or c.category = any (p_categories)
   group by 1
$$;

--
-- Name: fn_leaderboard_get(text, text); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboard_get(p_category text, p_entity_kind text DEFAULT 'lenser'::text) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select jsonb_build_object(
    'id', s.id, 'category', s.category, 'entity_kind', s.entity_kind, 'method', s.method,
    'computed_at', s.computed_at, 'outcomes_count', s.outcomes_count, 'excluded_votes', s.excluded_votes,
    'data_through', s.data_through, 'params', s.params,
    'rows', coalesce((
      select jsonb_agg(r.value || jsonb_build_object(
               'handle', coalesce(p.handle, m.model_id),
               'display_name', coalesce(p.display_name, m.display_name),
               'elo', e.rating, 'elo_games', e.games) order by r.ordinality)
        from jsonb_array_elements(s.rows) with ordinality r
        left join lensers.profiles p on s.entity_kind = 'lenser' and p.id = (r.value ->> 'entity_id')::uuid
        left join ai.models m on s.entity_kind = 'model' and m.id = (r.value ->> 'entity_id')::uuid
        left join reputation.elo_ratings e on e.entity_kind = s.entity_kind and e.entity_id = (r.value ->> 'entity_id')::uuid),
      '[]'::jsonb))
    from reputation.leaderboard_snapshots s
   where s.category = p_category and s.entity_kind = p_entity_kind
   order by s.computed_at desc, s.id desc
   limit 1
$$;

--
-- Name: fn_leaderboard_pair_counts(text[]); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboard_pair_counts(p_categories text[] DEFAULT NULL::text[]) RETURNS TABLE(category text, entity_kind text, first_id uuid, second_id uuid, first_wins bigint, second_wins bigint, ties bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.category, p.entity_kind, p.first_id, p.second_id, p.first_wins, p.second_wins, p.ties
    from reputation.leaderboard_pair_counts p
   where p_categories is null or p.category = any (p_categories)
$$;

--
-- Name: fn_leaderboard_pair_counts_recount(text[]); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboard_pair_counts_recount(p_categories text[] DEFAULT NULL::text[]) RETURNS TABLE(category text, entity_kind text, first_id uuid, second_id uuid, first_wins bigint, second_wins bigint, ties bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.category, d.entity_kind, d.first_id, d.second_id,
         sum(d.first_wins)::bigint, sum(d.second_wins)::bigint, sum(d.ties)::bigint
    from reputation.v_battle_pair_counts d
   cross join lateral unnest(d.categories) as c (category)
   where p_categories is null or c.category = any (p_categories)
   group by 1, 2, 3, 4
$$;

--
-- Name: fn_leaderboard_sync_battle(uuid); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboard_sync_battle(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_old reputation.leaderboard_battles;
  f reputation.v_counted_battles;
  v_categories text[];
  v_excluded integer;
  v_pairs integer := 0;
begin
  -- One maintainer at a time: the aggregate rows are shared by every battle of a category, and one
  -- lock (not row locks taken in varying order) keeps concurrent publications from deadlocking.
  -- Publications are rare next to votes. Taken before anything is read, so each statement below sees
  -- what the previous holder committed.
  perform pg_advisory_xact_lock(71604430, 18);

  select * into v_old from reputation.leaderboard_battles where battle_id = p_battle_id;
  if found then
    update reputation.leaderboard_pair_counts p
       set first_wins = p.first_wins - d.first_wins, second_wins = p.second_wins - d.second_wins, ties = p.ties - d.ties
      from reputation.leaderboard_battle_pairs d cross join unnest(v_old.categories) c (category)
     where d.battle_id = p_battle_id and p.category = c.category and p.entity_kind = d.entity_kind
       and p.first_id = d.first_id and p.second_id = d.second_id;
    delete from reputation.leaderboard_pair_counts p
     using reputation.leaderboard_battle_pairs d cross join unnest(v_old.categories) c (category)
     where d.battle_id = p_battle_id and p.category = c.category and p.entity_kind = d.entity_kind
       and p.first_id = d.first_id and p.second_id = d.second_id
       and p.first_wins = 0 and p.second_wins = 0 and p.ties = 0;
    -- Rows this battle alone made go; the others lose its share.
    delete from reputation.leaderboard_totals t
     using reputation.leaderboard_battle_coverage v
     where v.battle_id = p_battle_id and t.category = v.category and t.entity_kind = v.entity_kind
       and t.battles_count = 1;
    update reputation.leaderboard_totals t
       set outcomes_count = t.outcomes_count - v.outcomes, battles_count = t.battles_count - 1
      from reputation.leaderboard_battle_coverage v
     where v.battle_id = p_battle_id and t.category = v.category and t.entity_kind = v.entity_kind;
    if v_old.excluded_votes > 0 then
      delete from reputation.leaderboard_excluded_votes e
       where e.category = any (v_old.categories) and e.excluded_votes <= v_old.excluded_votes;
      update reputation.leaderboard_excluded_votes e set excluded_votes = e.excluded_votes - v_old.excluded_votes
       where e.category = any (v_old.categories);
    end if;
    delete from reputation.leaderboard_battles where battle_id = p_battle_id;  -- its pairs and coverage go too
    -- The newest outcome of each category the battle left, from the battles still in it.
    update reputation.leaderboard_totals t
       set data_through = (select max(v.last_outcome_at) from reputation.leaderboard_battle_coverage v
                            where v.category = t.category and v.entity_kind = t.entity_kind)
     where t.category = any (v_old.categories);
  end if;

  select * into f from reputation.v_counted_battles where id = p_battle_id;
  if found then
    v_categories := reputation.fn_battle_categories(f.judging_mode::text, f.task_source, f.challenge_type, f.content_type);
    select count(*) into v_excluded
      from battles.vote_exclusions x join battles.votes v on v.id = x.vote_id
     where v.battle_id = p_battle_id and f.judging_mode = 'community_vote' and not f.corrected;
    insert into reputation.leaderboard_battles (battle_id, categories, excluded_votes)
    values (p_battle_id, v_categories, v_excluded);
    insert into reputation.leaderboard_battle_pairs (battle_id, entity_kind, first_id, second_id, first_wins, second_wins,
      ties, last_outcome_at)
    select p_battle_id, d.entity_kind, d.first_id, d.second_id, d.first_wins, d.second_wins, d.ties, d.last_outcome_at
      from reputation.v_battle_pair_counts d
     where d.battle_id = p_battle_id;
    get diagnostics v_pairs = row_count;
    insert into reputation.leaderboard_battle_coverage (category, entity_kind, battle_id, outcomes, last_outcome_at)
    select c.category, d.entity_kind, p_battle_id, sum(d.first_wins + d.second_wins + d.ties), max(d.last_outcome_at)
      from reputation.leaderboard_battle_pairs d cross join unnest(v_categories) c (category)
     where d.battle_id = p_battle_id
     group by 1, 2;
    insert into reputation.leaderboard_pair_counts as p (category, entity_kind, first_id, second_id, first_wins, second_wins, ties)
    select c.category, d.entity_kind, d.first_id, d.second_id, d.first_wins, d.second_wins, d.ties
      from reputation.leaderboard_battle_pairs d cross join unnest(v_categories) c (category)
     where d.battle_id = p_battle_id
     order by 1, 2, 3, 4
    on conflict (category, entity_kind, first_id, second_id) do update
       set first_wins = p.first_wins + excluded.first_wins, second_wins = p.second_wins + excluded.second_wins,
           ties = p.ties + excluded.ties;
    insert into reputation.leaderboard_totals as t (category, entity_kind, outcomes_count, battles_count, data_through)
    select v.category, v.entity_kind, v.outcomes, 1, v.last_outcome_at
      from reputation.leaderboard_battle_coverage v where v.battle_id = p_battle_id
     order by 1, 2
    on conflict (category, entity_kind) do update
       set outcomes_count = t.outcomes_count + excluded.outcomes_count, battles_count = t.battles_count + 1,
           data_through = greatest(t.data_through, excluded.data_through);
    if v_excluded > 0 then
      insert into reputation.leaderboard_excluded_votes as e (category, excluded_votes)
      select c.category, v_excluded from unnest(v_categories) c (category)
      on conflict (category) do update set excluded_votes = e.excluded_votes + excluded.excluded_votes;
    end if;
  end if;
  return jsonb_build_object('battle_id', p_battle_id, 'was_counted', v_old.battle_id is not null,
    'counted', f.id is not null, 'pairs', v_pairs);
end $$;

--
-- Name: fn_leaderboards_list(); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_leaderboards_list() RETURNS TABLE(category text, entity_kind text, computed_at timestamp with time zone, outcomes_count bigint, entities integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select distinct on (s.category, s.entity_kind) s.category, s.entity_kind, s.computed_at, s.outcomes_count,
         jsonb_array_length(s.rows)
    from reputation.leaderboard_snapshots s
   order by s.category, s.entity_kind, s.computed_at desc, s.id desc
$$;

--
-- Name: fn_lock_entity(text, uuid); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_lock_entity(p_kind text, p_id uuid) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select pg_advisory_xact_lock(71604430, hashtext(p_kind || ':' || p_id::text))
$$;

--
-- Name: fn_reverse_elo_for_battle(uuid, text); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_reverse_elo_for_battle(p_battle_id uuid, p_reason text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_rows integer;
begin
  if not lensers.fn_is_operator() then
    perform ops.fail('forbidden', 'only operators may reverse a battle''s ratings', '42501');
  end if;
  if coalesce(btrim(p_reason), '') = '' then
    perform ops.fail('invalid_input', 'say why the battle is reversed', '22023');
  end if;
  perform 1 from battles.battles where id = p_battle_id for update;
  if not found then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  insert into reputation.battle_reversals (battle_id, reason, reversed_by)
  values (p_battle_id, btrim(p_reason), (select p.id from lensers.profiles p where p.id = auth.uid()))
  on conflict (battle_id) do nothing;
  if not found then
    return jsonb_build_object('battle_id', p_battle_id, 'reversed', false, 'log_rows', 0);
  end if;
  v_rows := reputation.fn_elo_compensate(p_battle_id);
  perform reputation.fn_battle_result_changed(p_battle_id);
  return jsonb_build_object('battle_id', p_battle_id, 'reversed', true, 'log_rows', v_rows);
end $$;

--
-- Name: fn_setting_float(text, double precision); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.fn_setting_float(p_key text, p_default double precision) RETURNS double precision
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare v text := ops.setting(p_key);
begin
  if v is null then return p_default; end if;
  return v::double precision;
exception when invalid_text_representation then
  return p_default;
end $$;

--
-- Name: trg_elo_log_apply(); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.trg_elo_log_apply() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  cur reputation.elo_ratings;
  orig reputation.elo_battle_log;
  v_exists boolean;
begin
  select * into cur from reputation.elo_ratings
   where entity_kind = new.entity_kind and entity_id = new.entity_id for update;
  v_exists := found;
  if v_exists and new.rating_before <> cur.rating then
    perform ops.fail('elo_log_gap', format('log row for %s %s starts at %s but the rating is %s',
      new.entity_kind, new.entity_id, new.rating_before, cur.rating), '55000');
  elsif not v_exists and (new.reason <> 'battle' or new.rating_before <> (reputation.fn_elo_settings()).start_rating) then
    perform ops.fail('elo_log_gap', format('first log row for %s %s must be a battle starting at the start rating',
      new.entity_kind, new.entity_id), '55000');
  end if;
  if new.reason = 'reversal' then
    select * into orig from reputation.elo_battle_log where id = new.reverses_log_id;
    if orig.reason is distinct from 'battle' and orig.reason is distinct from 'correction'
       or orig.battle_id <> new.battle_id
       or orig.entity_kind <> new.entity_kind or orig.entity_id <> new.entity_id or new.delta <> -orig.delta then
      perform ops.fail('invalid_reversal', 'a reversal subtracts the delta of one battle or correction row of the same battle and entity', '55000');
    end if;
  elsif new.reason = 'correction'
        and not exists (select 1 from reputation.result_corrections rc where rc.id = new.correction_id and rc.battle_id = new.battle_id) then
    perform ops.fail('invalid_correction', 'a correction row names a correction of its own battle', '55000');
  end if;
  perform set_config('reputation.elo_log_id', new.id::text, true);
  if v_exists then
    update reputation.elo_ratings
       set rating = new.rating_after, games = games + case new.reason when 'reversal' then -1 else 1 end, updated_at = now()
     where entity_kind = new.entity_kind and entity_id = new.entity_id;
  else
    insert into reputation.elo_ratings (entity_kind, entity_id, rating, games)
    values (new.entity_kind, new.entity_id, new.rating_after, 1);
  end if;
  perform set_config('reputation.elo_log_id', '', true);
  return null;
end $$;

--
-- Name: trg_elo_ratings_guard(); Type: FUNCTION; Schema: reputation; Owner: -
--

CREATE FUNCTION reputation.trg_elo_ratings_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_flag text := coalesce(current_setting('reputation.elo_log_id', true), '');
  l reputation.elo_battle_log;
begin
  if ops.is_migrating() then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and v_flag ~ '^[0-9]{1,18}$' and pg_trigger_depth() > 1 then
    select * into l from reputation.elo_battle_log where id = v_flag::bigint;
    if found and l.entity_kind = new.entity_kind and l.entity_id = new.entity_id and l.rating_after = new.rating
       and (tg_op = 'INSERT' or (old.entity_kind = new.entity_kind and old.entity_id = new.entity_id)) then
      return new;
    end if;
  end if;
  perform ops.fail('elo_log_required',
    'ELO ratings change only by inserting a row into reputation.elo_battle_log', '55000');
  return null;
end $_$;

--
-- Name: fn_battle_amounts(); Type: FUNCTION; Schema: xp; Owner: -
--

CREATE FUNCTION xp.fn_battle_amounts(OUT completed integer, OUT won integer) RETURNS record
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  completed := ops.setting_int('app.xp_battle_completed', 10);
  won := ops.setting_int('app.xp_battle_won', 25);
  if completed < 0 or won < 0 then
    perform ops.fail('invalid_setting', format('XP amounts must not be negative: completed=%s won=%s', completed, won), '22023');
  end if;
end $$;

--
-- Name: fn_battle_xp_owed(uuid); Type: FUNCTION; Schema: xp; Owner: -
--

CREATE FUNCTION xp.fn_battle_xp_owed(p_battle_id uuid) RETURNS TABLE(lenser_id uuid, event_type text, amount integer, reason text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with b as (
    select b.id, b.title, b.winner_contender_id as winner
      from battles.battles b
     where b.id = p_battle_id and exists (select 1 from reputation.v_counted_battles f where f.id = b.id)
  )
  select m.profile_id, t.event_type, t.amount, t.reason
    from b
    join battles.contenders c on c.battle_id = b.id
    join battles.contender_entity_map m on m.contender_id = c.id
    join lensers.profiles p on p.id = m.profile_id and p.kind = 'human'
    cross join xp.fn_battle_amounts() a
    cross join lateral (values
      ('BATTLE_COMPLETED', a.completed, format('took part in "%s"', left(b.title, 200)), true),
      ('BATTLE_WON', a.won, format('won "%s"', left(b.title, 200)), c.id is not distinct from b.winner)
    ) t (event_type, amount, reason, owed)
   where t.owed and t.amount > 0
     and c.contender_status in ('active', 'accepted', 'eliminated')
     and exists (select 1 from battles.submissions s where s.contender_id = c.id and s.is_final and s.status = 'submitted')
$$;

--
-- Name: fn_lenser_xp(uuid, integer); Type: FUNCTION; Schema: xp; Owner: -
--

CREATE FUNCTION xp.fn_lenser_xp(p_lenser_id uuid, p_recent integer DEFAULT 10) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select jsonb_build_object(
    'total', coalesce((select sum(l.amount) from xp.ledger l where l.lenser_id = p_lenser_id), 0),
    'recent', coalesce((select jsonb_agg(jsonb_build_object(
        'id', r.id, 'event_type', r.event_type, 'amount', r.amount, 'reason', r.reason, 'created_at', r.created_at,
        'battle', case when r.battle_id is not null then jsonb_build_object('id', r.battle_id, 'slug', r.slug, 'title', r.title) end)
        order by r.id desc)
      from (select l.id, l.event_type, l.amount, l.reason, l.created_at, l.battle_id, b.slug, b.title
              from xp.ledger l left join battles.battles b on b.id = l.battle_id
             where l.lenser_id = p_lenser_id and (l.battle_id is null or battles.fn_can_view(l.battle_id))
             order by l.id desc
             limit least(greatest(coalesce(p_recent, 10), 1), 100)) r), '[]'::jsonb))
$$;

--
-- Name: fn_sync_battle_xp(uuid); Type: FUNCTION; Schema: xp; Owner: -
--

CREATE FUNCTION xp.fn_sync_battle_xp(p_battle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_why text;
  v_minted integer;
  v_taken integer;
begin
  -- Serialises XP changes of one battle (a second sync waits, then finds nothing to do).
  perform pg_advisory_xact_lock(71604430, hashtext('xp:' || p_battle_id::text));
  v_why := case
    when exists (select 1 from reputation.battle_reversals r where r.battle_id = p_battle_id) then 'battle result overturned'
    when not exists (select 1 from reputation.v_counted_battles f where f.id = p_battle_id) then 'battle results not published'
    else 'battle result corrected' end;

  insert into xp.ledger (lenser_id, event_type, amount, battle_id, reason, compensates_id)
  select l.lenser_id, l.event_type, -l.amount, l.battle_id, v_why, l.id
    from xp.ledger l
   where l.battle_id = p_battle_id and l.award_number is not null
     and not exists (select 1 from xp.ledger c where c.compensates_id = l.id)
     and not exists (select 1 from xp.fn_battle_xp_owed(p_battle_id) o
                      where o.lenser_id = l.lenser_id and o.event_type = l.event_type)
   order by l.id;
  get diagnostics v_taken = row_count;

  insert into xp.ledger (lenser_id, event_type, amount, battle_id, reason, award_number)
  select o.lenser_id, o.event_type, o.amount, p_battle_id, o.reason,
         1 + (select count(*) from xp.ledger l where l.battle_id = p_battle_id and l.lenser_id = o.lenser_id
                and l.event_type = o.event_type and l.award_number is not null)
    from xp.fn_battle_xp_owed(p_battle_id) o
   where not exists (select 1 from xp.ledger l where l.battle_id = p_battle_id and l.lenser_id = o.lenser_id
                       and l.event_type = o.event_type and l.award_number is not null
                       and not exists (select 1 from xp.ledger c where c.compensates_id = l.id))
   order by o.lenser_id, o.event_type
  on conflict (battle_id, lenser_id, event_type, award_number) where award_number is not null do nothing;
  get diagnostics v_minted = row_count;
  return jsonb_build_object('battle_id', p_battle_id, 'minted', v_minted, 'compensated', v_taken);
end $$;

--
-- Name: trg_ledger_check(); Type: FUNCTION; Schema: xp; Owner: -
--

CREATE FUNCTION xp.trg_ledger_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  orig xp.ledger;
  v_prior integer;
  v_standing integer;
begin
  if new.compensates_id is not null then
    select * into orig from xp.ledger where id = new.compensates_id;
    if not found or orig.compensates_id is not null or orig.lenser_id <> new.lenser_id or orig.event_type <> new.event_type
       or orig.battle_id is distinct from new.battle_id or new.amount <> -orig.amount then
      perform ops.fail('invalid_compensation', 'a compensation negates one award of the same lenser, event type and battle', '55000');
    end if;
  elsif new.award_number is not null then
    select count(*), count(*) filter (where not exists (select 1 from xp.ledger c where c.compensates_id = a.id))
      into v_prior, v_standing
      from xp.ledger a
     where a.battle_id = new.battle_id and a.lenser_id = new.lenser_id and a.event_type = new.event_type
       and a.award_number is not null;
    if new.award_number <> v_prior + 1 or v_standing > 0 then
      perform ops.fail('xp_already_awarded', format('%s for this battle is already awarded to this lenser', new.event_type), '23505');
    end if;
  end if;
  return new;
end $$;

--
-- Name: models; Type: TABLE; Schema: ai; Owner: -
--

CREATE TABLE ai.models (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    provider text NOT NULL,
    model_id text NOT NULL,
    display_name text NOT NULL,
    base_url text,
    api_key_env text,
    price_in_per_mtok numeric(12,4) DEFAULT 0 NOT NULL,
    price_out_per_mtok numeric(12,4) DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT models_api_key_env_name CHECK ((api_key_env ~ '^LF_PROVIDER_KEY_[A-Z0-9_]{1,64}$'::text)),
    CONSTRAINT models_model_id_check CHECK (((length(model_id) >= 1) AND (length(model_id) <= 200))),
    CONSTRAINT models_price_in_per_mtok_check CHECK ((price_in_per_mtok >= (0)::numeric)),
    CONSTRAINT models_price_out_per_mtok_check CHECK ((price_out_per_mtok >= (0)::numeric)),
    CONSTRAINT models_provider_check CHECK ((provider = ANY (ARRAY['anthropic'::text, 'openai_compatible'::text, 'scripted'::text])))
);

--
-- Name: axes_combinations; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.axes_combinations (
    task_source text NOT NULL,
    contender_structure battles.contender_structure_enum NOT NULL,
    judging_mode battles.judging_mode_enum NOT NULL,
    battle_type battles.battle_type_enum,
    invalid_reason text,
    CONSTRAINT axes_combinations_task_source_check CHECK ((task_source = ANY (ARRAY['lens'::text, 'workflow'::text, 'challenge'::text]))),
    CONSTRAINT axes_valid_xor_reason CHECK (((battle_type IS NULL) <> (invalid_reason IS NULL)))
);

--
-- Name: battle_lenses; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.battle_lenses (
    battle_id uuid NOT NULL,
    lens_id uuid NOT NULL,
    version_id uuid,
    input_snapshot jsonb DEFAULT '{}'::jsonb NOT NULL,
    set_by uuid,
    set_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT battle_lenses_snapshot_object CHECK ((jsonb_typeof(input_snapshot) = 'object'::text))
);

--
-- Name: challenge_instances; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.challenge_instances (
    battle_id uuid NOT NULL,
    challenge_type text NOT NULL,
    options jsonb DEFAULT '{}'::jsonb NOT NULL,
    seed_sha256 text NOT NULL,
    prompt text NOT NULL,
    prompt_sha256 text NOT NULL,
    answer_key jsonb NOT NULL,
    generated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT challenge_instances_prompt_sha CHECK ((prompt_sha256 = encode(sha256(convert_to(prompt, 'UTF8'::name)), 'hex'::text)))
);

--
-- Name: challenge_scores; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.challenge_scores (
    battle_id uuid NOT NULL,
    contender_id uuid NOT NULL,
    submission_id uuid NOT NULL,
    challenge_type text NOT NULL,
    score numeric(12,10) NOT NULL,
    details jsonb NOT NULL,
    job_id bigint,
    scored_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT challenge_scores_range CHECK (((score >= (0)::numeric) AND (score <= (1)::numeric)))
);

--
-- Name: challenge_secrets; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.challenge_secrets (
    battle_id uuid NOT NULL,
    seed text NOT NULL,
    seed_sha256 text NOT NULL,
    chosen_by text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT challenge_secrets_chosen_by CHECK ((chosen_by = ANY (ARRAY['random'::text, 'creator'::text]))),
    CONSTRAINT challenge_secrets_seed_length CHECK (((length(seed) >= 1) AND (length(seed) <= 200))),
    CONSTRAINT challenge_secrets_sha_matches CHECK ((seed_sha256 = encode(sha256(convert_to(seed, 'UTF8'::name)), 'hex'::text))),
    CONSTRAINT challenge_secrets_sha_shape CHECK ((seed_sha256 ~ '^[0-9a-f]{64}$'::text))
);

--
-- Name: comments; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.comments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    author_lenser_id uuid NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT date_trunc('milliseconds'::text, clock_timestamp()) NOT NULL,
    deleted_at timestamp with time zone,
    CONSTRAINT comments_body_check CHECK (((length(btrim(body)) >= 1) AND (length(btrim(body)) <= 5000))),
    CONSTRAINT comments_created_at_ms CHECK ((created_at = date_trunc('milliseconds'::text, created_at)))
);

--
-- Name: contender_lens_assignments; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.contender_lens_assignments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contender_id uuid NOT NULL,
    lens_id uuid NOT NULL,
    version_id uuid,
    input_snapshot jsonb DEFAULT '{}'::jsonb NOT NULL,
    assigned_at timestamp with time zone DEFAULT now() NOT NULL,
    assigned_by uuid,
    CONSTRAINT contender_lens_assignments_input_snapshot_check CHECK ((jsonb_typeof(input_snapshot) = 'object'::text))
);

--
-- Name: events; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    event_type battles.event_type_name NOT NULL,
    actor_id uuid,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    seq bigint NOT NULL
);

--
-- Name: events_seq_seq; Type: SEQUENCE; Schema: battles; Owner: -
--

ALTER TABLE battles.events ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME battles.events_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: global_messages; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.global_messages (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    sender_lenser_id uuid NOT NULL,
    sender_handle text NOT NULL,
    sender_role text NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT date_trunc('milliseconds'::text, clock_timestamp()) NOT NULL,
    CONSTRAINT global_messages_body_check CHECK (((length(btrim(body)) >= 1) AND (length(btrim(body)) <= 2000))),
    CONSTRAINT global_messages_created_at_ms CHECK ((created_at = date_trunc('milliseconds'::text, created_at))),
    CONSTRAINT global_messages_sender_role_check CHECK ((sender_role = ANY (ARRAY['creator'::text, 'contender'::text, 'operator'::text, 'spectator'::text])))
);

--
-- Name: invitations; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.invitations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    email text NOT NULL,
    token_hash text NOT NULL,
    invited_by uuid NOT NULL,
    accepted_by uuid,
    contender_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    accepted_at timestamp with time zone,
    CONSTRAINT invitations_email_check CHECK ((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text))
);

--
-- Name: judge_personas; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.judge_personas (
    model_id uuid NOT NULL,
    profile_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: judge_verdicts; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.judge_verdicts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    judge_model_id uuid NOT NULL,
    contender_a uuid NOT NULL,
    contender_b uuid NOT NULL,
    first_winner text NOT NULL,
    swapped_winner text NOT NULL,
    outcome text NOT NULL,
    agreed boolean NOT NULL,
    first_run_id uuid,
    swapped_run_id uuid,
    verdicts jsonb NOT NULL,
    job_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT judge_verdicts_distinct CHECK ((contender_a <> contender_b)),
    CONSTRAINT judge_verdicts_first_winner CHECK ((first_winner = ANY (ARRAY['A'::text, 'B'::text, 'draw'::text]))),
    CONSTRAINT judge_verdicts_outcome CHECK ((outcome = ANY (ARRAY['A'::text, 'B'::text, 'draw'::text]))),
    CONSTRAINT judge_verdicts_outcome_rule CHECK (((agreed = (first_winner = swapped_winner)) AND (outcome =
CASE
    WHEN agreed THEN first_winner
    ELSE 'draw'::text
END))),
    CONSTRAINT judge_verdicts_swapped_winner CHECK ((swapped_winner = ANY (ARRAY['A'::text, 'B'::text, 'draw'::text])))
);

--
-- Name: judges; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.judges (
    battle_id uuid NOT NULL,
    profile_id uuid NOT NULL,
    named_by uuid NOT NULL,
    named_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: judging_settings; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.judging_settings (
    battle_id uuid NOT NULL,
    judge_model_id uuid,
    challenge_options jsonb DEFAULT '{}'::jsonb NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT judging_settings_options_object CHECK ((jsonb_typeof(challenge_options) = 'object'::text))
);

--
-- Name: rubric_criteria; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.rubric_criteria (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    rubric_id uuid NOT NULL,
    ordinal integer NOT NULL,
    title text NOT NULL,
    description text,
    weight numeric(8,4) DEFAULT 1.0 NOT NULL,
    CONSTRAINT rubric_criteria_ordinal_check CHECK ((ordinal >= 1)),
    CONSTRAINT rubric_criteria_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200))),
    CONSTRAINT rubric_criteria_weight_check CHECK ((weight > (0)::numeric))
);

--
-- Name: rubrics; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.rubrics (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    creator_lenser_id uuid NOT NULL,
    title text NOT NULL,
    description text,
    is_public boolean DEFAULT false NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT rubrics_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200))),
    CONSTRAINT rubrics_version_check CHECK ((version >= 1))
);

--
-- Name: scorecards; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.scorecards (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid NOT NULL,
    contender_id uuid NOT NULL,
    rubric_criterion_id uuid,
    result battles.scorecard_result_enum NOT NULL,
    scorer_model_id uuid,
    scorer_lenser_id uuid,
    explanation text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    kind text DEFAULT 'rubric'::text NOT NULL,
    verdict_id uuid,
    run_id uuid,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT scorecards_has_scorer CHECK (((scorer_model_id IS NOT NULL) OR (scorer_lenser_id IS NOT NULL))),
    CONSTRAINT scorecards_kind_known CHECK ((kind = ANY (ARRAY['rubric'::text, 'pairwise'::text]))),
    CONSTRAINT scorecards_pairwise_has_verdict CHECK (((kind = 'pairwise'::text) = (verdict_id IS NOT NULL)))
);

--
-- Name: templates; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.templates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    creator_lenser_id uuid NOT NULL,
    title text NOT NULL,
    task_prompt text NOT NULL,
    rubric_id uuid,
    task_source text DEFAULT 'challenge'::text NOT NULL,
    contender_structure battles.contender_structure_enum DEFAULT 'human_vs_human'::battles.contender_structure_enum NOT NULL,
    judging_mode battles.judging_mode_enum DEFAULT 'community_vote'::battles.judging_mode_enum NOT NULL,
    challenge_type text,
    voter_eligibility battles.voter_eligibility_enum DEFAULT 'open'::battles.voter_eligibility_enum NOT NULL,
    max_contenders integer DEFAULT 2 NOT NULL,
    content_type text DEFAULT 'text'::text NOT NULL,
    handicap_config jsonb DEFAULT '{}'::jsonb NOT NULL,
    is_public boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT templates_max_contenders_check CHECK (((max_contenders >= 2) AND (max_contenders <= 26))),
    CONSTRAINT templates_task_prompt_check CHECK (((length(btrim(task_prompt)) >= 1) AND (length(btrim(task_prompt)) <= 50000))),
    CONSTRAINT templates_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200)))
);

--
-- Name: transition_rules; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.transition_rules (
    action text NOT NULL,
    from_status battles.battle_status_enum NOT NULL,
    to_status battles.battle_status_enum NOT NULL,
    by_creator boolean NOT NULL,
    by_system boolean NOT NULL,
    by_operator boolean NOT NULL,
    event_type text
);

--
-- Name: vote_exclusions; Type: TABLE; Schema: battles; Owner: -
--

CREATE TABLE battles.vote_exclusions (
    vote_id uuid NOT NULL,
    excluded_by uuid,
    reason text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT vote_exclusions_reason_check CHECK (((length(btrim(reason)) >= 1) AND (length(btrim(reason)) <= 2000)))
);

--
-- Name: jobs; Type: TABLE; Schema: execution; Owner: -
--

CREATE TABLE execution.jobs (
    id bigint NOT NULL,
    kind text NOT NULL,
    battle_id uuid NOT NULL,
    contender_id uuid,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    dedupe_key text,
    status text DEFAULT 'queued'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    max_attempts integer DEFAULT 3 NOT NULL,
    run_at timestamp with time zone DEFAULT now() NOT NULL,
    lease_until timestamp with time zone,
    locked_by text,
    last_error_code text,
    last_error_message text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT jobs_attempts_nonnegative CHECK ((attempts >= 0)),
    CONSTRAINT jobs_attempts_within_max CHECK ((attempts <= max_attempts)),
    CONSTRAINT jobs_error_code_shape CHECK ((last_error_code ~ '^[a-z][a-z0-9_]{1,63}$'::text)),
    CONSTRAINT jobs_error_message_length CHECK ((length(last_error_message) <= 2000)),
    CONSTRAINT jobs_finished_when_final CHECK (((status = ANY (ARRAY['succeeded'::text, 'failed'::text, 'dead'::text, 'cancelled'::text])) = (finished_at IS NOT NULL))),
    CONSTRAINT jobs_kind_known CHECK ((kind = ANY (ARRAY['contender_run'::text, 'challenge_prepare'::text, 'judge_pair'::text, 'judge_rubric'::text, 'auto_score'::text, 'advance'::text]))),
    CONSTRAINT jobs_locked_by_length CHECK ((length(locked_by) <= 200)),
    CONSTRAINT jobs_max_attempts_range CHECK (((max_attempts >= 1) AND (max_attempts <= 25))),
    CONSTRAINT jobs_payload_object CHECK ((jsonb_typeof(payload) = 'object'::text)),
    CONSTRAINT jobs_running_is_leased CHECK (((status = 'running'::text) = ((lease_until IS NOT NULL) AND (locked_by IS NOT NULL)))),
    CONSTRAINT jobs_status_known CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'succeeded'::text, 'failed'::text, 'dead'::text, 'cancelled'::text])))
);

--
-- Name: jobs_id_seq; Type: SEQUENCE; Schema: execution; Owner: -
--

ALTER TABLE execution.jobs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME execution.jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: runners; Type: TABLE; Schema: execution; Owner: -
--

CREATE TABLE execution.runners (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    owner_lenser_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT runners_kind_check CHECK ((kind = ANY (ARRAY['cloud_worker'::text, 'gateway_device'::text, 'manual'::text])))
);

--
-- Name: runs; Type: TABLE; Schema: execution; Owner: -
--

CREATE TABLE execution.runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    battle_id uuid,
    contender_id uuid,
    model_id uuid,
    runner_id uuid,
    status text DEFAULT 'queued'::text NOT NULL,
    prompt_hash text,
    output_hash text,
    input_tokens integer,
    output_tokens integer,
    cost_usd numeric(14,6),
    latency_ms integer,
    provider_request_id text,
    error_code text,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    job_id bigint,
    attempt integer,
    purpose text DEFAULT 'contender'::text NOT NULL,
    error_message text,
    params jsonb DEFAULT '{}'::jsonb NOT NULL,
    render_report jsonb,
    stop_reason text,
    provider_attempts integer,
    CONSTRAINT runs_attempt_positive CHECK ((attempt >= 1)),
    CONSTRAINT runs_cost_usd_check CHECK ((cost_usd >= (0)::numeric)),
    CONSTRAINT runs_error_message_length CHECK ((length(error_message) <= 2000)),
    CONSTRAINT runs_final_is_finished CHECK (((status = ANY (ARRAY['queued'::text, 'running'::text])) OR (finished_at IS NOT NULL))),
    CONSTRAINT runs_input_tokens_check CHECK ((input_tokens >= 0)),
    CONSTRAINT runs_latency_ms_check CHECK ((latency_ms >= 0)),
    CONSTRAINT runs_output_tokens_check CHECK ((output_tokens >= 0)),
    CONSTRAINT runs_params_object CHECK ((jsonb_typeof(params) = 'object'::text)),
    CONSTRAINT runs_provider_attempts_nonnegative CHECK ((provider_attempts >= 0)),
    CONSTRAINT runs_purpose_known CHECK ((purpose = ANY (ARRAY['contender'::text, 'judge_pair'::text, 'judge_rubric'::text]))),
    CONSTRAINT runs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'succeeded'::text, 'failed'::text, 'dead'::text])))
);

--
-- Name: lenses; Type: TABLE; Schema: lenses; Owner: -
--

CREATE TABLE lenses.lenses (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    owner_lenser_id uuid NOT NULL,
    slug text NOT NULL,
    title text NOT NULL,
    description text,
    is_public boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT lenses_slug_check CHECK (((slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text) AND (length(slug) <= 100))),
    CONSTRAINT lenses_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200)))
);

--
-- Name: accounts; Type: TABLE; Schema: ops; Owner: -
--

CREATE TABLE ops.accounts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email text NOT NULL,
    password_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT accounts_email_check CHECK (((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text) AND (length(email) <= 254)))
);

--
-- Name: api_tokens; Type: TABLE; Schema: ops; Owner: -
--

CREATE TABLE ops.api_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    account_id uuid NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT api_tokens_name_check CHECK (((length(name) >= 1) AND (length(name) <= 100)))
);

--
-- Name: schema_migrations; Type: TABLE; Schema: ops; Owner: -
--

CREATE TABLE ops.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: settings; Type: TABLE; Schema: ops; Owner: -
--

CREATE TABLE ops.settings (
    key text NOT NULL,
    value text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT settings_key_check CHECK ((key ~ '^app\.[a-z_]+$'::text))
);

--
-- Name: battle_reversals; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.battle_reversals (
    battle_id uuid NOT NULL,
    reason text NOT NULL,
    reversed_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT battle_reversals_reason_check CHECK (((length(btrim(reason)) >= 1) AND (length(btrim(reason)) <= 2000)))
);

--
-- Name: elo_battle_log; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.elo_battle_log (
    id bigint NOT NULL,
    battle_id uuid NOT NULL,
    entity_kind text NOT NULL,
    entity_id uuid NOT NULL,
    rating_before double precision NOT NULL,
    rating_after double precision NOT NULL,
    delta double precision NOT NULL,
    k double precision NOT NULL,
    expected_score double precision NOT NULL,
    outcome double precision NOT NULL,
    opponents integer NOT NULL,
    formula_version text NOT NULL,
    reason text NOT NULL,
    reverses_log_id bigint,
    correction_id bigint,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT elo_battle_log_entity_kind_check CHECK ((entity_kind = ANY (ARRAY['lenser'::text, 'model'::text]))),
    CONSTRAINT elo_battle_log_expected_score_check CHECK (((expected_score >= (0)::double precision) AND (expected_score <= (1)::double precision))),
    CONSTRAINT elo_battle_log_k_check CHECK ((k > (0)::double precision)),
    CONSTRAINT elo_battle_log_opponents_check CHECK ((opponents >= 1)),
    CONSTRAINT elo_battle_log_outcome_check CHECK (((outcome >= (0)::double precision) AND (outcome <= (1)::double precision))),
    CONSTRAINT elo_battle_log_reason_check CHECK ((reason = ANY (ARRAY['battle'::text, 'reversal'::text, 'correction'::text]))),
    CONSTRAINT elo_log_after_is_before_plus_delta CHECK ((rating_after = (rating_before + delta))),
    CONSTRAINT elo_log_correction_names_correction CHECK (((reason = 'correction'::text) = (correction_id IS NOT NULL))),
    CONSTRAINT elo_log_reversal_names_row CHECK (((reason = 'reversal'::text) = (reverses_log_id IS NOT NULL)))
);

--
-- Name: elo_battle_log_id_seq; Type: SEQUENCE; Schema: reputation; Owner: -
--

ALTER TABLE reputation.elo_battle_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME reputation.elo_battle_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: elo_ratings; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.elo_ratings (
    entity_kind text NOT NULL,
    entity_id uuid NOT NULL,
    rating double precision NOT NULL,
    games integer NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT elo_ratings_entity_kind_check CHECK ((entity_kind = ANY (ARRAY['lenser'::text, 'model'::text]))),
    CONSTRAINT elo_ratings_games_check CHECK ((games >= 0))
);

--
-- Name: leaderboard_battle_coverage; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.leaderboard_battle_coverage (
    category text NOT NULL,
    entity_kind text NOT NULL,
    battle_id uuid NOT NULL,
    outcomes bigint NOT NULL,
    last_outcome_at timestamp with time zone NOT NULL,
    CONSTRAINT leaderboard_battle_coverage_outcomes_check CHECK ((outcomes > 0))
);

--
-- Name: leaderboard_battle_pairs; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.leaderboard_battle_pairs (
    battle_id uuid NOT NULL,
    entity_kind text NOT NULL,
    first_id uuid NOT NULL,
    second_id uuid NOT NULL,
    first_wins bigint NOT NULL,
    second_wins bigint NOT NULL,
    ties bigint NOT NULL,
    last_outcome_at timestamp with time zone NOT NULL,
    CONSTRAINT leaderboard_battle_pairs_check CHECK ((first_id < second_id)),
    CONSTRAINT leaderboard_battle_pairs_entity_kind_check CHECK ((entity_kind = ANY (ARRAY['lenser'::text, 'model'::text]))),
    CONSTRAINT leaderboard_battle_pairs_first_wins_check CHECK ((first_wins >= 0)),
    CONSTRAINT leaderboard_battle_pairs_second_wins_check CHECK ((second_wins >= 0)),
    CONSTRAINT leaderboard_battle_pairs_ties_check CHECK ((ties >= 0))
);

--
-- Name: leaderboard_battles; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.leaderboard_battles (
    battle_id uuid NOT NULL,
    categories text[] NOT NULL,
    excluded_votes integer NOT NULL,
    counted_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT leaderboard_battles_excluded_votes_check CHECK ((excluded_votes >= 0))
);

--
-- Name: leaderboard_excluded_votes; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.leaderboard_excluded_votes (
    category text NOT NULL,
    excluded_votes bigint NOT NULL,
    CONSTRAINT leaderboard_excluded_votes_excluded_votes_check CHECK ((excluded_votes > 0))
);

--
-- Name: leaderboard_pair_counts; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.leaderboard_pair_counts (
    category text NOT NULL,
    entity_kind text NOT NULL,
    first_id uuid NOT NULL,
    second_id uuid NOT NULL,
    first_wins bigint NOT NULL,
    second_wins bigint NOT NULL,
    ties bigint NOT NULL,
    CONSTRAINT leaderboard_pair_counts_check CHECK ((first_id < second_id)),
    CONSTRAINT leaderboard_pair_counts_entity_kind_check CHECK ((entity_kind = ANY (ARRAY['lenser'::text, 'model'::text]))),
    CONSTRAINT leaderboard_pair_counts_first_wins_check CHECK ((first_wins >= 0)),
    CONSTRAINT leaderboard_pair_counts_second_wins_check CHECK ((second_wins >= 0)),
    CONSTRAINT leaderboard_pair_counts_ties_check CHECK ((ties >= 0))
);

--
-- Name: leaderboard_snapshots; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.leaderboard_snapshots (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    category text NOT NULL,
    entity_kind text NOT NULL,
    method text NOT NULL,
    computed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    outcomes_count bigint NOT NULL,
    excluded_votes bigint NOT NULL,
    data_through timestamp with time zone,
    params jsonb NOT NULL,
    inputs_sha256 text NOT NULL,
    rows jsonb NOT NULL,
    CONSTRAINT leaderboard_snapshots_category_check CHECK ((category ~ '^(overall|(judging_mode|task_source|challenge_type|content_type):[a-z0-9_]{1,64})$'::text)),
    CONSTRAINT leaderboard_snapshots_entity_kind_check CHECK ((entity_kind = ANY (ARRAY['lenser'::text, 'model'::text]))),
    CONSTRAINT leaderboard_snapshots_excluded_votes_check CHECK ((excluded_votes >= 0)),
    CONSTRAINT leaderboard_snapshots_inputs_sha256_check CHECK ((inputs_sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT leaderboard_snapshots_method_check CHECK ((method = 'bradley_terry'::text)),
    CONSTRAINT leaderboard_snapshots_outcomes_count_check CHECK ((outcomes_count >= 0)),
    CONSTRAINT leaderboard_snapshots_params_check CHECK ((jsonb_typeof(params) = 'object'::text)),
    CONSTRAINT leaderboard_snapshots_rows_check CHECK ((jsonb_typeof(rows) = 'array'::text))
);

--
-- Name: leaderboard_totals; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.leaderboard_totals (
    category text NOT NULL,
    entity_kind text NOT NULL,
    outcomes_count bigint NOT NULL,
    battles_count bigint NOT NULL,
    data_through timestamp with time zone NOT NULL,
    CONSTRAINT leaderboard_totals_battles_count_check CHECK ((battles_count > 0)),
    CONSTRAINT leaderboard_totals_entity_kind_check CHECK ((entity_kind = ANY (ARRAY['lenser'::text, 'model'::text]))),
    CONSTRAINT leaderboard_totals_outcomes_count_check CHECK ((outcomes_count >= 0))
);

--
-- Name: result_corrections; Type: TABLE; Schema: reputation; Owner: -
--

CREATE TABLE reputation.result_corrections (
    id bigint NOT NULL,
    battle_id uuid NOT NULL,
    ranks jsonb NOT NULL,
    winner_contender_id uuid,
    reason text NOT NULL,
    corrected_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT result_corrections_ranks_check CHECK ((jsonb_typeof(ranks) = 'object'::text)),
    CONSTRAINT result_corrections_reason_check CHECK (((length(btrim(reason)) >= 1) AND (length(btrim(reason)) <= 2000)))
);

--
-- Name: result_corrections_id_seq; Type: SEQUENCE; Schema: reputation; Owner: -
--

ALTER TABLE reputation.result_corrections ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME reputation.result_corrections_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: v_contender_entities; Type: VIEW; Schema: reputation; Owner: -
--

CREATE VIEW reputation.v_contender_entities AS
 SELECT c.battle_id,
    c.id AS contender_id,
    c.contender_status,
    a.rank_position,
    'lenser'::text AS entity_kind,
    COALESCE(m.profile_id, l.profile_id) AS entity_id
   FROM (((battles.contenders c
     JOIN battles.contender_entity_map m ON ((m.contender_id = c.id)))
     LEFT JOIN agents.ai_lensers l ON ((l.id = m.ai_lenser_id)))
     LEFT JOIN battles.vote_aggregates a ON (((a.battle_id = c.battle_id) AND (a.contender_id = c.id))))
  WHERE (COALESCE(m.profile_id, l.profile_id) IS NOT NULL)
UNION ALL
 SELECT c.battle_id,
    c.id AS contender_id,
    c.contender_status,
    a.rank_position,
    'model'::text AS entity_kind,
    COALESCE(s.model_id, l.model_id) AS entity_id
   FROM ((((battles.contenders c
     JOIN battles.contender_entity_map m ON ((m.contender_id = c.id)))
     JOIN agents.ai_lensers l ON ((l.id = m.ai_lenser_id)))
     LEFT JOIN battles.submissions s ON (((s.contender_id = c.id) AND s.is_final)))
     LEFT JOIN battles.vote_aggregates a ON (((a.battle_id = c.battle_id) AND (a.contender_id = c.id))));

--
-- Name: v_counted_battles; Type: VIEW; Schema: reputation; Owner: -
--

CREATE VIEW reputation.v_counted_battles AS
 SELECT b.id,
    b.judging_mode,
    b.task_source,
    b.challenge_type,
    b.content_type,
    b.finalized_at,
    (EXISTS ( SELECT 1
           FROM reputation.result_corrections rc
          WHERE (rc.battle_id = b.id))) AS corrected
   FROM battles.battles b
  WHERE ((b.finalized_at IS NOT NULL) AND (b.published_at IS NOT NULL) AND (b.status = ANY (ARRAY['published'::battles.battle_status_enum, 'archived'::battles.battle_status_enum])) AND (b.cancelled_at IS NULL) AND (b.deleted_at IS NULL) AND (NOT (EXISTS ( SELECT 1
           FROM reputation.battle_reversals r
          WHERE (r.battle_id = b.id)))));

--
-- Name: v_pairwise_outcomes; Type: VIEW; Schema: reputation; Owner: -
--

CREATE VIEW reputation.v_pairwise_outcomes AS
 SELECT 'vote'::text AS source,
    f.id AS battle_id,
    v.id AS vote_id,
    v.created_at AS occurred_at,
    (f.judging_mode)::text AS judging_mode,
    f.task_source,
    f.challenge_type,
    f.content_type,
    w.entity_kind,
    w.entity_id AS a_id,
    o.entity_id AS b_id,
        CASE
            WHEN v.is_draw THEN (0.5)::double precision
            ELSE (1)::double precision
        END AS score_a
   FROM (((reputation.v_counted_battles f
     JOIN battles.votes v ON ((v.battle_id = f.id)))
     JOIN reputation.v_contender_entities w ON (((w.battle_id = f.id) AND (w.contender_status = ANY (ARRAY['active'::text, 'accepted'::text])) AND (v.is_draw OR (w.contender_id = v.voted_contender_id)))))
     JOIN reputation.v_contender_entities o ON (((o.battle_id = f.id) AND (o.contender_status = ANY (ARRAY['active'::text, 'accepted'::text])) AND (o.entity_kind = w.entity_kind) AND (o.contender_id <> w.contender_id) AND (o.entity_id <> w.entity_id) AND ((NOT v.is_draw) OR (w.contender_id < o.contender_id)))))
  WHERE ((f.judging_mode = 'community_vote'::battles.judging_mode_enum) AND (NOT f.corrected) AND (NOT (EXISTS ( SELECT 1
           FROM battles.vote_exclusions x
          WHERE (x.vote_id = v.id)))))
UNION ALL
 SELECT 'rank'::text AS source,
    f.id AS battle_id,
    NULL::uuid AS vote_id,
    f.finalized_at AS occurred_at,
    (f.judging_mode)::text AS judging_mode,
    f.task_source,
    f.challenge_type,
    f.content_type,
    w.entity_kind,
    w.entity_id AS a_id,
    o.entity_id AS b_id,
        CASE
            WHEN (w.rank_position < o.rank_position) THEN (1)::double precision
            WHEN (w.rank_position = o.rank_position) THEN (0.5)::double precision
            ELSE (0)::double precision
        END AS score_a
   FROM ((reputation.v_counted_battles f
     JOIN reputation.v_contender_entities w ON (((w.battle_id = f.id) AND (w.contender_status <> 'withdrawn'::text) AND (w.rank_position IS NOT NULL))))
     JOIN reputation.v_contender_entities o ON (((o.battle_id = f.id) AND (o.contender_status <> 'withdrawn'::text) AND (o.rank_position IS NOT NULL) AND (o.entity_kind = w.entity_kind) AND (w.contender_id < o.contender_id) AND (o.entity_id <> w.entity_id))))
  WHERE ((f.judging_mode <> 'community_vote'::battles.judging_mode_enum) OR f.corrected);

--
-- Name: v_battle_pair_counts; Type: VIEW; Schema: reputation; Owner: -
--

CREATE VIEW reputation.v_battle_pair_counts AS
 SELECT o.battle_id,
    reputation.fn_battle_categories(o.judging_mode, o.task_source, (o.challenge_type)::text, (o.content_type)::text) AS categories,
    o.entity_kind,
    LEAST(o.a_id, o.b_id) AS first_id,
    GREATEST(o.a_id, o.b_id) AS second_id,
    count(*) FILTER (WHERE (((o.score_a = (1)::double precision) = (o.a_id < o.b_id)) AND (o.score_a <> (0.5)::double precision))) AS first_wins,
    count(*) FILTER (WHERE (((o.score_a = (1)::double precision) <> (o.a_id < o.b_id)) AND (o.score_a <> (0.5)::double precision))) AS second_wins,
    count(*) FILTER (WHERE (o.score_a = (0.5)::double precision)) AS ties,
    max(o.occurred_at) AS last_outcome_at
   FROM reputation.v_pairwise_outcomes o
  GROUP BY o.battle_id, o.judging_mode, o.task_source, o.challenge_type, o.content_type, o.entity_kind, LEAST(o.a_id, o.b_id), GREATEST(o.a_id, o.b_id);

--
-- Name: workflows; Type: TABLE; Schema: workflows; Owner: -
--

CREATE TABLE workflows.workflows (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    owner_lenser_id uuid NOT NULL,
    title text NOT NULL,
    definition jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT workflows_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200)))
);

--
-- Name: ledger; Type: TABLE; Schema: xp; Owner: -
--

CREATE TABLE xp.ledger (
    id bigint NOT NULL,
    lenser_id uuid NOT NULL,
    event_type text NOT NULL,
    amount integer NOT NULL,
    battle_id uuid,
    reason text NOT NULL,
    award_number integer,
    compensates_id bigint,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT ledger_amount_check CHECK ((amount <> 0)),
    CONSTRAINT ledger_award_number_check CHECK ((award_number >= 1)),
    CONSTRAINT ledger_award_or_compensation CHECK (((compensates_id IS NULL) = (amount > 0))),
    CONSTRAINT ledger_battle_awards_numbered CHECK ((((battle_id IS NOT NULL) AND (compensates_id IS NULL)) = (award_number IS NOT NULL))),
    CONSTRAINT ledger_event_type_check CHECK ((event_type ~ '^[A-Z][A-Z0-9_]{2,63}$'::text)),
    CONSTRAINT ledger_reason_check CHECK (((length(btrim(reason)) >= 1) AND (length(btrim(reason)) <= 500)))
);

--
-- Name: ledger_id_seq; Type: SEQUENCE; Schema: xp; Owner: -
--

ALTER TABLE xp.ledger ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME xp.ledger_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: ai_lensers ai_lensers_pkey; Type: CONSTRAINT; Schema: agents; Owner: -
--

ALTER TABLE ONLY agents.ai_lensers
    ADD CONSTRAINT ai_lensers_pkey PRIMARY KEY (id);

--
-- Name: ai_lensers ai_lensers_profile_id_key; Type: CONSTRAINT; Schema: agents; Owner: -
--

ALTER TABLE ONLY agents.ai_lensers
    ADD CONSTRAINT ai_lensers_profile_id_key UNIQUE (profile_id);

--
-- Name: models models_pkey; Type: CONSTRAINT; Schema: ai; Owner: -
--

ALTER TABLE ONLY ai.models
    ADD CONSTRAINT models_pkey PRIMARY KEY (id);

--
-- Name: models models_provider_model_id_base_url_key; Type: CONSTRAINT; Schema: ai; Owner: -
--

ALTER TABLE ONLY ai.models
    ADD CONSTRAINT models_provider_model_id_base_url_key UNIQUE NULLS NOT DISTINCT (provider, model_id, base_url);

--
-- Name: axes_combinations axes_combinations_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.axes_combinations
    ADD CONSTRAINT axes_combinations_pkey PRIMARY KEY (task_source, contender_structure, judging_mode);

--
-- Name: axes_combinations axes_combinations_task_source_contender_structure_judging_m_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.axes_combinations
    ADD CONSTRAINT axes_combinations_task_source_contender_structure_judging_m_key UNIQUE (task_source, contender_structure, judging_mode, battle_type);

--
-- Name: battle_lenses battle_lenses_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battle_lenses
    ADD CONSTRAINT battle_lenses_pkey PRIMARY KEY (battle_id);

--
-- Name: battles battles_invite_code_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_invite_code_key UNIQUE (invite_code);

--
-- Name: battles battles_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_pkey PRIMARY KEY (id);

--
-- Name: battles battles_slug_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_slug_key UNIQUE (slug);

--
-- Name: challenge_instances challenge_instances_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_instances
    ADD CONSTRAINT challenge_instances_pkey PRIMARY KEY (battle_id);

--
-- Name: challenge_scores challenge_scores_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_scores
    ADD CONSTRAINT challenge_scores_pkey PRIMARY KEY (battle_id, contender_id);

--
-- Name: challenge_secrets challenge_secrets_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_secrets
    ADD CONSTRAINT challenge_secrets_pkey PRIMARY KEY (battle_id);

--
-- Name: comments comments_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.comments
    ADD CONSTRAINT comments_pkey PRIMARY KEY (id);

--
-- Name: contender_entity_map contender_entity_map_battle_id_ai_lenser_id_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_battle_id_ai_lenser_id_key UNIQUE (battle_id, ai_lenser_id);

--
-- Name: contender_entity_map contender_entity_map_battle_id_group_id_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_battle_id_group_id_key UNIQUE (battle_id, group_id);

--
-- Name: contender_entity_map contender_entity_map_battle_id_profile_id_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_battle_id_profile_id_key UNIQUE (battle_id, profile_id);

--
-- Name: contender_entity_map contender_entity_map_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_pkey PRIMARY KEY (contender_id);

--
-- Name: contender_lens_assignments contender_lens_assignments_contender_id_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_lens_assignments
    ADD CONSTRAINT contender_lens_assignments_contender_id_key UNIQUE (contender_id);

--
-- Name: contender_lens_assignments contender_lens_assignments_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_lens_assignments
    ADD CONSTRAINT contender_lens_assignments_pkey PRIMARY KEY (id);

--
-- Name: contenders contenders_battle_id_id_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contenders
    ADD CONSTRAINT contenders_battle_id_id_key UNIQUE (battle_id, id);

--
-- Name: contenders contenders_battle_id_slot_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contenders
    ADD CONSTRAINT contenders_battle_id_slot_key UNIQUE (battle_id, slot);

--
-- Name: contenders contenders_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contenders
    ADD CONSTRAINT contenders_pkey PRIMARY KEY (id);

--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);

--
-- Name: global_messages global_messages_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.global_messages
    ADD CONSTRAINT global_messages_pkey PRIMARY KEY (id);

--
-- Name: invitations invitations_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.invitations
    ADD CONSTRAINT invitations_pkey PRIMARY KEY (id);

--
-- Name: invitations invitations_token_hash_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.invitations
    ADD CONSTRAINT invitations_token_hash_key UNIQUE (token_hash);

--
-- Name: judge_personas judge_personas_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_personas
    ADD CONSTRAINT judge_personas_pkey PRIMARY KEY (model_id);

--
-- Name: judge_personas judge_personas_profile_id_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_personas
    ADD CONSTRAINT judge_personas_profile_id_key UNIQUE (profile_id);

--
-- Name: judge_verdicts judge_verdicts_battle_id_judge_model_id_contender_a_contend_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_battle_id_judge_model_id_contender_a_contend_key UNIQUE (battle_id, judge_model_id, contender_a, contender_b);

--
-- Name: judge_verdicts judge_verdicts_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_pkey PRIMARY KEY (id);

--
-- Name: judges judges_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judges
    ADD CONSTRAINT judges_pkey PRIMARY KEY (battle_id, profile_id);

--
-- Name: judging_settings judging_settings_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judging_settings
    ADD CONSTRAINT judging_settings_pkey PRIMARY KEY (battle_id);

--
-- Name: rubric_criteria rubric_criteria_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.rubric_criteria
    ADD CONSTRAINT rubric_criteria_pkey PRIMARY KEY (id);

--
-- Name: rubric_criteria rubric_criteria_rubric_id_ordinal_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.rubric_criteria
    ADD CONSTRAINT rubric_criteria_rubric_id_ordinal_key UNIQUE (rubric_id, ordinal);

--
-- Name: rubrics rubrics_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.rubrics
    ADD CONSTRAINT rubrics_pkey PRIMARY KEY (id);

--
-- Name: scorecards scorecards_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.scorecards
    ADD CONSTRAINT scorecards_pkey PRIMARY KEY (id);

--
-- Name: submissions submissions_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.submissions
    ADD CONSTRAINT submissions_pkey PRIMARY KEY (id);

--
-- Name: templates templates_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.templates
    ADD CONSTRAINT templates_pkey PRIMARY KEY (id);

--
-- Name: transition_rules transition_rules_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.transition_rules
    ADD CONSTRAINT transition_rules_pkey PRIMARY KEY (action, from_status);

--
-- Name: vote_aggregates vote_aggregates_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.vote_aggregates
    ADD CONSTRAINT vote_aggregates_pkey PRIMARY KEY (battle_id, contender_id);

--
-- Name: vote_exclusions vote_exclusions_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.vote_exclusions
    ADD CONSTRAINT vote_exclusions_pkey PRIMARY KEY (vote_id);

--
-- Name: votes votes_battle_id_principal_id_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.votes
    ADD CONSTRAINT votes_battle_id_principal_id_key UNIQUE (battle_id, principal_id);

--
-- Name: votes votes_battle_id_voter_lenser_id_key; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.votes
    ADD CONSTRAINT votes_battle_id_voter_lenser_id_key UNIQUE (battle_id, voter_lenser_id);

--
-- Name: votes votes_pkey; Type: CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.votes
    ADD CONSTRAINT votes_pkey PRIMARY KEY (id);

--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);

--
-- Name: runners runners_name_key; Type: CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.runners
    ADD CONSTRAINT runners_name_key UNIQUE (name);

--
-- Name: runners runners_pkey; Type: CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.runners
    ADD CONSTRAINT runners_pkey PRIMARY KEY (id);

--
-- Name: runs runs_pkey; Type: CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.runs
    ADD CONSTRAINT runs_pkey PRIMARY KEY (id);

--
-- Name: profiles profiles_handle_key; Type: CONSTRAINT; Schema: lensers; Owner: -
--

ALTER TABLE ONLY lensers.profiles
    ADD CONSTRAINT profiles_handle_key UNIQUE (handle);

--
-- Name: profiles profiles_pkey; Type: CONSTRAINT; Schema: lensers; Owner: -
--

ALTER TABLE ONLY lensers.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (id);

--
-- Name: lenses lenses_pkey; Type: CONSTRAINT; Schema: lenses; Owner: -
--

ALTER TABLE ONLY lenses.lenses
    ADD CONSTRAINT lenses_pkey PRIMARY KEY (id);

--
-- Name: lenses lenses_slug_key; Type: CONSTRAINT; Schema: lenses; Owner: -
--

ALTER TABLE ONLY lenses.lenses
    ADD CONSTRAINT lenses_slug_key UNIQUE (slug);

--
-- Name: versions versions_lens_id_version_key; Type: CONSTRAINT; Schema: lenses; Owner: -
--

ALTER TABLE ONLY lenses.versions
    ADD CONSTRAINT versions_lens_id_version_key UNIQUE (lens_id, version);

--
-- Name: versions versions_pkey; Type: CONSTRAINT; Schema: lenses; Owner: -
--

ALTER TABLE ONLY lenses.versions
    ADD CONSTRAINT versions_pkey PRIMARY KEY (id);

--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: ops; Owner: -
--

ALTER TABLE ONLY ops.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: ops; Owner: -
--

ALTER TABLE ONLY ops.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);

--
-- Name: api_tokens api_tokens_token_hash_key; Type: CONSTRAINT; Schema: ops; Owner: -
--

ALTER TABLE ONLY ops.api_tokens
    ADD CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash);

--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: ops; Owner: -
--

ALTER TABLE ONLY ops.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);

--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: ops; Owner: -
--

ALTER TABLE ONLY ops.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (key);

--
-- Name: battle_reversals battle_reversals_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.battle_reversals
    ADD CONSTRAINT battle_reversals_pkey PRIMARY KEY (battle_id);

--
-- Name: elo_battle_log elo_battle_log_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.elo_battle_log
    ADD CONSTRAINT elo_battle_log_pkey PRIMARY KEY (id);

--
-- Name: elo_ratings elo_ratings_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.elo_ratings
    ADD CONSTRAINT elo_ratings_pkey PRIMARY KEY (entity_kind, entity_id);

--
-- Name: leaderboard_battle_coverage leaderboard_battle_coverage_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_battle_coverage
    ADD CONSTRAINT leaderboard_battle_coverage_pkey PRIMARY KEY (category, entity_kind, battle_id);

--
-- Name: leaderboard_battle_pairs leaderboard_battle_pairs_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_battle_pairs
    ADD CONSTRAINT leaderboard_battle_pairs_pkey PRIMARY KEY (battle_id, entity_kind, first_id, second_id);

--
-- Name: leaderboard_battles leaderboard_battles_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_battles
    ADD CONSTRAINT leaderboard_battles_pkey PRIMARY KEY (battle_id);

--
-- Name: leaderboard_excluded_votes leaderboard_excluded_votes_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_excluded_votes
    ADD CONSTRAINT leaderboard_excluded_votes_pkey PRIMARY KEY (category);

--
-- Name: leaderboard_pair_counts leaderboard_pair_counts_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_pair_counts
    ADD CONSTRAINT leaderboard_pair_counts_pkey PRIMARY KEY (category, entity_kind, first_id, second_id);

--
-- Name: leaderboard_snapshots leaderboard_snapshots_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_snapshots
    ADD CONSTRAINT leaderboard_snapshots_pkey PRIMARY KEY (id);

--
-- Name: leaderboard_totals leaderboard_totals_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_totals
    ADD CONSTRAINT leaderboard_totals_pkey PRIMARY KEY (category, entity_kind);

--
-- Name: result_corrections result_corrections_pkey; Type: CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.result_corrections
    ADD CONSTRAINT result_corrections_pkey PRIMARY KEY (id);

--
-- Name: workflows workflows_pkey; Type: CONSTRAINT; Schema: workflows; Owner: -
--

ALTER TABLE ONLY workflows.workflows
    ADD CONSTRAINT workflows_pkey PRIMARY KEY (id);

--
-- Name: ledger ledger_pkey; Type: CONSTRAINT; Schema: xp; Owner: -
--

ALTER TABLE ONLY xp.ledger
    ADD CONSTRAINT ledger_pkey PRIMARY KEY (id);

--
-- Name: ai_lensers_owner_idx; Type: INDEX; Schema: agents; Owner: -
--

CREATE INDEX ai_lensers_owner_idx ON agents.ai_lensers USING btree (owner_profile_id);

--
-- Name: battles_feed_idx; Type: INDEX; Schema: battles; Owner: -
--

CREATE INDEX battles_feed_idx ON battles.battles USING btree (created_at DESC, id DESC) WHERE (deleted_at IS NULL);

--
-- Name: battles_principal_created_idx; Type: INDEX; Schema: battles; Owner: -
--

CREATE INDEX battles_principal_created_idx ON battles.battles USING btree (principal_id, created_at);

--
-- Name: comments_keyset_idx; Type: INDEX; Schema: battles; Owner: -
--

CREATE INDEX comments_keyset_idx ON battles.comments USING btree (battle_id, created_at DESC, id DESC);

--
-- Name: events_battle_idx; Type: INDEX; Schema: battles; Owner: -
--

CREATE INDEX events_battle_idx ON battles.events USING btree (battle_id, seq);

--
-- Name: global_messages_keyset_idx; Type: INDEX; Schema: battles; Owner: -
--

CREATE INDEX global_messages_keyset_idx ON battles.global_messages USING btree (battle_id, created_at DESC, id DESC);

--
-- Name: invitations_battle_email_key; Type: INDEX; Schema: battles; Owner: -
--

CREATE UNIQUE INDEX invitations_battle_email_key ON battles.invitations USING btree (battle_id, lower(email));

--
-- Name: scorecards_battle_idx; Type: INDEX; Schema: battles; Owner: -
--

CREATE INDEX scorecards_battle_idx ON battles.scorecards USING btree (battle_id);

--
-- Name: scorecards_rubric_by_lenser; Type: INDEX; Schema: battles; Owner: -
--

CREATE UNIQUE INDEX scorecards_rubric_by_lenser ON battles.scorecards USING btree (contender_id, rubric_criterion_id, scorer_lenser_id) WHERE ((kind = 'rubric'::text) AND (scorer_lenser_id IS NOT NULL));

--
-- Name: scorecards_rubric_by_model; Type: INDEX; Schema: battles; Owner: -
--

CREATE UNIQUE INDEX scorecards_rubric_by_model ON battles.scorecards USING btree (contender_id, rubric_criterion_id, scorer_model_id) WHERE ((kind = 'rubric'::text) AND (scorer_lenser_id IS NULL));

--
-- Name: submissions_battle_idx; Type: INDEX; Schema: battles; Owner: -
--

CREATE INDEX submissions_battle_idx ON battles.submissions USING btree (battle_id);

--
-- Name: submissions_one_final; Type: INDEX; Schema: battles; Owner: -
--

CREATE UNIQUE INDEX submissions_one_final ON battles.submissions USING btree (contender_id) WHERE is_final;

--
-- Name: jobs_advance_queued; Type: INDEX; Schema: execution; Owner: -
--

CREATE UNIQUE INDEX jobs_advance_queued ON execution.jobs USING btree (battle_id) WHERE ((kind = 'advance'::text) AND (status = 'queued'::text));

--
-- Name: jobs_battle_idx; Type: INDEX; Schema: execution; Owner: -
--

CREATE INDEX jobs_battle_idx ON execution.jobs USING btree (battle_id, kind);

--
-- Name: jobs_dedupe_live; Type: INDEX; Schema: execution; Owner: -
--

CREATE UNIQUE INDEX jobs_dedupe_live ON execution.jobs USING btree (dedupe_key) WHERE (status = ANY (ARRAY['queued'::text, 'running'::text]));

--
-- Name: jobs_due_idx; Type: INDEX; Schema: execution; Owner: -
--

CREATE INDEX jobs_due_idx ON execution.jobs USING btree (run_at, id) WHERE (status = 'queued'::text);

--
-- Name: jobs_lease_idx; Type: INDEX; Schema: execution; Owner: -
--

CREATE INDEX jobs_lease_idx ON execution.jobs USING btree (lease_until) WHERE (status = 'running'::text);

--
-- Name: runs_battle_idx; Type: INDEX; Schema: execution; Owner: -
--

CREATE INDEX runs_battle_idx ON execution.runs USING btree (battle_id);

--
-- Name: runs_job_idx; Type: INDEX; Schema: execution; Owner: -
--

CREATE INDEX runs_job_idx ON execution.runs USING btree (job_id);

--
-- Name: accounts_email_key; Type: INDEX; Schema: ops; Owner: -
--

CREATE UNIQUE INDEX accounts_email_key ON ops.accounts USING btree (lower(email));

--
-- Name: api_tokens_account_idx; Type: INDEX; Schema: ops; Owner: -
--

CREATE INDEX api_tokens_account_idx ON ops.api_tokens USING btree (account_id);

--
-- Name: elo_log_entity_idx; Type: INDEX; Schema: reputation; Owner: -
--

CREATE INDEX elo_log_entity_idx ON reputation.elo_battle_log USING btree (entity_kind, entity_id, id);

--
-- Name: elo_log_one_per_battle; Type: INDEX; Schema: reputation; Owner: -
--

CREATE UNIQUE INDEX elo_log_one_per_battle ON reputation.elo_battle_log USING btree (battle_id, entity_kind, entity_id) WHERE (reason = 'battle'::text);

--
-- Name: elo_log_one_per_correction; Type: INDEX; Schema: reputation; Owner: -
--

CREATE UNIQUE INDEX elo_log_one_per_correction ON reputation.elo_battle_log USING btree (correction_id, entity_kind, entity_id) WHERE (reason = 'correction'::text);

--
-- Name: elo_log_reversed_once; Type: INDEX; Schema: reputation; Owner: -
--

CREATE UNIQUE INDEX elo_log_reversed_once ON reputation.elo_battle_log USING btree (reverses_log_id) WHERE (reverses_log_id IS NOT NULL);

--
-- Name: leaderboard_battle_coverage_battle_idx; Type: INDEX; Schema: reputation; Owner: -
--

CREATE INDEX leaderboard_battle_coverage_battle_idx ON reputation.leaderboard_battle_coverage USING btree (battle_id);

--
-- Name: leaderboard_battle_coverage_latest_idx; Type: INDEX; Schema: reputation; Owner: -
--

CREATE INDEX leaderboard_battle_coverage_latest_idx ON reputation.leaderboard_battle_coverage USING btree (category, entity_kind, last_outcome_at DESC);

--
-- Name: leaderboard_snapshots_latest_idx; Type: INDEX; Schema: reputation; Owner: -
--

CREATE INDEX leaderboard_snapshots_latest_idx ON reputation.leaderboard_snapshots USING btree (category, entity_kind, computed_at DESC, id DESC);

--
-- Name: result_corrections_battle_idx; Type: INDEX; Schema: reputation; Owner: -
--

CREATE INDEX result_corrections_battle_idx ON reputation.result_corrections USING btree (battle_id, id DESC);

--
-- Name: ledger_battle_award_once; Type: INDEX; Schema: xp; Owner: -
--

CREATE UNIQUE INDEX ledger_battle_award_once ON xp.ledger USING btree (battle_id, lenser_id, event_type, award_number) WHERE (award_number IS NOT NULL);

--
-- Name: ledger_battle_idx; Type: INDEX; Schema: xp; Owner: -
--

CREATE INDEX ledger_battle_idx ON xp.ledger USING btree (battle_id) WHERE (battle_id IS NOT NULL);

--
-- Name: ledger_compensated_once; Type: INDEX; Schema: xp; Owner: -
--

CREATE UNIQUE INDEX ledger_compensated_once ON xp.ledger USING btree (compensates_id) WHERE (compensates_id IS NOT NULL);

--
-- Name: ledger_lenser_idx; Type: INDEX; Schema: xp; Owner: -
--

CREATE INDEX ledger_lenser_idx ON xp.ledger USING btree (lenser_id, id DESC);

--
-- Name: votes 0_votes_tally; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER "0_votes_tally" AFTER INSERT ON battles.votes FOR EACH ROW EXECUTE FUNCTION battles.trg_votes_tally();

--
-- Name: battles battles_guard; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER battles_guard BEFORE UPDATE OF id, creator_lenser_id, principal_id, title, slug, task_prompt, rubric_id, status, battle_type, voter_eligibility, max_contenders, invite_code, voting_opens_at, voting_closes_at, published_at, finalized_at, winner_contender_id, handicap_config, content_type, contender_structure, judging_mode, task_source, challenge_type, workflow_id, rule_snapshot, rule_snapshot_sha256, rules_frozen_at, cancelled_at, archived_at, finalize_summary, created_at, updated_at, deleted_at ON battles.battles FOR EACH ROW EXECUTE FUNCTION battles.trg_battles_guard();

--
-- Name: battles battles_jobs; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER battles_jobs AFTER UPDATE OF status, rule_snapshot ON battles.battles FOR EACH ROW EXECUTE FUNCTION battles.trg_battle_jobs();

--
-- Name: contenders contenders_aggregate; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER contenders_aggregate AFTER INSERT ON battles.contenders FOR EACH ROW EXECUTE FUNCTION battles.trg_contender_aggregate();

--
-- Name: contenders contenders_battle_lens; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER contenders_battle_lens AFTER INSERT ON battles.contenders FOR EACH ROW WHEN ((new.contender_type <> 'human'::battles.contender_type_enum)) EXECUTE FUNCTION battles.trg_contender_battle_lens();

--
-- Name: events events_append_only; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER events_append_only BEFORE DELETE OR UPDATE ON battles.events FOR EACH ROW EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: submissions submissions_advance; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER submissions_advance AFTER INSERT ON battles.submissions FOR EACH ROW EXECUTE FUNCTION battles.trg_submission_advance();

--
-- Name: vote_exclusions vote_exclusions_append_only; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER vote_exclusions_append_only BEFORE DELETE OR UPDATE ON battles.vote_exclusions FOR EACH ROW EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: vote_exclusions vote_exclusions_no_truncate; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER vote_exclusions_no_truncate BEFORE TRUNCATE ON battles.vote_exclusions FOR EACH STATEMENT EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: votes votes_append_only; Type: TRIGGER; Schema: battles; Owner: -
--

CREATE TRIGGER votes_append_only BEFORE DELETE OR UPDATE ON battles.votes FOR EACH ROW EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: battle_reversals battle_reversals_append_only; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER battle_reversals_append_only BEFORE DELETE OR UPDATE ON reputation.battle_reversals FOR EACH ROW EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: battle_reversals battle_reversals_no_truncate; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER battle_reversals_no_truncate BEFORE TRUNCATE ON reputation.battle_reversals FOR EACH STATEMENT EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: elo_battle_log elo_log_append_only; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER elo_log_append_only BEFORE DELETE OR UPDATE ON reputation.elo_battle_log FOR EACH ROW EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: elo_battle_log elo_log_apply; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER elo_log_apply AFTER INSERT ON reputation.elo_battle_log FOR EACH ROW EXECUTE FUNCTION reputation.trg_elo_log_apply();

--
-- Name: elo_battle_log elo_log_no_truncate; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER elo_log_no_truncate BEFORE TRUNCATE ON reputation.elo_battle_log FOR EACH STATEMENT EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: elo_ratings elo_ratings_guard; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER elo_ratings_guard BEFORE INSERT OR DELETE OR UPDATE ON reputation.elo_ratings FOR EACH ROW EXECUTE FUNCTION reputation.trg_elo_ratings_guard();

--
-- Name: elo_ratings elo_ratings_no_truncate; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER elo_ratings_no_truncate BEFORE TRUNCATE ON reputation.elo_ratings FOR EACH STATEMENT EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: leaderboard_snapshots leaderboard_snapshots_append_only; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER leaderboard_snapshots_append_only BEFORE DELETE OR UPDATE ON reputation.leaderboard_snapshots FOR EACH ROW EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: leaderboard_snapshots leaderboard_snapshots_no_truncate; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER leaderboard_snapshots_no_truncate BEFORE TRUNCATE ON reputation.leaderboard_snapshots FOR EACH STATEMENT EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: result_corrections result_corrections_append_only; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER result_corrections_append_only BEFORE DELETE OR UPDATE ON reputation.result_corrections FOR EACH ROW EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: result_corrections result_corrections_no_truncate; Type: TRIGGER; Schema: reputation; Owner: -
--

CREATE TRIGGER result_corrections_no_truncate BEFORE TRUNCATE ON reputation.result_corrections FOR EACH STATEMENT EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: ledger ledger_append_only; Type: TRIGGER; Schema: xp; Owner: -
--

CREATE TRIGGER ledger_append_only BEFORE DELETE OR UPDATE ON xp.ledger FOR EACH ROW EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: ledger ledger_check; Type: TRIGGER; Schema: xp; Owner: -
--

CREATE TRIGGER ledger_check BEFORE INSERT ON xp.ledger FOR EACH ROW EXECUTE FUNCTION xp.trg_ledger_check();

--
-- Name: ledger ledger_no_truncate; Type: TRIGGER; Schema: xp; Owner: -
--

CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON xp.ledger FOR EACH STATEMENT EXECUTE FUNCTION ops.forbid_mutation();

--
-- Name: ai_lensers ai_lensers_model_id_fkey; Type: FK CONSTRAINT; Schema: agents; Owner: -
--

ALTER TABLE ONLY agents.ai_lensers
    ADD CONSTRAINT ai_lensers_model_id_fkey FOREIGN KEY (model_id) REFERENCES ai.models(id);

--
-- Name: ai_lensers ai_lensers_owner_profile_id_fkey; Type: FK CONSTRAINT; Schema: agents; Owner: -
--

ALTER TABLE ONLY agents.ai_lensers
    ADD CONSTRAINT ai_lensers_owner_profile_id_fkey FOREIGN KEY (owner_profile_id) REFERENCES lensers.profiles(id);

--
-- Name: ai_lensers ai_lensers_profile_id_fkey; Type: FK CONSTRAINT; Schema: agents; Owner: -
--

ALTER TABLE ONLY agents.ai_lensers
    ADD CONSTRAINT ai_lensers_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES lensers.profiles(id);

--
-- Name: battle_lenses battle_lenses_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battle_lenses
    ADD CONSTRAINT battle_lenses_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: battle_lenses battle_lenses_lens_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battle_lenses
    ADD CONSTRAINT battle_lenses_lens_id_fkey FOREIGN KEY (lens_id) REFERENCES lenses.lenses(id);

--
-- Name: battle_lenses battle_lenses_set_by_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battle_lenses
    ADD CONSTRAINT battle_lenses_set_by_fkey FOREIGN KEY (set_by) REFERENCES lensers.profiles(id);

--
-- Name: battle_lenses battle_lenses_version_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battle_lenses
    ADD CONSTRAINT battle_lenses_version_id_fkey FOREIGN KEY (version_id) REFERENCES lenses.versions(id);

--
-- Name: battles battles_axes_fk; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_axes_fk FOREIGN KEY (task_source, contender_structure, judging_mode, battle_type) REFERENCES battles.axes_combinations(task_source, contender_structure, judging_mode, battle_type);

--
-- Name: battles battles_creator_lenser_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_creator_lenser_id_fkey FOREIGN KEY (creator_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: battles battles_principal_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_principal_id_fkey FOREIGN KEY (principal_id) REFERENCES lensers.profiles(id);

--
-- Name: battles battles_rubric_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_rubric_id_fkey FOREIGN KEY (rubric_id) REFERENCES battles.rubrics(id);

--
-- Name: battles battles_winner_fk; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_winner_fk FOREIGN KEY (id, winner_contender_id) REFERENCES battles.contenders(battle_id, id);

--
-- Name: battles battles_workflow_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.battles
    ADD CONSTRAINT battles_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES workflows.workflows(id);

--
-- Name: challenge_instances challenge_instances_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_instances
    ADD CONSTRAINT challenge_instances_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: challenge_scores challenge_scores_battle_id_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_scores
    ADD CONSTRAINT challenge_scores_battle_id_contender_id_fkey FOREIGN KEY (battle_id, contender_id) REFERENCES battles.contenders(battle_id, id);

--
-- Name: challenge_scores challenge_scores_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_scores
    ADD CONSTRAINT challenge_scores_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: challenge_scores challenge_scores_job_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_scores
    ADD CONSTRAINT challenge_scores_job_id_fkey FOREIGN KEY (job_id) REFERENCES execution.jobs(id);

--
-- Name: challenge_scores challenge_scores_submission_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_scores
    ADD CONSTRAINT challenge_scores_submission_id_fkey FOREIGN KEY (submission_id) REFERENCES battles.submissions(id);

--
-- Name: challenge_secrets challenge_secrets_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.challenge_secrets
    ADD CONSTRAINT challenge_secrets_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: comments comments_author_lenser_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.comments
    ADD CONSTRAINT comments_author_lenser_id_fkey FOREIGN KEY (author_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: comments comments_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.comments
    ADD CONSTRAINT comments_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: contender_entity_map contender_entity_map_ai_lenser_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id);

--
-- Name: contender_entity_map contender_entity_map_battle_id_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_battle_id_contender_id_fkey FOREIGN KEY (battle_id, contender_id) REFERENCES battles.contenders(battle_id, id);

--
-- Name: contender_entity_map contender_entity_map_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: contender_entity_map contender_entity_map_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_contender_id_fkey FOREIGN KEY (contender_id) REFERENCES battles.contenders(id);

--
-- Name: contender_entity_map contender_entity_map_profile_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_entity_map
    ADD CONSTRAINT contender_entity_map_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES lensers.profiles(id);

--
-- Name: contender_lens_assignments contender_lens_assignments_assigned_by_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_lens_assignments
    ADD CONSTRAINT contender_lens_assignments_assigned_by_fkey FOREIGN KEY (assigned_by) REFERENCES lensers.profiles(id);

--
-- Name: contender_lens_assignments contender_lens_assignments_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_lens_assignments
    ADD CONSTRAINT contender_lens_assignments_contender_id_fkey FOREIGN KEY (contender_id) REFERENCES battles.contenders(id);

--
-- Name: contender_lens_assignments contender_lens_assignments_lens_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_lens_assignments
    ADD CONSTRAINT contender_lens_assignments_lens_id_fkey FOREIGN KEY (lens_id) REFERENCES lenses.lenses(id);

--
-- Name: contender_lens_assignments contender_lens_assignments_version_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contender_lens_assignments
    ADD CONSTRAINT contender_lens_assignments_version_id_fkey FOREIGN KEY (version_id) REFERENCES lenses.versions(id);

--
-- Name: contenders contenders_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.contenders
    ADD CONSTRAINT contenders_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: events events_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.events
    ADD CONSTRAINT events_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: global_messages global_messages_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.global_messages
    ADD CONSTRAINT global_messages_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: global_messages global_messages_sender_lenser_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.global_messages
    ADD CONSTRAINT global_messages_sender_lenser_id_fkey FOREIGN KEY (sender_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: invitations invitations_accepted_by_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.invitations
    ADD CONSTRAINT invitations_accepted_by_fkey FOREIGN KEY (accepted_by) REFERENCES lensers.profiles(id);

--
-- Name: invitations invitations_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.invitations
    ADD CONSTRAINT invitations_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: invitations invitations_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.invitations
    ADD CONSTRAINT invitations_contender_id_fkey FOREIGN KEY (contender_id) REFERENCES battles.contenders(id);

--
-- Name: invitations invitations_invited_by_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.invitations
    ADD CONSTRAINT invitations_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES lensers.profiles(id);

--
-- Name: judge_personas judge_personas_model_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_personas
    ADD CONSTRAINT judge_personas_model_id_fkey FOREIGN KEY (model_id) REFERENCES ai.models(id);

--
-- Name: judge_personas judge_personas_profile_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_personas
    ADD CONSTRAINT judge_personas_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES lensers.profiles(id);

--
-- Name: judge_verdicts judge_verdicts_battle_id_contender_a_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_battle_id_contender_a_fkey FOREIGN KEY (battle_id, contender_a) REFERENCES battles.contenders(battle_id, id);

--
-- Name: judge_verdicts judge_verdicts_battle_id_contender_b_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_battle_id_contender_b_fkey FOREIGN KEY (battle_id, contender_b) REFERENCES battles.contenders(battle_id, id);

--
-- Name: judge_verdicts judge_verdicts_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: judge_verdicts judge_verdicts_first_run_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_first_run_id_fkey FOREIGN KEY (first_run_id) REFERENCES execution.runs(id);

--
-- Name: judge_verdicts judge_verdicts_job_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_job_id_fkey FOREIGN KEY (job_id) REFERENCES execution.jobs(id);

--
-- Name: judge_verdicts judge_verdicts_judge_model_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_judge_model_id_fkey FOREIGN KEY (judge_model_id) REFERENCES ai.models(id);

--
-- Name: judge_verdicts judge_verdicts_swapped_run_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judge_verdicts
    ADD CONSTRAINT judge_verdicts_swapped_run_id_fkey FOREIGN KEY (swapped_run_id) REFERENCES execution.runs(id);

--
-- Name: judges judges_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judges
    ADD CONSTRAINT judges_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: judges judges_named_by_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judges
    ADD CONSTRAINT judges_named_by_fkey FOREIGN KEY (named_by) REFERENCES lensers.profiles(id);

--
-- Name: judges judges_profile_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judges
    ADD CONSTRAINT judges_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES lensers.profiles(id);

--
-- Name: judging_settings judging_settings_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judging_settings
    ADD CONSTRAINT judging_settings_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: judging_settings judging_settings_judge_model_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.judging_settings
    ADD CONSTRAINT judging_settings_judge_model_id_fkey FOREIGN KEY (judge_model_id) REFERENCES ai.models(id);

--
-- Name: rubric_criteria rubric_criteria_rubric_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.rubric_criteria
    ADD CONSTRAINT rubric_criteria_rubric_id_fkey FOREIGN KEY (rubric_id) REFERENCES battles.rubrics(id);

--
-- Name: rubrics rubrics_creator_lenser_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.rubrics
    ADD CONSTRAINT rubrics_creator_lenser_id_fkey FOREIGN KEY (creator_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: scorecards scorecards_battle_id_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.scorecards
    ADD CONSTRAINT scorecards_battle_id_contender_id_fkey FOREIGN KEY (battle_id, contender_id) REFERENCES battles.contenders(battle_id, id);

--
-- Name: scorecards scorecards_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.scorecards
    ADD CONSTRAINT scorecards_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: scorecards scorecards_rubric_criterion_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.scorecards
    ADD CONSTRAINT scorecards_rubric_criterion_id_fkey FOREIGN KEY (rubric_criterion_id) REFERENCES battles.rubric_criteria(id);

--
-- Name: scorecards scorecards_run_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.scorecards
    ADD CONSTRAINT scorecards_run_id_fkey FOREIGN KEY (run_id) REFERENCES execution.runs(id);

--
-- Name: scorecards scorecards_scorer_lenser_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.scorecards
    ADD CONSTRAINT scorecards_scorer_lenser_id_fkey FOREIGN KEY (scorer_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: scorecards scorecards_scorer_model_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.scorecards
    ADD CONSTRAINT scorecards_scorer_model_id_fkey FOREIGN KEY (scorer_model_id) REFERENCES ai.models(id);

--
-- Name: scorecards scorecards_verdict_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.scorecards
    ADD CONSTRAINT scorecards_verdict_id_fkey FOREIGN KEY (verdict_id) REFERENCES battles.judge_verdicts(id);

--
-- Name: submissions submissions_adapter_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.submissions
    ADD CONSTRAINT submissions_adapter_id_fkey FOREIGN KEY (adapter_id) REFERENCES execution.runners(id);

--
-- Name: submissions submissions_battle_id_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.submissions
    ADD CONSTRAINT submissions_battle_id_contender_id_fkey FOREIGN KEY (battle_id, contender_id) REFERENCES battles.contenders(battle_id, id);

--
-- Name: submissions submissions_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.submissions
    ADD CONSTRAINT submissions_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: submissions submissions_execution_run_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.submissions
    ADD CONSTRAINT submissions_execution_run_id_fkey FOREIGN KEY (execution_run_id) REFERENCES execution.runs(id);

--
-- Name: submissions submissions_model_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.submissions
    ADD CONSTRAINT submissions_model_id_fkey FOREIGN KEY (model_id) REFERENCES ai.models(id);

--
-- Name: submissions submissions_revision_of_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.submissions
    ADD CONSTRAINT submissions_revision_of_id_fkey FOREIGN KEY (revision_of_id) REFERENCES battles.submissions(id);

--
-- Name: templates templates_creator_lenser_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.templates
    ADD CONSTRAINT templates_creator_lenser_id_fkey FOREIGN KEY (creator_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: templates templates_rubric_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.templates
    ADD CONSTRAINT templates_rubric_id_fkey FOREIGN KEY (rubric_id) REFERENCES battles.rubrics(id);

--
-- Name: templates templates_task_source_contender_structure_judging_mode_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.templates
    ADD CONSTRAINT templates_task_source_contender_structure_judging_mode_fkey FOREIGN KEY (task_source, contender_structure, judging_mode) REFERENCES battles.axes_combinations(task_source, contender_structure, judging_mode);

--
-- Name: vote_aggregates vote_aggregates_battle_id_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.vote_aggregates
    ADD CONSTRAINT vote_aggregates_battle_id_contender_id_fkey FOREIGN KEY (battle_id, contender_id) REFERENCES battles.contenders(battle_id, id);

--
-- Name: vote_aggregates vote_aggregates_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.vote_aggregates
    ADD CONSTRAINT vote_aggregates_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: vote_exclusions vote_exclusions_excluded_by_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.vote_exclusions
    ADD CONSTRAINT vote_exclusions_excluded_by_fkey FOREIGN KEY (excluded_by) REFERENCES lensers.profiles(id);

--
-- Name: vote_exclusions vote_exclusions_vote_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.vote_exclusions
    ADD CONSTRAINT vote_exclusions_vote_id_fkey FOREIGN KEY (vote_id) REFERENCES battles.votes(id);

--
-- Name: votes votes_battle_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.votes
    ADD CONSTRAINT votes_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: votes votes_battle_id_voted_contender_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.votes
    ADD CONSTRAINT votes_battle_id_voted_contender_id_fkey FOREIGN KEY (battle_id, voted_contender_id) REFERENCES battles.contenders(battle_id, id);

--
-- Name: votes votes_principal_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.votes
    ADD CONSTRAINT votes_principal_id_fkey FOREIGN KEY (principal_id) REFERENCES lensers.profiles(id);

--
-- Name: votes votes_voter_lenser_id_fkey; Type: FK CONSTRAINT; Schema: battles; Owner: -
--

ALTER TABLE ONLY battles.votes
    ADD CONSTRAINT votes_voter_lenser_id_fkey FOREIGN KEY (voter_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: jobs jobs_battle_id_fkey; Type: FK CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.jobs
    ADD CONSTRAINT jobs_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: jobs jobs_contender_id_fkey; Type: FK CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.jobs
    ADD CONSTRAINT jobs_contender_id_fkey FOREIGN KEY (contender_id) REFERENCES battles.contenders(id);

--
-- Name: jobs jobs_contender_of_battle; Type: FK CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.jobs
    ADD CONSTRAINT jobs_contender_of_battle FOREIGN KEY (battle_id, contender_id) REFERENCES battles.contenders(battle_id, id);

--
-- Name: runners runners_owner_lenser_id_fkey; Type: FK CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.runners
    ADD CONSTRAINT runners_owner_lenser_id_fkey FOREIGN KEY (owner_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: runs runs_battle_fk; Type: FK CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.runs
    ADD CONSTRAINT runs_battle_fk FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: runs runs_job_id_fkey; Type: FK CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.runs
    ADD CONSTRAINT runs_job_id_fkey FOREIGN KEY (job_id) REFERENCES execution.jobs(id);

--
-- Name: runs runs_model_id_fkey; Type: FK CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.runs
    ADD CONSTRAINT runs_model_id_fkey FOREIGN KEY (model_id) REFERENCES ai.models(id);

--
-- Name: runs runs_runner_id_fkey; Type: FK CONSTRAINT; Schema: execution; Owner: -
--

ALTER TABLE ONLY execution.runs
    ADD CONSTRAINT runs_runner_id_fkey FOREIGN KEY (runner_id) REFERENCES execution.runners(id);

--
-- Name: lenses lenses_owner_lenser_id_fkey; Type: FK CONSTRAINT; Schema: lenses; Owner: -
--

ALTER TABLE ONLY lenses.lenses
    ADD CONSTRAINT lenses_owner_lenser_id_fkey FOREIGN KEY (owner_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: versions versions_lens_id_fkey; Type: FK CONSTRAINT; Schema: lenses; Owner: -
--

ALTER TABLE ONLY lenses.versions
    ADD CONSTRAINT versions_lens_id_fkey FOREIGN KEY (lens_id) REFERENCES lenses.lenses(id);

--
-- Name: api_tokens api_tokens_account_id_fkey; Type: FK CONSTRAINT; Schema: ops; Owner: -
--

ALTER TABLE ONLY ops.api_tokens
    ADD CONSTRAINT api_tokens_account_id_fkey FOREIGN KEY (account_id) REFERENCES ops.accounts(id);

--
-- Name: battle_reversals battle_reversals_battle_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.battle_reversals
    ADD CONSTRAINT battle_reversals_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: battle_reversals battle_reversals_reversed_by_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.battle_reversals
    ADD CONSTRAINT battle_reversals_reversed_by_fkey FOREIGN KEY (reversed_by) REFERENCES lensers.profiles(id);

--
-- Name: elo_battle_log elo_battle_log_battle_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.elo_battle_log
    ADD CONSTRAINT elo_battle_log_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: elo_battle_log elo_battle_log_correction_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.elo_battle_log
    ADD CONSTRAINT elo_battle_log_correction_id_fkey FOREIGN KEY (correction_id) REFERENCES reputation.result_corrections(id);

--
-- Name: elo_battle_log elo_battle_log_reverses_log_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.elo_battle_log
    ADD CONSTRAINT elo_battle_log_reverses_log_id_fkey FOREIGN KEY (reverses_log_id) REFERENCES reputation.elo_battle_log(id);

--
-- Name: leaderboard_battle_coverage leaderboard_battle_coverage_battle_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_battle_coverage
    ADD CONSTRAINT leaderboard_battle_coverage_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES reputation.leaderboard_battles(battle_id) ON DELETE CASCADE;

--
-- Name: leaderboard_battle_pairs leaderboard_battle_pairs_battle_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_battle_pairs
    ADD CONSTRAINT leaderboard_battle_pairs_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES reputation.leaderboard_battles(battle_id) ON DELETE CASCADE;

--
-- Name: leaderboard_battles leaderboard_battles_battle_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.leaderboard_battles
    ADD CONSTRAINT leaderboard_battles_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: result_corrections result_corrections_battle_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.result_corrections
    ADD CONSTRAINT result_corrections_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: result_corrections result_corrections_corrected_by_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.result_corrections
    ADD CONSTRAINT result_corrections_corrected_by_fkey FOREIGN KEY (corrected_by) REFERENCES lensers.profiles(id);

--
-- Name: result_corrections result_corrections_winner_contender_id_fkey; Type: FK CONSTRAINT; Schema: reputation; Owner: -
--

ALTER TABLE ONLY reputation.result_corrections
    ADD CONSTRAINT result_corrections_winner_contender_id_fkey FOREIGN KEY (winner_contender_id) REFERENCES battles.contenders(id);

--
-- Name: workflows workflows_owner_lenser_id_fkey; Type: FK CONSTRAINT; Schema: workflows; Owner: -
--

ALTER TABLE ONLY workflows.workflows
    ADD CONSTRAINT workflows_owner_lenser_id_fkey FOREIGN KEY (owner_lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: ledger ledger_battle_id_fkey; Type: FK CONSTRAINT; Schema: xp; Owner: -
--

ALTER TABLE ONLY xp.ledger
    ADD CONSTRAINT ledger_battle_id_fkey FOREIGN KEY (battle_id) REFERENCES battles.battles(id);

--
-- Name: ledger ledger_compensates_id_fkey; Type: FK CONSTRAINT; Schema: xp; Owner: -
--

ALTER TABLE ONLY xp.ledger
    ADD CONSTRAINT ledger_compensates_id_fkey FOREIGN KEY (compensates_id) REFERENCES xp.ledger(id);

--
-- Name: ledger ledger_lenser_id_fkey; Type: FK CONSTRAINT; Schema: xp; Owner: -
--

ALTER TABLE ONLY xp.ledger
    ADD CONSTRAINT ledger_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id);

--
-- Name: ai_lensers; Type: ROW SECURITY; Schema: agents; Owner: -
--

ALTER TABLE agents.ai_lensers ENABLE ROW LEVEL SECURITY;

--
-- Name: ai_lensers ai_lensers_read; Type: POLICY; Schema: agents; Owner: -
--

CREATE POLICY ai_lensers_read ON agents.ai_lensers FOR SELECT USING (true);

--
-- Name: models; Type: ROW SECURITY; Schema: ai; Owner: -
--

ALTER TABLE ai.models ENABLE ROW LEVEL SECURITY;

--
-- Name: models models_read; Type: POLICY; Schema: ai; Owner: -
--

CREATE POLICY models_read ON ai.models FOR SELECT USING (true);

--
-- Name: vote_aggregates aggregates_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY aggregates_read ON battles.vote_aggregates FOR SELECT USING ((battles.fn_can_view(battle_id) AND battles.fn_results_visible(battle_id)));

--
-- Name: axes_combinations; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.axes_combinations ENABLE ROW LEVEL SECURITY;

--
-- Name: axes_combinations axes_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY axes_read ON battles.axes_combinations FOR SELECT USING (true);

--
-- Name: battle_lenses; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.battle_lenses ENABLE ROW LEVEL SECURITY;

--
-- Name: battle_lenses battle_lenses_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY battle_lenses_read ON battles.battle_lenses FOR SELECT USING (battles.fn_can_view(battle_id));

--
-- Name: battles; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.battles ENABLE ROW LEVEL SECURITY;

--
-- Name: battles battles_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY battles_read ON battles.battles FOR SELECT USING (((deleted_at IS NULL) AND (((status <> 'draft'::battles.battle_status_enum) AND (invite_code IS NULL)) OR (creator_lenser_id = auth.uid()) OR (principal_id = auth.uid()) OR lensers.fn_is_operator() OR ((status <> 'draft'::battles.battle_status_enum) AND (battles.fn_is_invitee(id) OR battles.fn_is_contender(id))))));

--
-- Name: challenge_instances; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.challenge_instances ENABLE ROW LEVEL SECURITY;

--
-- Name: challenge_instances challenge_instances_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY challenge_instances_read ON battles.challenge_instances FOR SELECT USING (battles.fn_can_view(battle_id));

--
-- Name: challenge_scores; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.challenge_scores ENABLE ROW LEVEL SECURITY;

--
-- Name: challenge_scores challenge_scores_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY challenge_scores_read ON battles.challenge_scores FOR SELECT USING ((battles.fn_can_view(battle_id) AND battles.fn_results_visible(battle_id)));

--
-- Name: challenge_secrets; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.challenge_secrets ENABLE ROW LEVEL SECURITY;

--
-- Name: comments; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.comments ENABLE ROW LEVEL SECURITY;

--
-- Name: comments comments_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY comments_read ON battles.comments FOR SELECT USING (((deleted_at IS NULL) AND battles.fn_can_view(battle_id)));

--
-- Name: contender_entity_map; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.contender_entity_map ENABLE ROW LEVEL SECURITY;

--
-- Name: contender_lens_assignments; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.contender_lens_assignments ENABLE ROW LEVEL SECURITY;

--
-- Name: contenders; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.contenders ENABLE ROW LEVEL SECURITY;

--
-- Name: contenders contenders_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY contenders_read ON battles.contenders FOR SELECT USING ((battles.fn_can_view(battle_id) AND battles.fn_identities_revealed(battle_id)));

--
-- Name: rubric_criteria criteria_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY criteria_read ON battles.rubric_criteria FOR SELECT USING ((EXISTS ( SELECT 1
   FROM battles.rubrics r
  WHERE (r.id = rubric_criteria.rubric_id))));

--
-- Name: contender_entity_map entity_map_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY entity_map_read ON battles.contender_entity_map FOR SELECT USING ((battles.fn_can_view(battle_id) AND battles.fn_identities_revealed(battle_id)));

--
-- Name: events; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.events ENABLE ROW LEVEL SECURITY;

--
-- Name: events events_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY events_read ON battles.events FOR SELECT USING ((battles.fn_can_view(battle_id) AND ((NOT (((event_type)::text = 'finalized'::text) OR (((event_type)::text = 'status_change'::text) AND ((metadata ->> 'action'::text) = 'finalize'::text)) OR (metadata ? 'outcome'::text))) OR battles.fn_results_visible(battle_id))));

--
-- Name: global_messages; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.global_messages ENABLE ROW LEVEL SECURITY;

--
-- Name: global_messages global_messages_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY global_messages_read ON battles.global_messages FOR SELECT USING (battles.fn_can_view(battle_id));

--
-- Name: invitations; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.invitations ENABLE ROW LEVEL SECURITY;

--
-- Name: invitations invitations_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY invitations_read ON battles.invitations FOR SELECT USING (((invited_by = auth.uid()) OR (accepted_by = auth.uid()) OR lensers.fn_is_operator() OR (lower(email) = battles.fn_caller_email())));

--
-- Name: judge_personas; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.judge_personas ENABLE ROW LEVEL SECURITY;

--
-- Name: judge_personas judge_personas_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY judge_personas_read ON battles.judge_personas FOR SELECT USING (true);

--
-- Name: judge_verdicts; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.judge_verdicts ENABLE ROW LEVEL SECURITY;

--
-- Name: judge_verdicts judge_verdicts_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY judge_verdicts_read ON battles.judge_verdicts FOR SELECT USING ((battles.fn_can_view(battle_id) AND battles.fn_results_visible(battle_id)));

--
-- Name: judges; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.judges ENABLE ROW LEVEL SECURITY;

--
-- Name: judges judges_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY judges_read ON battles.judges FOR SELECT USING (battles.fn_can_view(battle_id));

--
-- Name: judging_settings; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.judging_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: judging_settings judging_settings_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY judging_settings_read ON battles.judging_settings FOR SELECT USING (battles.fn_can_view(battle_id));

--
-- Name: contender_lens_assignments lens_assignments_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY lens_assignments_read ON battles.contender_lens_assignments FOR SELECT USING ((EXISTS ( SELECT 1
   FROM battles.contenders c
  WHERE (c.id = contender_lens_assignments.contender_id))));

--
-- Name: rubric_criteria; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.rubric_criteria ENABLE ROW LEVEL SECURITY;

--
-- Name: rubrics; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.rubrics ENABLE ROW LEVEL SECURITY;

--
-- Name: rubrics rubrics_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY rubrics_read ON battles.rubrics FOR SELECT USING ((is_public OR (creator_lenser_id = auth.uid()) OR (EXISTS ( SELECT 1
   FROM battles.battles b
  WHERE (b.rubric_id = rubrics.id)))));

--
-- Name: scorecards; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.scorecards ENABLE ROW LEVEL SECURITY;

--
-- Name: scorecards scorecards_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY scorecards_read ON battles.scorecards FOR SELECT USING ((battles.fn_can_view(battle_id) AND battles.fn_results_visible(battle_id)));

--
-- Name: submissions; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.submissions ENABLE ROW LEVEL SECURITY;

--
-- Name: submissions submissions_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY submissions_read ON battles.submissions FOR SELECT USING ((battles.fn_can_view(battle_id) AND (battles.fn_entries_visible(battle_id) OR (EXISTS ( SELECT 1
   FROM (battles.contender_entity_map m
     LEFT JOIN agents.ai_lensers l ON ((l.id = m.ai_lenser_id)))
  WHERE ((m.contender_id = submissions.contender_id) AND ((m.profile_id = auth.uid()) OR (l.owner_profile_id = auth.uid()))))))));

--
-- Name: templates; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.templates ENABLE ROW LEVEL SECURITY;

--
-- Name: templates templates_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY templates_read ON battles.templates FOR SELECT USING ((is_public OR (creator_lenser_id = auth.uid())));

--
-- Name: transition_rules; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.transition_rules ENABLE ROW LEVEL SECURITY;

--
-- Name: transition_rules transition_rules_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY transition_rules_read ON battles.transition_rules FOR SELECT USING (true);

--
-- Name: vote_aggregates; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.vote_aggregates ENABLE ROW LEVEL SECURITY;

--
-- Name: vote_exclusions; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.vote_exclusions ENABLE ROW LEVEL SECURITY;

--
-- Name: vote_exclusions vote_exclusions_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY vote_exclusions_read ON battles.vote_exclusions FOR SELECT USING (lensers.fn_is_operator());

--
-- Name: votes; Type: ROW SECURITY; Schema: battles; Owner: -
--

ALTER TABLE battles.votes ENABLE ROW LEVEL SECURITY;

--
-- Name: votes votes_read; Type: POLICY; Schema: battles; Owner: -
--

CREATE POLICY votes_read ON battles.votes FOR SELECT USING (((voter_lenser_id = auth.uid()) OR (principal_id = auth.uid()) OR lensers.fn_is_operator() OR (battles.fn_results_visible(battle_id) AND battles.fn_can_view(battle_id))));

--
-- Name: jobs; Type: ROW SECURITY; Schema: execution; Owner: -
--

ALTER TABLE execution.jobs ENABLE ROW LEVEL SECURITY;

--
-- Name: runners; Type: ROW SECURITY; Schema: execution; Owner: -
--

ALTER TABLE execution.runners ENABLE ROW LEVEL SECURITY;

--
-- Name: runners runners_read; Type: POLICY; Schema: execution; Owner: -
--

CREATE POLICY runners_read ON execution.runners FOR SELECT USING (true);

--
-- Name: runs; Type: ROW SECURITY; Schema: execution; Owner: -
--

ALTER TABLE execution.runs ENABLE ROW LEVEL SECURITY;

--
-- Name: runs runs_read; Type: POLICY; Schema: execution; Owner: -
--

CREATE POLICY runs_read ON execution.runs FOR SELECT USING (((battle_id IS NULL) OR (battles.fn_can_view(battle_id) AND battles.fn_identities_revealed(battle_id))));

--
-- Name: profiles; Type: ROW SECURITY; Schema: lensers; Owner: -
--

ALTER TABLE lensers.profiles ENABLE ROW LEVEL SECURITY;

--
-- Name: profiles profiles_read; Type: POLICY; Schema: lensers; Owner: -
--

CREATE POLICY profiles_read ON lensers.profiles FOR SELECT USING (true);

--
-- Name: lenses; Type: ROW SECURITY; Schema: lenses; Owner: -
--

ALTER TABLE lenses.lenses ENABLE ROW LEVEL SECURITY;

--
-- Name: lenses lenses_read; Type: POLICY; Schema: lenses; Owner: -
--

CREATE POLICY lenses_read ON lenses.lenses FOR SELECT USING ((is_public OR (owner_lenser_id = auth.uid())));

--
-- Name: versions; Type: ROW SECURITY; Schema: lenses; Owner: -
--

ALTER TABLE lenses.versions ENABLE ROW LEVEL SECURITY;

--
-- Name: versions versions_read; Type: POLICY; Schema: lenses; Owner: -
--

CREATE POLICY versions_read ON lenses.versions FOR SELECT USING (((EXISTS ( SELECT 1
   FROM lenses.lenses l
  WHERE (l.id = versions.lens_id))) AND ((status <> 'draft'::text) OR (EXISTS ( SELECT 1
   FROM lenses.lenses l
  WHERE ((l.id = versions.lens_id) AND (l.owner_lenser_id = auth.uid())))))));

--
-- Name: battle_reversals; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.battle_reversals ENABLE ROW LEVEL SECURITY;

--
-- Name: battle_reversals battle_reversals_read; Type: POLICY; Schema: reputation; Owner: -
--

CREATE POLICY battle_reversals_read ON reputation.battle_reversals FOR SELECT USING (lensers.fn_is_operator());

--
-- Name: elo_battle_log; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.elo_battle_log ENABLE ROW LEVEL SECURITY;

--
-- Name: elo_battle_log elo_log_read; Type: POLICY; Schema: reputation; Owner: -
--

CREATE POLICY elo_log_read ON reputation.elo_battle_log FOR SELECT USING ((battles.fn_can_view(battle_id) AND battles.fn_results_visible(battle_id)));

--
-- Name: elo_ratings; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.elo_ratings ENABLE ROW LEVEL SECURITY;

--
-- Name: elo_ratings elo_ratings_read; Type: POLICY; Schema: reputation; Owner: -
--

CREATE POLICY elo_ratings_read ON reputation.elo_ratings FOR SELECT USING (true);

--
-- Name: leaderboard_battle_coverage; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.leaderboard_battle_coverage ENABLE ROW LEVEL SECURITY;

--
-- Name: leaderboard_battle_pairs; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.leaderboard_battle_pairs ENABLE ROW LEVEL SECURITY;

--
-- Name: leaderboard_battles; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.leaderboard_battles ENABLE ROW LEVEL SECURITY;

--
-- Name: leaderboard_excluded_votes; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.leaderboard_excluded_votes ENABLE ROW LEVEL SECURITY;

--
-- Name: leaderboard_pair_counts; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.leaderboard_pair_counts ENABLE ROW LEVEL SECURITY;

--
-- Name: leaderboard_snapshots; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.leaderboard_snapshots ENABLE ROW LEVEL SECURITY;

--
-- Name: leaderboard_snapshots leaderboard_snapshots_read; Type: POLICY; Schema: reputation; Owner: -
--

CREATE POLICY leaderboard_snapshots_read ON reputation.leaderboard_snapshots FOR SELECT USING (true);

--
-- Name: leaderboard_totals; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.leaderboard_totals ENABLE ROW LEVEL SECURITY;

--
-- Name: result_corrections; Type: ROW SECURITY; Schema: reputation; Owner: -
--

ALTER TABLE reputation.result_corrections ENABLE ROW LEVEL SECURITY;

--
-- Name: result_corrections result_corrections_read; Type: POLICY; Schema: reputation; Owner: -
--

CREATE POLICY result_corrections_read ON reputation.result_corrections FOR SELECT USING (lensers.fn_is_operator());

--
-- Name: workflows; Type: ROW SECURITY; Schema: workflows; Owner: -
--

ALTER TABLE workflows.workflows ENABLE ROW LEVEL SECURITY;

--
-- Name: workflows workflows_read; Type: POLICY; Schema: workflows; Owner: -
--

CREATE POLICY workflows_read ON workflows.workflows FOR SELECT USING (true);

--
-- Name: ledger; Type: ROW SECURITY; Schema: xp; Owner: -
--

ALTER TABLE xp.ledger ENABLE ROW LEVEL SECURITY;

--
-- Name: ledger ledger_read; Type: POLICY; Schema: xp; Owner: -
--

CREATE POLICY ledger_read ON xp.ledger FOR SELECT USING (((lenser_id = auth.uid()) OR lensers.fn_is_operator() OR (battle_id IS NULL) OR battles.fn_can_view(battle_id)));

--
-- Name: SCHEMA agents; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA agents TO anon;
GRANT USAGE ON SCHEMA agents TO authenticated;
GRANT USAGE ON SCHEMA agents TO service_role;

--
-- Name: SCHEMA ai; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA ai TO anon;
GRANT USAGE ON SCHEMA ai TO authenticated;
GRANT USAGE ON SCHEMA ai TO service_role;

--
-- Name: SCHEMA auth; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA auth TO anon;
GRANT USAGE ON SCHEMA auth TO authenticated;
GRANT USAGE ON SCHEMA auth TO service_role;

--
-- Name: SCHEMA battles; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA battles TO anon;
GRANT USAGE ON SCHEMA battles TO authenticated;
GRANT USAGE ON SCHEMA battles TO service_role;

--
-- Name: SCHEMA execution; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA execution TO anon;
GRANT USAGE ON SCHEMA execution TO authenticated;
GRANT USAGE ON SCHEMA execution TO service_role;

--
-- Name: SCHEMA lensers; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA lensers TO anon;
GRANT USAGE ON SCHEMA lensers TO authenticated;
GRANT USAGE ON SCHEMA lensers TO service_role;

--
-- Name: SCHEMA lenses; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA lenses TO anon;
GRANT USAGE ON SCHEMA lenses TO authenticated;
GRANT USAGE ON SCHEMA lenses TO service_role;

--
-- Name: SCHEMA ops; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA ops TO anon;
GRANT USAGE ON SCHEMA ops TO authenticated;
GRANT USAGE ON SCHEMA ops TO service_role;

--
-- Name: SCHEMA reputation; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA reputation TO anon;
GRANT USAGE ON SCHEMA reputation TO authenticated;
GRANT USAGE ON SCHEMA reputation TO service_role;

--
-- Name: SCHEMA workflows; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA workflows TO anon;
GRANT USAGE ON SCHEMA workflows TO authenticated;
GRANT USAGE ON SCHEMA workflows TO service_role;

--
-- Name: SCHEMA xp; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA xp TO anon;
GRANT USAGE ON SCHEMA xp TO authenticated;
GRANT USAGE ON SCHEMA xp TO service_role;

--
-- Name: FUNCTION fn_ai_lensers_create(p_handle text, p_display_name text, p_model_id uuid, p_agent_kind text, p_system_prompt text); Type: ACL; Schema: agents; Owner: -
--

REVOKE ALL ON FUNCTION agents.fn_ai_lensers_create(p_handle text, p_display_name text, p_model_id uuid, p_agent_kind text, p_system_prompt text) FROM PUBLIC;
GRANT ALL ON FUNCTION agents.fn_ai_lensers_create(p_handle text, p_display_name text, p_model_id uuid, p_agent_kind text, p_system_prompt text) TO authenticated;
GRANT ALL ON FUNCTION agents.fn_ai_lensers_create(p_handle text, p_display_name text, p_model_id uuid, p_agent_kind text, p_system_prompt text) TO service_role;

--
-- Name: FUNCTION fn_ai_lensers_list(p_owned_only boolean); Type: ACL; Schema: agents; Owner: -
--

GRANT ALL ON FUNCTION agents.fn_ai_lensers_list(p_owned_only boolean) TO anon;
GRANT ALL ON FUNCTION agents.fn_ai_lensers_list(p_owned_only boolean) TO authenticated;
GRANT ALL ON FUNCTION agents.fn_ai_lensers_list(p_owned_only boolean) TO service_role;

--
-- Name: FUNCTION fn_models_create(p_provider text, p_model_id text, p_display_name text, p_base_url text, p_price_in_per_mtok numeric, p_price_out_per_mtok numeric, p_api_key_env text); Type: ACL; Schema: ai; Owner: -
--

REVOKE ALL ON FUNCTION ai.fn_models_create(p_provider text, p_model_id text, p_display_name text, p_base_url text, p_price_in_per_mtok numeric, p_price_out_per_mtok numeric, p_api_key_env text) FROM PUBLIC;
GRANT ALL ON FUNCTION ai.fn_models_create(p_provider text, p_model_id text, p_display_name text, p_base_url text, p_price_in_per_mtok numeric, p_price_out_per_mtok numeric, p_api_key_env text) TO authenticated;
GRANT ALL ON FUNCTION ai.fn_models_create(p_provider text, p_model_id text, p_display_name text, p_base_url text, p_price_in_per_mtok numeric, p_price_out_per_mtok numeric, p_api_key_env text) TO service_role;

--
-- Name: FUNCTION fn_models_list(); Type: ACL; Schema: ai; Owner: -
--

GRANT ALL ON FUNCTION ai.fn_models_list() TO anon;
GRANT ALL ON FUNCTION ai.fn_models_list() TO authenticated;
GRANT ALL ON FUNCTION ai.fn_models_list() TO service_role;

--
-- Name: FUNCTION jwt(); Type: ACL; Schema: auth; Owner: -
--

GRANT ALL ON FUNCTION auth.jwt() TO anon;
GRANT ALL ON FUNCTION auth.jwt() TO authenticated;
GRANT ALL ON FUNCTION auth.jwt() TO service_role;

--
-- Name: FUNCTION role(); Type: ACL; Schema: auth; Owner: -
--

GRANT ALL ON FUNCTION auth.role() TO anon;
GRANT ALL ON FUNCTION auth.role() TO authenticated;
GRANT ALL ON FUNCTION auth.role() TO service_role;

--
-- Name: FUNCTION uid(); Type: ACL; Schema: auth; Owner: -
--

GRANT ALL ON FUNCTION auth.uid() TO anon;
GRANT ALL ON FUNCTION auth.uid() TO authenticated;
GRANT ALL ON FUNCTION auth.uid() TO service_role;

--
-- Name: TABLE battles; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.battles TO anon;
GRANT SELECT ON TABLE battles.battles TO authenticated;
GRANT ALL ON TABLE battles.battles TO service_role;

--
-- Name: FUNCTION fn_add_contender(b battles.battles, p_profile_id uuid, p_entry_mode text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_add_contender(b battles.battles, p_profile_id uuid, p_entry_mode text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_add_contender(b battles.battles, p_profile_id uuid, p_entry_mode text) TO service_role;

--
-- Name: FUNCTION fn_apply_transition(p_battle_id uuid, p_action text, p_metadata jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_apply_transition(p_battle_id uuid, p_action text, p_metadata jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_apply_transition(p_battle_id uuid, p_action text, p_metadata jsonb) TO service_role;

--
-- Name: FUNCTION fn_battle_advance(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_advance(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_advance(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_challenge(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_challenge(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_challenge(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_challenge(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_challenge(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_close_voting(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_close_voting(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_close_voting(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_close_voting(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_close_voting(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_execution_status(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_execution_status(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_execution_status(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_execution_status(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_execution_status(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_get_comments(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_get_comments(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_get_comments(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_get_comments(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_get_comments(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_contender_count(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_contender_count(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_contender_count(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_contender_count(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_contender_count(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_results_visible(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_results_visible(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_results_visible(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_results_visible(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_results_visible(p_battle_id uuid) TO service_role;

--
-- Name: TABLE ai_lensers; Type: ACL; Schema: agents; Owner: -
--

GRANT SELECT ON TABLE agents.ai_lensers TO anon;
GRANT SELECT ON TABLE agents.ai_lensers TO authenticated;
GRANT ALL ON TABLE agents.ai_lensers TO service_role;

--
-- Name: TABLE contender_entity_map; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.contender_entity_map TO anon;
GRANT SELECT ON TABLE battles.contender_entity_map TO authenticated;
GRANT ALL ON TABLE battles.contender_entity_map TO service_role;

--
-- Name: TABLE contenders; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.contenders TO anon;
GRANT SELECT ON TABLE battles.contenders TO authenticated;
GRANT ALL ON TABLE battles.contenders TO service_role;

--
-- Name: TABLE submissions; Type: ACL; Schema: battles; Owner: -
--

GRANT ALL ON TABLE battles.submissions TO service_role;

--
-- Name: COLUMN submissions.id; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(id) ON TABLE battles.submissions TO anon;
GRANT SELECT(id) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.battle_id; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(battle_id) ON TABLE battles.submissions TO anon;
GRANT SELECT(battle_id) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.contender_id; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(contender_id) ON TABLE battles.submissions TO anon;
GRANT SELECT(contender_id) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.status; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(status) ON TABLE battles.submissions TO anon;
GRANT SELECT(status) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.content_text; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(content_text) ON TABLE battles.submissions TO anon;
GRANT SELECT(content_text) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.content_url; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(content_url) ON TABLE battles.submissions TO anon;
GRANT SELECT(content_url) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.content_media; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(content_media) ON TABLE battles.submissions TO anon;
GRANT SELECT(content_media) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.source_type; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(source_type) ON TABLE battles.submissions TO anon;
GRANT SELECT(source_type) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.submitted_at; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(submitted_at) ON TABLE battles.submissions TO anon;
GRANT SELECT(submitted_at) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.is_final; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(is_final) ON TABLE battles.submissions TO anon;
GRANT SELECT(is_final) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.revision_of_id; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(revision_of_id) ON TABLE battles.submissions TO anon;
GRANT SELECT(revision_of_id) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.integrity_hash; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(integrity_hash) ON TABLE battles.submissions TO anon;
GRANT SELECT(integrity_hash) ON TABLE battles.submissions TO authenticated;

--
-- Name: COLUMN submissions.created_at; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(created_at) ON TABLE battles.submissions TO anon;
GRANT SELECT(created_at) ON TABLE battles.submissions TO authenticated;

--
-- Name: TABLE vote_aggregates; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.vote_aggregates TO anon;
GRANT SELECT ON TABLE battles.vote_aggregates TO authenticated;
GRANT ALL ON TABLE battles.vote_aggregates TO service_role;

--
-- Name: TABLE votes; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.votes TO anon;
GRANT SELECT ON TABLE battles.votes TO authenticated;
GRANT ALL ON TABLE battles.votes TO service_role;

--
-- Name: TABLE profiles; Type: ACL; Schema: lensers; Owner: -
--

GRANT SELECT ON TABLE lensers.profiles TO anon;
GRANT SELECT ON TABLE lensers.profiles TO authenticated;
GRANT ALL ON TABLE lensers.profiles TO service_role;

--
-- Name: TABLE v_battle_full; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.v_battle_full TO anon;
GRANT SELECT ON TABLE battles.v_battle_full TO authenticated;
GRANT ALL ON TABLE battles.v_battle_full TO service_role;

--
-- Name: FUNCTION fn_battle_get_full(p_slug text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_get_full(p_slug text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_get_full(p_slug text) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_get_full(p_slug text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_get_full(p_slug text) TO service_role;

--
-- Name: FUNCTION fn_battle_gets_feed(p_status battles.battle_status_enum, p_battle_type battles.battle_type_enum, p_limit integer, p_cursor text, p_statuses battles.battle_status_enum[], p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_gets_feed(p_status battles.battle_status_enum, p_battle_type battles.battle_type_enum, p_limit integer, p_cursor text, p_statuses battles.battle_status_enum[], p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_gets_feed(p_status battles.battle_status_enum, p_battle_type battles.battle_type_enum, p_limit integer, p_cursor text, p_statuses battles.battle_status_enum[], p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_gets_feed(p_status battles.battle_status_enum, p_battle_type battles.battle_type_enum, p_limit integer, p_cursor text, p_statuses battles.battle_status_enum[], p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_gets_feed(p_status battles.battle_status_enum, p_battle_type battles.battle_type_enum, p_limit integer, p_cursor text, p_statuses battles.battle_status_enum[], p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum) TO service_role;

--
-- Name: FUNCTION fn_battle_invitations(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_invitations(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_invitations(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_invitations(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_invitations(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_judging(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_judging(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_judging(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_judging(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_judging(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_lens(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_lens(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_lens(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_lens(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_lens(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_open_voting(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_open_voting(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_open_voting(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_open_voting(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_open_voting(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_post_comment(p_battle_id uuid, p_body text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_post_comment(p_battle_id uuid, p_body text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_post_comment(p_battle_id uuid, p_body text) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_post_comment(p_battle_id uuid, p_body text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_post_comment(p_battle_id uuid, p_body text) TO service_role;

--
-- Name: FUNCTION fn_battle_retry_runs(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_retry_runs(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_retry_runs(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_retry_runs(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_start_execution(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_start_execution(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_start_execution(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_start_execution(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_start_execution(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_start_scoring(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_start_scoring(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_start_scoring(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_start_scoring(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_start_scoring(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battle_vote_eligibility(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battle_vote_eligibility(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battle_vote_eligibility(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battle_vote_eligibility(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battle_vote_eligibility(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_accept_invitation(p_invitation_id uuid, p_token text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_accept_invitation(p_invitation_id uuid, p_token text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_accept_invitation(p_invitation_id uuid, p_token text) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_accept_invitation(p_invitation_id uuid, p_token text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_accept_invitation(p_invitation_id uuid, p_token text) TO service_role;

--
-- Name: FUNCTION fn_battles_add_ai_contender(p_battle_id uuid, p_ai_lenser_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_add_ai_contender(p_battle_id uuid, p_ai_lenser_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_add_ai_contender(p_battle_id uuid, p_ai_lenser_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_add_ai_contender(p_battle_id uuid, p_ai_lenser_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_add_ai_contender(p_battle_id uuid, p_ai_lenser_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_archive(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_archive(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_archive(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_archive(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_archive(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_assign_lens(p_battle_id uuid, p_contender_id uuid, p_lens_id uuid, p_version_id uuid, p_input_snapshot jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_assign_lens(p_battle_id uuid, p_contender_id uuid, p_lens_id uuid, p_version_id uuid, p_input_snapshot jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_assign_lens(p_battle_id uuid, p_contender_id uuid, p_lens_id uuid, p_version_id uuid, p_input_snapshot jsonb) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_assign_lens(p_battle_id uuid, p_contender_id uuid, p_lens_id uuid, p_version_id uuid, p_input_snapshot jsonb) TO service_role;

--
-- Name: FUNCTION fn_battles_cancel(p_battle_id uuid, p_reason text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_cancel(p_battle_id uuid, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_cancel(p_battle_id uuid, p_reason text) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_cancel(p_battle_id uuid, p_reason text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_cancel(p_battle_id uuid, p_reason text) TO service_role;

--
-- Name: FUNCTION fn_battles_clone(p_battle_id uuid, p_title text, p_slug text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_clone(p_battle_id uuid, p_title text, p_slug text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_clone(p_battle_id uuid, p_title text, p_slug text) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_clone(p_battle_id uuid, p_title text, p_slug text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_clone(p_battle_id uuid, p_title text, p_slug text) TO service_role;

--
-- Name: FUNCTION fn_battles_close(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_close(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_close(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_close(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_close(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_create(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_create(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_create(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_create(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_create(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_create_from_template(p_template_id uuid, p_title text, p_slug text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_create_from_template(p_template_id uuid, p_title text, p_slug text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_create_from_template(p_template_id uuid, p_title text, p_slug text) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_create_from_template(p_template_id uuid, p_title text, p_slug text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_create_from_template(p_template_id uuid, p_title text, p_slug text) TO service_role;

--
-- Name: FUNCTION fn_battles_create_template(p_battle_id uuid, p_title text, p_is_public boolean); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_create_template(p_battle_id uuid, p_title text, p_is_public boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_create_template(p_battle_id uuid, p_title text, p_is_public boolean) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_create_template(p_battle_id uuid, p_title text, p_is_public boolean) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_create_template(p_battle_id uuid, p_title text, p_is_public boolean) TO service_role;

--
-- Name: FUNCTION fn_battles_delete(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_delete(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_delete(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_delete(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_delete(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_finalize(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_finalize(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_finalize(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_finalize(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_finalize(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_get_public(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_get_public(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_get_public(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_get_public(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_get_public(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_invite(p_battle_id uuid, p_email text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_invite(p_battle_id uuid, p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_invite(p_battle_id uuid, p_email text) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_invite(p_battle_id uuid, p_email text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_invite(p_battle_id uuid, p_email text) TO service_role;

--
-- Name: FUNCTION fn_battles_invite_with_token(p_battle_id uuid, p_email text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_invite_with_token(p_battle_id uuid, p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_invite_with_token(p_battle_id uuid, p_email text) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_invite_with_token(p_battle_id uuid, p_email text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_invite_with_token(p_battle_id uuid, p_email text) TO service_role;

--
-- Name: FUNCTION fn_battles_join(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_join(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_join(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_join(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_join(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_leaderboard(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_leaderboard(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_leaderboard(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_leaderboard(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_leaderboard(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_list_public(p_limit integer, p_offset integer); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_list_public(p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_list_public(p_limit integer, p_offset integer) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_list_public(p_limit integer, p_offset integer) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_list_public(p_limit integer, p_offset integer) TO service_role;

--
-- Name: FUNCTION fn_battles_name_judge(p_battle_id uuid, p_profile_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_name_judge(p_battle_id uuid, p_profile_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_name_judge(p_battle_id uuid, p_profile_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_name_judge(p_battle_id uuid, p_profile_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_open(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_open(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_open(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_open(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_open(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_publish_results(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_publish_results(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_publish_results(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_publish_results(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_publish_results(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_remove_judge(p_battle_id uuid, p_profile_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_remove_judge(p_battle_id uuid, p_profile_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_remove_judge(p_battle_id uuid, p_profile_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_remove_judge(p_battle_id uuid, p_profile_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_renew_invitation(p_battle_id uuid, p_invitation_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_renew_invitation(p_battle_id uuid, p_invitation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_renew_invitation(p_battle_id uuid, p_invitation_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_renew_invitation(p_battle_id uuid, p_invitation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_renew_invitation(p_battle_id uuid, p_invitation_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_retract(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_retract(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_retract(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_retract(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_retract(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_set_judging(p_battle_id uuid, p_judge_model_id uuid, p_challenge_options jsonb, p_challenge_seed text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_set_judging(p_battle_id uuid, p_judge_model_id uuid, p_challenge_options jsonb, p_challenge_seed text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_set_judging(p_battle_id uuid, p_judge_model_id uuid, p_challenge_options jsonb, p_challenge_seed text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_set_judging(p_battle_id uuid, p_judge_model_id uuid, p_challenge_options jsonb, p_challenge_seed text) TO service_role;

--
-- Name: FUNCTION fn_battles_set_lens(p_battle_id uuid, p_lens_id uuid, p_version_id uuid, p_input_snapshot jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_set_lens(p_battle_id uuid, p_lens_id uuid, p_version_id uuid, p_input_snapshot jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_set_lens(p_battle_id uuid, p_lens_id uuid, p_version_id uuid, p_input_snapshot jsonb) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_set_lens(p_battle_id uuid, p_lens_id uuid, p_version_id uuid, p_input_snapshot jsonb) TO service_role;

--
-- Name: FUNCTION fn_battles_submit(p_battle_id uuid, p_text text, p_url text, p_media jsonb, p_run_id uuid, p_artifact_id uuid, p_source_type text, p_adapter_id uuid, p_model_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_submit(p_battle_id uuid, p_text text, p_url text, p_media jsonb, p_run_id uuid, p_artifact_id uuid, p_source_type text, p_adapter_id uuid, p_model_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_submit(p_battle_id uuid, p_text text, p_url text, p_media jsonb, p_run_id uuid, p_artifact_id uuid, p_source_type text, p_adapter_id uuid, p_model_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_submit(p_battle_id uuid, p_text text, p_url text, p_media jsonb, p_run_id uuid, p_artifact_id uuid, p_source_type text, p_adapter_id uuid, p_model_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_submit(p_battle_id uuid, p_text text, p_url text, p_media jsonb, p_run_id uuid, p_artifact_id uuid, p_source_type text, p_adapter_id uuid, p_model_id uuid) TO service_role;

--
-- Name: FUNCTION fn_battles_submit_scorecards(p_battle_id uuid, p_contender_id uuid, p_scores jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_submit_scorecards(p_battle_id uuid, p_contender_id uuid, p_scores jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_submit_scorecards(p_battle_id uuid, p_contender_id uuid, p_scores jsonb) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_submit_scorecards(p_battle_id uuid, p_contender_id uuid, p_scores jsonb) TO service_role;

--
-- Name: FUNCTION fn_battles_update_draft(p_battle_id uuid, p_patch jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_update_draft(p_battle_id uuid, p_patch jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_update_draft(p_battle_id uuid, p_patch jsonb) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_update_draft(p_battle_id uuid, p_patch jsonb) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_update_draft(p_battle_id uuid, p_patch jsonb) TO service_role;

--
-- Name: FUNCTION fn_battles_withdraw(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_battles_withdraw(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_battles_withdraw(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_battles_withdraw(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_battles_withdraw(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_caller_email(); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_caller_email() FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_caller_email() TO anon;
GRANT ALL ON FUNCTION battles.fn_caller_email() TO authenticated;
GRANT ALL ON FUNCTION battles.fn_caller_email() TO service_role;

--
-- Name: FUNCTION fn_can_view(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_can_view(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_can_view(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_can_view(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_can_view(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_cast_judge_vote(b battles.battles); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_cast_judge_vote(b battles.battles) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_cast_judge_vote(b battles.battles) TO service_role;

--
-- Name: FUNCTION fn_check_handicap(p_handicap jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_check_handicap(p_handicap jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_check_handicap(p_handicap jsonb) TO anon;
GRANT ALL ON FUNCTION battles.fn_check_handicap(p_handicap jsonb) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_check_handicap(p_handicap jsonb) TO service_role;

--
-- Name: FUNCTION fn_content_hash(p_text text, p_url text, p_media jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_content_hash(p_text text, p_url text, p_media jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_content_hash(p_text text, p_url text, p_media jsonb) TO anon;
GRANT ALL ON FUNCTION battles.fn_content_hash(p_text text, p_url text, p_media jsonb) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_content_hash(p_text text, p_url text, p_media jsonb) TO service_role;

--
-- Name: FUNCTION fn_count_entries(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_count_entries(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_count_entries(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_count_entries(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_count_entries(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_enqueue_judging(b battles.battles); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_enqueue_judging(b battles.battles) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_enqueue_judging(b battles.battles) TO service_role;

--
-- Name: FUNCTION fn_entries_visible(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_entries_visible(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_entries_visible(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_entries_visible(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_entries_visible(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_exclude_vote(p_vote_id uuid, p_reason text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_exclude_vote(p_vote_id uuid, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_exclude_vote(p_vote_id uuid, p_reason text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_exclude_vote(p_vote_id uuid, p_reason text) TO service_role;

--
-- Name: FUNCTION fn_frozen_judging_rules(b battles.battles); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_frozen_judging_rules(b battles.battles) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_frozen_judging_rules(b battles.battles) TO service_role;

--
-- Name: FUNCTION fn_get_global_messages(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_get_global_messages(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_get_global_messages(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_get_global_messages(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_get_global_messages(p_battle_id uuid, p_limit integer, p_before_ts timestamp with time zone, p_before_id uuid) TO service_role;

--
-- Name: FUNCTION fn_has_challenge_generator(p_challenge_type text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_has_challenge_generator(p_challenge_type text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_has_challenge_generator(p_challenge_type text) TO anon;
GRANT ALL ON FUNCTION battles.fn_has_challenge_generator(p_challenge_type text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_has_challenge_generator(p_challenge_type text) TO service_role;

--
-- Name: FUNCTION fn_has_voted(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_has_voted(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_has_voted(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_has_voted(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_has_voted(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_identities_revealed(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_identities_revealed(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_identities_revealed(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_identities_revealed(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_identities_revealed(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_insert_battle(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid, p_origin jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_insert_battle(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid, p_origin jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_insert_battle(p_title text, p_slug text, p_task_prompt text, p_rubric_id uuid, p_task_source text, p_contender_structure battles.contender_structure_enum, p_judging_mode battles.judging_mode_enum, p_challenge_type text, p_voter_eligibility battles.voter_eligibility_enum, p_max_contenders integer, p_content_type text, p_invite_only boolean, p_voting_opens_at timestamp with time zone, p_voting_closes_at timestamp with time zone, p_handicap_config jsonb, p_workflow_id uuid, p_origin jsonb) TO service_role;

--
-- Name: FUNCTION fn_is_contender(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_is_contender(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_is_contender(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_is_contender(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_is_contender(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_is_creator(b battles.battles); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_is_creator(b battles.battles) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_is_creator(b battles.battles) TO anon;
GRANT ALL ON FUNCTION battles.fn_is_creator(b battles.battles) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_is_creator(b battles.battles) TO service_role;

--
-- Name: FUNCTION fn_is_invitee(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_is_invitee(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_is_invitee(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_is_invitee(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_is_invitee(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_judge_persona(p_model_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_judge_persona(p_model_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_judge_persona(p_model_id uuid) TO service_role;

--
-- Name: FUNCTION fn_judging_complete(b battles.battles); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_judging_complete(b battles.battles) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_judging_complete(b battles.battles) TO service_role;

--
-- Name: FUNCTION fn_judging_explanation(b battles.battles); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_judging_explanation(b battles.battles) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_judging_explanation(b battles.battles) TO service_role;

--
-- Name: FUNCTION fn_judging_scores(b battles.battles); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_judging_scores(b battles.battles) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_judging_scores(b battles.battles) TO service_role;

--
-- Name: TABLE versions; Type: ACL; Schema: lenses; Owner: -
--

GRANT SELECT ON TABLE lenses.versions TO anon;
GRANT SELECT ON TABLE lenses.versions TO authenticated;
GRANT ALL ON TABLE lenses.versions TO service_role;

--
-- Name: FUNCTION fn_lens_version_for(b battles.battles, p_lens_id uuid, p_version_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_lens_version_for(b battles.battles, p_lens_id uuid, p_version_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION fn_lock_visible(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_lock_visible(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_lock_visible(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_log_event(p_battle_id uuid, p_type text, p_metadata jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_log_event(p_battle_id uuid, p_type text, p_metadata jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_log_event(p_battle_id uuid, p_type text, p_metadata jsonb) TO service_role;

--
-- Name: FUNCTION fn_post_global_message(p_battle_id uuid, p_body text, p_sender_handle text, p_sender_role text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_post_global_message(p_battle_id uuid, p_body text, p_sender_handle text, p_sender_role text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_post_global_message(p_battle_id uuid, p_body text, p_sender_handle text, p_sender_role text) TO anon;
GRANT ALL ON FUNCTION battles.fn_post_global_message(p_battle_id uuid, p_body text, p_sender_handle text, p_sender_role text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_post_global_message(p_battle_id uuid, p_body text, p_sender_handle text, p_sender_role text) TO service_role;

--
-- Name: FUNCTION fn_publish_battle(p_battle_id uuid); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_publish_battle(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_publish_battle(p_battle_id uuid) TO anon;
GRANT ALL ON FUNCTION battles.fn_publish_battle(p_battle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_publish_battle(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_rank_and_close(b battles.battles); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_rank_and_close(b battles.battles) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_rank_and_close(b battles.battles) TO service_role;

--
-- Name: FUNCTION fn_record_judge_vote(p_battle_id uuid, p_judge_model_id uuid, p_voted_contender_id uuid, p_rationale text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_record_judge_vote(p_battle_id uuid, p_judge_model_id uuid, p_voted_contender_id uuid, p_rationale text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_record_judge_vote(p_battle_id uuid, p_judge_model_id uuid, p_voted_contender_id uuid, p_rationale text) TO service_role;

--
-- Name: FUNCTION fn_require_actor(b battles.battles, p_action text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_require_actor(b battles.battles, p_action text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_require_actor(b battles.battles, p_action text) TO service_role;

--
-- Name: FUNCTION fn_rubric_scores(p_battle_id uuid, p_criteria jsonb); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_rubric_scores(p_battle_id uuid, p_criteria jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_rubric_scores(p_battle_id uuid, p_criteria jsonb) TO service_role;

--
-- Name: FUNCTION fn_rubrics_create(p_title text, p_criteria jsonb, p_description text, p_is_public boolean); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_rubrics_create(p_title text, p_criteria jsonb, p_description text, p_is_public boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_rubrics_create(p_title text, p_criteria jsonb, p_description text, p_is_public boolean) TO anon;
GRANT ALL ON FUNCTION battles.fn_rubrics_create(p_title text, p_criteria jsonb, p_description text, p_is_public boolean) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_rubrics_create(p_title text, p_criteria jsonb, p_description text, p_is_public boolean) TO service_role;

--
-- Name: FUNCTION fn_rubrics_list(); Type: ACL; Schema: battles; Owner: -
--

GRANT ALL ON FUNCTION battles.fn_rubrics_list() TO anon;
GRANT ALL ON FUNCTION battles.fn_rubrics_list() TO authenticated;
GRANT ALL ON FUNCTION battles.fn_rubrics_list() TO service_role;

--
-- Name: FUNCTION fn_submit_vote(p_battle_id uuid, p_voted_contender_id uuid, p_vote_value battles.vote_value_enum, p_is_draw boolean, p_rationale text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_submit_vote(p_battle_id uuid, p_voted_contender_id uuid, p_vote_value battles.vote_value_enum, p_is_draw boolean, p_rationale text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_submit_vote(p_battle_id uuid, p_voted_contender_id uuid, p_vote_value battles.vote_value_enum, p_is_draw boolean, p_rationale text) TO anon;
GRANT ALL ON FUNCTION battles.fn_submit_vote(p_battle_id uuid, p_voted_contender_id uuid, p_vote_value battles.vote_value_enum, p_is_draw boolean, p_rationale text) TO authenticated;
GRANT ALL ON FUNCTION battles.fn_submit_vote(p_battle_id uuid, p_voted_contender_id uuid, p_vote_value battles.vote_value_enum, p_is_draw boolean, p_rationale text) TO service_role;

--
-- Name: FUNCTION fn_vote_refusal(b battles.battles, p_acting uuid, p_principal uuid, OUT code text, OUT message text); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.fn_vote_refusal(b battles.battles, p_acting uuid, p_principal uuid, OUT code text, OUT message text) FROM PUBLIC;
GRANT ALL ON FUNCTION battles.fn_vote_refusal(b battles.battles, p_acting uuid, p_principal uuid, OUT code text, OUT message text) TO service_role;

--
-- Name: FUNCTION trg_battle_jobs(); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.trg_battle_jobs() FROM PUBLIC;

--
-- Name: FUNCTION trg_battles_guard(); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.trg_battles_guard() FROM PUBLIC;
GRANT ALL ON FUNCTION battles.trg_battles_guard() TO service_role;

--
-- Name: FUNCTION trg_contender_aggregate(); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.trg_contender_aggregate() FROM PUBLIC;
GRANT ALL ON FUNCTION battles.trg_contender_aggregate() TO service_role;

--
-- Name: FUNCTION trg_contender_battle_lens(); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.trg_contender_battle_lens() FROM PUBLIC;

--
-- Name: FUNCTION trg_submission_advance(); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.trg_submission_advance() FROM PUBLIC;

--
-- Name: FUNCTION trg_votes_tally(); Type: ACL; Schema: battles; Owner: -
--

REVOKE ALL ON FUNCTION battles.trg_votes_tally() FROM PUBLIC;
GRANT ALL ON FUNCTION battles.trg_votes_tally() TO service_role;

--
-- Name: FUNCTION fn_enqueue(p_kind text, p_battle_id uuid, p_contender_id uuid, p_payload jsonb, p_dedupe_key text, p_max_attempts integer); Type: ACL; Schema: execution; Owner: -
--

REVOKE ALL ON FUNCTION execution.fn_enqueue(p_kind text, p_battle_id uuid, p_contender_id uuid, p_payload jsonb, p_dedupe_key text, p_max_attempts integer) FROM PUBLIC;
GRANT ALL ON FUNCTION execution.fn_enqueue(p_kind text, p_battle_id uuid, p_contender_id uuid, p_payload jsonb, p_dedupe_key text, p_max_attempts integer) TO service_role;

--
-- Name: FUNCTION fn_acting_profile_id(); Type: ACL; Schema: lensers; Owner: -
--

REVOKE ALL ON FUNCTION lensers.fn_acting_profile_id() FROM PUBLIC;
GRANT ALL ON FUNCTION lensers.fn_acting_profile_id() TO anon;
GRANT ALL ON FUNCTION lensers.fn_acting_profile_id() TO authenticated;
GRANT ALL ON FUNCTION lensers.fn_acting_profile_id() TO service_role;

--
-- Name: FUNCTION fn_is_operator(); Type: ACL; Schema: lensers; Owner: -
--

REVOKE ALL ON FUNCTION lensers.fn_is_operator() FROM PUBLIC;
GRANT ALL ON FUNCTION lensers.fn_is_operator() TO anon;
GRANT ALL ON FUNCTION lensers.fn_is_operator() TO authenticated;
GRANT ALL ON FUNCTION lensers.fn_is_operator() TO service_role;

--
-- Name: FUNCTION fn_is_system(); Type: ACL; Schema: lensers; Owner: -
--

REVOKE ALL ON FUNCTION lensers.fn_is_system() FROM PUBLIC;
GRANT ALL ON FUNCTION lensers.fn_is_system() TO anon;
GRANT ALL ON FUNCTION lensers.fn_is_system() TO authenticated;
GRANT ALL ON FUNCTION lensers.fn_is_system() TO service_role;

--
-- Name: FUNCTION fn_lenser_get_profile(p_handle text); Type: ACL; Schema: lensers; Owner: -
--

GRANT ALL ON FUNCTION lensers.fn_lenser_get_profile(p_handle text) TO anon;
GRANT ALL ON FUNCTION lensers.fn_lenser_get_profile(p_handle text) TO authenticated;
GRANT ALL ON FUNCTION lensers.fn_lenser_get_profile(p_handle text) TO service_role;

--
-- Name: FUNCTION fn_require_principal(); Type: ACL; Schema: lensers; Owner: -
--

REVOKE ALL ON FUNCTION lensers.fn_require_principal() FROM PUBLIC;
GRANT ALL ON FUNCTION lensers.fn_require_principal() TO anon;
GRANT ALL ON FUNCTION lensers.fn_require_principal() TO authenticated;
GRANT ALL ON FUNCTION lensers.fn_require_principal() TO service_role;

--
-- Name: FUNCTION fn_set_verified(p_profile_id uuid, p_verified boolean); Type: ACL; Schema: lensers; Owner: -
--

REVOKE ALL ON FUNCTION lensers.fn_set_verified(p_profile_id uuid, p_verified boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION lensers.fn_set_verified(p_profile_id uuid, p_verified boolean) TO authenticated;
GRANT ALL ON FUNCTION lensers.fn_set_verified(p_profile_id uuid, p_verified boolean) TO service_role;

--
-- Name: FUNCTION fn_check_params(p_params jsonb); Type: ACL; Schema: lenses; Owner: -
--

REVOKE ALL ON FUNCTION lenses.fn_check_params(p_params jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION lenses.fn_check_params(p_params jsonb) TO authenticated;
GRANT ALL ON FUNCTION lenses.fn_check_params(p_params jsonb) TO service_role;

--
-- Name: FUNCTION fn_is_blank(p text); Type: ACL; Schema: lenses; Owner: -
--

REVOKE ALL ON FUNCTION lenses.fn_is_blank(p text) FROM PUBLIC;
GRANT ALL ON FUNCTION lenses.fn_is_blank(p text) TO anon;
GRANT ALL ON FUNCTION lenses.fn_is_blank(p text) TO authenticated;
GRANT ALL ON FUNCTION lenses.fn_is_blank(p text) TO service_role;

--
-- Name: FUNCTION fn_lens_get(p_lens_id uuid); Type: ACL; Schema: lenses; Owner: -
--

REVOKE ALL ON FUNCTION lenses.fn_lens_get(p_lens_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION lenses.fn_lens_get(p_lens_id uuid) TO anon;
GRANT ALL ON FUNCTION lenses.fn_lens_get(p_lens_id uuid) TO authenticated;
GRANT ALL ON FUNCTION lenses.fn_lens_get(p_lens_id uuid) TO service_role;

--
-- Name: FUNCTION fn_lens_versions_create(p_lens_id uuid, p_template_body text, p_params jsonb, p_publish boolean); Type: ACL; Schema: lenses; Owner: -
--

REVOKE ALL ON FUNCTION lenses.fn_lens_versions_create(p_lens_id uuid, p_template_body text, p_params jsonb, p_publish boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION lenses.fn_lens_versions_create(p_lens_id uuid, p_template_body text, p_params jsonb, p_publish boolean) TO authenticated;
GRANT ALL ON FUNCTION lenses.fn_lens_versions_create(p_lens_id uuid, p_template_body text, p_params jsonb, p_publish boolean) TO service_role;

--
-- Name: FUNCTION fn_lenses_create(p_slug text, p_title text, p_template_body text, p_params jsonb, p_description text, p_is_public boolean); Type: ACL; Schema: lenses; Owner: -
--

REVOKE ALL ON FUNCTION lenses.fn_lenses_create(p_slug text, p_title text, p_template_body text, p_params jsonb, p_description text, p_is_public boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION lenses.fn_lenses_create(p_slug text, p_title text, p_template_body text, p_params jsonb, p_description text, p_is_public boolean) TO authenticated;
GRANT ALL ON FUNCTION lenses.fn_lenses_create(p_slug text, p_title text, p_template_body text, p_params jsonb, p_description text, p_is_public boolean) TO service_role;

--
-- Name: FUNCTION fn_lenses_list(); Type: ACL; Schema: lenses; Owner: -
--

REVOKE ALL ON FUNCTION lenses.fn_lenses_list() FROM PUBLIC;
GRANT ALL ON FUNCTION lenses.fn_lenses_list() TO anon;
GRANT ALL ON FUNCTION lenses.fn_lenses_list() TO authenticated;
GRANT ALL ON FUNCTION lenses.fn_lenses_list() TO service_role;

--
-- Name: FUNCTION fn_missing_params(p_params jsonb, p_snapshot jsonb); Type: ACL; Schema: lenses; Owner: -
--

REVOKE ALL ON FUNCTION lenses.fn_missing_params(p_params jsonb, p_snapshot jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION lenses.fn_missing_params(p_params jsonb, p_snapshot jsonb) TO anon;
GRANT ALL ON FUNCTION lenses.fn_missing_params(p_params jsonb, p_snapshot jsonb) TO authenticated;
GRANT ALL ON FUNCTION lenses.fn_missing_params(p_params jsonb, p_snapshot jsonb) TO service_role;

--
-- Name: FUNCTION fail(p_code text, p_message text, p_sqlstate text, p_hint text); Type: ACL; Schema: ops; Owner: -
--

GRANT ALL ON FUNCTION ops.fail(p_code text, p_message text, p_sqlstate text, p_hint text) TO anon;
GRANT ALL ON FUNCTION ops.fail(p_code text, p_message text, p_sqlstate text, p_hint text) TO authenticated;
GRANT ALL ON FUNCTION ops.fail(p_code text, p_message text, p_sqlstate text, p_hint text) TO service_role;

--
-- Name: FUNCTION is_migrating(); Type: ACL; Schema: ops; Owner: -
--

GRANT ALL ON FUNCTION ops.is_migrating() TO anon;
GRANT ALL ON FUNCTION ops.is_migrating() TO authenticated;
GRANT ALL ON FUNCTION ops.is_migrating() TO service_role;

--
-- Name: FUNCTION setting(p_key text, p_default text); Type: ACL; Schema: ops; Owner: -
--

GRANT ALL ON FUNCTION ops.setting(p_key text, p_default text) TO anon;
GRANT ALL ON FUNCTION ops.setting(p_key text, p_default text) TO authenticated;
GRANT ALL ON FUNCTION ops.setting(p_key text, p_default text) TO service_role;

--
-- Name: FUNCTION setting_int(p_key text, p_default integer); Type: ACL; Schema: ops; Owner: -
--

GRANT ALL ON FUNCTION ops.setting_int(p_key text, p_default integer) TO anon;
GRANT ALL ON FUNCTION ops.setting_int(p_key text, p_default integer) TO authenticated;
GRANT ALL ON FUNCTION ops.setting_int(p_key text, p_default integer) TO service_role;

--
-- Name: FUNCTION fn_battle_categories(p_judging_mode text, p_task_source text, p_challenge_type text, p_content_type text); Type: ACL; Schema: reputation; Owner: -
--

GRANT ALL ON FUNCTION reputation.fn_battle_categories(p_judging_mode text, p_task_source text, p_challenge_type text, p_content_type text) TO anon;
GRANT ALL ON FUNCTION reputation.fn_battle_categories(p_judging_mode text, p_task_source text, p_challenge_type text, p_content_type text) TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_battle_categories(p_judging_mode text, p_task_source text, p_challenge_type text, p_content_type text) TO service_role;

--
-- Name: FUNCTION fn_battle_placements(p_battle_id uuid); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_battle_placements(p_battle_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION fn_battle_result_changed(p_battle_id uuid); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_battle_result_changed(p_battle_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION fn_compute_elo_after_battle(p_battle_id uuid); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_compute_elo_after_battle(p_battle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_compute_elo_after_battle(p_battle_id uuid) TO service_role;

--
-- Name: FUNCTION fn_correct_battle_result(p_battle_id uuid, p_reason text, p_ranks jsonb, p_winner_contender_id uuid); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_correct_battle_result(p_battle_id uuid, p_reason text, p_ranks jsonb, p_winner_contender_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_correct_battle_result(p_battle_id uuid, p_reason text, p_ranks jsonb, p_winner_contender_id uuid) TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_correct_battle_result(p_battle_id uuid, p_reason text, p_ranks jsonb, p_winner_contender_id uuid) TO service_role;

--
-- Name: FUNCTION fn_elo_compensate(p_battle_id uuid); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_elo_compensate(p_battle_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION fn_elo_history(p_entity_kind text, p_entity_id uuid, p_limit integer); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_elo_history(p_entity_kind text, p_entity_id uuid, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_elo_history(p_entity_kind text, p_entity_id uuid, p_limit integer) TO anon;
GRANT ALL ON FUNCTION reputation.fn_elo_history(p_entity_kind text, p_entity_id uuid, p_limit integer) TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_elo_history(p_entity_kind text, p_entity_id uuid, p_limit integer) TO service_role;

--
-- Name: FUNCTION fn_elo_rate(p_ids uuid[], p_ranks double precision[], p_ratings double precision[], p_games integer[], p_k double precision, p_provisional_k double precision, p_provisional_games integer); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_elo_rate(p_ids uuid[], p_ranks double precision[], p_ratings double precision[], p_games integer[], p_k double precision, p_provisional_k double precision, p_provisional_games integer) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_elo_rate(p_ids uuid[], p_ranks double precision[], p_ratings double precision[], p_games integer[], p_k double precision, p_provisional_k double precision, p_provisional_games integer) TO anon;
GRANT ALL ON FUNCTION reputation.fn_elo_rate(p_ids uuid[], p_ranks double precision[], p_ratings double precision[], p_games integer[], p_k double precision, p_provisional_k double precision, p_provisional_games integer) TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_elo_rate(p_ids uuid[], p_ranks double precision[], p_ratings double precision[], p_games integer[], p_k double precision, p_provisional_k double precision, p_provisional_games integer) TO service_role;

--
-- Name: FUNCTION fn_elo_rate_placements(p_battle_id uuid, p_reason text, p_correction_id bigint); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_elo_rate_placements(p_battle_id uuid, p_reason text, p_correction_id bigint) FROM PUBLIC;

--
-- Name: FUNCTION fn_elo_replay(); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_elo_replay() FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_elo_replay() TO service_role;

--
-- Name: FUNCTION fn_elo_settings(OUT k double precision, OUT provisional_k double precision, OUT provisional_games integer, OUT start_rating double precision); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_elo_settings(OUT k double precision, OUT provisional_k double precision, OUT provisional_games integer, OUT start_rating double precision) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_elo_settings(OUT k double precision, OUT provisional_k double precision, OUT provisional_games integer, OUT start_rating double precision) TO anon;
GRANT ALL ON FUNCTION reputation.fn_elo_settings(OUT k double precision, OUT provisional_k double precision, OUT provisional_games integer, OUT start_rating double precision) TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_elo_settings(OUT k double precision, OUT provisional_k double precision, OUT provisional_games integer, OUT start_rating double precision) TO service_role;

--
-- Name: FUNCTION fn_leaderboard_coverage(p_categories text[]); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_leaderboard_coverage(p_categories text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_leaderboard_coverage(p_categories text[]) TO service_role;

--
-- Name: FUNCTION fn_leaderboard_coverage_recount(p_categories text[]); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_leaderboard_coverage_recount(p_categories text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_leaderboard_coverage_recount(p_categories text[]) TO service_role;

--
-- Name: FUNCTION fn_leaderboard_excluded_votes(p_categories text[]); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_leaderboard_excluded_votes(p_categories text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_leaderboard_excluded_votes(p_categories text[]) TO service_role;

--
-- Name: FUNCTION fn_leaderboard_excluded_votes_recount(p_categories text[]); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_leaderboard_excluded_votes_recount(p_categories text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_leaderboard_excluded_votes_recount(p_categories text[]) TO service_role;

--
-- Name: FUNCTION fn_leaderboard_get(p_category text, p_entity_kind text); Type: ACL; Schema: reputation; Owner: -
--

GRANT ALL ON FUNCTION reputation.fn_leaderboard_get(p_category text, p_entity_kind text) TO anon;
GRANT ALL ON FUNCTION reputation.fn_leaderboard_get(p_category text, p_entity_kind text) TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_leaderboard_get(p_category text, p_entity_kind text) TO service_role;

--
-- Name: FUNCTION fn_leaderboard_pair_counts(p_categories text[]); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_leaderboard_pair_counts(p_categories text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_leaderboard_pair_counts(p_categories text[]) TO service_role;

--
-- Name: FUNCTION fn_leaderboard_pair_counts_recount(p_categories text[]); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_leaderboard_pair_counts_recount(p_categories text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_leaderboard_pair_counts_recount(p_categories text[]) TO service_role;

--
-- Name: FUNCTION fn_leaderboard_sync_battle(p_battle_id uuid); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_leaderboard_sync_battle(p_battle_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION fn_leaderboards_list(); Type: ACL; Schema: reputation; Owner: -
--

GRANT ALL ON FUNCTION reputation.fn_leaderboards_list() TO anon;
GRANT ALL ON FUNCTION reputation.fn_leaderboards_list() TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_leaderboards_list() TO service_role;

--
-- Name: FUNCTION fn_lock_entity(p_kind text, p_id uuid); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_lock_entity(p_kind text, p_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION fn_reverse_elo_for_battle(p_battle_id uuid, p_reason text); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_reverse_elo_for_battle(p_battle_id uuid, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_reverse_elo_for_battle(p_battle_id uuid, p_reason text) TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_reverse_elo_for_battle(p_battle_id uuid, p_reason text) TO service_role;

--
-- Name: FUNCTION fn_setting_float(p_key text, p_default double precision); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.fn_setting_float(p_key text, p_default double precision) FROM PUBLIC;
GRANT ALL ON FUNCTION reputation.fn_setting_float(p_key text, p_default double precision) TO anon;
GRANT ALL ON FUNCTION reputation.fn_setting_float(p_key text, p_default double precision) TO authenticated;
GRANT ALL ON FUNCTION reputation.fn_setting_float(p_key text, p_default double precision) TO service_role;

--
-- Name: FUNCTION trg_elo_log_apply(); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.trg_elo_log_apply() FROM PUBLIC;

--
-- Name: FUNCTION trg_elo_ratings_guard(); Type: ACL; Schema: reputation; Owner: -
--

REVOKE ALL ON FUNCTION reputation.trg_elo_ratings_guard() FROM PUBLIC;

--
-- Name: FUNCTION fn_battle_amounts(OUT completed integer, OUT won integer); Type: ACL; Schema: xp; Owner: -
--

REVOKE ALL ON FUNCTION xp.fn_battle_amounts(OUT completed integer, OUT won integer) FROM PUBLIC;

--
-- Name: FUNCTION fn_battle_xp_owed(p_battle_id uuid); Type: ACL; Schema: xp; Owner: -
--

REVOKE ALL ON FUNCTION xp.fn_battle_xp_owed(p_battle_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION fn_lenser_xp(p_lenser_id uuid, p_recent integer); Type: ACL; Schema: xp; Owner: -
--

REVOKE ALL ON FUNCTION xp.fn_lenser_xp(p_lenser_id uuid, p_recent integer) FROM PUBLIC;
GRANT ALL ON FUNCTION xp.fn_lenser_xp(p_lenser_id uuid, p_recent integer) TO anon;
GRANT ALL ON FUNCTION xp.fn_lenser_xp(p_lenser_id uuid, p_recent integer) TO authenticated;
GRANT ALL ON FUNCTION xp.fn_lenser_xp(p_lenser_id uuid, p_recent integer) TO service_role;

--
-- Name: FUNCTION fn_sync_battle_xp(p_battle_id uuid); Type: ACL; Schema: xp; Owner: -
--

REVOKE ALL ON FUNCTION xp.fn_sync_battle_xp(p_battle_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION trg_ledger_check(); Type: ACL; Schema: xp; Owner: -
--

REVOKE ALL ON FUNCTION xp.trg_ledger_check() FROM PUBLIC;

--
-- Name: TABLE models; Type: ACL; Schema: ai; Owner: -
--

GRANT SELECT ON TABLE ai.models TO anon;
GRANT SELECT ON TABLE ai.models TO authenticated;
GRANT ALL ON TABLE ai.models TO service_role;

--
-- Name: TABLE axes_combinations; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.axes_combinations TO anon;
GRANT SELECT ON TABLE battles.axes_combinations TO authenticated;
GRANT ALL ON TABLE battles.axes_combinations TO service_role;

--
-- Name: TABLE battle_lenses; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.battle_lenses TO anon;
GRANT SELECT ON TABLE battles.battle_lenses TO authenticated;
GRANT ALL ON TABLE battles.battle_lenses TO service_role;

--
-- Name: TABLE challenge_instances; Type: ACL; Schema: battles; Owner: -
--

GRANT ALL ON TABLE battles.challenge_instances TO service_role;

--
-- Name: COLUMN challenge_instances.battle_id; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(battle_id) ON TABLE battles.challenge_instances TO anon;
GRANT SELECT(battle_id) ON TABLE battles.challenge_instances TO authenticated;

--
-- Name: COLUMN challenge_instances.challenge_type; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(challenge_type) ON TABLE battles.challenge_instances TO anon;
GRANT SELECT(challenge_type) ON TABLE battles.challenge_instances TO authenticated;

--
-- Name: COLUMN challenge_instances.options; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(options) ON TABLE battles.challenge_instances TO anon;
GRANT SELECT(options) ON TABLE battles.challenge_instances TO authenticated;

--
-- Name: COLUMN challenge_instances.seed_sha256; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(seed_sha256) ON TABLE battles.challenge_instances TO anon;
GRANT SELECT(seed_sha256) ON TABLE battles.challenge_instances TO authenticated;

--
-- Name: COLUMN challenge_instances.prompt; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(prompt) ON TABLE battles.challenge_instances TO anon;
GRANT SELECT(prompt) ON TABLE battles.challenge_instances TO authenticated;

--
-- Name: COLUMN challenge_instances.prompt_sha256; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(prompt_sha256) ON TABLE battles.challenge_instances TO anon;
GRANT SELECT(prompt_sha256) ON TABLE battles.challenge_instances TO authenticated;

--
-- Name: COLUMN challenge_instances.generated_at; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(generated_at) ON TABLE battles.challenge_instances TO anon;
GRANT SELECT(generated_at) ON TABLE battles.challenge_instances TO authenticated;

--
-- Name: TABLE challenge_scores; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.challenge_scores TO anon;
GRANT SELECT ON TABLE battles.challenge_scores TO authenticated;
GRANT ALL ON TABLE battles.challenge_scores TO service_role;

--
-- Name: TABLE challenge_secrets; Type: ACL; Schema: battles; Owner: -
--

GRANT ALL ON TABLE battles.challenge_secrets TO service_role;

--
-- Name: TABLE comments; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.comments TO anon;
GRANT SELECT ON TABLE battles.comments TO authenticated;
GRANT ALL ON TABLE battles.comments TO service_role;

--
-- Name: TABLE contender_lens_assignments; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.contender_lens_assignments TO anon;
GRANT SELECT ON TABLE battles.contender_lens_assignments TO authenticated;
GRANT ALL ON TABLE battles.contender_lens_assignments TO service_role;

--
-- Name: TABLE events; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.events TO anon;
GRANT SELECT ON TABLE battles.events TO authenticated;
GRANT ALL ON TABLE battles.events TO service_role;

--
-- Name: TABLE global_messages; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.global_messages TO anon;
GRANT SELECT ON TABLE battles.global_messages TO authenticated;
GRANT ALL ON TABLE battles.global_messages TO service_role;

--
-- Name: TABLE invitations; Type: ACL; Schema: battles; Owner: -
--

GRANT ALL ON TABLE battles.invitations TO service_role;

--
-- Name: COLUMN invitations.id; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(id) ON TABLE battles.invitations TO anon;
GRANT SELECT(id) ON TABLE battles.invitations TO authenticated;

--
-- Name: COLUMN invitations.battle_id; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(battle_id) ON TABLE battles.invitations TO anon;
GRANT SELECT(battle_id) ON TABLE battles.invitations TO authenticated;

--
-- Name: COLUMN invitations.email; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(email) ON TABLE battles.invitations TO anon;
GRANT SELECT(email) ON TABLE battles.invitations TO authenticated;

--
-- Name: COLUMN invitations.invited_by; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(invited_by) ON TABLE battles.invitations TO anon;
GRANT SELECT(invited_by) ON TABLE battles.invitations TO authenticated;

--
-- Name: COLUMN invitations.accepted_by; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(accepted_by) ON TABLE battles.invitations TO anon;
GRANT SELECT(accepted_by) ON TABLE battles.invitations TO authenticated;

--
-- Name: COLUMN invitations.contender_id; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(contender_id) ON TABLE battles.invitations TO anon;
GRANT SELECT(contender_id) ON TABLE battles.invitations TO authenticated;

--
-- Name: COLUMN invitations.created_at; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(created_at) ON TABLE battles.invitations TO anon;
GRANT SELECT(created_at) ON TABLE battles.invitations TO authenticated;

--
-- Name: COLUMN invitations.expires_at; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(expires_at) ON TABLE battles.invitations TO anon;
GRANT SELECT(expires_at) ON TABLE battles.invitations TO authenticated;

--
-- Name: COLUMN invitations.accepted_at; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT(accepted_at) ON TABLE battles.invitations TO anon;
GRANT SELECT(accepted_at) ON TABLE battles.invitations TO authenticated;

--
-- Name: TABLE judge_personas; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.judge_personas TO anon;
GRANT SELECT ON TABLE battles.judge_personas TO authenticated;
GRANT ALL ON TABLE battles.judge_personas TO service_role;

--
-- Name: TABLE judge_verdicts; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.judge_verdicts TO anon;
GRANT SELECT ON TABLE battles.judge_verdicts TO authenticated;
GRANT ALL ON TABLE battles.judge_verdicts TO service_role;

--
-- Name: TABLE judges; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.judges TO anon;
GRANT SELECT ON TABLE battles.judges TO authenticated;
GRANT ALL ON TABLE battles.judges TO service_role;

--
-- Name: TABLE judging_settings; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.judging_settings TO anon;
GRANT SELECT ON TABLE battles.judging_settings TO authenticated;
GRANT ALL ON TABLE battles.judging_settings TO service_role;

--
-- Name: TABLE rubric_criteria; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.rubric_criteria TO anon;
GRANT SELECT ON TABLE battles.rubric_criteria TO authenticated;
GRANT ALL ON TABLE battles.rubric_criteria TO service_role;

--
-- Name: TABLE rubrics; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.rubrics TO anon;
GRANT SELECT ON TABLE battles.rubrics TO authenticated;
GRANT ALL ON TABLE battles.rubrics TO service_role;

--
-- Name: TABLE scorecards; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.scorecards TO anon;
GRANT SELECT ON TABLE battles.scorecards TO authenticated;
GRANT ALL ON TABLE battles.scorecards TO service_role;

--
-- Name: TABLE templates; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.templates TO anon;
GRANT SELECT ON TABLE battles.templates TO authenticated;
GRANT ALL ON TABLE battles.templates TO service_role;

--
-- Name: TABLE transition_rules; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.transition_rules TO anon;
GRANT SELECT ON TABLE battles.transition_rules TO authenticated;
GRANT ALL ON TABLE battles.transition_rules TO service_role;

--
-- Name: TABLE vote_exclusions; Type: ACL; Schema: battles; Owner: -
--

GRANT SELECT ON TABLE battles.vote_exclusions TO authenticated;
GRANT SELECT ON TABLE battles.vote_exclusions TO service_role;

--
-- Name: TABLE jobs; Type: ACL; Schema: execution; Owner: -
--

GRANT ALL ON TABLE execution.jobs TO service_role;

--
-- Name: TABLE runners; Type: ACL; Schema: execution; Owner: -
--

GRANT SELECT ON TABLE execution.runners TO anon;
GRANT SELECT ON TABLE execution.runners TO authenticated;
GRANT ALL ON TABLE execution.runners TO service_role;

--
-- Name: TABLE runs; Type: ACL; Schema: execution; Owner: -
--

GRANT SELECT ON TABLE execution.runs TO anon;
GRANT SELECT ON TABLE execution.runs TO authenticated;
GRANT ALL ON TABLE execution.runs TO service_role;

--
-- Name: TABLE lenses; Type: ACL; Schema: lenses; Owner: -
--

GRANT SELECT ON TABLE lenses.lenses TO anon;
GRANT SELECT ON TABLE lenses.lenses TO authenticated;
GRANT ALL ON TABLE lenses.lenses TO service_role;

--
-- Name: TABLE battle_reversals; Type: ACL; Schema: reputation; Owner: -
--

GRANT SELECT ON TABLE reputation.battle_reversals TO anon;
GRANT SELECT ON TABLE reputation.battle_reversals TO authenticated;
GRANT SELECT ON TABLE reputation.battle_reversals TO service_role;

--
-- Name: TABLE elo_battle_log; Type: ACL; Schema: reputation; Owner: -
--

GRANT SELECT ON TABLE reputation.elo_battle_log TO anon;
GRANT SELECT ON TABLE reputation.elo_battle_log TO authenticated;
GRANT SELECT ON TABLE reputation.elo_battle_log TO service_role;

--
-- Name: TABLE elo_ratings; Type: ACL; Schema: reputation; Owner: -
--

GRANT SELECT ON TABLE reputation.elo_ratings TO anon;
GRANT SELECT ON TABLE reputation.elo_ratings TO authenticated;
GRANT SELECT ON TABLE reputation.elo_ratings TO service_role;

--
-- Name: TABLE leaderboard_snapshots; Type: ACL; Schema: reputation; Owner: -
--

GRANT SELECT ON TABLE reputation.leaderboard_snapshots TO anon;
GRANT SELECT ON TABLE reputation.leaderboard_snapshots TO authenticated;
GRANT SELECT ON TABLE reputation.leaderboard_snapshots TO service_role;

--
-- Name: TABLE result_corrections; Type: ACL; Schema: reputation; Owner: -
--

GRANT SELECT ON TABLE reputation.result_corrections TO anon;
GRANT SELECT ON TABLE reputation.result_corrections TO authenticated;
GRANT SELECT ON TABLE reputation.result_corrections TO service_role;

--
-- Name: TABLE workflows; Type: ACL; Schema: workflows; Owner: -
--

GRANT SELECT ON TABLE workflows.workflows TO anon;
GRANT SELECT ON TABLE workflows.workflows TO authenticated;
GRANT ALL ON TABLE workflows.workflows TO service_role;

--
-- Name: TABLE ledger; Type: ACL; Schema: xp; Owner: -
--

GRANT SELECT ON TABLE xp.ledger TO anon;
GRANT SELECT ON TABLE xp.ledger TO authenticated;
GRANT SELECT ON TABLE xp.ledger TO service_role;

--
-- PostgreSQL database dump complete
--
