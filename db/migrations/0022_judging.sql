-- Judging beyond community votes (docs/judging.md): the judge model and challenge settings frozen at
-- publication, human judges for rubric_score, the pairwise verdicts of ai_judge, the scores of
-- auto_score, and the hidden challenge seed and answer key.

-- What the creator chose for judging while the battle was a draft; frozen into the rule snapshot
-- (key "judging") by fn_publish_battle through fn_frozen_judging_rules below.
create table battles.judging_settings (
  battle_id uuid primary key references battles.battles (id),
  -- ai_judge, and rubric_score scored by the AI judge. Null: the operator default app.ai_judge_model_id.
  judge_model_id uuid references ai.models (id),
  -- Generator options of the challenge (math_calculation: difficulty, count; writing_contest: difficulty).
  challenge_options jsonb not null default '{}' constraint judging_settings_options_object check (jsonb_typeof(challenge_options) = 'object'),
  updated_at timestamptz not null default now()
);

-- The challenge seed. Anyone holding it can regenerate the answer key with the open generator
-- (src/core/challenges), so it stays here, unreadable by users, until results are out: the rule
-- snapshot commits to it with seed_sha256, and fn_battle_challenge reveals it once the battle is
-- finalized, so the challenge can be regenerated and every score replayed (commit, then reveal).
create table battles.challenge_secrets (
  battle_id uuid primary key references battles.battles (id),
  seed text not null constraint challenge_secrets_seed_length check (length(seed) between 1 and 200),
  seed_sha256 text not null constraint challenge_secrets_sha_shape check (seed_sha256 ~ '^[0-9a-f]{64}$'),
  chosen_by text not null constraint challenge_secrets_chosen_by check (chosen_by in ('random', 'creator')),
  created_at timestamptz not null default now(),
  constraint challenge_secrets_sha_matches check (seed_sha256 = encode(sha256(convert_to(seed, 'UTF8')), 'hex'))
);

-- The generated challenge: the prompt contenders see, and the answer key (never granted to users).
create table battles.challenge_instances (
  battle_id uuid primary key references battles.battles (id),
  challenge_type text not null,
  options jsonb not null default '{}',
  seed_sha256 text not null,
  prompt text not null,
  prompt_sha256 text not null constraint challenge_instances_prompt_sha check (prompt_sha256 = encode(sha256(convert_to(prompt, 'UTF8')), 'hex')),
  answer_key jsonb not null,
  generated_at timestamptz not null default now()
);

-- Human judges of a rubric_score battle, named by the creator while it is a draft (frozen with the rules).
create table battles.judges (
  battle_id uuid not null references battles.battles (id),
  profile_id uuid not null references lensers.profiles (id),
  named_by uuid not null references lensers.profiles (id),
  named_at timestamptz not null default now(),
  primary key (battle_id, profile_id)
);

-- The voter profile of an AI judge: one persona per judge model, so its verdicts are votes
-- (is_ai_vote, no principal) that obey one-vote-per-voter like everyone's.
create table battles.judge_personas (
  model_id uuid primary key references ai.models (id),
  profile_id uuid not null unique references lensers.profiles (id),
  created_at timestamptz not null default now()
);

-- ai_judge: one row per pair per judge. The pair was judged twice, the second time with the entries
-- in swapped order; both winners are stated in the original order (contender_a is the lower slot),
-- and the outcome is the winner both runs agree on, else a draw (src/core/judge-verdict.ts combineSwapped).
create table battles.judge_verdicts (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  judge_model_id uuid not null references ai.models (id),
  contender_a uuid not null,
  contender_b uuid not null,
  first_winner text not null constraint judge_verdicts_first_winner check (first_winner in ('A', 'B', 'draw')),
  swapped_winner text not null constraint judge_verdicts_swapped_winner check (swapped_winner in ('A', 'B', 'draw')),
  outcome text not null constraint judge_verdicts_outcome check (outcome in ('A', 'B', 'draw')),
  agreed boolean not null,
  first_run_id uuid references execution.runs (id),
  swapped_run_id uuid references execution.runs (id),
  -- Both parsed verdicts (explanations and per-criterion results), as the judge gave them.
  verdicts jsonb not null,
  job_id bigint references execution.jobs (id),
  created_at timestamptz not null default now(),
  unique (battle_id, judge_model_id, contender_a, contender_b),
  constraint judge_verdicts_distinct check (contender_a <> contender_b),
  constraint judge_verdicts_outcome_rule check (
    agreed = (first_winner = swapped_winner) and outcome = case when agreed then first_winner else 'draw' end),
  foreign key (battle_id, contender_a) references battles.contenders (battle_id, id),
  foreign key (battle_id, contender_b) references battles.contenders (battle_id, id)
);

-- auto_score: each entry's score against the answer key (0..1) and what was checked.
create table battles.challenge_scores (
  battle_id uuid not null references battles.battles (id),
  contender_id uuid not null,
  submission_id uuid not null references battles.submissions (id),
  challenge_type text not null,
  score numeric(12, 10) not null constraint challenge_scores_range check (score between 0 and 1),
  details jsonb not null,
  job_id bigint references execution.jobs (id),
  scored_at timestamptz not null default now(),
  primary key (battle_id, contender_id),
  foreign key (battle_id, contender_id) references battles.contenders (battle_id, id)
);

-- Scorecards say which judgement they belong to: 'rubric' cards make a rubric_score (one per
-- contender, criterion and scorer); 'pairwise' cards are the per-criterion results an ai_judge
-- verdict gave both entries of a pair, kept for the record.
alter table battles.scorecards
  add column kind text not null default 'rubric' constraint scorecards_kind_known check (kind in ('rubric', 'pairwise')),
  add column verdict_id uuid references battles.judge_verdicts (id),
  add column run_id uuid references execution.runs (id),
  add column updated_at timestamptz not null default now(),
  add constraint scorecards_has_scorer check (scorer_model_id is not null or scorer_lenser_id is not null),
  add constraint scorecards_pairwise_has_verdict check ((kind = 'pairwise') = (verdict_id is not null));
create unique index scorecards_rubric_by_lenser on battles.scorecards (contender_id, rubric_criterion_id, scorer_lenser_id)
  where kind = 'rubric' and scorer_lenser_id is not null;
create unique index scorecards_rubric_by_model on battles.scorecards (contender_id, rubric_criterion_id, scorer_model_id)
  where kind = 'rubric' and scorer_lenser_id is null;

-- The rubric_score rule (docs/judging.md), for the scorecards of a battle and the criteria given as
-- [{"id": "...", "weight": 2}, …] (the rule snapshot's rubric): per scorer (a named human judge, or
-- the judge model) Σ weight·value / Σ weight over the contender's 'rubric' scorecards, pass = 1,
-- partial = 0.5, fail = 0, skipped left out of both sums (no score when nothing is left); the
-- contender's score is the mean over its scorers, rounded to 10 decimal places. With one scorer this
-- is src/core/scoring.ts scoreRubric (test/judging/rubric-score.test.ts proves it on random rubrics).
create function battles.fn_rubric_scores(p_battle_id uuid, p_criteria jsonb)
returns table (contender_id uuid, score numeric)
language sql stable security definer set search_path = '' as $$
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

-- Challenge types with a seeded generator in src/core/challenges (CHALLENGES); the same list as the
-- battles_auto_score_challenge constraint.
create function battles.fn_has_challenge_generator(p_challenge_type text) returns boolean
language sql immutable as $$ select p_challenge_type in ('math_calculation', 'writing_contest') $$;

-- The "judging" part of the rule snapshot, computed once at publication: who judges (the judge
-- model, or the named human judges), the protocol, and the challenge's generator settings with
-- the SHA-256 of its seed (the seed itself is drawn here when the creator set none). Also checks
-- the handicap (battles.fn_check_handicap, docs/judging.md).
create function battles.fn_frozen_judging_rules(b battles.battles)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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

-- Draft-time judging settings (the wizard's judging step). Each call sets all three: null clears
-- the judge model (the operator default applies) and the options; a null seed keeps the seed
-- already chosen, if any (a random one is drawn at publication otherwise).
create function battles.fn_battles_set_judging(p_battle_id uuid, p_judge_model_id uuid default null,
  p_challenge_options jsonb default null, p_challenge_seed text default null)
returns void
language plpgsql security definer set search_path = '' as $$
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

-- The creator names a human judge of a rubric_score battle while it is a draft.
create function battles.fn_battles_name_judge(p_battle_id uuid, p_profile_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
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

-- The creator takes back a judge named by mistake, under the same rules as naming one; true when the
-- lenser was a judge of the battle.
create function battles.fn_battles_remove_judge(p_battle_id uuid, p_profile_id uuid)
returns boolean
language plpgsql security definer set search_path = '' as $$
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

-- Who judges a battle as the creator set it (the wizard restores a resumed draft from this): the judge
-- model (null: the operator default at publication), the challenge options, and the named human judges.
-- The challenge seed is never returned here.
create function battles.fn_battle_judging(p_battle_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
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

-- A named judge scores one contender's entry on the battle's rubric while it is scoring:
-- p_scores = [{"criterion_id": "...", "result": "pass|partial|fail|skipped", "explanation": "..."}].
-- Scoring again replaces that judge's cards. When every judge has scored every entry on every
-- criterion, the battle is queued to be finalized.
create function battles.fn_battles_submit_scorecards(p_battle_id uuid, p_contender_id uuid, p_scores jsonb)
returns integer
language plpgsql security definer set search_path = '' as $$
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

-- Whether every judgement the battle's mode needs is in (fn_battle_advance finalizes then).
create function battles.fn_judging_complete(b battles.battles)
returns boolean
language plpgsql stable security definer set search_path = '' as $$
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

-- The profile an AI judge votes as, made on first use.
create function battles.fn_judge_persona(p_model_id uuid)
returns uuid
language plpgsql security definer set search_path = '' as $$
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

-- An AI judge's vote: system only (fn_submit_vote is for people). The judge persona is the voter,
-- there is no principal, and is_ai_vote is set; the tally trigger counts it like any vote.
-- Stored exactly as fn_submit_vote stores a person's vote: voted_contender_id is the truth (the
-- tallies and every read go by it), vote_value is the reference's slot label, contender_a or
-- contender_b for slots A and B, null for a contender in slot C or later (vote_value_enum has no
-- third label), and 'draw' with no contender for a draw (docs/judging.md).
create function battles.fn_record_judge_vote(p_battle_id uuid, p_judge_model_id uuid, p_voted_contender_id uuid,
  p_rationale text default null)
returns uuid
language plpgsql security definer set search_path = '' as $$
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

-- The challenge of a battle as contenders see it: type, options, the seed's SHA-256 and the prompt.
-- The seed is revealed once results are visible, so anyone can regenerate the challenge and
-- replay the scores; the answer key is never returned (regenerate it from the revealed seed).
create function battles.fn_battle_challenge(p_battle_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
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

alter table battles.judging_settings enable row level security;
alter table battles.challenge_secrets enable row level security;
alter table battles.challenge_instances enable row level security;
alter table battles.judges enable row level security;
alter table battles.judge_personas enable row level security;
alter table battles.judge_verdicts enable row level security;
alter table battles.challenge_scores enable row level security;

create policy judging_settings_read on battles.judging_settings for select using (battles.fn_can_view(battle_id));
create policy challenge_instances_read on battles.challenge_instances for select using (battles.fn_can_view(battle_id));
create policy judges_read on battles.judges for select using (battles.fn_can_view(battle_id));
create policy judge_personas_read on battles.judge_personas for select using (true);
create policy judge_verdicts_read on battles.judge_verdicts for select using (
  battles.fn_can_view(battle_id) and battles.fn_results_visible(battle_id));
create policy challenge_scores_read on battles.challenge_scores for select using (
  battles.fn_can_view(battle_id) and battles.fn_results_visible(battle_id));
-- challenge_secrets: no policy; only the system reads it.

revoke all on battles.judging_settings, battles.challenge_secrets, battles.challenge_instances, battles.judges,
  battles.judge_personas, battles.judge_verdicts, battles.challenge_scores from public, anon, authenticated;
grant select on battles.judging_settings, battles.judges, battles.judge_personas, battles.judge_verdicts,
  battles.challenge_scores to anon, authenticated;
-- The answer key column is never granted.
grant select (battle_id, challenge_type, options, seed_sha256, prompt, prompt_sha256, generated_at)
  on battles.challenge_instances to anon, authenticated;
grant all on battles.judging_settings, battles.challenge_secrets, battles.challenge_instances, battles.judges,
  battles.judge_personas, battles.judge_verdicts, battles.challenge_scores to service_role;

revoke execute on function battles.fn_rubric_scores(uuid, jsonb), battles.fn_has_challenge_generator(text), battles.fn_frozen_judging_rules(battles.battles),
  battles.fn_battles_set_judging(uuid, uuid, jsonb, text), battles.fn_battles_name_judge(uuid, uuid),
  battles.fn_battles_remove_judge(uuid, uuid),
  battles.fn_battles_submit_scorecards(uuid, uuid, jsonb), battles.fn_judging_complete(battles.battles),
  battles.fn_judge_persona(uuid), battles.fn_record_judge_vote(uuid, uuid, uuid, text),
  battles.fn_battle_challenge(uuid) from public;
grant execute on function battles.fn_has_challenge_generator(text), battles.fn_battle_challenge(uuid)
  to anon, authenticated, service_role;
revoke execute on function battles.fn_battle_judging(uuid) from public;
grant execute on function battles.fn_battle_judging(uuid) to anon, authenticated, service_role;
grant execute on function battles.fn_battles_set_judging(uuid, uuid, jsonb, text), battles.fn_battles_name_judge(uuid, uuid),
  battles.fn_battles_remove_judge(uuid, uuid), battles.fn_battles_submit_scorecards(uuid, uuid, jsonb) to authenticated, service_role;
grant execute on function battles.fn_rubric_scores(uuid, jsonb), battles.fn_frozen_judging_rules(battles.battles), battles.fn_judging_complete(battles.battles),
  battles.fn_judge_persona(uuid), battles.fn_record_judge_vote(uuid, uuid, uuid, text) to service_role;
