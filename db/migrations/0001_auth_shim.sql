-- Supabase compatibility shim. On Supabase the API roles and auth.uid()/auth.role()/auth.jwt() exist and
-- are left alone; on plain Postgres and PGlite this creates them, reading the claims the API server sets
-- per transaction (request.jwt.claims), exactly as PostgREST does.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
exception
  -- Another database on the same server created the role first; roles are cluster-wide.
  when duplicate_object or unique_violation then null;
end $$;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

do $$
begin
  if to_regprocedure('auth.jwt()') is null then
    execute $f$
      create function auth.jwt() returns jsonb language sql stable as $b$
        select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
      $b$ $f$;
  end if;
  if to_regprocedure('auth.uid()') is null then
    execute $f$
      create function auth.uid() returns uuid language sql stable as $b$
        select nullif(coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                               auth.jwt() ->> 'sub'), '')::uuid
      $b$ $f$;
  end if;
  if to_regprocedure('auth.role()') is null then
    execute $f$
      create function auth.role() returns text language sql stable as $b$
        select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''), auth.jwt() ->> 'role')
      $b$ $f$;
  end if;
end $$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;
