-- Deciding a battle. Scores come from the judging mode (community_vote: weighted votes; the other
-- modes plug in at fn_judging_scores); ranking and the tie rule are the same for every mode.

-- Score per contender for the battle's judging mode. New modes add a branch here.
create function battles.fn_judging_scores(b battles.battles)
returns table (contender_id uuid, score numeric)
language plpgsql stable security definer set search_path = '' as $$
begin
  if b.judging_mode = 'community_vote' then
    return query select a.contender_id, a.weighted_vote_sum::numeric
      from battles.vote_aggregates a where a.battle_id = b.id;
  else
    perform ops.fail('judging_mode_not_supported', format('judging mode %s has no scorer yet', b.judging_mode), '0A000');
  end if;
end $$;

-- Tie rule (docs/schema.md): contenders still in the running are ranked by score, highest first,
-- with competition ranking (equal scores share a rank: 1, 1, 3). Withdrawn and disqualified
-- contenders rank after all of them, by score. The winner is the single contender ranked 1; when two
-- or more share rank 1 (including everyone at zero) the battle is a draw and has no winner.
create function battles.fn_rank_and_close(b battles.battles)
returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_ranked jsonb;
  v_winner uuid;
  v_top integer;
  v_summary jsonb;
begin
  with scored as (
    select c.id, c.slot, c.contender_status, coalesce(s.score, 0) as score,
           c.contender_status in ('withdrawn', 'disqualified', 'eliminated') as out_of_running
      from battles.contenders c
      left join battles.fn_judging_scores(b) s on s.contender_id = c.id
     where c.battle_id = b.id
  ), ranked as (
    select id, slot, score, out_of_running,
           case when not out_of_running then rank() over (partition by out_of_running order by score desc)
                else (select count(*) from scored s2 where not s2.out_of_running)
                     + rank() over (partition by out_of_running order by score desc) end as rank_position
      from scored
  )
  select jsonb_agg(jsonb_build_object('contender_id', id, 'slot', slot, 'score', score, 'rank', rank_position,
           'out_of_running', out_of_running) order by rank_position, slot)
    into v_ranked from ranked;

  update battles.vote_aggregates a set rank_position = (r ->> 'rank')::integer, updated_at = now()
    from jsonb_array_elements(coalesce(v_ranked, '[]')) r
   where a.battle_id = b.id and a.contender_id = (r ->> 'contender_id')::uuid;

  select count(*) into v_top from jsonb_array_elements(coalesce(v_ranked, '[]')) r
   where (r ->> 'rank')::integer = 1 and not (r ->> 'out_of_running')::boolean;
  if v_top = 1 then
    select (r ->> 'contender_id')::uuid into v_winner from jsonb_array_elements(v_ranked) r
     where (r ->> 'rank')::integer = 1 and not (r ->> 'out_of_running')::boolean;
  end if;

  v_summary := jsonb_build_object(
    'judging_mode', b.judging_mode,
    'scores', coalesce(v_ranked, '[]'),
    'winner_contender_id', v_winner,
    'draw', v_winner is null,
    'tie_rule', 'competition ranking by score; a shared first place is a draw with no winner; withdrawn and disqualified rank last',
    'total_vote_count', b.total_vote_count);
  perform battles.fn_apply_transition(b.id, 'finalize', v_summary);
  update battles.battles set winner_contender_id = v_winner, finalized_at = now(), finalize_summary = v_summary
   where id = b.id;
  perform reputation.fn_compute_elo_after_battle(b.id);  -- ELO in the same transaction (0017_reputation_elo.sql)
  return v_summary;
end $$;

create function battles.fn_battles_finalize(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  if b.status <> 'scoring' then
    -- Let the state machine explain the refusal (and check the caller) in one place.
    perform battles.fn_apply_transition(p_battle_id, 'finalize');
  end if;
  perform battles.fn_rank_and_close(b);
end $$;

-- The alternate path: closes voting (when still open) and finalizes in one call.
create function battles.fn_battles_close(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  if b.status = 'voting' then
    perform battles.fn_battle_close_voting(p_battle_id);
  end if;
  perform battles.fn_battles_finalize(p_battle_id);
end $$;
