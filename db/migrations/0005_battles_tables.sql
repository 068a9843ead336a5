-- The battle tables of reference/battle-schema.md, with every documented rule as a constraint.

create schema if not exists battles;

create type battles.battle_status_enum as enum
  ('draft', 'open', 'executing', 'voting', 'scoring', 'closed', 'published', 'archived');
create type battles.battle_type_enum as enum
  ('ai_vs_ai', 'human_vs_human_ai_votes', 'human_vs_human_open_votes', 'human_vs_ai', 'workflow_battle', 'lenser_battle');
create type battles.contender_structure_enum as enum ('ai_vs_ai', 'human_vs_human', 'human_vs_ai');
create type battles.judging_mode_enum as enum ('community_vote', 'ai_judge', 'rubric_score', 'auto_score');
create type battles.contender_type_enum as enum ('human', 'ai_model', 'ai_agent');
create type battles.vote_value_enum as enum ('contender_a', 'contender_b', 'draw');
create type battles.voter_eligibility_enum as enum ('open', 'lenser_only', 'verified_lenser', 'human_only', 'ai_only');
create type battles.submission_status_enum as enum ('pending', 'streaming', 'submitted', 'withdrawn', 'disqualified');
create type battles.scorecard_result_enum as enum ('pass', 'fail', 'partial', 'skipped');

-- The three-axis compatibility table; src/core/axes.ts holds the same rules and a test proves the two
-- agree on all 36 rows. Invalid rows carry their reason and no battle_type, so the foreign key from
-- battles (which needs a battle_type) only ever matches a valid row.
create table battles.axes_combinations (
  task_source text not null check (task_source in ('lens', 'workflow', 'challenge')),
  contender_structure battles.contender_structure_enum not null,
  judging_mode battles.judging_mode_enum not null,
  battle_type battles.battle_type_enum,
  invalid_reason text,
  primary key (task_source, contender_structure, judging_mode),
  unique (task_source, contender_structure, judging_mode, battle_type),
  constraint axes_valid_xor_reason check ((battle_type is null) <> (invalid_reason is null))
);

insert into battles.axes_combinations (task_source, contender_structure, judging_mode, battle_type, invalid_reason)
select ts, cs::battles.contender_structure_enum, jm::battles.judging_mode_enum,
  case when reason is null then
    (case
       when ts = 'workflow' then 'workflow_battle'
       when cs = 'ai_vs_ai' then 'ai_vs_ai'
       when cs = 'human_vs_ai' then 'human_vs_ai'
       when jm = 'community_vote' then 'human_vs_human_open_votes'
       else 'human_vs_human_ai_votes'
     end)::battles.battle_type_enum
  end,
  reason
from (
  select ts, cs, jm,
    case
      when jm = 'auto_score' and ts <> 'challenge' then 'auto_score_needs_challenge'
      when ts = 'workflow' and cs <> 'ai_vs_ai' then 'workflow_needs_ai_vs_ai'
      when ts = 'lens' and cs = 'human_vs_human' then 'lens_needs_ai_contender'
    end as reason
  from unnest(array['lens', 'workflow', 'challenge']) ts,
       unnest(array['ai_vs_ai', 'human_vs_human', 'human_vs_ai']) cs,
       unnest(array['community_vote', 'ai_judge', 'rubric_score', 'auto_score']) jm
) c;

create table battles.rubrics (
  id uuid primary key default gen_random_uuid(),
  creator_lenser_id uuid not null references lensers.profiles (id),
  title text not null check (length(btrim(title)) between 1 and 200),
  description text,
  is_public boolean not null default false,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now()
);

create table battles.rubric_criteria (
  id uuid primary key default gen_random_uuid(),
  rubric_id uuid not null references battles.rubrics (id),
  ordinal integer not null check (ordinal >= 1),
  title text not null check (length(btrim(title)) between 1 and 200),
  description text,
  weight numeric(8, 4) not null default 1.0 check (weight > 0),
  unique (rubric_id, ordinal)
);

-- The single-column rules of battles and events are domains, not table CHECKs: Postgres re-reads
-- and re-plans every CHECK of a table on each UPDATE of a row, so the tally update of every vote
-- (total_vote_count alone) paid for the slug regex and the rest each time. A domain is checked where
-- a value is written to it, with its plan cached per session. The constraints keep the names the
-- table CHECKs had, so a refusal names the same rule.
create domain battles.battle_title as text
  constraint battles_title_check check (length(btrim(value)) between 1 and 200);
create domain battles.battle_slug as text
  constraint battles_slug_check check (value ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(value) between 3 and 100);
create domain battles.task_prompt_text as text
  constraint battles_task_prompt_check check (length(btrim(value)) between 1 and 50000);
create domain battles.contender_limit as integer
  constraint battles_max_contenders_check check (value >= 2 and value <= 26);
create domain battles.invite_code_text as text
  constraint battles_invite_code_check check (value ~ '^[A-Za-z0-9_-]{8,64}$');
create domain battles.json_object as jsonb
  constraint battles_handicap_config_check check (jsonb_typeof(value) = 'object');
create domain battles.content_type_name as text
  constraint battles_content_type_check check (value in ('text', 'code', 'markdown', 'image', 'video', 'audio', 'link'));
create domain battles.challenge_type_name as text
  constraint battles_challenge_type_check check (value ~ '^[a-z][a-z0-9_]{1,63}$');
create domain battles.sha256_hex as text
  constraint battles_rule_snapshot_sha256_check check (value ~ '^[0-9a-f]{64}$');
create domain battles.event_type_name as text
  constraint events_event_type_check check (value in (
    'status_change', 'contender_joined', 'submission_received', 'vote_cast', 'finalized', 'published',
    'archived', 'invitation_sent', 'invitation_accepted', 'adapter_connected', 'contender_withdrawn',
    'voting_opened', 'voting_closed', 'scoring_started', 'battle_cancelled', 'funding_allocated',
    'cost_recorded', 'run_started', 'run_completed', 'run_failed'));

create table battles.battles (
  id uuid primary key default gen_random_uuid(),
  creator_lenser_id uuid not null references lensers.profiles (id),
  -- The human who answers for the battle (the creator, or the owner of the AI persona that created it):
  -- the daily creation cap counts per principal.
  principal_id uuid not null references lensers.profiles (id),
  title battles.battle_title not null,
  slug battles.battle_slug not null unique,
  task_prompt battles.task_prompt_text not null,
  rubric_id uuid references battles.rubrics (id),
  status battles.battle_status_enum not null default 'draft',
  battle_type battles.battle_type_enum not null,
  voter_eligibility battles.voter_eligibility_enum not null default 'open',
  max_contenders battles.contender_limit not null default 2,
  invite_code battles.invite_code_text unique,
  voting_opens_at timestamptz,
  voting_closes_at timestamptz,
  published_at timestamptz,
  finalized_at timestamptz,
  winner_contender_id uuid,
  total_vote_count integer not null default 0 check (total_vote_count >= 0),
  handicap_config battles.json_object not null default '{}',
  content_type battles.content_type_name not null default 'text',
  contender_structure battles.contender_structure_enum not null,
  judging_mode battles.judging_mode_enum not null,
  task_source text not null,
  challenge_type battles.challenge_type_name,
  workflow_id uuid references workflows.workflows (id),
  -- Frozen at publication: the rules voters and contenders were promised, and their SHA-256.
  rule_snapshot jsonb,
  rule_snapshot_sha256 battles.sha256_hex,
  rules_frozen_at timestamptz,
  cancelled_at timestamptz,
  archived_at timestamptz,
  finalize_summary jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint battles_voting_window check (voting_opens_at is null or voting_closes_at is null or voting_opens_at < voting_closes_at),
  constraint battles_axes_fk foreign key (task_source, contender_structure, judging_mode, battle_type)
    references battles.axes_combinations (task_source, contender_structure, judging_mode, battle_type),
  constraint battles_auto_score_challenge check (
    judging_mode <> 'auto_score' or challenge_type in ('math_calculation', 'writing_contest')),
  constraint battles_rubric_score_needs_rubric check (judging_mode <> 'rubric_score' or status = 'draft' or rubric_id is not null),
  constraint battles_snapshot_complete check ((rule_snapshot is null) = (rule_snapshot_sha256 is null)),
  constraint battles_only_drafts_deleted check (deleted_at is null or status = 'draft')
);
create index battles_feed_idx on battles.battles (created_at desc, id desc) where deleted_at is null;
create index battles_principal_created_idx on battles.battles (principal_id, created_at);

create table battles.contenders (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  slot char(1) not null check (slot ~ '^[A-Z]$'),
  contender_type battles.contender_type_enum not null,
  display_name text not null check (length(btrim(display_name)) between 1 and 80),
  contender_status text not null default 'active'
    check (contender_status in ('pending', 'accepted', 'active', 'withdrawn', 'disqualified', 'eliminated')),
  entry_mode text not null default 'direct'
    check (entry_mode in ('direct', 'invited', 'qualified', 'wildcard', 'auto_join')),
  joined_at timestamptz not null default now(),
  accepted_at timestamptz,
  withdrawn_at timestamptz,
  created_at timestamptz not null default now(),
  unique (battle_id, slot),
  unique (battle_id, id)
);

alter table battles.battles add constraint battles_winner_fk
  foreign key (id, winner_contender_id) references battles.contenders (battle_id, id);

create table battles.contender_entity_map (
  contender_id uuid primary key references battles.contenders (id),
  battle_id uuid not null references battles.battles (id),
  profile_id uuid references lensers.profiles (id),
  ai_lenser_id uuid references agents.ai_lensers (id),
  group_id uuid,
  constraint entity_map_exactly_one check (num_nonnulls(profile_id, ai_lenser_id, group_id) = 1),
  unique (battle_id, profile_id),
  unique (battle_id, ai_lenser_id),
  unique (battle_id, group_id),
  foreign key (battle_id, contender_id) references battles.contenders (battle_id, id)
);

create table battles.submissions (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  contender_id uuid not null,
  status battles.submission_status_enum not null default 'submitted',
  content_text text check (length(content_text) <= 200000),
  content_url text check (content_url ~ '^https?://' and length(content_url) <= 2000),
  content_media jsonb not null default '[]' check (jsonb_typeof(content_media) = 'array'),
  execution_run_id uuid references execution.runs (id),
  source_type text not null default 'manual' check (source_type in ('manual', 'execution_output', 'hybrid', 'imported')),
  model_id uuid references ai.models (id),
  adapter_id uuid references execution.runners (id),
  artifact_id uuid,
  submitted_at timestamptz,
  is_final boolean not null default false,
  revision_of_id uuid references battles.submissions (id),
  integrity_hash text not null check (integrity_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  foreign key (battle_id, contender_id) references battles.contenders (battle_id, id),
  constraint submissions_has_content check (
    content_text is not null or content_url is not null or jsonb_array_length(content_media) > 0 or execution_run_id is not null)
);
-- At most one canonical entry per contender; fn_battles_submit keeps it exactly one.
create unique index submissions_one_final on battles.submissions (contender_id) where is_final;
create index submissions_battle_idx on battles.submissions (battle_id);

create table battles.votes (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  voter_lenser_id uuid not null references lensers.profiles (id),
  -- The human behind the vote (the voter, or the owner of the AI persona voting); null only for
  -- system judges. One human, one vote per battle, whichever persona they use.
  principal_id uuid references lensers.profiles (id),
  voted_contender_id uuid,
  vote_value battles.vote_value_enum,
  is_draw boolean not null default false,
  weight numeric(10, 4) not null default 1.0 check (weight > 0 and weight <= 1000),
  is_ai_vote boolean not null default false,
  rationale text check (length(rationale) <= 5000),
  created_at timestamptz not null default now(),
  unique (battle_id, voter_lenser_id),
  unique (battle_id, principal_id),
  foreign key (battle_id, voted_contender_id) references battles.contenders (battle_id, id),
  -- A draw names no contender; any other vote names exactly one.
  constraint votes_draw_shape check (
    (is_draw and voted_contender_id is null and vote_value = 'draw')
    or (not is_draw and voted_contender_id is not null and vote_value is distinct from 'draw'))
);

create table battles.vote_aggregates (
  battle_id uuid not null references battles.battles (id),
  contender_id uuid not null,
  raw_vote_count integer not null default 0 check (raw_vote_count >= 0),
  weighted_vote_sum numeric(14, 4) not null default 0 check (weighted_vote_sum >= 0),
  draw_count integer not null default 0 check (draw_count >= 0),
  rank_position integer check (rank_position >= 1),
  updated_at timestamptz not null default now(),
  primary key (battle_id, contender_id),
  foreign key (battle_id, contender_id) references battles.contenders (battle_id, id)
);

create table battles.contender_lens_assignments (
  id uuid primary key default gen_random_uuid(),
  contender_id uuid not null unique references battles.contenders (id),
  lens_id uuid not null references lenses.lenses (id),
  version_id uuid references lenses.versions (id),
  input_snapshot jsonb not null default '{}' check (jsonb_typeof(input_snapshot) = 'object'),
  assigned_at timestamptz not null default now(),
  assigned_by uuid references lensers.profiles (id)
);

create table battles.scorecards (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  contender_id uuid not null,
  rubric_criterion_id uuid references battles.rubric_criteria (id),
  result battles.scorecard_result_enum not null,
  scorer_model_id uuid references ai.models (id),
  scorer_lenser_id uuid references lensers.profiles (id),
  explanation text,
  created_at timestamptz not null default now(),
  foreign key (battle_id, contender_id) references battles.contenders (battle_id, id)
);
create index scorecards_battle_idx on battles.scorecards (battle_id);

create table battles.events (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  event_type battles.event_type_name not null,
  actor_id uuid,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default clock_timestamp(),
  -- Insertion order: several events of one move can share a timestamp.
  seq bigint generated always as identity
);
create index events_battle_idx on battles.events (battle_id, seq);
create trigger events_append_only before update or delete on battles.events
  for each row execute function ops.forbid_mutation();

create table battles.invitations (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  token_hash text not null unique,
  invited_by uuid not null references lensers.profiles (id),
  accepted_by uuid references lensers.profiles (id),
  contender_id uuid references battles.contenders (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '14 days',
  accepted_at timestamptz
);
create unique index invitations_battle_email_key on battles.invitations (battle_id, lower(email));

create table battles.templates (
  id uuid primary key default gen_random_uuid(),
  creator_lenser_id uuid not null references lensers.profiles (id),
  title text not null check (length(btrim(title)) between 1 and 200),
  task_prompt text not null check (length(btrim(task_prompt)) between 1 and 50000),
  rubric_id uuid references battles.rubrics (id),
  task_source text not null default 'challenge',
  contender_structure battles.contender_structure_enum not null default 'human_vs_human',
  judging_mode battles.judging_mode_enum not null default 'community_vote',
  challenge_type text,
  voter_eligibility battles.voter_eligibility_enum not null default 'open',
  max_contenders integer not null default 2 check (max_contenders between 2 and 26),
  content_type text not null default 'text',
  handicap_config jsonb not null default '{}',
  is_public boolean not null default true,
  created_at timestamptz not null default now(),
  foreign key (task_source, contender_structure, judging_mode) references battles.axes_combinations
);

create table battles.comments (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  author_lenser_id uuid not null references lensers.profiles (id),
  body text not null check (length(btrim(body)) between 1 and 5000),
  -- Keyset pages are keyed by (created_at, id) as clients receive them: JSON timestamps carry
  -- milliseconds, so the stored value has no more precision than that, or pages would skip rows.
  created_at timestamptz not null default date_trunc('milliseconds', clock_timestamp())
    constraint comments_created_at_ms check (created_at = date_trunc('milliseconds', created_at)),
  deleted_at timestamptz
);
create index comments_keyset_idx on battles.comments (battle_id, created_at desc, id desc);

create table battles.global_messages (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid not null references battles.battles (id),
  sender_lenser_id uuid not null references lensers.profiles (id),
  sender_handle text not null,
  sender_role text not null check (sender_role in ('creator', 'contender', 'operator', 'spectator')),
  body text not null check (length(btrim(body)) between 1 and 2000),
  -- Millisecond precision, as for comments: the keyset client sends back the timestamp it received.
  created_at timestamptz not null default date_trunc('milliseconds', clock_timestamp())
    constraint global_messages_created_at_ms check (created_at = date_trunc('milliseconds', created_at))
);
create index global_messages_keyset_idx on battles.global_messages (battle_id, created_at desc, id desc);
