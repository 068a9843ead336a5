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
  if not exists (select 1 from lenses.lenses l where l.id = p_lens_id and (l.is_public or l.owner_lenser_id in (v_me, b.principal_id))) then
    perform ops.fail('not_found', 'lens not found', 'P0002');
  end if;
  if p_version_id is not null and not exists (
       select 1 from lenses.versions v where v.id = p_version_id and v.lens_id = p_lens_id and v.status = 'published') then
    perform ops.fail('not_found', 'no published version of that lens with this id', 'P0002');
  end if;
  if p_version_id is null and not exists (select 1 from lenses.versions v where v.lens_id = p_lens_id and v.status = 'published') then
    perform ops.fail('lens_not_published', 'this lens has no published version yet', '55000');
  end if;
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

revoke execute on function lenses.fn_check_params(jsonb), lenses.fn_lens_versions_create(uuid, text, jsonb, boolean),
  lenses.fn_lenses_create(text, text, text, jsonb, text, boolean),
  battles.fn_battles_assign_lens(uuid, uuid, uuid, uuid, jsonb) from public;
grant execute on function lenses.fn_check_params(jsonb) to authenticated, service_role;
grant execute on function lenses.fn_lens_versions_create(uuid, text, jsonb, boolean),
  lenses.fn_lenses_create(text, text, text, jsonb, text, boolean),
  battles.fn_battles_assign_lens(uuid, uuid, uuid, uuid, jsonb) to authenticated, service_role;
