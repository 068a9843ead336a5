-- Voting: eligibility, one vote per human per battle, and tallies that always equal the votes.

-- Why the caller may not vote right now, or null when they may. One rule set for fn_submit_vote and
-- for pages that explain to an ineligible voter why.
create function battles.fn_vote_refusal(b battles.battles, p_acting uuid, p_principal uuid)
returns table (code text, message text)
language plpgsql stable security definer set search_path = '' as $$
declare
  v_acting lensers.profiles;
  v_principal lensers.profiles;
begin
  select * into v_acting from lensers.profiles where id = p_acting;
  select * into v_principal from lensers.profiles where id = p_principal;
  if b.status <> 'voting' then
    return query select 'voting_not_open', format('voting is not open (the battle is %s)', b.status);
  elsif b.voting_opens_at is not null and now() < b.voting_opens_at then
    return query select 'voting_not_open', format('voting opens at %s', b.voting_opens_at);
  elsif b.voting_closes_at is not null and now() >= b.voting_closes_at then
    return query select 'voting_closed', 'voting has closed';
  elsif exists (select 1 from battles.contender_entity_map m left join agents.ai_lensers l on l.id = m.ai_lenser_id
                 where m.battle_id = b.id
                   and (m.profile_id in (p_acting, p_principal) or l.profile_id = p_acting or l.owner_profile_id = p_principal)) then
    return query select 'contender_cannot_vote', 'contenders cannot vote in their own battle';
  elsif b.voter_eligibility = 'lenser_only' and v_principal.is_anonymous then
    return query select 'voter_ineligible', 'only registered lensers may vote in this battle';
  elsif b.voter_eligibility = 'verified_lenser' and (v_principal.is_anonymous or not v_acting.is_verified) then
    return query select 'voter_ineligible', 'only verified lensers may vote in this battle';
  elsif b.voter_eligibility = 'human_only' and v_acting.kind <> 'human' then
    return query select 'voter_ineligible', 'only humans may vote in this battle';
  elsif b.voter_eligibility = 'ai_only' and v_acting.kind <> 'ai' then
    return query select 'voter_ineligible', 'only AI lensers may vote in this battle';
  elsif exists (select 1 from battles.votes v where v.battle_id = b.id and (v.principal_id = p_principal or v.voter_lenser_id = p_acting)) then
    return query select 'already_voted', 'you have already voted in this battle';
  end if;
end $$;

create function battles.fn_submit_vote(
  p_battle_id uuid, p_voted_contender_id uuid default null, p_vote_value battles.vote_value_enum default null,
  p_is_draw boolean default false, p_rationale text default null)
returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_principal uuid := lensers.fn_require_principal();
  v_acting uuid := lensers.fn_acting_profile_id();
  b battles.battles;
  v_refusal record;
  v_slot text;
  v_value battles.vote_value_enum;
  v_id uuid;
  -- coalesce: a vote naming only its contender (no vote_value) is not a draw, not null.
  v_draw boolean := coalesce(p_is_draw, false) or coalesce(p_vote_value = 'draw', false);
begin
  -- No row lock here: the tally update at the end re-checks the status under the row lock
  -- (trg_votes_tally), so a vote racing the close of voting is refused there.
  select * into b from battles.battles where id = p_battle_id and deleted_at is null;
  if not found or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  select * into v_refusal from battles.fn_vote_refusal(b, v_acting, v_principal);
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

  insert into battles.votes (battle_id, voter_lenser_id, principal_id, voted_contender_id, vote_value, is_draw,
    is_ai_vote, rationale)
  values (b.id, v_acting, v_principal, case when v_draw then null else p_voted_contender_id end, v_value, v_draw,
    v_acting <> v_principal, nullif(btrim(p_rationale), ''))
  on conflict do nothing
  returning id into v_id;
  if v_id is null then
    perform ops.fail('already_voted', 'you have already voted in this battle', '23505');
  end if;
  perform battles.fn_log_event(b.id, 'vote_cast', jsonb_build_object('vote_id', v_id));
  return jsonb_build_object('vote_id', v_id, 'battle_id', b.id, 'vote_value', v_value,
    'total_vote_count', (select total_vote_count from battles.battles where id = b.id));
end $$;

-- Keeps vote_aggregates and total_vote_count equal to the votes, whoever inserts them. Aggregate rows
-- are locked in contender order and the battle row last, so concurrent votes cannot deadlock; the
-- battle update re-checks the status under its row lock, which refuses a vote racing the close.
create function battles.trg_votes_tally() returns trigger
language plpgsql security definer set search_path = '' as $$
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
  update battles.battles set total_vote_count = total_vote_count + 1
   where id = new.battle_id and (status = 'voting' or ops.is_migrating());
  if not found then
    perform ops.fail('voting_closed', 'voting closed before this vote was counted', '55000');
  end if;
  return new;
end $$;

create trigger votes_tally after insert on battles.votes
  for each row execute function battles.trg_votes_tally();
create trigger votes_append_only before update or delete on battles.votes
  for each row execute function ops.forbid_mutation();
