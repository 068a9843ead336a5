-- Who may see what: visibility helpers shared by row-level security, the RPCs and the views.
-- They are SECURITY DEFINER so a policy can look at other tables without recursing through theirs.

-- The caller's sign-in address, lower-cased: their ops.accounts row (built-in auth), else the email
-- claim of their signed token. Under Supabase Auth accounts live in auth.users and ops.accounts is
-- empty; its tokens carry the address. A token of an anonymous sign-in (is_anonymous), or whose
-- address is marked unconfirmed (email_verified false, at the top level or in user_metadata), gives
-- no address. SECURITY DEFINER: callers cannot read ops.accounts, and a policy that read it inline
-- would fail with permission denied for every signed-in reader.
create function battles.fn_caller_email() returns text
language sql stable security definer set search_path = '' as $$
  select coalesce(
    (select lower(a.email) from ops.accounts a where a.id = auth.uid()),
    (select lower(nullif(btrim(c.j ->> 'email'), ''))
       from (select auth.jwt() as j) c
      where auth.uid() is not null and auth.role() = 'authenticated'
        and jsonb_typeof(c.j -> 'email') = 'string'
        and coalesce(c.j -> 'is_anonymous', 'false'::jsonb) <> 'true'::jsonb
        and coalesce(c.j -> 'email_verified', c.j #> '{user_metadata,email_verified}', 'true'::jsonb) <> 'false'::jsonb))
$$;

create function battles.fn_is_invitee(p_battle_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from battles.invitations i
     where i.battle_id = p_battle_id
       and (i.accepted_by = auth.uid() or lower(i.email) = battles.fn_caller_email()))
$$;

-- True when the caller (as themself or through one of their AI personas) contends in the battle.
create function battles.fn_is_contender(p_battle_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from battles.contender_entity_map m
      left join agents.ai_lensers l on l.id = m.ai_lenser_id
     where m.battle_id = p_battle_id
       and (m.profile_id = auth.uid() or l.profile_id = auth.uid() or l.owner_profile_id = auth.uid()))
$$;

-- Drafts and invite-only battles: creator, invitees, contenders and operators only. Soft-deleted: nobody.
create function battles.fn_can_view(p_battle_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from battles.battles b
     where b.id = p_battle_id and b.deleted_at is null
       and ((b.status <> 'draft' and b.invite_code is null)
            or b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid()
            or lensers.fn_is_operator()
            or (b.status <> 'draft' and (battles.fn_is_invitee(b.id) or battles.fn_is_contender(b.id)))))
$$;

create function battles.fn_has_voted(p_battle_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from battles.votes v
                  where v.battle_id = p_battle_id and (v.principal_id = auth.uid() or v.voter_lenser_id = auth.uid()))
$$;

-- Blind voting: while a battle is in voting, who is behind which entry is hidden from everyone who has
-- not voted yet, except the creator, the contenders themselves and operators.
create function battles.fn_identities_revealed(p_battle_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from battles.battles b
     where b.id = p_battle_id
       and (b.status <> 'voting'
            or b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid()
            or lensers.fn_is_operator()
            or battles.fn_is_contender(b.id)
            or battles.fn_has_voted(b.id)))
$$;

-- Entries of other contenders stay private while entries are still being made (no copying).
create function battles.fn_entries_visible(p_battle_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from battles.battles b
     where b.id = p_battle_id
       and (b.status in ('voting', 'scoring', 'closed', 'published', 'archived')
            or b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid()
            or lensers.fn_is_operator()))
$$;

-- Results (tallies, ranks, the winner, scorecards, verdicts, votes, result events, ELO log rows) of a
-- decided battle: from closing, its creator, its contenders (the owners of AI personas) and operators
-- see them; everyone else once results are published (published_at), also after archiving. Operators
-- see tallies throughout. Nobody else sees them before: no bandwagon voting, no result before the
-- creator publishes it.
create function battles.fn_results_visible(p_battle_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from battles.battles b
     where b.id = p_battle_id
       and (lensers.fn_is_operator()
            or (b.finalized_at is not null and b.status in ('closed', 'published', 'archived')
                and (b.published_at is not null
                     or b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid()
                     or battles.fn_is_contender(b.id)))))
$$;

-- Locks and returns a battle the caller can see; anything else is not_found (no existence leak).
create function battles.fn_lock_visible(p_battle_id uuid) returns battles.battles
language plpgsql security definer set search_path = '' as $$
declare b battles.battles;
begin
  select * into b from battles.battles where id = p_battle_id for update;
  if not found or b.deleted_at is not null or not battles.fn_can_view(p_battle_id) then
    perform ops.fail('not_found', 'battle not found', 'P0002');
  end if;
  return b;
end $$;

create function battles.fn_is_creator(b battles.battles) returns boolean
language sql stable as $$
  select auth.uid() is not null and (b.creator_lenser_id = auth.uid() or b.principal_id = auth.uid())
$$;

create function battles.fn_log_event(p_battle_id uuid, p_type text, p_metadata jsonb default '{}')
returns void language sql security definer set search_path = '' as $$
  insert into battles.events (battle_id, event_type, actor_id, metadata)
  values (p_battle_id, p_type, auth.uid(), coalesce(p_metadata, '{}'))
$$;

-- Postgres jsonb text of the canonical content: deterministic for equal content, documented in
-- docs/schema.md so a verifier can recompute it.
create function battles.fn_content_hash(p_text text, p_url text, p_media jsonb) returns text
language sql immutable as $$
  select encode(sha256(convert_to(
    jsonb_build_object('media', coalesce(p_media, '[]'::jsonb), 'text', p_text, 'url', p_url)::text, 'UTF8')), 'hex')
$$;

-- Row-level security on every table users reach. Writes go through the RPCs only.
alter table battles.battles enable row level security;
alter table battles.contenders enable row level security;
alter table battles.contender_entity_map enable row level security;
alter table battles.submissions enable row level security;
alter table battles.votes enable row level security;
alter table battles.vote_aggregates enable row level security;
alter table battles.contender_lens_assignments enable row level security;
alter table battles.rubrics enable row level security;
alter table battles.rubric_criteria enable row level security;
alter table battles.scorecards enable row level security;
alter table battles.events enable row level security;
alter table battles.invitations enable row level security;
alter table battles.templates enable row level security;
alter table battles.comments enable row level security;
alter table battles.global_messages enable row level security;
alter table battles.axes_combinations enable row level security;

create policy battles_read on battles.battles for select using (
  deleted_at is null
  and ((status <> 'draft' and invite_code is null)
       or creator_lenser_id = auth.uid() or principal_id = auth.uid()
       or lensers.fn_is_operator()
       or (status <> 'draft' and (battles.fn_is_invitee(id) or battles.fn_is_contender(id)))));
create policy contenders_read on battles.contenders for select using (
  battles.fn_can_view(battle_id) and battles.fn_identities_revealed(battle_id));
create policy entity_map_read on battles.contender_entity_map for select using (
  battles.fn_can_view(battle_id) and battles.fn_identities_revealed(battle_id));
create policy submissions_read on battles.submissions for select using (
  battles.fn_can_view(battle_id)
  and (battles.fn_entries_visible(battle_id)
       or exists (select 1 from battles.contender_entity_map m
                    left join agents.ai_lensers l on l.id = m.ai_lenser_id
                   where m.contender_id = submissions.contender_id
                     and (m.profile_id = auth.uid() or l.owner_profile_id = auth.uid()))));
create policy votes_read on battles.votes for select using (
  voter_lenser_id = auth.uid() or principal_id = auth.uid() or lensers.fn_is_operator()
  or (battles.fn_results_visible(battle_id) and battles.fn_can_view(battle_id)));
create policy aggregates_read on battles.vote_aggregates for select using (
  battles.fn_can_view(battle_id) and battles.fn_results_visible(battle_id));
create policy lens_assignments_read on battles.contender_lens_assignments for select using (
  exists (select 1 from battles.contenders c where c.id = contender_id));
create policy rubrics_read on battles.rubrics for select using (
  is_public or creator_lenser_id = auth.uid()
  or exists (select 1 from battles.battles b where b.rubric_id = rubrics.id));
create policy criteria_read on battles.rubric_criteria for select using (
  exists (select 1 from battles.rubrics r where r.id = rubric_id));
create policy scorecards_read on battles.scorecards for select using (
  battles.fn_can_view(battle_id) and battles.fn_results_visible(battle_id));
-- Events that carry a result (the finalize move with its summary, a judge's pair verdict) follow the
-- results rule; every other event follows the battle.
create policy events_read on battles.events for select using (
  battles.fn_can_view(battle_id)
  and (not (event_type = 'finalized'
            or (event_type = 'status_change' and metadata ->> 'action' = 'finalize')
            or metadata ? 'outcome')
       or battles.fn_results_visible(battle_id)));
create policy invitations_read on battles.invitations for select using (
  invited_by = auth.uid() or accepted_by = auth.uid() or lensers.fn_is_operator()
  or lower(email) = battles.fn_caller_email());
create policy templates_read on battles.templates for select using (is_public or creator_lenser_id = auth.uid());
create policy comments_read on battles.comments for select using (deleted_at is null and battles.fn_can_view(battle_id));
create policy global_messages_read on battles.global_messages for select using (battles.fn_can_view(battle_id));
create policy axes_read on battles.axes_combinations for select using (true);
