// Taking part: fn_battles_join, contender structures and capacity, invitations (token and email, the
// address from the account or, under Supabase Auth, from the token), fn_battles_add_ai_contender and
// fn_battles_withdraw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, anonActor, bindActor, makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { addContender, battleIn, createBattle, eventsOf, expectRefused } from '../support/battle-fixtures.ts';
import { withClaims } from '../../src/db/claims.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

async function openBattle(create: Record<string, unknown> = {}) {
  return battleIn(db, 'open', { create, contenders: 0 });
}

async function contenderRow(id: string) {
  const { rows } = await db.query<Record<string, any>>(
    `select c.*, m.profile_id, m.ai_lenser_id from battles.contenders c join battles.contender_entity_map m on m.contender_id = c.id where c.id = $1`,
    [id],
  );
  return rows[0];
}

describe('fn_battles_join', () => {
  it('adds the caller as a human contender in the next slot, with a tally row and a contender_joined event', async () => {
    const b = await openBattle();
    const alice = await makeUser(db);
    const bob = await makeUser(db);
    const ca = await alice.rpc<string>('fn_battles_join', { battle_id: b.id });
    const cb = await bob.rpc<string>('fn_battles_join', { battle_id: b.id });
    expect(await contenderRow(ca)).toMatchObject({ slot: 'A', contender_type: 'human', contender_status: 'active', entry_mode: 'direct', profile_id: alice.id, ai_lenser_id: null });
    expect(await contenderRow(cb)).toMatchObject({ slot: 'B', profile_id: bob.id });
    const { rows } = await db.query('select contender_id, raw_vote_count, rank_position from battles.vote_aggregates where battle_id = $1', [b.id]);
    expect(rows).toHaveLength(2);
    const joined = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'contender_joined');
    expect(joined.map((e) => e.metadata)).toEqual([
      { contender_id: ca, slot: 'A', entry_mode: 'direct' },
      { contender_id: cb, slot: 'B', entry_mode: 'direct' },
    ]);
  });

  it('is idempotent: joining twice returns the same contender and writes one event', async () => {
    const b = await openBattle();
    const alice = await makeUser(db);
    const first = await alice.rpc<string>('fn_battles_join', { battle_id: b.id });
    expect(await alice.rpc<string>('fn_battles_join', { battle_id: b.id })).toBe(first);
    const { rows } = await db.query('select 1 from battles.contenders where battle_id = $1', [b.id]);
    expect(rows).toHaveLength(1);
    expect((await eventsOf(db, b.id)).filter((e) => e.event_type === 'contender_joined')).toHaveLength(1);
  });

  it('refuses a contender past max_contenders with battle_full', async () => {
    const b = await openBattle({ max_contenders: 2 });
    await addContender(db, b.id, 'human');
    await addContender(db, b.id, 'human');
    await expectRefused((await makeUser(db)).rpc('fn_battles_join', { battle_id: b.id }), 'battle_full');
  });

  it('ai_vs_ai refuses humans with contender_structure and takes AI personas', async () => {
    const b = await openBattle({ contender_structure: 'ai_vs_ai' });
    const owner = await makeUser(db);
    await expectRefused(owner.rpc('fn_battles_join', { battle_id: b.id }), 'contender_structure');
    const ai = await makeAiLenser(db, owner);
    const c = await actingAs(db, owner, ai.ai_lenser_id).rpc<string>('fn_battles_join', { battle_id: b.id });
    expect(await contenderRow(c)).toMatchObject({ contender_type: 'ai_model', ai_lenser_id: ai.ai_lenser_id, profile_id: null });
  });

  it('records an ai_agent persona as contender_type ai_agent', async () => {
    const b = await openBattle({ contender_structure: 'ai_vs_ai' });
    const owner = await makeUser(db);
    const ai = await makeAiLenser(db, owner, undefined, 'ai_agent');
    const c = await actingAs(db, owner, ai.ai_lenser_id).rpc<string>('fn_battles_join', { battle_id: b.id });
    expect((await contenderRow(c)).contender_type).toBe('ai_agent');
  });

  it('human_vs_human refuses an AI persona with contender_structure', async () => {
    const b = await openBattle();
    const owner = await makeUser(db);
    const ai = await makeAiLenser(db, owner);
    await expectRefused(actingAs(db, owner, ai.ai_lenser_id).rpc('fn_battles_join', { battle_id: b.id }), 'contender_structure');
  });

  it('human_vs_ai keeps room for both sides: a full human side refuses humans, the AI seat stays open', async () => {
    const b = await openBattle({ contender_structure: 'human_vs_ai', max_contenders: 3 });
    await addContender(db, b.id, 'human');
    await addContender(db, b.id, 'human');
    await expectRefused((await makeUser(db)).rpc('fn_battles_join', { battle_id: b.id }), 'contender_structure');
    await addContender(db, b.id, 'ai');
    await expectRefused((await makeUser(db)).rpc('fn_battles_join', { battle_id: b.id }), 'battle_full');
  });

  it('human_vs_ai refuses a second AI when it would leave no human seat', async () => {
    const b = await openBattle({ contender_structure: 'human_vs_ai', max_contenders: 2 });
    await addContender(db, b.id, 'ai');
    const owner = await makeUser(db);
    const ai = await makeAiLenser(db, owner);
    await expectRefused(actingAs(db, owner, ai.ai_lenser_id).rpc('fn_battles_join', { battle_id: b.id }), 'contender_structure');
    await addContender(db, b.id, 'human');
  });

  it('refuses guests with guest_not_allowed and anonymous callers with not_authenticated', async () => {
    const b = await openBattle();
    await expectRefused((await makeUser(db, undefined, { anonymous: true })).rpc('fn_battles_join', { battle_id: b.id }), 'guest_not_allowed');
    await expectRefused(anonActor(db).rpc('fn_battles_join', { battle_id: b.id }), 'not_authenticated');
  });

  it('refuses once the battle is past open with battle_not_open', async () => {
    const b = await battleIn(db, 'voting');
    await expectRefused((await makeUser(db)).rpc('fn_battles_join', { battle_id: b.id }), 'battle_not_open');
  });

  it('refuses a draft the caller cannot see with not_found', async () => {
    const { id } = await createBattle(db);
    await expectRefused((await makeUser(db)).rpc('fn_battles_join', { battle_id: id }), 'not_found');
  });
});

describe('invite-only battles', () => {
  async function inviteOnly() {
    return openBattle({ invite_only: true });
  }

  it('are invisible to strangers, so joining one is not_found', async () => {
    const b = await inviteOnly();
    await expectRefused((await makeUser(db)).rpc('fn_battles_join', { battle_id: b.id }), 'not_found');
  });

  it('refuse someone who can see the battle but was not invited (an operator) with invite_required', async () => {
    const b = await inviteOnly();
    await expectRefused((await makeUser(db, undefined, { operator: true })).rpc('fn_battles_join', { battle_id: b.id }), 'invite_required');
  });

  it('fn_battles_invite records an invitation and an invitation_sent event; only the creator may invite', async () => {
    const b = await inviteOnly();
    const invitation = await b.creator.rpc<string>('fn_battles_invite', { battle_id: b.id, email: 'guest.one@example.test' });
    const { rows } = await db.query<Record<string, any>>('select * from battles.invitations where id = $1', [invitation]);
    expect(rows[0]).toMatchObject({ battle_id: b.id, email: 'guest.one@example.test', invited_by: b.creator.id, accepted_by: null });
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await eventsOf(db, b.id)).at(-1)).toMatchObject({ event_type: 'invitation_sent', metadata: { invitation_id: invitation } });
    const publicBattle = await openBattle();
    await expectRefused((await makeUser(db)).rpc('fn_battles_invite', { battle_id: publicBattle.id, email: 'x@example.test' }), 'forbidden');
  });

  it('refuses inviting the same address twice (case-insensitively) with already_invited', async () => {
    const b = await inviteOnly();
    await b.creator.rpc('fn_battles_invite', { battle_id: b.id, email: 'twice@example.test' });
    await expectRefused(b.creator.rpc('fn_battles_invite', { battle_id: b.id, email: 'TWICE@example.test' }), 'already_invited');
  });

  it('refuses invitations once the battle is past open with battle_not_open, and a bad address with invalid_input', async () => {
    const b = await battleIn(db, 'voting', { create: { invite_only: true } });
    await expectRefused(b.creator.rpc('fn_battles_invite', { battle_id: b.id, email: 'late@example.test' }), 'battle_not_open');
    const o = await inviteOnly();
    await expectRefused(o.creator.rpc('fn_battles_invite', { battle_id: o.id, email: 'not-an-email' }), 'invalid_input');
  });

  it('accepting by token joins whoever holds the token, with an invitation_accepted event', async () => {
    const b = await inviteOnly();
    const [inv] = await b.creator.rpc<{ invitation_id: string; token: string }[]>('fn_battles_invite_with_token', {
      battle_id: b.id,
      email: 'someone.else@example.test',
    });
    const holder = await makeUser(db);
    const c = await holder.rpc<string>('fn_battles_accept_invitation', { token: inv.token });
    expect(await contenderRow(c)).toMatchObject({ profile_id: holder.id, entry_mode: 'invited' });
    const { rows } = await db.query<Record<string, any>>('select accepted_by, contender_id, accepted_at from battles.invitations where id = $1', [inv.invitation_id]);
    expect(rows[0]).toMatchObject({ accepted_by: holder.id, contender_id: c });
    expect((await eventsOf(db, b.id)).at(-1)).toMatchObject({
      event_type: 'invitation_accepted',
      metadata: { invitation_id: inv.invitation_id, contender_id: c },
    });
    // Accepting again is a no-op for the same person, refused for anyone else.
    expect(await holder.rpc('fn_battles_accept_invitation', { token: inv.token })).toBe(c);
    await expectRefused((await makeUser(db)).rpc('fn_battles_accept_invitation', { token: inv.token }), 'invitation_used');
    expect((await eventsOf(db, b.id)).filter((e) => e.event_type === 'invitation_accepted')).toHaveLength(1);
  });

  it('accepting by invitation id works when signed in with the invited address (any case), and is not_found otherwise', async () => {
    const b = await inviteOnly();
    const email = `invitee.${process.pid}.${Date.now()}@example.test`;
    const invitee = await makeUser(db, undefined, { email });
    const invitation = await b.creator.rpc<string>('fn_battles_invite', { battle_id: b.id, email: email.toUpperCase() });
    await expectRefused((await makeUser(db)).rpc('fn_battles_accept_invitation', { invitation_id: invitation }), 'not_found');
    const c = await invitee.rpc<string>('fn_battles_accept_invitation', { invitation_id: invitation });
    expect(await contenderRow(c)).toMatchObject({ profile_id: invitee.id, entry_mode: 'invited' });
    expect((await eventsOf(db, b.id)).at(-1)).toMatchObject({ event_type: 'invitation_accepted' });
  });

  it('an invitee may also join directly: the battle is visible to them and the entry is marked invited', async () => {
    const b = await inviteOnly();
    const invitee = await makeUser(db);
    const email = (await db.query<{ email: string }>('select email from ops.accounts where id = $1', [invitee.id])).rows[0].email;
    await b.creator.rpc('fn_battles_invite', { battle_id: b.id, email });
    const c = await invitee.rpc<string>('fn_battles_join', { battle_id: b.id });
    expect((await contenderRow(c)).entry_mode).toBe('invited');
  });

  it('refuses an expired invitation with invitation_expired', async () => {
    const b = await inviteOnly();
    const [inv] = await b.creator.rpc<{ invitation_id: string; token: string }[]>('fn_battles_invite_with_token', {
      battle_id: b.id,
      email: 'expired@example.test',
    });
    await db.query(`update battles.invitations set expires_at = now() - interval '1 minute' where id = $1`, [inv.invitation_id]);
    await expectRefused((await makeUser(db)).rpc('fn_battles_accept_invitation', { token: inv.token }), 'invitation_expired');
  });

  it('refuses an unknown token with not_found', async () => {
    await expectRefused((await makeUser(db)).rpc('fn_battles_accept_invitation', { token: 'x'.repeat(32) }), 'not_found');
  });
});

describe('invitations by email under Supabase Auth (no ops.accounts row; the address is a token claim)', () => {
  let n = 0;
  /** A profile with no ops.accounts row, as Supabase Auth users are, signed in with these claims. */
  async function supabaseUser(claims: Record<string, unknown>): Promise<Actor> {
    const handle = `sb_${process.pid}_${++n}`;
    const { rows } = await db.query<{ id: string }>(
      `insert into lensers.profiles (handle, display_name) values ($1, $1) returning id`,
      [handle],
    );
    return bindActor(db, rows[0].id, handle, { sub: rows[0].id, role: 'authenticated', ...claims });
  }
  const address = () => `sb.invitee.${process.pid}.${++n}@example.test`;
  const sees = async (who: Actor, battleId: string) =>
    (await who.rpc<{ id: string } | null>('fn_battles_get_public', { battle_id: battleId })) !== null;

  it('the email claim of the token identifies the invitee: they see the battle and the invitation and accept it by id', async () => {
    const b = await battleIn(db, 'open', { create: { invite_only: true }, contenders: 0 });
    const email = address();
    const invitee = await supabaseUser({ email: email.toUpperCase(), user_metadata: { email_verified: true } });
    const invitation = await b.creator.rpc<string>('fn_battles_invite', { battle_id: b.id, email });
    expect(await sees(invitee, b.id)).toBe(true);
    const { rows } = await withClaims(db, invitee.claims, (tx) => tx.query('select id from battles.invitations where battle_id = $1', [b.id]));
    expect(rows.map((r) => r.id)).toEqual([invitation]);
    const c = await invitee.rpc<string>('fn_battles_accept_invitation', { invitation_id: invitation });
    expect(await contenderRow(c)).toMatchObject({ profile_id: invitee.id, entry_mode: 'invited' });
  });

  it('a token without an email claim, of an anonymous sign-in, or with the address marked unverified is not the invitee', async () => {
    const b = await battleIn(db, 'open', { create: { invite_only: true }, contenders: 0 });
    const email = address();
    const invitation = await b.creator.rpc<string>('fn_battles_invite', { battle_id: b.id, email });
    for (const claims of [{}, { email, is_anonymous: true }, { email, email_verified: false }, { email, user_metadata: { email_verified: false } }]) {
      const who = await supabaseUser(claims);
      expect(await sees(who, b.id), JSON.stringify(claims)).toBe(false);
      await expectRefused(who.rpc('fn_battles_accept_invitation', { invitation_id: invitation }), 'not_found');
    }
  });

  it('an ops.accounts row wins over the token: a built-in account cannot claim another address', async () => {
    const b = await battleIn(db, 'open', { create: { invite_only: true }, contenders: 0 });
    const email = address();
    const invitation = await b.creator.rpc<string>('fn_battles_invite', { battle_id: b.id, email });
    const account = await makeUser(db);
    const claiming = bindActor(db, account.id, account.handle, { ...account.claims, email });
    await expectRefused(claiming.rpc('fn_battles_accept_invitation', { invitation_id: invitation }), 'not_found');
  });
});

describe('fn_battles_add_ai_contender', () => {
  it('lets the creator fill an AI seat with an AI lenser', async () => {
    const b = await openBattle({ contender_structure: 'ai_vs_ai' });
    const ai = await makeAiLenser(db, null);
    const c = await b.creator.rpc<string>('fn_battles_add_ai_contender', { battle_id: b.id, ai_lenser_id: ai.ai_lenser_id });
    expect(await contenderRow(c)).toMatchObject({ contender_type: 'ai_model', ai_lenser_id: ai.ai_lenser_id, entry_mode: 'invited' });
    expect(await b.creator.rpc('fn_battles_add_ai_contender', { battle_id: b.id, ai_lenser_id: ai.ai_lenser_id })).toBe(c);
  });

  it('refuses anyone but the creator with forbidden, an unknown AI lenser with not_found', async () => {
    const b = await openBattle({ contender_structure: 'ai_vs_ai' });
    const ai = await makeAiLenser(db, null);
    await expectRefused((await makeUser(db)).rpc('fn_battles_add_ai_contender', { battle_id: b.id, ai_lenser_id: ai.ai_lenser_id }), 'forbidden');
    await expectRefused(
      b.creator.rpc('fn_battles_add_ai_contender', { battle_id: b.id, ai_lenser_id: '00000000-0000-4000-8000-000000000000' }),
      'not_found',
    );
  });

  it('adds the creator’s own AI lenser but refuses one someone else owns with ai_lenser_not_yours', async () => {
    const b = await openBattle({ contender_structure: 'ai_vs_ai' });
    const mine = await makeAiLenser(db, b.creator);
    await b.creator.rpc('fn_battles_add_ai_contender', { battle_id: b.id, ai_lenser_id: mine.ai_lenser_id });
    const theirs = await makeAiLenser(db, await makeUser(db));
    await expectRefused(b.creator.rpc('fn_battles_add_ai_contender', { battle_id: b.id, ai_lenser_id: theirs.ai_lenser_id }), 'ai_lenser_not_yours');
  });

  it('refuses an AI in a human_vs_human battle with contender_structure', async () => {
    const b = await openBattle();
    const ai = await makeAiLenser(db, null);
    await expectRefused(b.creator.rpc('fn_battles_add_ai_contender', { battle_id: b.id, ai_lenser_id: ai.ai_lenser_id }), 'contender_structure');
  });
});

describe('fn_battles_withdraw', () => {
  it('marks the caller’s contender withdrawn once, with one contender_withdrawn event', async () => {
    const b = await battleIn(db, 'open');
    const c = b.contenders[0];
    await c.actor.rpc('fn_battles_withdraw', { battle_id: b.id });
    await c.actor.rpc('fn_battles_withdraw', { battle_id: b.id });
    expect((await contenderRow(c.contenderId)).contender_status).toBe('withdrawn');
    expect((await eventsOf(db, b.id)).filter((e) => e.event_type === 'contender_withdrawn').map((e) => e.metadata)).toEqual([
      { contender_id: c.contenderId },
    ]);
  });

  it('lets an owner withdraw their AI persona by acting as it', async () => {
    const b = await battleIn(db, 'open', { create: { contender_structure: 'ai_vs_ai' } });
    await b.contenders[1].actor.rpc('fn_battles_withdraw', { battle_id: b.id });
    expect((await contenderRow(b.contenders[1].contenderId)).contender_status).toBe('withdrawn');
  });

  it('refuses someone who is not a contender with not_a_contender', async () => {
    const b = await battleIn(db, 'open');
    await expectRefused((await makeUser(db)).rpc('fn_battles_withdraw', { battle_id: b.id }), 'not_a_contender');
  });

  it('refuses once voting has started with battle_not_open', async () => {
    const b = await battleIn(db, 'voting');
    await expectRefused(b.contenders[0].actor.rpc('fn_battles_withdraw', { battle_id: b.id }), 'battle_not_open');
  });
});
