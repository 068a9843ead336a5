-- Deciding a battle. Scores come from the judging mode (fn_judging_scores); ranking and the tie
-- rule are the same for every mode. docs/judging.md explains each mode's score.

-- Score per contender for the battle's judging mode; null means "no score" (ranked after every real
-- score). New modes add a branch here.
--   community_vote  the weighted sum of the votes the contender received
--   ai_judge        Copeland points over the pairwise verdicts of the frozen judge model: 1 per pair
--                   won, 0.5 per pair drawn (each pair was judged twice in swapped order; a
--                   disagreement is a draw)
--   rubric_score    per scorer (a named human judge, or the judge model), Σ weight·value / Σ weight
--                   over the contender's scorecards with pass = 1, partial = 0.5, fail = 0 and
--                   skipped left out of both sums, with the weights of the rule snapshot; the score
--                   is the mean over scorers (battles.fn_rubric_scores). With one scorer this is
--                   src/core/scoring.ts scoreRubric (test/judging/rubric-score.test.ts)
--   auto_score      the challenge score of the entry against the answer key (0..1)
-- Scores are rounded to 10 decimal places so equal fractions reached by different sums tie exactly.
create function battles.fn_judging_scores(b battles.battles)
returns table (contender_id uuid, score numeric)
language plpgsql stable security definer set search_path = '' as $$
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

-- Tie rule (docs/schema.md): contenders still in the running are ranked by score, highest first,
-- with competition ranking (equal scores share a rank: 1, 1, 3); contenders with no score rank
-- together after the scored ones (as rankByScore in src/core/scoring.ts). Withdrawn and
-- disqualified contenders rank after all of them, by score. The winner is the single scored
-- contender ranked 1; when two or more share rank 1 (including everyone at zero, or nobody scored)
-- the battle is a draw and has no winner.
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

create function battles.fn_battles_finalize(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
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

-- The alternate path: closes voting (when still open) and finalizes in one call.
create function battles.fn_battles_close(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare b battles.battles := battles.fn_lock_visible(p_battle_id);
begin
  perform battles.fn_require_actor(b, 'finalize');
  if b.status = 'voting' then
    perform battles.fn_battle_close_voting(p_battle_id);
  end if;
  perform battles.fn_battles_finalize(p_battle_id);
end $$;
