// What a resumed draft needs from the database: "who can enter" changed by a draft edit
// (fn_battles_update_draft invite_only), the invitations sent so far and a new link for a pending one
// (fn_battle_invitations, fn_battles_renew_invitation), and the judging settings (fn_battle_judging).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { expectRefused, uniqueSlug } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

async function draft(creator: Actor, extra: Record<string, unknown> = {}) {
  return creator.rpc<string>('fn_battles_create', { title: 'Draft', slug: uniqueSlug('dr'), task_prompt: 'Task.', ...extra });
}

const inviteCode = async (id: string) =>
  (await db.query<{ invite_code: string | null }>('select invite_code from battles.battles where id = $1', [id])).rows[0].invite_code;

interface InvitationRow { invitation_id: string; email: string; status: string; accepted_handle: string | null }

describe('who can enter, edited on a draft', () => {
  it('turns invite-only on and off, keeps the code while it stays on, and freezes it with the rules', async () => {
    const creator = await makeUser(db);
    const id = await draft(creator);
    expect(await inviteCode(id)).toBeNull();
    await creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { invite_only: true } });
    const code = await inviteCode(id);
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    await creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { invite_only: true, title: 'Renamed' } });
    expect(await inviteCode(id)).toBe(code);
    expect(await creator.rpc<{ invite_only: boolean }>('fn_battles_get_public', { battle_id: id })).toMatchObject({ invite_only: true, title: 'Renamed' });
    await creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { invite_only: false } });
    expect(await inviteCode(id)).toBeNull();
    await expectRefused(creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { invite_only: 'yes' } }), 'invalid_input');

    await creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { invite_only: true } });
    const published = await creator.rpc<{ rule_snapshot: { invite_only: boolean } }>('fn_publish_battle', { battle_id: id });
    expect(published.rule_snapshot.invite_only).toBe(true);
    await expectRefused(creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { invite_only: false } }), 'invalid_transition');
  });
});

describe('invitations read back', () => {
  it('lists every invitation with its status for the creator, and nobody else', async () => {
    const creator = await makeUser(db);
    const guest = await makeUser(db);
    const id = await draft(creator, { invite_only: true });
    await creator.rpc('fn_battles_invite_with_token', { battle_id: id, email: 'first@example.test' });
    const [second] = await creator.rpc<Array<{ invitation_id: string; token: string }>>('fn_battles_invite_with_token', { battle_id: id, email: guest.handle + '@example.test' });
    await creator.rpc('fn_battles_invite_with_token', { battle_id: id, email: 'late@example.test' });
    await db.query(`update battles.invitations set expires_at = now() - interval '1 day' where battle_id = $1 and email = 'late@example.test'`, [id]);
    await creator.rpc('fn_publish_battle', { battle_id: id });
    await guest.rpc('fn_battles_accept_invitation', { token: second.token });

    const rows = await creator.rpc<InvitationRow[]>('fn_battle_invitations', { battle_id: id });
    expect(rows.map((r) => [r.email, r.status, r.accepted_handle])).toEqual([
      ['first@example.test', 'pending', null],
      [`${guest.handle}@example.test`, 'accepted', guest.handle],
      ['late@example.test', 'expired', null],
    ]);
    // The invitee can see the battle now, but not who else is invited.
    await expectRefused(guest.rpc('fn_battle_invitations', { battle_id: id }), 'forbidden');
    const stranger = await makeUser(db);
    await expectRefused(stranger.rpc('fn_battle_invitations', { battle_id: id }), 'not_found');
  });

  it('renews a pending invitation: the old link stops working, the new one joins; accepted ones cannot be renewed', async () => {
    const creator = await makeUser(db);
    const invitee = await makeUser(db);
    const id = await draft(creator);
    const [inv] = await creator.rpc<Array<{ invitation_id: string; token: string }>>('fn_battles_invite_with_token', { battle_id: id, email: 'x@example.test' });
    const [renewed] = await creator.rpc<Array<{ invitation_id: string; token: string }>>('fn_battles_renew_invitation', { battle_id: id, invitation_id: inv.invitation_id });
    expect(renewed.invitation_id).toBe(inv.invitation_id);
    expect(renewed.token).not.toBe(inv.token);
    await creator.rpc('fn_publish_battle', { battle_id: id });
    await expectRefused(invitee.rpc('fn_battles_accept_invitation', { token: inv.token }), 'not_found');
    await invitee.rpc('fn_battles_accept_invitation', { token: renewed.token });
    await expectRefused(creator.rpc('fn_battles_renew_invitation', { battle_id: id, invitation_id: inv.invitation_id }), 'not_found');
    await expectRefused(invitee.rpc('fn_battles_renew_invitation', { battle_id: id, invitation_id: inv.invitation_id }), 'forbidden');
  });
});

describe('judging settings read back', () => {
  it('returns the judge model and the named judges of a draft, without the challenge seed', async () => {
    const creator = await makeUser(db);
    const judgeA = await makeUser(db);
    const judgeB = await makeUser(db);
    const model = await makeAiLenser(db, null);
    const id = await draft(creator, { judging_mode: 'rubric_score' });
    expect(await creator.rpc('fn_battle_judging', { battle_id: id })).toEqual({
      judge_model_id: null, judge_model: null, challenge_options: {}, challenge_seed_chosen: false, judges: [],
    });
    await creator.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: model.model_id });
    await creator.rpc('fn_battles_name_judge', { battle_id: id, profile_id: judgeA.id });
    await creator.rpc('fn_battles_name_judge', { battle_id: id, profile_id: judgeB.id });
    const read = await creator.rpc<{ judge_model_id: string; judge_model: { id: string }; judges: Array<{ handle: string }> }>('fn_battle_judging', { battle_id: id });
    expect(read.judge_model_id).toBe(model.model_id);
    expect(read.judge_model.id).toBe(model.model_id);
    expect(read.judges.map((j) => j.handle)).toEqual([judgeA.handle, judgeB.handle]);
    expect(JSON.stringify(read)).not.toContain('seed"');
    await expectRefused((await makeUser(db)).rpc('fn_battle_judging', { battle_id: id }), 'not_found');
  });
});
