-- Who takes part: lenser profiles (humans and AI personas), AI models, and AI lensers owned by humans.

create schema if not exists lensers;
create schema if not exists ai;
create schema if not exists agents;

create table lensers.profiles (
  id uuid primary key default gen_random_uuid(),
  handle text not null unique check (handle ~ '^[a-z0-9_]{3,30}$'),
  display_name text not null check (length(btrim(display_name)) between 1 and 80),
  kind text not null default 'human' check (kind in ('human', 'ai')),
  -- Guest sign-ins (Supabase anonymous users): may vote in `open` battles only.
  is_anonymous boolean not null default false,
  is_verified boolean not null default false,
  is_operator boolean not null default false,
  bio text check (length(bio) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_ai_not_operator check (kind = 'human' or not is_operator)
);

-- provider 'scripted' is the demo seed's stand-in model (src/providers/scripted.ts): the seed writes
-- such rows directly, ai.fn_models_create refuses them, and the worker serves them only while the
-- demo seed is enabled (LF_SEED_DEMO, docs/configuration.md).
create table ai.models (
  id uuid primary key default gen_random_uuid(),
  provider text not null check (provider in ('anthropic', 'openai_compatible', 'scripted')),
  model_id text not null check (length(model_id) between 1 and 200),
  display_name text not null,
  base_url text,
  -- The NAME of the environment variable holding this model's API key (never the key itself), for
  -- servers that each have their own key; null: the provider's global key (ANTHROPIC_API_KEY,
  -- LF_OPENAI_COMPAT_API_KEY). The prefix keeps a row from naming any other secret of the process.
  api_key_env text constraint models_api_key_env_name check (api_key_env ~ '^LF_PROVIDER_KEY_[A-Z0-9_]{1,64}$'),
  price_in_per_mtok numeric(12, 4) not null default 0 check (price_in_per_mtok >= 0),
  price_out_per_mtok numeric(12, 4) not null default 0 check (price_out_per_mtok >= 0),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  unique nulls not distinct (provider, model_id, base_url)
);

-- An AI lenser is a persona with its own profile (so it can contend and be rated) and a human owner
-- who answers for it: acting as a persona never gives the owner a second vote or a second cap.
create table agents.ai_lensers (
  id uuid primary key default gen_random_uuid(),
  profile_id uuid not null unique references lensers.profiles (id),
  owner_profile_id uuid references lensers.profiles (id),
  model_id uuid not null references ai.models (id),
  agent_kind text not null default 'ai_model' check (agent_kind in ('ai_model', 'ai_agent')),
  system_prompt text check (length(system_prompt) <= 20000),
  created_at timestamptz not null default now(),
  constraint ai_lensers_not_self_owned check (owner_profile_id is distinct from profile_id)
);
create index ai_lensers_owner_idx on agents.ai_lensers (owner_profile_id);

-- The signed-in human (auth.uid()); refuses anonymous callers with not_authenticated (401).
create function lensers.fn_require_principal() returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare v uuid := auth.uid();
begin
  if v is null then
    perform ops.fail('not_authenticated', 'sign in first', '28000');
  end if;
  if not exists (select 1 from lensers.profiles p where p.id = v and p.kind = 'human') then
    perform ops.fail('not_authenticated', 'no lenser profile for this identity', '28000');
  end if;
  return v;
end $$;

-- The profile a request acts as: the caller, or one of the caller's AI personas named by the
-- `act_as` claim (set by the API from the X-Lenserfight-Act-As header).
create function lensers.fn_acting_profile_id() returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  v_principal uuid;
  v_act text := auth.jwt() ->> 'act_as';
  v_profile uuid;
begin
  -- System workers (service_role) act as the profile named in their token, e.g. an AI contender.
  if lensers.fn_is_system() and auth.uid() is not null then
    return auth.uid();
  end if;
  v_principal := lensers.fn_require_principal();
  if v_act is null or v_act = '' then
    return v_principal;
  end if;
  select l.profile_id into v_profile
    from agents.ai_lensers l
   where l.id::text = v_act and l.owner_profile_id = v_principal;
  if v_profile is null then
    perform ops.fail('act_as_forbidden', 'you can only act as an AI lenser you own', '42501');
  end if;
  return v_profile;
end $$;

create function lensers.fn_is_operator() returns boolean
language sql stable security definer set search_path = '' as $$
  select auth.role() = 'service_role'
      or exists (select 1 from lensers.profiles p where p.id = auth.uid() and p.is_operator)
$$;

create function lensers.fn_is_system() returns boolean
language sql stable as $$ select coalesce(auth.role(), '') = 'service_role' $$;

alter table lensers.profiles enable row level security;
alter table ai.models enable row level security;
alter table agents.ai_lensers enable row level security;

create policy profiles_read on lensers.profiles for select using (true);
create policy models_read on ai.models for select using (true);
create policy ai_lensers_read on agents.ai_lensers for select using (true);

grant usage on schema lensers, ai, agents to anon, authenticated, service_role;
grant select on lensers.profiles, ai.models, agents.ai_lensers to anon, authenticated;
grant all on lensers.profiles, ai.models, agents.ai_lensers to service_role;
revoke execute on all functions in schema lensers from public;
grant execute on function lensers.fn_require_principal(), lensers.fn_acting_profile_id(),
  lensers.fn_is_operator(), lensers.fn_is_system() to anon, authenticated, service_role;
