-- Taking part: join, invitations, AI contenders added by the creator, withdrawal, and submissions.

create function battles.trg_contender_aggregate() returns trigger
language plpgsql as $$
begin
  -- Every contender has a tally row from the start, so zero-vote contenders still get a rank.
  insert into battles.vote_aggregates (battle_id, contender_id) values (new.battle_id, new.id);
  return new;
end $$;
create trigger contenders_aggregate after insert on battles.contenders
  for each row execute function battles.trg_contender_aggregate();

-- Adds a contender for a profile or an AI lenser, enforcing capacity and the contender structure.
-- The caller holds the battle row lock, so slots are handed out one at a time.
create function battles.fn_add_contender(b battles.battles, p_profile_id uuid, p_entry_mode text)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_profile lensers.profiles;
  v_ai agents.ai_lensers;
  v_type battles.contender_type_enum;
  v_count integer;
  v_same integer;
  v_id uuid;
begin
  select * into v_profile from lensers.profiles where id = p_profile_id;
  if v_profile.kind = 'ai' then
    select * into v_ai from agents.ai_lensers where profile_id = p_profile_id;
    v_type := v_ai.agent_kind::battles.contender_type_enum;
  else
    v_type := 'human';
  end if;

  select m.contender_id into v_id from battles.contender_entity_map m
   where m.battle_id = b.id and (m.profile_id = p_profile_id or m.ai_lenser_id = v_ai.id);
  if v_id is not null then
    return v_id;  -- joining twice is a no-op
  end if;

  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('this battle is %s and takes no new contenders', b.status), '55000');
  end if;
  if v_profile.is_anonymous then
    perform ops.fail('guest_not_allowed', 'guest accounts cannot contend; sign up first', '42501');
  end if;
  if b.contender_structure = 'ai_vs_ai' and v_type = 'human' then
    perform ops.fail('contender_structure', 'this battle is AI vs AI: join as one of your AI lensers', '55000');
  elsif b.contender_structure = 'human_vs_human' and v_type <> 'human' then
    perform ops.fail('contender_structure', 'this battle is human vs human', '55000');
  end if;
  select count(*), count(*) filter (where (c.contender_type = 'human') = (v_type = 'human'))
    into v_count, v_same from battles.contenders c where c.battle_id = b.id;
  if v_count >= b.max_contenders then
    perform ops.fail('battle_full', format('this battle is full (%s contenders)', b.max_contenders), '55000');
  end if;
  -- Human vs AI keeps room for both sides.
  if b.contender_structure = 'human_vs_ai' and v_same >= b.max_contenders - 1 then
    perform ops.fail('contender_structure', format('the %s side of this battle is full', case when v_type = 'human' then 'human' else 'AI' end), '55000');
  end if;

  insert into battles.contenders (battle_id, slot, contender_type, display_name, contender_status, entry_mode, accepted_at)
  values (b.id, chr(65 + v_count), v_type, v_profile.display_name, 'active', p_entry_mode, now())
  returning id into v_id;
  insert into battles.contender_entity_map (contender_id, battle_id, profile_id, ai_lenser_id)
  values (v_id, b.id, case when v_ai.id is null then p_profile_id end, v_ai.id);
  perform battles.fn_log_event(b.id, 'contender_joined',
    jsonb_build_object('contender_id', v_id, 'slot', chr(65 + v_count), 'entry_mode', p_entry_mode));
  return v_id;
end $$;

create function battles.fn_battles_join(p_battle_id uuid)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_acting uuid := lensers.fn_acting_profile_id();
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_mode text := 'direct';
begin
  if b.invite_code is not null and not battles.fn_is_creator(b) then
    if not battles.fn_is_invitee(b.id) then
      perform ops.fail('invite_required', 'this battle is invite-only', '42501');
    end if;
    v_mode := 'invited';
  end if;
  return battles.fn_add_contender(b, v_acting, v_mode);
end $$;

-- The creator fills AI seats (AI vs AI, human vs AI) with AI lensers: public ones (no owner) or
-- their own. A persona someone else owns takes part only when its owner joins it (act_as): nobody
-- is entered into a battle without consent.
create function battles.fn_battles_add_ai_contender(p_battle_id uuid, p_ai_lenser_id uuid)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_profile uuid;
  v_owner uuid;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may add AI contenders', '42501');
  end if;
  select profile_id, owner_profile_id into v_profile, v_owner from agents.ai_lensers where id = p_ai_lenser_id;
  if v_profile is null then
    perform ops.fail('not_found', 'AI lenser not found', 'P0002');
  end if;
  if v_owner is not null and v_owner <> auth.uid() then
    perform ops.fail('ai_lenser_not_yours', 'that AI lenser belongs to someone else; its owner can join it to the battle', '42501');
  end if;
  return battles.fn_add_contender(b, v_profile, 'invited');
end $$;

create function battles.fn_battles_invite_with_token(p_battle_id uuid, p_email text)
returns table (invitation_id uuid, token text)
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
  v_id uuid;
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may invite', '42501');
  end if;
  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('this battle is %s and takes no new contenders', b.status), '55000');
  end if;
  if exists (select 1 from battles.invitations i where i.battle_id = b.id and lower(i.email) = lower(btrim(p_email))) then
    perform ops.fail('already_invited', 'that address is already invited', '23505');
  end if;
  insert into battles.invitations (battle_id, email, token_hash, invited_by)
  values (b.id, btrim(p_email), encode(sha256(convert_to(v_token, 'UTF8')), 'hex'), auth.uid())
  returning id into v_id;
  perform battles.fn_log_event(b.id, 'invitation_sent', jsonb_build_object('invitation_id', v_id));
  return query select v_id, v_token;
end $$;

create function battles.fn_battles_invite(p_battle_id uuid, p_email text)
returns uuid
language sql security definer set search_path = '' as $$
  select invitation_id from battles.fn_battles_invite_with_token(p_battle_id, p_email)
$$;

-- The invitations of a battle, for its creator (the wizard lists them when a draft is resumed). Only
-- the token's hash is stored, so a link cannot be shown again; fn_battles_renew_invitation issues a new one.
create function battles.fn_battle_invitations(p_battle_id uuid)
returns table (invitation_id uuid, email text, status text, created_at timestamptz, expires_at timestamptz,
  accepted_at timestamptz, accepted_handle text)
language plpgsql stable security definer set search_path = '' as $$
declare b battles.battles;
begin
  select * into b from battles.battles where id = p_battle_id and deleted_at is null;
  if not found or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  if not (battles.fn_is_creator(b) or lensers.fn_is_operator()) then
    perform ops.fail('forbidden', 'only the creator sees who is invited', '42501');
  end if;
  return query
  select i.id, i.email,
         case when i.accepted_at is not null then 'accepted' when i.expires_at < now() then 'expired' else 'pending' end,
         i.created_at, i.expires_at, i.accepted_at, p.handle
    from battles.invitations i left join lensers.profiles p on p.id = i.accepted_by
   where i.battle_id = b.id
   order by i.created_at, i.id;
end $$;

-- A new link for an invitation nobody has accepted yet: the old token stops working and the
-- invitation runs for another 14 days.
create function battles.fn_battles_renew_invitation(p_battle_id uuid, p_invitation_id uuid)
returns table (invitation_id uuid, token text)
language plpgsql security definer set search_path = '' as $$
declare
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
begin
  if not battles.fn_is_creator(b) then
    perform ops.fail('forbidden', 'only the creator may renew invitations', '42501');
  end if;
  if b.status not in ('draft', 'open') then
    perform ops.fail('battle_not_open', format('this battle is %s and takes no new contenders', b.status), '55000');
  end if;
  update battles.invitations i set token_hash = encode(sha256(convert_to(v_token, 'UTF8')), 'hex'),
         expires_at = now() + interval '14 days'
   where i.id = p_invitation_id and i.battle_id = b.id and i.accepted_at is null;
  if not found then
    perform ops.fail('not_found', 'no pending invitation with this id in this battle', 'P0002');
  end if;
  perform battles.fn_log_event(b.id, 'invitation_sent', jsonb_build_object('invitation_id', p_invitation_id, 'renewed', true));
  return query select p_invitation_id, v_token;
end $$;

-- Accepting joins the battle. The invitee proves it with the token from the link, or by being
-- signed in with the invited address.
create function battles.fn_battles_accept_invitation(p_invitation_id uuid default null, p_token text default null)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_me uuid := lensers.fn_require_principal();
  i battles.invitations;
  b battles.battles;
  v_contender uuid;
begin
  if p_token is not null then
    select * into i from battles.invitations where token_hash = encode(sha256(convert_to(p_token, 'UTF8')), 'hex') for update;
  else
    select * into i from battles.invitations
     where id = p_invitation_id
       -- The signed-in address: the account's, or the token's under Supabase Auth (fn_caller_email).
       and lower(email) = battles.fn_caller_email()
     for update;
  end if;
  if not found then
    perform ops.fail('not_found', 'invitation not found', 'P0002');
  end if;
  if i.accepted_by is not null and i.accepted_by <> v_me then
    perform ops.fail('invitation_used', 'this invitation was accepted by someone else', '55000');
  end if;
  if i.accepted_by is null and i.expires_at < now() then
    perform ops.fail('invitation_expired', 'this invitation has expired', '55000');
  end if;
  select * into b from battles.battles where id = i.battle_id for update;
  v_contender := battles.fn_add_contender(b, v_me, 'invited');
  if i.accepted_by is null then
    update battles.invitations set accepted_by = v_me, accepted_at = now(), contender_id = v_contender where id = i.id;
    perform battles.fn_log_event(b.id, 'invitation_accepted', jsonb_build_object('invitation_id', i.id, 'contender_id', v_contender));
  end if;
  return v_contender;
end $$;

create function battles.fn_battles_withdraw(p_battle_id uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  v_acting uuid := lensers.fn_acting_profile_id();
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  v_contender uuid;
begin
  select m.contender_id into v_contender from battles.contender_entity_map m
    left join agents.ai_lensers l on l.id = m.ai_lenser_id
   where m.battle_id = b.id and (m.profile_id = v_acting or l.profile_id = v_acting);
  if v_contender is null then
    perform ops.fail('not_a_contender', 'you are not a contender in this battle', '42501');
  end if;
  if b.status not in ('draft', 'open', 'executing') then
    perform ops.fail('battle_not_open', format('contenders cannot withdraw once a battle is %s', b.status), '55000');
  end if;
  update battles.contenders set contender_status = 'withdrawn', withdrawn_at = now()
   where id = v_contender and contender_status <> 'withdrawn';
  if found then
    perform battles.fn_log_event(b.id, 'contender_withdrawn', jsonb_build_object('contender_id', v_contender));
  end if;
end $$;

-- A contender's entry. Each submission is a new row; a resubmission links to the one it revises and
-- takes over as the single is_final entry.
create function battles.fn_battles_submit(
  p_battle_id uuid, p_text text default null, p_url text default null, p_media jsonb default null,
  p_run_id uuid default null, p_artifact_id uuid default null, p_source_type text default null,
  p_adapter_id uuid default null, p_model_id uuid default null)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_acting uuid := lensers.fn_acting_profile_id();
  b battles.battles := battles.fn_lock_visible(p_battle_id);
  c battles.contenders;
  v_prev uuid;
  v_id uuid;
  v_media jsonb := coalesce(p_media, '[]');
  v_source text := coalesce(p_source_type, case when p_run_id is null then 'manual' else 'execution_output' end);
begin
  select c2.* into c from battles.contenders c2
    join battles.contender_entity_map m on m.contender_id = c2.id
    left join agents.ai_lensers l on l.id = m.ai_lenser_id
   where c2.battle_id = b.id and (m.profile_id = v_acting or l.profile_id = v_acting);
  if not found then
    perform ops.fail('not_a_contender', 'only contenders can submit to this battle', '42501');
  end if;
  if b.status not in ('open', 'executing') then
    perform ops.fail('battle_not_accepting_entries', format('this battle is %s and takes no entries', b.status), '55000');
  end if;
  if c.contender_status not in ('active', 'accepted') then
    perform ops.fail('contender_not_active', format('your entry is %s', c.contender_status), '55000');
  end if;
  if coalesce(btrim(p_text), '') = '' and p_url is null and jsonb_array_length(v_media) = 0 and p_run_id is null then
    perform ops.fail('empty_submission', 'an entry needs text, a link, media or a run', '22023');
  end if;
  if v_source = 'execution_output' and p_run_id is null then
    perform ops.fail('invalid_input', 'execution_output entries name their run', '22023');
  end if;

  update battles.submissions set is_final = false
   where contender_id = c.id and is_final returning id into v_prev;
  insert into battles.submissions (battle_id, contender_id, status, content_text, content_url, content_media,
    execution_run_id, source_type, model_id, adapter_id, artifact_id, submitted_at, is_final, revision_of_id, integrity_hash)
  values (b.id, c.id, 'submitted', p_text, p_url, v_media, p_run_id, v_source, p_model_id, p_adapter_id, p_artifact_id,
    now(), true, v_prev, battles.fn_content_hash(p_text, p_url, v_media))
  returning id into v_id;
  perform battles.fn_log_event(b.id, 'submission_received',
    jsonb_build_object('submission_id', v_id, 'contender_id', c.id, 'revision_of_id', v_prev));
  return v_id;
end $$;
