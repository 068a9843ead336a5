-- Privileges: readers go through row-level security; every write goes through a SECURITY DEFINER RPC.

grant usage on schema battles to anon, authenticated, service_role;
grant select on all tables in schema battles to anon, authenticated;
grant all on all tables in schema battles to service_role;

-- Which model, run and runner produced an entry would unmask a blind vote; those columns are read
-- through fn_battle_get_full and the results pages once identities are revealed.
revoke select on battles.submissions from anon, authenticated;
grant select (id, battle_id, contender_id, status, content_text, content_url, content_media, source_type,
  submitted_at, is_final, revision_of_id, integrity_hash, created_at) on battles.submissions to anon, authenticated;
revoke select on battles.invitations from anon, authenticated;
grant select (id, battle_id, email, invited_by, accepted_by, contender_id, created_at, expires_at, accepted_at)
  on battles.invitations to anon, authenticated;

revoke execute on all functions in schema battles from public;
grant execute on all functions in schema battles to anon, authenticated, service_role;
-- Internal steps: callable only from the RPCs above them.
revoke execute on function
  battles.fn_insert_battle(text, text, text, uuid, text, battles.contender_structure_enum, battles.judging_mode_enum,
    text, battles.voter_eligibility_enum, integer, text, boolean, timestamptz, timestamptz, jsonb, uuid, jsonb),
  battles.fn_apply_transition(uuid, text, jsonb),
  battles.fn_require_actor(battles.battles, text),
  battles.fn_add_contender(battles.battles, uuid, text),
  battles.fn_rank_and_close(battles.battles),
  battles.fn_judging_scores(battles.battles),
  battles.fn_vote_refusal(battles.battles, uuid, uuid),
  battles.fn_lock_visible(uuid),
  battles.fn_log_event(uuid, text, jsonb),
  battles.trg_battles_guard(),
  battles.trg_contender_aggregate(),
  battles.trg_votes_tally()
from anon, authenticated;
