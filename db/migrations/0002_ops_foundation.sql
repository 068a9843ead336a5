-- Shared building blocks: typed errors, settings, append-only guards, accounts and API tokens.

create schema if not exists ops;

-- Every refusal raised by an RPC goes through here: a SQLSTATE for the class of error and a stable
-- reason in DETAIL ('lf_<code>') that the API maps to an HTTP status (src/db/errors.ts).
create function ops.fail(p_code text, p_message text, p_sqlstate text default 'P0001', p_hint text default null)
returns void language plpgsql as $$
begin
  raise exception using message = p_message, detail = 'lf_' || p_code, errcode = p_sqlstate,
    hint = coalesce(p_hint, '');
end $$;

-- True only inside a migration transaction: the only writer allowed to touch append-only tables.
-- The flag `lf.migrating = on` alone is not enough (any session can set a custom setting): this very
-- transaction must also have written a row of ops.schema_migrations, which src/db/migrate.ts
-- inserts before it runs a migration file. API roles (anon, authenticated, service_role) have no
-- privilege on that table, so for them this is always false. The owner or a superuser passes only by
-- recording a migration in the same transaction (docs/runbook.md says what that means). xmin names
-- the transaction that wrote the row; applied_at = now() (the transaction start) rules out an old
-- row whose xid was reused after wraparound.
create function ops.is_migrating() returns boolean
language sql stable security definer set search_path = '' as $$
  select case when coalesce(current_setting('lf.migrating', true), '') = 'on'
    then exists (select 1 from ops.schema_migrations m
                  where m.xmin = pg_current_xact_id_if_assigned()::xid and m.applied_at = now())
    else false end
$$;

create function ops.forbid_mutation() returns trigger language plpgsql as $$
begin
  if ops.is_migrating() then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  perform ops.fail('append_only', format('%I.%I is append-only: %s is not allowed', tg_table_schema, tg_table_name, lower(tg_op)), '55000');
  return null;
end $$;

-- Runtime settings an operator may change without a restart; a GUC of the same name wins, so
-- `ALTER DATABASE ... SET app.x` (the reference way) and the environment on PGlite both work.
create table ops.settings (
  key text primary key check (key ~ '^app\.[a-z_]+$'),
  value text not null,
  updated_at timestamptz not null default now()
);

create function ops.setting(p_key text, p_default text default null) returns text
language sql stable security definer set search_path = '' as $$
  select coalesce(
    nullif(current_setting(p_key, true), ''),
    (select s.value from ops.settings s where s.key = p_key),
    p_default)
$$;

create function ops.setting_int(p_key text, p_default integer) returns integer
language plpgsql stable as $$
declare v text := ops.setting(p_key);
begin
  if v is null then return p_default; end if;
  return v::integer;
exception when invalid_text_representation then
  return p_default;
end $$;

-- Email + password accounts for the built-in auth (on Supabase, GoTrue plays this part).
create table ops.accounts (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
  password_hash text not null,
  created_at timestamptz not null default now()
);
create unique index accounts_email_key on ops.accounts (lower(email));

-- Personal API tokens for the CLI: only a SHA-256 of the token is stored.
create table ops.api_tokens (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references ops.accounts (id),
  name text not null check (length(name) between 1 and 100),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_account_idx on ops.api_tokens (account_id);

revoke all on all tables in schema ops from public;
grant usage on schema ops to anon, authenticated, service_role;
grant execute on function ops.fail(text, text, text, text), ops.is_migrating(), ops.setting(text, text),
  ops.setting_int(text, integer) to anon, authenticated, service_role;
