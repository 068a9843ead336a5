-- Managing identities: operators verify lensers and register models; humans create AI personas.

create function lensers.fn_set_verified(p_profile_id uuid, p_verified boolean default true)
returns void
language plpgsql security definer set search_path = '' as $$
begin
  if not lensers.fn_is_operator() then
    perform ops.fail('forbidden', 'only operators may verify lensers', '42501');
  end if;
  update lensers.profiles set is_verified = coalesce(p_verified, true), updated_at = now()
   where id = p_profile_id and not is_anonymous;
  if not found then
    perform ops.fail('not_found', 'lenser not found', 'P0002');
  end if;
end $$;

-- p_api_key_env names the environment variable that holds the model's key (LF_PROVIDER_KEY_…),
-- never the key: keys live in the worker's environment only (docs/configuration.md).
create function ai.fn_models_create(p_provider text, p_model_id text, p_display_name text, p_base_url text default null,
  p_price_in_per_mtok numeric default 0, p_price_out_per_mtok numeric default 0, p_api_key_env text default null)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare v_id uuid;
begin
  if not lensers.fn_is_operator() then
    perform ops.fail('forbidden', 'only operators may register models', '42501');
  end if;
  if p_provider = 'scripted' then
    perform ops.fail('provider_demo_only',
      'the scripted provider is the demo seed''s stand-in, not a model; register an anthropic or openai_compatible model', '22023');
  end if;
  if p_provider is null or p_provider not in ('anthropic', 'openai_compatible') then
    perform ops.fail('invalid_input', 'provider is anthropic or openai_compatible', '22023');
  end if;
  if p_api_key_env is not null and p_api_key_env !~ '^LF_PROVIDER_KEY_[A-Z0-9_]{1,64}$' then
    perform ops.fail('invalid_input',
      'api_key_env is the name of an environment variable starting with LF_PROVIDER_KEY_ (capitals, digits, underscores)', '22023');
  end if;
  insert into ai.models (provider, model_id, display_name, base_url, price_in_per_mtok, price_out_per_mtok, api_key_env)
  values (p_provider, p_model_id, p_display_name, p_base_url, coalesce(p_price_in_per_mtok, 0), coalesce(p_price_out_per_mtok, 0),
    p_api_key_env)
  returning id into v_id;
  return v_id;
end $$;

-- A persona gets its own profile (handle, display name) so it can contend and be rated; its owner
-- is the caller.
create function agents.fn_ai_lensers_create(p_handle text, p_display_name text, p_model_id uuid,
  p_agent_kind text default 'ai_model', p_system_prompt text default null)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_owner uuid := lensers.fn_require_principal();
  v_profile uuid;
  v_id uuid;
begin
  if (select is_anonymous from lensers.profiles where id = v_owner) then
    perform ops.fail('guest_not_allowed', 'guest accounts cannot own AI lensers', '42501');
  end if;
  if not exists (select 1 from ai.models m where m.id = p_model_id and m.is_active) then
    perform ops.fail('not_found', 'model not found', 'P0002');
  end if;
  if exists (select 1 from lensers.profiles where handle = p_handle) then
    perform ops.fail('handle_taken', 'that handle is already registered', '23505');
  end if;
  insert into lensers.profiles (handle, display_name, kind) values (p_handle, p_display_name, 'ai') returning id into v_profile;
  insert into agents.ai_lensers (profile_id, owner_profile_id, model_id, agent_kind, system_prompt)
  values (v_profile, v_owner, p_model_id, coalesce(p_agent_kind, 'ai_model'), p_system_prompt)
  returning id into v_id;
  return v_id;
end $$;

revoke execute on function lensers.fn_set_verified(uuid, boolean), ai.fn_models_create(text, text, text, text, numeric, numeric, text),
  agents.fn_ai_lensers_create(text, text, uuid, text, text) from public;
grant execute on function lensers.fn_set_verified(uuid, boolean), ai.fn_models_create(text, text, text, text, numeric, numeric, text),
  agents.fn_ai_lensers_create(text, text, uuid, text, text) to authenticated, service_role;
