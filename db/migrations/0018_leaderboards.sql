-- Global leaderboards: pairwise outcomes of battles whose results are published, kept as stored pair
-- counts per category that change in the same transaction as what changes them (publication,
-- overturn, correction, vote exclusion), so a refit and its "nothing changed" check read O(pairs) rows,
-- never the votes. Fitted by src/ratings/leaderboard-job.ts and stored as snapshots. Vote exclusions
-- by operators keep abuse out. docs/ratings.md explains the rules.

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
-- operator overturns that with reputation.fn_reverse_elo_for_battle or corrects it with
-- reputation.fn_correct_battle_result.
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
  if not found then
    return jsonb_build_object('vote_id', p_vote_id, 'battle_id', v_battle, 'already_excluded', true);
  end if;
  -- The vote leaves the stored pair counts now, if its battle counts.
  perform reputation.fn_leaderboard_sync_battle(v_battle);
  return jsonb_build_object('vote_id', p_vote_id, 'battle_id', v_battle, 'already_excluded', false);
end $$;
revoke execute on function battles.fn_exclude_vote(uuid, text) from public, anon;
grant execute on function battles.fn_exclude_vote(uuid, text) to authenticated, service_role;

-- Battles whose outcomes count on the public leaderboards: finalized with results published
-- (published, or archived after publication), not cancelled, not deleted, not overturned. A battle
-- whose results are not (or no longer) public counts nowhere. `corrected`: an operator gave a
-- corrected result, whose ranks replace the battle's own outcomes (0017_reputation_elo.sql).
create view reputation.v_counted_battles as
select b.id, b.judging_mode, b.task_source, b.challenge_type, b.content_type, b.finalized_at,
       exists (select 1 from reputation.result_corrections rc where rc.battle_id = b.id) as corrected
  from battles.battles b
 where b.finalized_at is not null and b.published_at is not null and b.status in ('published', 'archived')
   and b.cancelled_at is null and b.deleted_at is null
   and not exists (select 1 from reputation.battle_reversals r where r.battle_id = b.id);

-- Leaderboard categories of a battle: overall and one per axis value.
create function reputation.fn_battle_categories(p_judging_mode text, p_task_source text, p_challenge_type text,
  p_content_type text)
returns text[]
language sql immutable set search_path = '' as $$
  select array_remove(array['overall', 'judging_mode:' || p_judging_mode, 'task_source:' || p_task_source,
    'challenge_type:' || p_challenge_type, 'content_type:' || p_content_type], null)
$$;

-- Every pairwise outcome of the counted battles, score_a = score of entity a (1 win, 0.5 tie, 0 loss):
--  * community_vote battles, from their non-excluded votes: a vote for contender V is a win of V over
--    every other contender in the running; a draw vote is a tie for every pair in the running.
--  * other judging modes, and any corrected battle, from the result's ranks: one outcome per pair of
--    placed contenders (as ELO places them: all but the withdrawn).
-- Pairs of the same entity (a model fielded twice) are skipped. occurred_at is the vote's time or,
-- for ranks, the finalization time. What the stored counts are kept equal to (fn_leaderboard_sync_battle).
create view reputation.v_pairwise_outcomes as
select 'vote'::text as source, f.id as battle_id, v.id as vote_id, v.created_at as occurred_at,
       f.judging_mode::text as judging_mode, f.task_source, f.challenge_type, f.content_type,
       w.entity_kind, w.entity_id as a_id, o.entity_id as b_id,
       case when v.is_draw then 0.5::double precision else 1::double precision end as score_a
  from reputation.v_counted_battles f
  join battles.votes v on v.battle_id = f.id
  join reputation.v_contender_entities w on w.battle_id = f.id and w.contender_status in ('active', 'accepted')
   and (v.is_draw or w.contender_id = v.voted_contender_id)
  join reputation.v_contender_entities o on o.battle_id = f.id and o.contender_status in ('active', 'accepted')
   and o.entity_kind = w.entity_kind and o.contender_id <> w.contender_id and o.entity_id <> w.entity_id
   and (not v.is_draw or w.contender_id < o.contender_id)
 where f.judging_mode = 'community_vote' and not f.corrected
   and not exists (select 1 from battles.vote_exclusions x where x.vote_id = v.id)
union all
select 'rank', f.id, null, f.finalized_at, f.judging_mode::text, f.task_source, f.challenge_type, f.content_type,
       w.entity_kind, w.entity_id, o.entity_id,
       case when w.rank_position < o.rank_position then 1::double precision
            when w.rank_position = o.rank_position then 0.5::double precision else 0::double precision end
  from reputation.v_counted_battles f
  join reputation.v_contender_entities w on w.battle_id = f.id and w.contender_status <> 'withdrawn'
   and w.rank_position is not null
  join reputation.v_contender_entities o on o.battle_id = f.id and o.contender_status <> 'withdrawn'
   and o.rank_position is not null and o.entity_kind = w.entity_kind and w.contender_id < o.contender_id
   and o.entity_id <> w.entity_id
 where f.judging_mode <> 'community_vote' or f.corrected;

-- The outcomes per counted battle and pair of entities (first_id < second_id), as the stored counts
-- hold them: what fn_leaderboard_sync_battle adds for a battle and the recounts sum.
create view reputation.v_battle_pair_counts as
select o.battle_id, reputation.fn_battle_categories(o.judging_mode, o.task_source, o.challenge_type, o.content_type)
         as categories,
       o.entity_kind, least(o.a_id, o.b_id) as first_id, greatest(o.a_id, o.b_id) as second_id,
       count(*) filter (where (o.score_a = 1) = (o.a_id < o.b_id) and o.score_a <> 0.5) as first_wins,
       count(*) filter (where (o.score_a = 1) <> (o.a_id < o.b_id) and o.score_a <> 0.5) as second_wins,
       count(*) filter (where o.score_a = 0.5) as ties,
       max(o.occurred_at) as last_outcome_at
  from reputation.v_pairwise_outcomes o
 group by o.battle_id, o.judging_mode, o.task_source, o.challenge_type, o.content_type, o.entity_kind,
          least(o.a_id, o.b_id), greatest(o.a_id, o.b_id);

-- ---- Stored pair counts ---------------------------------------------------------------------------
-- Each counted battle's own contribution is kept (leaderboard_battles, leaderboard_battle_pairs), so
-- taking a battle out subtracts exactly what it added, whatever changed since. The aggregates are
-- per (category, entity kind): pair counts, totals (outcomes, battles, newest outcome) and excluded
-- votes. Rows that fall to zero are deleted, so the tables equal a full recount
-- (fn_leaderboard_*_recount below; a test and the runbook query compare them). Written only by
-- fn_leaderboard_sync_battle; nobody else has a grant.

create table reputation.leaderboard_battles (
  battle_id uuid primary key references battles.battles (id),
  categories text[] not null,
  -- Excluded votes of this battle that would otherwise count (vote-decided battles only).
  excluded_votes integer not null check (excluded_votes >= 0),
  counted_at timestamptz not null default now()
);

create table reputation.leaderboard_battle_pairs (
  battle_id uuid not null references reputation.leaderboard_battles (battle_id) on delete cascade,
  entity_kind text not null check (entity_kind in ('lenser', 'model')),
  first_id uuid not null,
  second_id uuid not null,
  first_wins bigint not null check (first_wins >= 0),
  second_wins bigint not null check (second_wins >= 0),
  ties bigint not null check (ties >= 0),
  last_outcome_at timestamptz not null,
  primary key (battle_id, entity_kind, first_id, second_id),
  check (first_id < second_id)
);

create table reputation.leaderboard_pair_counts (
  category text not null,
  entity_kind text not null check (entity_kind in ('lenser', 'model')),
  first_id uuid not null,
  second_id uuid not null,
  first_wins bigint not null check (first_wins >= 0),
  second_wins bigint not null check (second_wins >= 0),
  ties bigint not null check (ties >= 0),
  primary key (category, entity_kind, first_id, second_id),
  check (first_id < second_id)
);

-- Per battle, category and entity kind with outcomes: how many and the newest, so the newest outcome
-- of a category can be found again (by index) when a battle leaves it.
create table reputation.leaderboard_battle_coverage (
  category text not null,
  entity_kind text not null,
  battle_id uuid not null references reputation.leaderboard_battles (battle_id) on delete cascade,
  outcomes bigint not null check (outcomes > 0),
  last_outcome_at timestamptz not null,
  primary key (category, entity_kind, battle_id)
);
create index leaderboard_battle_coverage_latest_idx
  on reputation.leaderboard_battle_coverage (category, entity_kind, last_outcome_at desc);
create index leaderboard_battle_coverage_battle_idx on reputation.leaderboard_battle_coverage (battle_id);

create table reputation.leaderboard_totals (
  category text not null,
  entity_kind text not null check (entity_kind in ('lenser', 'model')),
  outcomes_count bigint not null check (outcomes_count >= 0),
  battles_count bigint not null check (battles_count > 0),
  data_through timestamptz not null,
  primary key (category, entity_kind)
);

create table reputation.leaderboard_excluded_votes (
  category text primary key,
  excluded_votes bigint not null check (excluded_votes > 0)
);

-- Puts a battle's outcomes into the stored counts, or takes them out, so that they match what the
-- battle counts for now: first its previous contribution (if any) is subtracted, then, if the battle
-- counts (v_counted_battles), its current outcomes are added. Idempotent; O(the battle's outcomes +
-- its pairs). Called when results are published and whenever a counted battle's outcomes may have
-- changed (vote excluded, result overturned or corrected) through reputation.fn_battle_result_changed
-- (0024_xp_ledger.sql), and by fn_exclude_vote.
create function reputation.fn_leaderboard_sync_battle(p_battle_id uuid)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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

-- Pair counts per category and entity kind: the only thing the fit needs. first_id < second_id.
create function reputation.fn_leaderboard_pair_counts(p_categories text[] default null)
returns table (category text, entity_kind text, first_id uuid, second_id uuid, first_wins bigint, second_wins bigint,
  ties bigint)
language sql stable security definer set search_path = '' as $$
  select p.category, p.entity_kind, p.first_id, p.second_id, p.first_wins, p.second_wins, p.ties
    from reputation.leaderboard_pair_counts p
   where p_categories is null or p.category = any (p_categories)
$$;

-- What each leaderboard covers: outcomes, battles, the newest outcome time.
create function reputation.fn_leaderboard_coverage(p_categories text[] default null)
returns table (category text, entity_kind text, outcomes_count bigint, battles_count bigint, data_through timestamptz)
language sql stable security definer set search_path = '' as $$
  select t.category, t.entity_kind, t.outcomes_count, t.battles_count, t.data_through
    from reputation.leaderboard_totals t
   where p_categories is null or t.category = any (p_categories)
$$;

-- The votes excluded from battles a leaderboard counts (per category; the same for both entity kinds).
create function reputation.fn_leaderboard_excluded_votes(p_categories text[] default null)
returns table (category text, excluded_votes bigint)
language sql stable security definer set search_path = '' as $$
  select e.category, e.excluded_votes
    from reputation.leaderboard_excluded_votes e
   where p_categories is null or e.category = any (p_categories)
$$;

-- The same three answers recounted from the outcomes (summed over every counted battle, not kept
-- up incrementally): what the stored tables must equal. For tests and operators (docs/ratings.md),
-- not for refits.
create function reputation.fn_leaderboard_pair_counts_recount(p_categories text[] default null)
returns table (category text, entity_kind text, first_id uuid, second_id uuid, first_wins bigint, second_wins bigint,
  ties bigint)
language sql stable security definer set search_path = '' as $$
  select c.category, d.entity_kind, d.first_id, d.second_id,
         sum(d.first_wins)::bigint, sum(d.second_wins)::bigint, sum(d.ties)::bigint
    from reputation.v_battle_pair_counts d
   cross join lateral unnest(d.categories) as c (category)
   where p_categories is null or c.category = any (p_categories)
   group by 1, 2, 3, 4
$$;

create function reputation.fn_leaderboard_coverage_recount(p_categories text[] default null)
returns table (category text, entity_kind text, outcomes_count bigint, battles_count bigint, data_through timestamptz)
language sql stable security definer set search_path = '' as $$
  select c.category, d.entity_kind, sum(d.first_wins + d.second_wins + d.ties)::bigint, count(distinct d.battle_id),
         max(d.last_outcome_at)
    from reputation.v_battle_pair_counts d
   cross join lateral unnest(d.categories) as c (category)
   where p_categories is null or c.category = any (p_categories)
   group by 1, 2
$$;

create function reputation.fn_leaderboard_excluded_votes_recount(p_categories text[] default null)
returns table (category text, excluded_votes bigint)
language sql stable security definer set search_path = '' as $$
  select c.category, count(*)
    from battles.vote_exclusions x
    join battles.votes v on v.id = x.vote_id
    join reputation.v_counted_battles f on f.id = v.battle_id and f.judging_mode = 'community_vote' and not f.corrected
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

alter table reputation.leaderboard_battles enable row level security;
alter table reputation.leaderboard_battle_pairs enable row level security;
alter table reputation.leaderboard_pair_counts enable row level security;
alter table reputation.leaderboard_battle_coverage enable row level security;
alter table reputation.leaderboard_totals enable row level security;
alter table reputation.leaderboard_excluded_votes enable row level security;

revoke execute on function reputation.fn_leaderboard_sync_battle(uuid) from public;
revoke execute on function reputation.fn_leaderboard_pair_counts(text[]), reputation.fn_leaderboard_coverage(text[]),
  reputation.fn_leaderboard_excluded_votes(text[]), reputation.fn_leaderboard_pair_counts_recount(text[]),
  reputation.fn_leaderboard_coverage_recount(text[]), reputation.fn_leaderboard_excluded_votes_recount(text[]) from public;
grant execute on function reputation.fn_leaderboard_pair_counts(text[]), reputation.fn_leaderboard_coverage(text[]),
  reputation.fn_leaderboard_excluded_votes(text[]), reputation.fn_leaderboard_pair_counts_recount(text[]),
  reputation.fn_leaderboard_coverage_recount(text[]), reputation.fn_leaderboard_excluded_votes_recount(text[])
  to service_role;
grant execute on function reputation.fn_leaderboard_get(text, text), reputation.fn_leaderboards_list(),
  reputation.fn_battle_categories(text, text, text, text) to anon, authenticated, service_role;
