-- Voting: eligibility, one vote per human per battle, and tallies that always equal the votes.

-- Why the caller may not vote right now, or null when they may. One rule set for fn_submit_vote and
-- for pages that explain to an ineligible voter why.
create function battles.fn_vote_refusal(b battles.battles, p_acting uuid, p_principal uuid,
  out code text, out message text)
language plpgsql stable security definer set search_path = '' as $$
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

-- The hot path of the product (bench/votes.ts measures it). Each statement here runs on every vote,
-- so it avoids what Postgres re-plans per call: SQL-language helpers with SET clauses are never
-- inlined and re-plan their body in every transaction, while plpgsql keeps its plans per session.
create function battles.fn_submit_vote(
  p_battle_id uuid, p_voted_contender_id uuid default null, p_vote_value battles.vote_value_enum default null,
  p_is_draw boolean default false, p_rationale text default null)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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

-- Named to sort before the RI_ConstraintTrigger_* triggers of the foreign keys (triggers fire in
-- name order): the tally locks the battle row first, so the key checks that follow (FOR KEY SHARE on
-- that same row) find it locked by their own transaction. In the other order, every check on a
-- battle another vote has locked creates a multixact (about five per vote on a busy battle), and a
-- busy battle takes 10-25% fewer votes per second (bench/votes.ts).
create trigger "0_votes_tally" after insert on battles.votes
  for each row execute function battles.trg_votes_tally();
create trigger votes_append_only before update or delete on battles.votes
  for each row execute function ops.forbid_mutation();
