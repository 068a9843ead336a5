-- Lenses (prompt templates with [[param]] tokens, src/core/lens-render.ts) and which lens version each
-- AI contender of a battle runs with (battles.contender_lens_assignments).

-- A version's params: [{"label": "topic", "required": true, "default": "...", "description": "..."}].
-- Labels are token labels of lens-render.ts (no spaces or brackets; at most 100 characters), each declared once.
create function lenses.fn_check_params(p_params jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  p jsonb;
  v_labels text[] := '{}';
  v_label text;
begin
  if p_params is null then
    return '[]';
  end if;
  if jsonb_typeof(p_params) <> 'array' or jsonb_array_length(p_params) > 100 then
    perform ops.fail('invalid_input', 'params must be an array of at most 100 parameters', '22023');
  end if;
  for p in select value from jsonb_array_elements(p_params) loop
    v_label := btrim(p ->> 'label');
    if jsonb_typeof(p) <> 'object' or v_label is null or v_label !~ '^[^[:space:]\[\]]{1,100}$' then
      perform ops.fail('invalid_input', format('parameter %s needs a label without spaces or brackets', coalesce(p::text, 'null')), '22023');
    end if;
    if v_label = any (v_labels) then
      perform ops.fail('invalid_input', format('parameter %s is declared twice', v_label), '22023');
    end if;
    if p ? 'required' and jsonb_typeof(p -> 'required') <> 'boolean'
       or p ? 'default' and jsonb_typeof(p -> 'default') not in ('string', 'null')
       or p ? 'description' and jsonb_typeof(p -> 'description') not in ('string', 'null') then
      perform ops.fail('invalid_input', format('parameter %s: required is a boolean, default and description are text', v_label), '22023');
    end if;
    v_labels := v_labels || v_label;
  end loop;
  return (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'label', btrim(value ->> 'label'),
             'required', coalesce((value ->> 'required')::boolean, false),
             'default', value ->> 'default',
             'description', value ->> 'description')) order by ord), '[]')
            from jsonb_array_elements(p_params) with ordinality as t(value, ord));
end $$;

-- A new version of a lens you own; published at once unless p_publish is false.
create function lenses.fn_lens_versions_create(p_lens_id uuid, p_template_body text, p_params jsonb default '[]',
  p_publish boolean default true)
returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me uuid := lensers.fn_acting_profile_id();
  v_lens lenses.lenses;
  v_version integer;
  v_id uuid;
  v_params jsonb := lenses.fn_check_params(p_params);
begin
  select * into v_lens from lenses.lenses where id = p_lens_id for update;
  if not found or not (v_lens.is_public or v_lens.owner_lenser_id = v_me) then
    perform ops.fail('not_found', 'lens not found', 'P0002');
  end if;
  if v_lens.owner_lenser_id <> v_me then
    perform ops.fail('forbidden', 'only the owner of a lens may add versions', '42501');
  end if;
  if coalesce(btrim(p_template_body), '') = '' then
    perform ops.fail('invalid_input', 'a lens version needs a template body', '22023');
  end if;
  select coalesce(max(version), 0) + 1 into v_version from lenses.versions where lens_id = p_lens_id;
  insert into lenses.versions (lens_id, version, template_body, params, status, published_at)
  values (p_lens_id, v_version, p_template_body, v_params,
    case when coalesce(p_publish, true) then 'published' else 'draft' end,
    case when coalesce(p_publish, true) then now() end)
  returning id into v_id;
  update lenses.lenses set updated_at = now() where id = p_lens_id;
  return jsonb_build_object('lens_id', p_lens_id, 'version_id', v_id, 'version', v_version,
    'status', case when coalesce(p_publish, true) then 'published' else 'draft' end);
end $$;

-- A lens with its first (published) version.
create function lenses.fn_lenses_create(p_slug text, p_title text, p_template_body text, p_params jsonb default '[]',
  p_description text default null, p_is_public boolean default true)
returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me uuid := lensers.fn_acting_profile_id();
  v_id uuid;
begin
  if (select is_anonymous from lensers.profiles where id = v_me) then
    perform ops.fail('guest_not_allowed', 'guest accounts cannot create lenses; sign up first', '42501');
  end if;
  if exists (select 1 from lenses.lenses where slug = p_slug) then
    perform ops.fail('slug_taken', format('the lens slug %s is taken', p_slug), '23505');
  end if;
  insert into lenses.lenses (owner_lenser_id, slug, title, description, is_public)
  values (v_me, p_slug, btrim(p_title), p_description, coalesce(p_is_public, true))
  returning id into v_id;
  return lenses.fn_lens_versions_create(v_id, p_template_body, p_params, true);
end $$;

-- The version a battle would run of a lens: the pinned one (p_version_id) or else the latest
-- published. Refuses a lens the caller and the battle's principal may not use (public or their own)
-- and a version that is not published. Internal: for fn_battles_assign_lens and fn_battles_set_lens.
create function battles.fn_lens_version_for(b battles.battles, p_lens_id uuid, p_version_id uuid)
returns lenses.versions
language plpgsql stable security definer set search_path = '' as $$
declare
  v lenses.versions;
begin
  if not exists (select 1 from lenses.lenses l where l.id = p_lens_id
                   and (l.is_public or l.owner_lenser_id in (lensers.fn_acting_profile_id(), b.principal_id))) then
    perform ops.fail('not_found', 'lens not found', 'P0002');
  end if;
  select * into v from lenses.versions x
   where x.lens_id = p_lens_id and x.status = 'published' and (p_version_id is null or x.id = p_version_id)
   order by x.version desc limit 1;
  if not found then
    if p_version_id is not null then
      perform ops.fail('not_found', 'no published version of that lens with this id', 'P0002');
    end if;
    perform ops.fail('lens_not_published', 'this lens has no published version yet', '55000');
  end if;
  return v;
end $$;

-- The creator assigns a lens (a pinned version, or null for the latest published one at execution
-- start) and its parameter values to an AI contender while the battle is draft or open. Assigning
-- again replaces the assignment. Values are checked against the version only when it runs
-- (src/battles/lens-prompt.ts): a missing required one blocks that run with lens_param_missing.
create function battles.fn_battles_assign_lens(p_battle_id uuid, p_contender_id uuid, p_lens_id uuid,
  p_version_id uuid default null, p_input_snapshot jsonb default '{}')
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_me uuid := lensers.fn_acting_profile_id();
  c battles.contenders;
  v_id uuid;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may assign lenses', '42501');
  end if;
  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('lenses are assigned while a battle is draft or open; this one is %s', b.status), '55000');
  end if;
  select * into c from battles.contenders where id = p_contender_id and battle_id = b.id;
  if not found then
    perform ops.fail('not_found', 'contender not found in this battle', 'P0002');
  end if;
  if c.contender_type = 'human' then
    perform ops.fail('invalid_contender', 'lenses are run by AI contenders; humans submit their own entries', '22023');
  end if;
  perform battles.fn_lens_version_for(b, p_lens_id, p_version_id);
  if p_input_snapshot is not null and jsonb_typeof(p_input_snapshot) <> 'object' then
    perform ops.fail('invalid_input', 'input_snapshot is an object of parameter values', '22023');
  end if;
  insert into battles.contender_lens_assignments (contender_id, lens_id, version_id, input_snapshot, assigned_by)
  values (c.id, p_lens_id, p_version_id, coalesce(p_input_snapshot, '{}'), v_me)
  on conflict (contender_id) do update
    set lens_id = excluded.lens_id, version_id = excluded.version_id, input_snapshot = excluded.input_snapshot,
        assigned_at = now(), assigned_by = excluded.assigned_by
  returning id into v_id;
  return v_id;
end $$;

-- Blank as String.prototype.trim sees it (src/core/lens-render.ts): only JavaScript's white space and
-- line terminators, so the database and the renderer agree on what counts as "no value".
create function lenses.fn_is_blank(p text) returns boolean
language sql immutable set search_path = '' as $$
  select p is null or translate(p, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff', '') = ''
$$;

-- The required parameters of a version that a snapshot leaves without a value, in declaration order:
-- the same rule as renderLensWithSnapshot (absent, null or blank text, and no non-blank default).
create function lenses.fn_missing_params(p_params jsonb, p_snapshot jsonb) returns text[]
language sql immutable set search_path = '' as $$
  select coalesce(array_agg(p.value ->> 'label' order by p.ord), '{}')
    from jsonb_array_elements(coalesce(p_params, '[]')) with ordinality as p(value, ord)
   where coalesce((p.value ->> 'required')::boolean, false)
     and lenses.fn_is_blank(p.value ->> 'default')
     and coalesce(jsonb_typeof(coalesce(p_snapshot, '{}') -> (p.value ->> 'label')), 'null') in ('null', 'string')
     and lenses.fn_is_blank(coalesce(p_snapshot, '{}') ->> (p.value ->> 'label'))
$$;

-- Lenses the caller may use (public ones and their own) that have a published version, with every
-- published version and its declared parameters, newest version first.
create function lenses.fn_lenses_list()
returns table (id uuid, slug text, title text, description text, is_public boolean, is_mine boolean,
  owner_handle text, latest_version integer, versions jsonb)
language sql stable security invoker set search_path = '' as $$
  select l.id, l.slug, l.title, l.description, l.is_public, l.owner_lenser_id = auth.uid(), p.handle,
         max(v.version),
         jsonb_agg(jsonb_build_object('id', v.id, 'version', v.version, 'published_at', v.published_at, 'params', v.params)
                   order by v.version desc)
    from lenses.lenses l
    join lenses.versions v on v.lens_id = l.id and v.status = 'published'
    left join lensers.profiles p on p.id = l.owner_lenser_id
   group by l.id, p.handle
   order by l.owner_lenser_id = auth.uid() desc, l.title, l.id
$$;

-- One lens with its versions (template and parameters); drafts only for the owner (row-level security).
create function lenses.fn_lens_get(p_lens_id uuid)
returns jsonb
language sql stable security invoker set search_path = '' as $$
  select jsonb_build_object('id', l.id, 'slug', l.slug, 'title', l.title, 'description', l.description,
           'is_public', l.is_public, 'is_mine', l.owner_lenser_id = auth.uid(),
           'owner_handle', (select p.handle from lensers.profiles p where p.id = l.owner_lenser_id),
           'versions', coalesce((select jsonb_agg(jsonb_build_object('id', v.id, 'version', v.version, 'status', v.status,
               'published_at', v.published_at, 'template_body', v.template_body, 'params', v.params) order by v.version desc)
             from lenses.versions v where v.lens_id = l.id), '[]'))
    from lenses.lenses l where l.id = p_lens_id
$$;

-- The battle's lens: the one every AI contender runs with, set by the creator (the wizard's task step)
-- before or after contenders join. Setting it writes each AI contender's assignment; AI contenders
-- added later get it too (trigger below). fn_battles_assign_lens can still give one contender another.
create table battles.battle_lenses (
  battle_id uuid primary key references battles.battles (id),
  lens_id uuid not null references lenses.lenses (id),
  -- Null: the latest published version when execution starts.
  version_id uuid references lenses.versions (id),
  input_snapshot jsonb not null default '{}' constraint battle_lenses_snapshot_object check (jsonb_typeof(input_snapshot) = 'object'),
  set_by uuid references lensers.profiles (id),
  set_at timestamptz not null default now()
);
alter table battles.battle_lenses enable row level security;
create policy battle_lenses_read on battles.battle_lenses for select using (battles.fn_can_view(battle_id));

-- Sets (or, with a null lens, clears) the battle's lens while the battle is draft or open. Required
-- parameters are checked against the pinned version, or the latest published one (a later version
-- is checked again when it runs): a missing one is refused with lens_param_missing.
create function battles.fn_battles_set_lens(p_battle_id uuid, p_lens_id uuid default null,
  p_version_id uuid default null, p_input_snapshot jsonb default '{}')
returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_me uuid := lensers.fn_acting_profile_id();
  v_snapshot jsonb := coalesce(p_input_snapshot, '{}');
  v battles.battle_lenses;
  v_version lenses.versions;
  v_missing text[];
  v_count integer;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may set the lens', '42501');
  end if;
  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('the lens is set while a battle is draft or open; this one is %s', b.status), '55000');
  end if;
  if p_lens_id is null then
    delete from battles.battle_lenses where battle_id = b.id;
    delete from battles.contender_lens_assignments a using battles.contenders c
     where c.id = a.contender_id and c.battle_id = b.id;
    return jsonb_build_object('battle_id', b.id, 'lens_id', null, 'assigned', 0);
  end if;
  if jsonb_typeof(v_snapshot) <> 'object' then
    perform ops.fail('invalid_input', 'input_snapshot is an object of parameter values', '22023');
  end if;
  v_version := battles.fn_lens_version_for(b, p_lens_id, p_version_id);
  v_missing := lenses.fn_missing_params(v_version.params, v_snapshot);
  if cardinality(v_missing) > 0 then
    perform ops.fail('lens_param_missing', format('Missing value for required lens %s: %s.',
      case when cardinality(v_missing) = 1 then 'parameter' else 'parameters' end, array_to_string(v_missing, ', ')), '22023');
  end if;
  insert into battles.battle_lenses (battle_id, lens_id, version_id, input_snapshot, set_by)
  values (b.id, p_lens_id, p_version_id, v_snapshot, v_me)
  on conflict (battle_id) do update
    set lens_id = excluded.lens_id, version_id = excluded.version_id, input_snapshot = excluded.input_snapshot,
        set_by = excluded.set_by, set_at = now()
  returning * into v;
  insert into battles.contender_lens_assignments (contender_id, lens_id, version_id, input_snapshot, assigned_by)
  select c.id, v.lens_id, v.version_id, v.input_snapshot, v_me
    from battles.contenders c where c.battle_id = b.id and c.contender_type <> 'human'
  on conflict (contender_id) do update
    set lens_id = excluded.lens_id, version_id = excluded.version_id, input_snapshot = excluded.input_snapshot,
        assigned_at = now(), assigned_by = excluded.assigned_by;
  get diagnostics v_count = row_count;
  return jsonb_build_object('battle_id', b.id, 'lens_id', v.lens_id, 'version_id', v.version_id,
    'version', v_version.version, 'assigned', v_count);
end $$;

-- An AI contender joining a battle that has a lens gets the battle's lens.
create function battles.trg_contender_battle_lens() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into battles.contender_lens_assignments (contender_id, lens_id, version_id, input_snapshot, assigned_by)
  select new.id, l.lens_id, l.version_id, l.input_snapshot, l.set_by
    from battles.battle_lenses l where l.battle_id = new.battle_id
  on conflict (contender_id) do nothing;
  return new;
end $$;
create trigger contenders_battle_lens after insert on battles.contenders
  for each row when (new.contender_type <> 'human') execute function battles.trg_contender_battle_lens();

-- The battle's lens and every AI contender's assignment, with the lens title and version, for whoever
-- may see the battle; the assignments (which name contenders) only while identities are not blind.
create function battles.fn_battle_lens(p_battle_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
  if not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  return jsonb_build_object(
    'lens', (select jsonb_build_object('lens_id', bl.lens_id, 'title', l.title, 'slug', l.slug, 'version_id', bl.version_id,
               'version', v.version, 'input_snapshot', bl.input_snapshot, 'set_at', bl.set_at)
               from battles.battle_lenses bl join lenses.lenses l on l.id = bl.lens_id
               left join lenses.versions v on v.id = bl.version_id
              where bl.battle_id = p_battle_id),
    'assignments', coalesce((select jsonb_agg(jsonb_build_object('contender_id', c.id, 'slot', c.slot,
               'display_name', c.display_name, 'lens_id', a.lens_id, 'title', l.title, 'version_id', a.version_id,
               'version', v.version, 'input_snapshot', a.input_snapshot, 'assigned_at', a.assigned_at) order by c.slot)
               from battles.contender_lens_assignments a
               join battles.contenders c on c.id = a.contender_id
               join lenses.lenses l on l.id = a.lens_id
               left join lenses.versions v on v.id = a.version_id
              where c.battle_id = p_battle_id and battles.fn_identities_revealed(p_battle_id)), '[]'));
end $$;

revoke execute on function lenses.fn_check_params(jsonb), lenses.fn_lens_versions_create(uuid, text, jsonb, boolean),
  lenses.fn_lenses_create(text, text, text, jsonb, text, boolean),
  battles.fn_lens_version_for(battles.battles, uuid, uuid),
  battles.fn_battles_assign_lens(uuid, uuid, uuid, uuid, jsonb) from public;
grant execute on function lenses.fn_check_params(jsonb) to authenticated, service_role;
grant execute on function lenses.fn_lens_versions_create(uuid, text, jsonb, boolean),
  lenses.fn_lenses_create(text, text, text, jsonb, text, boolean),
  battles.fn_battles_assign_lens(uuid, uuid, uuid, uuid, jsonb) to authenticated, service_role;
revoke all on battles.battle_lenses from public, anon, authenticated;
grant select on battles.battle_lenses to anon, authenticated;
grant all on battles.battle_lenses to service_role;
revoke execute on function lenses.fn_is_blank(text), lenses.fn_missing_params(jsonb, jsonb), lenses.fn_lenses_list(),
  lenses.fn_lens_get(uuid), battles.fn_battles_set_lens(uuid, uuid, uuid, jsonb), battles.trg_contender_battle_lens(),
  battles.fn_battle_lens(uuid) from public;
grant execute on function lenses.fn_is_blank(text), lenses.fn_missing_params(jsonb, jsonb), lenses.fn_lenses_list(),
  lenses.fn_lens_get(uuid), battles.fn_battle_lens(uuid) to anon, authenticated, service_role;
grant execute on function battles.fn_battles_set_lens(uuid, uuid, uuid, jsonb) to authenticated, service_role;
