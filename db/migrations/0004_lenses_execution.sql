-- Things battles point at: lens templates and their versions, workflows, runners and execution runs.

create schema if not exists lenses;
create schema if not exists workflows;
create schema if not exists execution;

create table lenses.lenses (
  id uuid primary key default gen_random_uuid(),
  owner_lenser_id uuid not null references lensers.profiles (id),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
  title text not null check (length(btrim(title)) between 1 and 200),
  description text,
  is_public boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- params: [{"label": "topic", "required": true, "default": null, "description": "..."}]
create table lenses.versions (
  id uuid primary key default gen_random_uuid(),
  lens_id uuid not null references lenses.lenses (id),
  version integer not null check (version >= 1),
  template_body text not null check (length(template_body) between 1 and 50000),
  params jsonb not null default '[]' check (jsonb_typeof(params) = 'array'),
  status text not null default 'draft' check (status in ('draft', 'published', 'deprecated')),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  unique (lens_id, version),
  constraint versions_published_has_time check (status = 'draft' or published_at is not null)
);

create table workflows.workflows (
  id uuid primary key default gen_random_uuid(),
  owner_lenser_id uuid not null references lensers.profiles (id),
  title text not null check (length(btrim(title)) between 1 and 200),
  definition jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create table execution.runners (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  kind text not null check (kind in ('cloud_worker', 'gateway_device', 'manual')),
  owner_lenser_id uuid references lensers.profiles (id),
  created_at timestamptz not null default now()
);

create table execution.runs (
  id uuid primary key default gen_random_uuid(),
  battle_id uuid,
  contender_id uuid,
  model_id uuid references ai.models (id),
  runner_id uuid references execution.runners (id),
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'dead')),
  prompt_hash text,
  output_hash text,
  input_tokens integer check (input_tokens >= 0),
  output_tokens integer check (output_tokens >= 0),
  cost_usd numeric(14, 6) check (cost_usd >= 0),
  latency_ms integer check (latency_ms >= 0),
  provider_request_id text,
  error_code text,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz not null default now()
);
create index runs_battle_idx on execution.runs (battle_id);

alter table lenses.lenses enable row level security;
alter table lenses.versions enable row level security;
alter table workflows.workflows enable row level security;
alter table execution.runners enable row level security;
alter table execution.runs enable row level security;

create policy lenses_read on lenses.lenses for select using (is_public or owner_lenser_id = auth.uid());
create policy versions_read on lenses.versions for select using (
  exists (select 1 from lenses.lenses l where l.id = lens_id)
  and (status <> 'draft' or exists (select 1 from lenses.lenses l where l.id = lens_id and l.owner_lenser_id = auth.uid())));
create policy workflows_read on workflows.workflows for select using (true);
create policy runners_read on execution.runners for select using (true);
create policy runs_read on execution.runs for select using (true);

grant usage on schema lenses, workflows, execution to anon, authenticated, service_role;
grant select on lenses.lenses, lenses.versions, workflows.workflows, execution.runners, execution.runs to anon, authenticated;
grant all on lenses.lenses, lenses.versions, workflows.workflows, execution.runners, execution.runs to service_role;
