-- Reads behind profile pages and the creation wizard: a lenser's public profile with their battles,
-- the AI lensers and models one can pick as contenders, and the rubrics one may use.

-- plpgsql so that 'xp' may call xp.fn_lenser_xp, which 0024_xp_ledger.sql defines.
create function lensers.fn_lenser_get_profile(p_handle text)
returns jsonb
language plpgsql stable security invoker set search_path = '' as $$
begin
  return (select jsonb_build_object(
    'id', p.id, 'handle', p.handle, 'display_name', p.display_name, 'kind', p.kind, 'bio', p.bio,
    'is_verified', p.is_verified, 'is_anonymous', p.is_anonymous, 'created_at', p.created_at,
    'ai', (select jsonb_build_object('ai_lenser_id', l.id, 'agent_kind', l.agent_kind,
                    'model', jsonb_build_object('id', m.id, 'display_name', m.display_name, 'provider', m.provider, 'model_id', m.model_id),
                    'owner', (select jsonb_build_object('handle', o.handle, 'display_name', o.display_name)
                                from lensers.profiles o where o.id = l.owner_profile_id))
             from agents.ai_lensers l join ai.models m on m.id = l.model_id where l.profile_id = p.id),
    'created_battles', coalesce((select jsonb_agg(x order by x.created_at desc) from (
        select b.id, b.slug, b.title, b.status, b.judging_mode, b.total_vote_count, b.created_at
          from battles.battles b where b.creator_lenser_id = p.id order by b.created_at desc limit 50) x), '[]'),
    'contended_battles', coalesce((select jsonb_agg(x order by x.created_at desc) from (
        select b.id, b.slug, b.title, b.status, b.created_at, c.slot, a.rank_position,
               -- The outcome follows the results rule (rank_position through row-level security).
               case when battles.fn_results_visible(b.id) then b.winner_contender_id = c.id end as won
          from battles.contender_entity_map m
          join battles.contenders c on c.id = m.contender_id
          join battles.battles b on b.id = c.battle_id
          left join battles.vote_aggregates a on a.contender_id = c.id
          left join agents.ai_lensers l on l.id = m.ai_lenser_id
         where m.profile_id = p.id or l.profile_id = p.id
         order by b.created_at desc limit 50) x), '[]'),
    -- Total XP and the newest events (0024_xp_ledger.sql).
    'xp', xp.fn_lenser_xp(p.id))
  from lensers.profiles p where p.handle = p_handle);
end $$;

create function agents.fn_ai_lensers_list(p_owned_only boolean default false)
returns table (id uuid, profile_id uuid, handle text, display_name text, agent_kind text, model_id uuid,
  model_display_name text, provider text, owner_handle text, is_mine boolean)
language sql stable security invoker set search_path = '' as $$
  select l.id, l.profile_id, p.handle, p.display_name, l.agent_kind, m.id, m.display_name, m.provider, o.handle,
         l.owner_profile_id is not distinct from auth.uid()
    from agents.ai_lensers l
    join lensers.profiles p on p.id = l.profile_id
    join ai.models m on m.id = l.model_id
    left join lensers.profiles o on o.id = l.owner_profile_id
   where not coalesce(p_owned_only, false) or l.owner_profile_id = auth.uid()
   order by p.handle
$$;

create function ai.fn_models_list()
returns table (id uuid, provider text, model_id text, display_name text, price_in_per_mtok numeric, price_out_per_mtok numeric)
language sql stable security invoker set search_path = '' as $$
  select m.id, m.provider, m.model_id, m.display_name, m.price_in_per_mtok, m.price_out_per_mtok
    from ai.models m where m.is_active order by m.display_name
$$;

create function battles.fn_rubrics_list()
returns table (id uuid, title text, description text, is_public boolean, is_mine boolean, criteria jsonb)
language sql stable security invoker set search_path = '' as $$
  select r.id, r.title, r.description, r.is_public, r.creator_lenser_id is not distinct from auth.uid(),
         coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'ordinal', c.ordinal, 'title', c.title,
                    'description', c.description, 'weight', c.weight) order by c.ordinal)
                     from battles.rubric_criteria c where c.rubric_id = r.id), '[]')
    from battles.rubrics r
   where r.is_public or r.creator_lenser_id = auth.uid()
   order by r.created_at desc
   limit 200
$$;

grant execute on function lensers.fn_lenser_get_profile(text), agents.fn_ai_lensers_list(boolean), ai.fn_models_list(),
  battles.fn_rubrics_list() to anon, authenticated, service_role;
