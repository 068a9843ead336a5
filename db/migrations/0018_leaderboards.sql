-- Global leaderboards: pairwise outcomes of finished battles, aggregated into pair counts in SQL (so a
-- refit costs O(entities + pairs), not O(votes)), fitted by src/ratings/leaderboard-job.ts and stored
-- as snapshots. Vote exclusions by operators keep abuse out. docs/ratings.md explains the rules.

-- Votes an operator excluded (abuse): they stay in battles.votes (append-only) and stop counting
-- for leaderboards. An exclusion is itself permanent.
create table battles.vote_exclusions (
  vote_id uuid primary key references battles.votes (id),
  excluded_by uuid references lensers.profiles (id),
  reason text not null check (length(btrim(reason)) between 1 and 2000),
  created_at timestamptz not null default now()
);
create trigger vote_exclusions_append_only before update or delete on battles.vote_exclusions
  for each row execute function ops.forbid_mutation();
create trigger vote_exclusions_no_truncate before truncate on battles.vote_exclusions
  for each statement execute function ops.forbid_mutation();

alter table battles.vote_exclusions enable row level security;
create policy vote_exclusions_read on battles.vote_exclusions for select using (lensers.fn_is_operator());
grant select on battles.vote_exclusions to authenticated, service_role;

-- Excludes a vote from the leaderboards. Operators and the system only; excluding twice is a no-op
-- that answers already_excluded = true. A finalized battle's own result is not recomputed: an
-- operator overturns that with reputation.fn_reverse_elo_for_battle.
create function battles.fn_exclude_vote(p_vote_id uuid, p_reason text)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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
  return jsonb_build_object('vote_id', p_vote_id, 'battle_id', v_battle, 'already_excluded', not found);
end $$;
revoke execute on function battles.fn_exclude_vote(uuid, text) from public, anon;
grant execute on function battles.fn_exclude_vote(uuid, text) to authenticated, service_role;

-- Battles whose outcomes count: finalized, not cancelled, not deleted, not reversed.
create view reputation.v_finished_battles as
select b.id, b.judging_mode, b.task_source, b.challenge_type, b.content_type, b.finalized_at
  from battles.battles b
 where b.finalized_at is not null and b.cancelled_at is null and b.deleted_at is null
   and not exists (select 1 from reputation.battle_reversals r where r.battle_id = b.id);

-- Leaderboard categories of a battle: overall and one per axis value.
create function reputation.fn_battle_categories(p_judging_mode text, p_task_source text, p_challenge_type text,
  p_content_type text)
returns text[]
language sql immutable set search_path = '' as $$
  select array_remove(array['overall', 'judging_mode:' || p_judging_mode, 'task_source:' || p_task_source,
    'challenge_type:' || p_challenge_type, 'content_type:' || p_content_type], null)
$$;

-- Every pairwise outcome, score_a = score of entity a (1 win, 0.5 tie, 0 loss):
--  * community_vote battles, from their non-excluded votes: a vote for contender V is a win of V over
--    every other contender in the running; a draw vote is a tie for every pair in the running.
--  * other judging modes, from the final ranks: one outcome per pair of placed contenders (as ELO
--    places them: all but the withdrawn).
-- Pairs of the same entity (a model fielded twice) are skipped. occurred_at is the vote's time or,
-- for ranks, the finalization time.
create view reputation.v_pairwise_outcomes as
select 'vote'::text as source, f.id as battle_id, v.id as vote_id, v.created_at as occurred_at,
       f.judging_mode::text as judging_mode, f.task_source, f.challenge_type, f.content_type,
       w.entity_kind, w.entity_id as a_id, o.entity_id as b_id,
       case when v.is_draw then 0.5::double precision else 1::double precision end as score_a
  from reputation.v_finished_battles f
  join battles.votes v on v.battle_id = f.id
  join reputation.v_contender_entities w on w.battle_id = f.id and w.contender_status in ('active', 'accepted')
   and (v.is_draw or w.contender_id = v.voted_contender_id)
  join reputation.v_contender_entities o on o.battle_id = f.id and o.contender_status in ('active', 'accepted')
   and o.entity_kind = w.entity_kind and o.contender_id <> w.contender_id and o.entity_id <> w.entity_id
   and (not v.is_draw or w.contender_id < o.contender_id)
 where f.judging_mode = 'community_vote'
   and not exists (select 1 from battles.vote_exclusions x where x.vote_id = v.id)
union all
select 'rank', f.id, null, f.finalized_at, f.judging_mode::text, f.task_source, f.challenge_type, f.content_type,
       w.entity_kind, w.entity_id, o.entity_id,
       case when w.rank_position < o.rank_position then 1::double precision
            when w.rank_position = o.rank_position then 0.5::double precision else 0::double precision end
  from reputation.v_finished_battles f
  join reputation.v_contender_entities w on w.battle_id = f.id and w.contender_status <> 'withdrawn'
   and w.rank_position is not null
  join reputation.v_contender_entities o on o.battle_id = f.id and o.contender_status <> 'withdrawn'
   and o.rank_position is not null and o.entity_kind = w.entity_kind and w.contender_id < o.contender_id
   and o.entity_id <> w.entity_id
 where f.judging_mode <> 'community_vote';

-- Pair counts per category and entity kind: the only thing the fit needs. first_id < second_id.
create function reputation.fn_leaderboard_pair_counts(p_categories text[] default null)
returns table (category text, entity_kind text, first_id uuid, second_id uuid, first_wins bigint, second_wins bigint,
  ties bigint)
language sql stable security definer set search_path = '' as $$
  select c.category, o.entity_kind, least(o.a_id, o.b_id), greatest(o.a_id, o.b_id),
         count(*) filter (where (o.score_a = 1) = (o.a_id < o.b_id) and o.score_a <> 0.5),
         count(*) filter (where (o.score_a = 1) <> (o.a_id < o.b_id) and o.score_a <> 0.5),
         count(*) filter (where o.score_a = 0.5)
    from reputation.v_pairwise_outcomes o
   cross join lateral unnest(reputation.fn_battle_categories(o.judging_mode, o.task_source, o.challenge_type,
     o.content_type)) as c (category)
   where p_categories is null or c.category = any (p_categories)
   group by 1, 2, 3, 4
$$;

-- What each leaderboard covers: outcomes, battles, the newest outcome time, and the votes excluded
-- from battles it would otherwise count (per category; the same for both entity kinds).
create function reputation.fn_leaderboard_coverage(p_categories text[] default null)
returns table (category text, entity_kind text, outcomes_count bigint, battles_count bigint, data_through timestamptz)
language sql stable security definer set search_path = '' as $$
  select c.category, o.entity_kind, count(*), count(distinct o.battle_id), max(o.occurred_at)
    from reputation.v_pairwise_outcomes o
   cross join lateral unnest(reputation.fn_battle_categories(o.judging_mode, o.task_source, o.challenge_type,
     o.content_type)) as c (category)
   where p_categories is null or c.category = any (p_categories)
   group by 1, 2
$$;

create function reputation.fn_leaderboard_excluded_votes(p_categories text[] default null)
returns table (category text, excluded_votes bigint)
language sql stable security definer set search_path = '' as $$
  select c.category, count(*)
    from battles.vote_exclusions x
    join battles.votes v on v.id = x.vote_id
    join reputation.v_finished_battles f on f.id = v.battle_id and f.judging_mode = 'community_vote'
   cross join lateral unnest(reputation.fn_battle_categories(f.judging_mode::text, f.task_source, f.challenge_type,
     f.content_type)) as c (category)
   where p_categories is null or c.category = any (p_categories)
   group by 1
$$;

-- One published leaderboard: the fitted rows and what they were fitted on. Append-only; a new
-- snapshot is stored only when its inputs (pair counts, exclusions, parameters) changed.
create table reputation.leaderboard_snapshots (
  id uuid primary key default gen_random_uuid(),
  category text not null check (category ~ '^(overall|(judging_mode|task_source|challenge_type|content_type):[a-z0-9_]{1,64})$'),
  entity_kind text not null check (entity_kind in ('lenser', 'model')),
  method text not null check (method in ('bradley_terry')),
  computed_at timestamptz not null default clock_timestamp(),
  outcomes_count bigint not null check (outcomes_count >= 0),
  excluded_votes bigint not null check (excluded_votes >= 0),
  -- The newest vote or finalization covered; null for an empty leaderboard.
  data_through timestamptz,
  -- Bootstrap rounds, seed, confidence level, prior games, battles covered, ...
  params jsonb not null check (jsonb_typeof(params) = 'object'),
  -- SHA-256 of the pair counts, exclusions and params the rows were fitted on.
  inputs_sha256 text not null check (inputs_sha256 ~ '^[0-9a-f]{64}$'),
  rows jsonb not null check (jsonb_typeof(rows) = 'array')
);
create index leaderboard_snapshots_latest_idx on reputation.leaderboard_snapshots (category, entity_kind, computed_at desc, id desc);
create trigger leaderboard_snapshots_append_only before update or delete on reputation.leaderboard_snapshots
  for each row execute function ops.forbid_mutation();
create trigger leaderboard_snapshots_no_truncate before truncate on reputation.leaderboard_snapshots
  for each statement execute function ops.forbid_mutation();

alter table reputation.leaderboard_snapshots enable row level security;
create policy leaderboard_snapshots_read on reputation.leaderboard_snapshots for select using (true);
grant select on reputation.leaderboard_snapshots to anon, authenticated, service_role;

-- The latest snapshot of a leaderboard with each row's current name and online ELO joined in at
-- read time (names change, ELO moves after every battle). Null when none was computed yet.
create function reputation.fn_leaderboard_get(p_category text, p_entity_kind text default 'lenser')
returns jsonb
language sql stable security invoker set search_path = '' as $$
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

-- The leaderboards that exist: latest snapshot per category and entity kind.
create function reputation.fn_leaderboards_list()
returns table (category text, entity_kind text, computed_at timestamptz, outcomes_count bigint, entities integer)
language sql stable security invoker set search_path = '' as $$
  select distinct on (s.category, s.entity_kind) s.category, s.entity_kind, s.computed_at, s.outcomes_count,
         jsonb_array_length(s.rows)
    from reputation.leaderboard_snapshots s
   order by s.category, s.entity_kind, s.computed_at desc, s.id desc
$$;

revoke execute on function reputation.fn_leaderboard_pair_counts(text[]), reputation.fn_leaderboard_coverage(text[]),
  reputation.fn_leaderboard_excluded_votes(text[]) from public;
grant execute on function reputation.fn_leaderboard_pair_counts(text[]), reputation.fn_leaderboard_coverage(text[]),
  reputation.fn_leaderboard_excluded_votes(text[]) to service_role;
grant execute on function reputation.fn_leaderboard_get(text, text), reputation.fn_leaderboards_list(),
  reputation.fn_battle_categories(text, text, text, text) to anon, authenticated, service_role;
