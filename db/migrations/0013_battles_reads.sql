-- Reads. Views run with the caller's rights (security_invoker), so row-level security decides what
-- each reader sees: blind entries during voting, results after closing to the creator and contenders
-- and after publication to everyone, drafts only for their owners.

-- Contender count without revealing who (used while identities are hidden).
create function battles.fn_battles_contender_count(p_battle_id uuid)
returns table (contender_id uuid)
language sql stable security definer set search_path = '' as $$
  select c.id from battles.contenders c where c.battle_id = p_battle_id and battles.fn_can_view(p_battle_id)
$$;

create view battles.v_battle_full with (security_invoker = true) as
select
  b.id, b.slug, b.title, b.task_prompt, b.status, b.battle_type, b.task_source, b.contender_structure,
  b.judging_mode, b.challenge_type, b.content_type, b.voter_eligibility, b.max_contenders,
  b.invite_code is not null as invite_only,
  b.voting_opens_at, b.voting_closes_at, b.published_at, b.finalized_at, b.cancelled_at, b.archived_at,
  -- The winner and the finalize summary follow the results rule (battles.fn_results_visible).
  case when r.results_visible then b.winner_contender_id end as winner_contender_id,
  b.total_vote_count, b.handicap_config, b.rule_snapshot, b.rule_snapshot_sha256,
  b.rules_frozen_at, case when r.results_visible then b.finalize_summary end as finalize_summary,
  b.rubric_id, b.created_at, b.updated_at,
  jsonb_build_object('id', p.id, 'handle', p.handle, 'display_name', p.display_name) as creator,
  (select count(*)::integer from battles.fn_battles_contender_count(b.id)) as contender_count,
  coalesce((select jsonb_agg(jsonb_build_object(
      'id', c.id, 'slot', c.slot, 'contender_type', c.contender_type, 'display_name', c.display_name,
      'contender_status', c.contender_status, 'entry_mode', c.entry_mode, 'joined_at', c.joined_at,
      'profile_id', m.profile_id, 'ai_lenser_id', m.ai_lenser_id,
      -- The profile to link the name to: the human's, or the AI persona's. Contender rows are hidden
      -- while voting is blind (contenders_read), so the handle shows exactly where the name does.
      'handle', coalesce(hp.handle, ap.handle)) order by c.slot)
    from battles.contenders c left join battles.contender_entity_map m on m.contender_id = c.id
      left join lensers.profiles hp on hp.id = m.profile_id
      left join agents.ai_lensers al on al.id = m.ai_lenser_id
      left join lensers.profiles ap on ap.id = al.profile_id
   where c.battle_id = b.id), '[]') as contenders,
  coalesce((select jsonb_agg(jsonb_build_object(
      -- status: the entry's moderation state (submission_status_enum), shown to whoever sees the entry.
      'id', s.id, 'contender_id', s.contender_id, 'status', s.status, 'content_text', s.content_text, 'content_url', s.content_url,
      'content_media', s.content_media, 'source_type', s.source_type, 'submitted_at', s.submitted_at,
      'integrity_hash', s.integrity_hash, 'revision_of_id', s.revision_of_id) order by s.integrity_hash)
    from battles.submissions s where s.battle_id = b.id and s.is_final), '[]') as entries,
  coalesce((select jsonb_agg(jsonb_build_object(
      'contender_id', a.contender_id, 'raw_vote_count', a.raw_vote_count, 'weighted_vote_sum', a.weighted_vote_sum,
      'draw_count', a.draw_count, 'rank_position', a.rank_position) order by a.rank_position nulls last)
    from battles.vote_aggregates a where a.battle_id = b.id), '[]') as results,
  (select jsonb_build_object('vote_id', v.id, 'voted_contender_id', v.voted_contender_id, 'vote_value', v.vote_value,
      'is_draw', v.is_draw, 'created_at', v.created_at)
     from battles.votes v where v.battle_id = b.id and (v.principal_id = auth.uid() or v.voter_lenser_id = auth.uid())
     limit 1) as my_vote
from battles.battles b
join lensers.profiles p on p.id = b.creator_lenser_id
-- Once per battle: offset 0 keeps the planner from copying the call into each use.
cross join lateral (select battles.fn_results_visible(b.id) as results_visible offset 0) r;

create function battles.fn_battle_get_full(p_slug text)
returns battles.v_battle_full
language sql stable security invoker set search_path = '' as $$
  select * from battles.v_battle_full where slug = p_slug
$$;

-- Why the caller cannot vote in a battle (null when they can): the same rules fn_submit_vote applies.
create function battles.fn_battle_vote_eligibility(p_battle_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
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

-- The feed. Keyset pagination on (created_at, id): pass the cursor of the last row you have to get
-- the next page; rows created meanwhile sort before it, so pages never repeat or skip. Archived
-- battles stay out of the feed unless asked for by status.
create function battles.fn_battle_gets_feed(
  p_status battles.battle_status_enum default null,
  p_battle_type battles.battle_type_enum default null,
  p_limit integer default 20,
  p_cursor text default null,
  p_statuses battles.battle_status_enum[] default null,
  p_task_source text default null,
  p_contender_structure battles.contender_structure_enum default null,
  p_judging_mode battles.judging_mode_enum default null)
returns table (
  id uuid, slug text, title text, status battles.battle_status_enum, battle_type battles.battle_type_enum,
  task_source text, contender_structure battles.contender_structure_enum, judging_mode battles.judging_mode_enum,
  challenge_type text, voter_eligibility battles.voter_eligibility_enum, total_vote_count integer,
  contender_count integer, voting_opens_at timestamptz, voting_closes_at timestamptz, created_at timestamptz,
  creator_handle text, winner_contender_id uuid, winner_display_name text, cursor text)
language plpgsql stable security invoker set search_path = '' as $$
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

create function battles.fn_battles_leaderboard(p_battle_id uuid)
returns table (contender_id uuid, slot char(1), display_name text, contender_type battles.contender_type_enum,
  contender_status text, raw_vote_count integer, weighted_vote_sum numeric, draw_count integer, rank_position integer)
language sql stable security invoker set search_path = '' as $$
  select c.id, c.slot, c.display_name, c.contender_type, c.contender_status, a.raw_vote_count, a.weighted_vote_sum,
         a.draw_count, a.rank_position
    from battles.vote_aggregates a join battles.contenders c on c.id = a.contender_id
   where a.battle_id = p_battle_id
   order by a.rank_position nulls last, c.slot
$$;

create function battles.fn_battles_get_public(p_battle_id uuid)
returns jsonb
language sql stable security invoker set search_path = '' as $$
  select to_jsonb(v) from battles.v_battle_full v where v.id = p_battle_id
$$;

-- Deprecated: offset pagination skips and repeats rows under concurrent inserts. Use
-- fn_battle_gets_feed. Kept for old clients; lists published battles only.
create function battles.fn_battles_list_public(p_limit integer default 20, p_offset integer default 0)
returns table (id uuid, slug text, title text, status battles.battle_status_enum, battle_type battles.battle_type_enum,
  total_vote_count integer, published_at timestamptz, created_at timestamptz)
language sql stable security invoker set search_path = '' as $$
  select b.id, b.slug, b.title, b.status, b.battle_type, b.total_vote_count, b.published_at, b.created_at
    from battles.battles b
   where b.status = 'published' and b.invite_code is null and b.deleted_at is null
   order by b.published_at desc, b.id desc
   limit least(greatest(coalesce(p_limit, 20), 1), 100) offset greatest(coalesce(p_offset, 0), 0)
$$;
comment on function battles.fn_battles_list_public(integer, integer) is 'Deprecated: use fn_battle_gets_feed (keyset pagination).';

create function battles.fn_battle_get_comments(p_battle_id uuid, p_limit integer default 50,
  p_before_ts timestamptz default null, p_before_id uuid default null)
returns table (id uuid, battle_id uuid, author_lenser_id uuid, author_handle text, author_display_name text,
  body text, created_at timestamptz)
language sql stable security invoker set search_path = '' as $$
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

create function battles.fn_battle_post_comment(p_battle_id uuid, p_body text)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare v_me uuid := lensers.fn_acting_profile_id(); v_id uuid;
begin
  if not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  insert into battles.comments (battle_id, author_lenser_id, body) values (p_battle_id, v_me, btrim(p_body))
  returning id into v_id;
  return v_id;
end $$;

create function battles.fn_get_global_messages(p_battle_id uuid, p_limit integer default 50,
  p_before_ts timestamptz default null, p_before_id uuid default null)
returns table (id uuid, battle_id uuid, sender_lenser_id uuid, sender_handle text, sender_role text, body text,
  created_at timestamptz)
language sql stable security invoker set search_path = '' as $$
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

-- sender_handle and sender_role are accepted for compatibility with the reference signature and
-- ignored: both come from the caller's identity, never from the client.
create function battles.fn_post_global_message(p_battle_id uuid, p_body text, p_sender_handle text default null,
  p_sender_role text default null)
returns table (id uuid, battle_id uuid, sender_lenser_id uuid, sender_handle text, sender_role text, body text,
  created_at timestamptz)
language plpgsql security definer set search_path = '' as $$
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
