-- XP: experience points as an append-only ledger. Battles mint XP in SQL when their results are
-- published; an overturned or corrected result is answered with compensating rows, never by editing
-- old ones ("Add compensating XP ledger events if a rule over-awarded. Do not mutate existing XP
-- ledger rows directly." — reference/trust-gateway-runbook.md). docs/xp.md explains the rules.

create schema if not exists xp;

-- One row per XP event. An award (amount > 0) says what earned it; a compensation (amount < 0)
-- names the award it takes back and negates it exactly. A lenser's XP is the sum of their rows.
create table xp.ledger (
  id bigint generated always as identity primary key,
  lenser_id uuid not null references lensers.profiles (id),
  event_type text not null check (event_type ~ '^[A-Z][A-Z0-9_]{2,63}$'),
  amount integer not null check (amount <> 0),
  battle_id uuid references battles.battles (id),
  reason text not null check (length(btrim(reason)) between 1 and 500),
  -- Awards of a battle: 1 for the first award of this (battle, lenser, event type), n + 1 after the
  -- n-th was taken back. With the unique index below this is what keeps at most one award per
  -- (battle, lenser, event type) standing, and minting twice a no-op.
  award_number integer check (award_number >= 1),
  compensates_id bigint references xp.ledger (id),
  created_at timestamptz not null default clock_timestamp(),
  constraint ledger_award_or_compensation check ((compensates_id is null) = (amount > 0)),
  constraint ledger_battle_awards_numbered check (
    (battle_id is not null and compensates_id is null) = (award_number is not null))
);
create unique index ledger_battle_award_once on xp.ledger (battle_id, lenser_id, event_type, award_number)
  where award_number is not null;
create unique index ledger_compensated_once on xp.ledger (compensates_id) where compensates_id is not null;
create index ledger_lenser_idx on xp.ledger (lenser_id, id desc);
create index ledger_battle_idx on xp.ledger (battle_id) where battle_id is not null;

create trigger ledger_append_only before update or delete on xp.ledger
  for each row execute function ops.forbid_mutation();
create trigger ledger_no_truncate before truncate on xp.ledger
  for each statement execute function ops.forbid_mutation();

-- A compensation takes back one award of the same lenser, event type and battle, by exactly its
-- amount; a numbered battle award follows the awards before it, all of them taken back.
create function xp.trg_ledger_check() returns trigger
language plpgsql security definer set search_path = '' as $$
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

create trigger ledger_check before insert on xp.ledger
  for each row execute function xp.trg_ledger_check();

-- Amounts (docs/configuration.md): XP for taking part in a battle whose results are published, and
-- the extra XP for winning it. 0 turns an award off.
create function xp.fn_battle_amounts(out completed integer, out won integer)
language plpgsql stable set search_path = '' as $$
begin
  completed := ops.setting_int('app.xp_battle_completed', 10);
  won := ops.setting_int('app.xp_battle_won', 25);
  if completed < 0 or won < 0 then
    perform ops.fail('invalid_setting', format('XP amounts must not be negative: completed=%s won=%s', completed, won), '22023');
  end if;
end $$;

-- The XP a battle owes as it stands. While it counts (results published, not overturned:
-- reputation.v_counted_battles) every human contender who took part — in the running or
-- eliminated, with a final entry — is owed BATTLE_COMPLETED, and the winner (as corrected, if an
-- operator corrected the result) also BATTLE_WON; otherwise nothing is owed.
create function xp.fn_battle_xp_owed(p_battle_id uuid)
returns table (lenser_id uuid, event_type text, amount integer, reason text)
language sql stable security definer set search_path = '' as $$
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

-- Makes a battle's XP match what it owes (fn_battle_xp_owed): standing awards no longer owed are
-- compensated, owed awards not standing are minted. Idempotent per (battle, lenser, event type);
-- amounts are those in force when an award is minted.
create function xp.fn_sync_battle_xp(p_battle_id uuid)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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

-- What a battle's published result feeds — the leaderboard pair counts (0018_leaderboards.sql) and
-- XP — brought in line with the battle as it stands. Called in the same transaction when results
-- are published (battles.fn_battles_publish_results), overturned or corrected (0017_reputation_elo.sql);
-- anything else that changes whether or what a battle's result counts (e.g. taking results back
-- from the public) calls it too. Idempotent.
create function reputation.fn_battle_result_changed(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform reputation.fn_leaderboard_sync_battle(p_battle_id);
  perform xp.fn_sync_battle_xp(p_battle_id);
end $$;

-- A lenser's XP for their profile: the total of all their rows and the newest events (rows of
-- battles the caller cannot see are left out of the list, not of the total).
create function xp.fn_lenser_xp(p_lenser_id uuid, p_recent integer default 10)
returns jsonb
language sql stable security definer set search_path = '' as $$
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

alter table xp.ledger enable row level security;
create policy ledger_read on xp.ledger for select using (
  lenser_id = auth.uid() or lensers.fn_is_operator() or battle_id is null or battles.fn_can_view(battle_id));

grant usage on schema xp to anon, authenticated, service_role;
grant select on xp.ledger to anon, authenticated, service_role;
revoke execute on all functions in schema xp from public;
revoke execute on function reputation.fn_battle_result_changed(uuid) from public;
grant execute on function xp.fn_lenser_xp(uuid, integer) to anon, authenticated, service_role;
