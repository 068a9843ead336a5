-- Online ELO after every finalized battle, with a change log that is the only way a rating moves.
-- The formula is src/core/ratings/elo.ts rateBattle (FORMULA_VERSION elo-pairwise-v1); a test proves
-- the two agree on random battles. docs/ratings.md explains every rule here.

create schema if not exists reputation;

-- Settings (docs/configuration.md). Defaults equal DEFAULT_K, DEFAULT_PROVISIONAL_K,
-- DEFAULT_PROVISIONAL_GAMES and DEFAULT_START_RATING in elo.ts.
create function reputation.fn_setting_float(p_key text, p_default double precision)
returns double precision
language plpgsql stable set search_path = '' as $$
declare v text := ops.setting(p_key);
begin
  if v is null then return p_default; end if;
  return v::double precision;
exception when invalid_text_representation then
  return p_default;
end $$;

create function reputation.fn_elo_settings(
  out k double precision, out provisional_k double precision, out provisional_games integer,
  out start_rating double precision)
language plpgsql stable set search_path = '' as $$
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

-- Current rating per rated entity: a lenser profile (human or AI persona) or an AI model.
create table reputation.elo_ratings (
  entity_kind text not null check (entity_kind in ('lenser', 'model')),
  entity_id uuid not null,
  rating double precision not null,
  games integer not null check (games >= 0),
  updated_at timestamptz not null default now(),
  primary key (entity_kind, entity_id)
);

-- Battles whose result no longer counts (an operator overturned it, or it was cancelled after
-- finalization): their ELO deltas are compensated and their outcomes leave the leaderboards.
create table reputation.battle_reversals (
  battle_id uuid primary key references battles.battles (id),
  reason text not null check (length(btrim(reason)) between 1 and 2000),
  reversed_by uuid references lensers.profiles (id),
  created_at timestamptz not null default now()
);

-- Corrected results: an operator overturned a finalized battle's result and gave the right one, as
-- a rank per contender (1 best; equal ranks share a place). fn_correct_battle_result also writes it
-- into the battle's own result (winner, ranks) before ELO, leaderboards and XP read that result.
-- Append-only: correcting again adds a row.
create table reputation.result_corrections (
  id bigint generated always as identity primary key,
  battle_id uuid not null references battles.battles (id),
  -- {"<contender id>": rank, ...} for exactly the contenders the original result placed.
  ranks jsonb not null check (jsonb_typeof(ranks) = 'object'),
  -- The single contender ranked 1, or null when first place is shared (a draw).
  winner_contender_id uuid references battles.contenders (id),
  reason text not null check (length(btrim(reason)) between 1 and 2000),
  corrected_by uuid references lensers.profiles (id),
  created_at timestamptz not null default now()
);
create index result_corrections_battle_idx on reputation.result_corrections (battle_id, id desc);
create trigger result_corrections_append_only before update or delete on reputation.result_corrections
  for each row execute function ops.forbid_mutation();
create trigger result_corrections_no_truncate before truncate on reputation.result_corrections
  for each statement execute function ops.forbid_mutation();

-- One row per entity per rated battle ('battle'), one compensating row per reversed row
-- ('reversal'), and one row per entity applying a corrected result ('correction', naming the
-- correction). Append-only; inserting a row is what moves a rating (trg_elo_log_apply).
create table reputation.elo_battle_log (
  id bigint generated always as identity primary key,
  battle_id uuid not null references battles.battles (id),
  entity_kind text not null check (entity_kind in ('lenser', 'model')),
  entity_id uuid not null,
  rating_before double precision not null,
  rating_after double precision not null,
  delta double precision not null,
  -- K applied to this entity, before division by the number of opponents.
  k double precision not null check (k > 0),
  -- Mean expected and actual score against the opponents (1 win, 0.5 draw, 0 loss).
  expected_score double precision not null check (expected_score between 0 and 1),
  outcome double precision not null check (outcome between 0 and 1),
  opponents integer not null check (opponents >= 1),
  formula_version text not null,
  reason text not null check (reason in ('battle', 'reversal', 'correction')),
  reverses_log_id bigint references reputation.elo_battle_log (id),
  correction_id bigint references reputation.result_corrections (id),
  created_at timestamptz not null default clock_timestamp(),
  -- Exact in IEEE doubles: the row is computed as rating_before + delta, and replay repeats that sum.
  constraint elo_log_after_is_before_plus_delta check (rating_after = rating_before + delta),
  constraint elo_log_reversal_names_row check ((reason = 'reversal') = (reverses_log_id is not null)),
  constraint elo_log_correction_names_correction check ((reason = 'correction') = (correction_id is not null))
);
-- A battle rates an entity once, a correction once, and a row is reversed at most once: this is what
-- makes fn_compute_elo_after_battle, fn_reverse_elo_for_battle and fn_correct_battle_result
-- idempotent even under a race.
create unique index elo_log_one_per_battle on reputation.elo_battle_log (battle_id, entity_kind, entity_id)
  where reason = 'battle';
create unique index elo_log_one_per_correction on reputation.elo_battle_log (correction_id, entity_kind, entity_id)
  where reason = 'correction';
create unique index elo_log_reversed_once on reputation.elo_battle_log (reverses_log_id)
  where reverses_log_id is not null;
create index elo_log_entity_idx on reputation.elo_battle_log (entity_kind, entity_id, id);

create trigger elo_log_append_only before update or delete on reputation.elo_battle_log
  for each row execute function ops.forbid_mutation();
create trigger elo_log_no_truncate before truncate on reputation.elo_battle_log
  for each statement execute function ops.forbid_mutation();
create trigger battle_reversals_append_only before update or delete on reputation.battle_reversals
  for each row execute function ops.forbid_mutation();
create trigger battle_reversals_no_truncate before truncate on reputation.battle_reversals
  for each statement execute function ops.forbid_mutation();

-- Applies a log row to elo_ratings: the row must continue from the entity's current rating (or the
-- start rating for a first battle); a reversal must undo exactly one battle or correction row of the
-- same battle and entity; a correction row must belong to a correction of its battle. The ratings guard lets the write through only while the flag names this very row.
create function reputation.trg_elo_log_apply() returns trigger
language plpgsql security definer set search_path = '' as $$
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

create trigger elo_log_apply after insert on reputation.elo_battle_log
  for each row execute function reputation.trg_elo_log_apply();

-- No rating changes without its log row: a write to elo_ratings passes only from inside
-- trg_elo_log_apply (trigger depth > 1, transaction-local flag naming the log row being applied)
-- and only to the value and entity of that row. Deletes never pass (migrations aside).
create function reputation.trg_elo_ratings_guard() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;

create trigger elo_ratings_guard before insert or update or delete on reputation.elo_ratings
  for each row execute function reputation.trg_elo_ratings_guard();
create trigger elo_ratings_no_truncate before truncate on reputation.elo_ratings
  for each statement execute function ops.forbid_mutation();

-- The formula of elo.ts rateBattle, in SQL, for one battle of n >= 2 entities given in order:
--   E_i = Σ_j 1 / (1 + 10^((R_j - R_i) / 400)) / (n - 1),  S_i = Σ_j s_ij / (n - 1)
--   s_ij = 1 if rank_i < rank_j, 0.5 if equal, 0 otherwise;  K_i = provisional K while games_i < provisional games
--   delta_i = K_i · (S_i - E_i)
-- Everything is double precision (a numeric 0.5 would turn the sums decimal). The exponent is clamped
-- at ±700 so exp() cannot overflow; that changes E by less than 1e-300.
create function reputation.fn_elo_rate(
  p_ids uuid[], p_ranks double precision[], p_ratings double precision[], p_games integer[],
  p_k double precision, p_provisional_k double precision, p_provisional_games integer)
returns table (entity_id uuid, rating_before double precision, k double precision, expected_score double precision,
  outcome double precision, delta double precision, opponents integer)
language sql immutable set search_path = '' as $$
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

-- Who a contender is, as rated entities: its lenser profile (the human, or the AI persona's own
-- profile) and, for AI contenders, the model behind the entry (the final submission's model when it
-- names one, else the persona's model). Group contenders have no profile and are not rated.
-- rank_position is the battle's result (corrected in place by fn_correct_battle_result).
create view reputation.v_contender_entities as
select c.battle_id, c.id as contender_id, c.contender_status, a.rank_position,
       'lenser'::text as entity_kind, coalesce(m.profile_id, l.profile_id) as entity_id
  from battles.contenders c
  join battles.contender_entity_map m on m.contender_id = c.id
  left join agents.ai_lensers l on l.id = m.ai_lenser_id
  left join battles.vote_aggregates a on a.battle_id = c.battle_id and a.contender_id = c.id
 where coalesce(m.profile_id, l.profile_id) is not null
union all
select c.battle_id, c.id, c.contender_status, a.rank_position, 'model'::text, coalesce(s.model_id, l.model_id)
  from battles.contenders c
  join battles.contender_entity_map m on m.contender_id = c.id
  join agents.ai_lensers l on l.id = m.ai_lenser_id
  left join battles.submissions s on s.contender_id = c.id and s.is_final
  left join battles.vote_aggregates a on a.battle_id = c.battle_id and a.contender_id = c.id;

-- Placements ELO rates for a finalized battle: every ranked contender except the withdrawn
-- (disqualified and eliminated ones rank last and count as losses). Models are rated only among a
-- battle's AI contenders and only when at least two distinct models took part; a model fielded twice
-- is placed by its best contender.
create function reputation.fn_battle_placements(p_battle_id uuid)
returns table (entity_kind text, entity_id uuid, rank_position integer)
language sql stable security definer set search_path = '' as $$
  select e.entity_kind, e.entity_id, min(e.rank_position)::integer
    from reputation.v_contender_entities e
   where e.battle_id = p_battle_id and e.contender_status <> 'withdrawn' and e.rank_position is not null
     and (e.entity_kind = 'lenser'
          or (select count(distinct e2.entity_id) from reputation.v_contender_entities e2
               where e2.battle_id = p_battle_id and e2.entity_kind = 'model' and e2.contender_status <> 'withdrawn'
                 and e2.rank_position is not null) >= 2)
   group by e.entity_kind, e.entity_id
$$;

-- Serialises rating changes per entity across transactions (sessions lock in entity order, so two
-- battles sharing entities cannot deadlock). The log trigger's check is the guarantee; the lock only
-- saves the losing transaction from an elo_log_gap refusal.
create function reputation.fn_lock_entity(p_kind text, p_id uuid) returns void
language sql volatile set search_path = '' as $$
  select pg_advisory_xact_lock(71604430, hashtext(p_kind || ':' || p_id::text))
$$;

-- Writes one log row per placed entity of the battle, per entity kind, rated from the entities'
-- current ratings and games: reason 'battle' for the finalized result, 'correction' (naming the
-- correction) for a corrected one. Fewer than two placed entities of a kind: nothing for that kind.
-- Internal: callers check the battle and the caller.
create function reputation.fn_elo_rate_placements(p_battle_id uuid, p_reason text, p_correction_id bigint)
returns integer
language plpgsql security definer set search_path = '' as $$
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

-- Writes, for every battle or correction row of the battle not reversed yet, a 'reversal' row that
-- subtracts its delta from the entity's current rating (and one game). Old rows are never edited.
-- Internal: callers check the battle and the caller.
create function reputation.fn_elo_compensate(p_battle_id uuid)
returns integer
language plpgsql security definer set search_path = '' as $$
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

-- Rates a finalized battle: one 'battle' log row per placed entity, per entity kind. Runs inside
-- fn_rank_and_close for every finalization; idempotent (a battle with log rows, or reversed, is left
-- alone).
create function reputation.fn_compute_elo_after_battle(p_battle_id uuid)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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

-- Takes a battle's result out of the ratings: records the reversal and compensates every battle or
-- correction row of the battle (fn_elo_compensate). Operators and the system only; idempotent. A
-- battle reversed before it was rated is never rated. Leaderboards and XP follow in the same
-- transaction (reputation.fn_battle_result_changed, 0024_xp_ledger.sql).
create function reputation.fn_reverse_elo_for_battle(p_battle_id uuid, p_reason text)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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

-- Overturns a finalized battle's result with the right one: the operator gives a rank per contender
-- (p_ranks {"<contender id>": rank}, for exactly the contenders the result placed) or the winner
-- (p_winner_contender_id: rank 1, everyone else placed rank 2). Records the correction, compensates
-- the ratings the previous result moved (fn_elo_compensate), and rates the corrected result from
-- the ratings as they then stand ('correction' rows), so for a battle that was the entities' last
-- the ratings end as if the corrected result had been the original. Battles rated after it keep
-- their deltas. Correcting again replaces the previous correction the same way. Leaderboards and
-- XP follow in the same transaction. Operators and the system only.
create function reputation.fn_correct_battle_result(p_battle_id uuid, p_reason text, p_ranks jsonb default null,
  p_winner_contender_id uuid default null)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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
end $$;

-- Rebuilds every rating by replaying the log in id order: rating ← rating + delta, games ± 1. Each
-- entity starts where its first log row starts: that row's rating_before is the start rating in
-- force when the entity was first rated (trg_elo_log_apply checked it then), so changing
-- app.elo_start_rating later does not disturb the replay. `consistent` is false when the first row
-- is not a battle row or a later row did not start where the replay stood.
-- Operators compare it with elo_ratings (query in docs/ratings.md); a test proves they are equal.
create function reputation.fn_elo_replay()
returns table (entity_kind text, entity_id uuid, rating double precision, games integer, consistent boolean)
language plpgsql stable security definer set search_path = '' as $$
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

-- An entity's ELO history for charts: its log rows in order (RLS hides rows of battles whose results the caller
-- may not see: battles.fn_results_visible).
create function reputation.fn_elo_history(p_entity_kind text, p_entity_id uuid, p_limit integer default 1000)
returns table (log_id bigint, battle_id uuid, reason text, rating_before double precision, rating_after double precision,
  delta double precision, k double precision, expected_score double precision, outcome double precision,
  opponents integer, formula_version text, reverses_log_id bigint, correction_id bigint, created_at timestamptz)
language sql stable security invoker set search_path = '' as $$
  select * from (
    select l.id, l.battle_id, l.reason, l.rating_before, l.rating_after, l.delta, l.k, l.expected_score, l.outcome,
           l.opponents, l.formula_version, l.reverses_log_id, l.correction_id, l.created_at
      from reputation.elo_battle_log l
     where l.entity_kind = p_entity_kind and l.entity_id = p_entity_id
     order by l.id desc
     limit least(greatest(coalesce(p_limit, 1000), 1), 5000)) h
  order by h.id
$$;

alter table reputation.elo_ratings enable row level security;
alter table reputation.elo_battle_log enable row level security;
alter table reputation.battle_reversals enable row level security;
alter table reputation.result_corrections enable row level security;
create policy elo_ratings_read on reputation.elo_ratings for select using (true);
-- A battle's log rows tell its result: they follow battles.fn_results_visible (0006_battles_access.sql).
create policy elo_log_read on reputation.elo_battle_log for select using (
  battles.fn_can_view(battle_id) and battles.fn_results_visible(battle_id));
create policy battle_reversals_read on reputation.battle_reversals for select using (lensers.fn_is_operator());
create policy result_corrections_read on reputation.result_corrections for select using (lensers.fn_is_operator());

grant usage on schema reputation to anon, authenticated, service_role;
grant select on reputation.elo_ratings, reputation.elo_battle_log, reputation.battle_reversals,
  reputation.result_corrections to anon, authenticated, service_role;
revoke execute on all functions in schema reputation from public;
grant execute on function reputation.fn_elo_rate(uuid[], double precision[], double precision[], integer[],
    double precision, double precision, integer),
  reputation.fn_elo_history(text, uuid, integer), reputation.fn_elo_settings(), reputation.fn_setting_float(text, double precision)
  to anon, authenticated, service_role;
grant execute on function reputation.fn_reverse_elo_for_battle(uuid, text),
  reputation.fn_correct_battle_result(uuid, text, jsonb, uuid) to authenticated, service_role;
grant execute on function reputation.fn_compute_elo_after_battle(uuid), reputation.fn_elo_replay()
  to service_role;
