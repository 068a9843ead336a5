// Voting: the window, every eligibility rule, contenders and their owners kept out, draws, weights,
// tallies equal to a recount, one human one vote (personas included), append-only votes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims } from '../../src/db/claims.ts';
import { toAppError } from '../../src/db/errors.ts';
import { actingAs, anonActor, makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import {
  battleIn,
  battleRow,
  eventsOf,
  expectRefused,
  makeVoters,
  refusal,
  tallies,
  vote,
  type BattleSetup,
} from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

const voting = (create: Record<string, unknown> = {}, contenders = 2) => battleIn(db, 'voting', { create, contenders });

async function votesOf(battleId: string) {
  const { rows } = await db.query<Record<string, any>>('select * from battles.votes where battle_id = $1 order by created_at, id', [battleId]);
  return rows;
}

async function expectTalliesMatchRecount(battleId: string) {
  const rows = await tallies(db, battleId);
  for (const r of rows) {
    expect(r.raw_vote_count).toBe(r.recount_raw);
    expect(r.weighted_vote_sum).toBe(r.recount_weighted);
    expect(r.draw_count).toBe(r.recount_draws);
  }
  expect((await battleRow(db, battleId)).total_vote_count).toBe((await votesOf(battleId)).length);
  return rows;
}

async function ownedPersona(owner: Actor) {
  const ai = await makeAiLenser(db, owner);
  return { ...ai, actor: actingAs(db, owner, ai.ai_lenser_id) };
}

describe('fn_submit_vote: a counted vote', () => {
  it('records the vote with weight 1.0, updates tallies and total in the same call, and logs vote_cast', async () => {
    const b = await voting();
    const [a, bb] = b.contenders;
    const voter = await makeUser(db);
    const out = await voter.rpc<Record<string, unknown>>('fn_submit_vote', { battle_id: b.id, voted_contender_id: a.contenderId });
    expect(out).toMatchObject({ battle_id: b.id, vote_value: 'contender_a', total_vote_count: 1 });
    const [row] = await votesOf(b.id);
    expect(row).toMatchObject({
      id: out.vote_id,
      voter_lenser_id: voter.id,
      principal_id: voter.id,
      voted_contender_id: a.contenderId,
      vote_value: 'contender_a',
      is_draw: false,
      weight: 1,
      is_ai_vote: false,
    });
    const t = await expectTalliesMatchRecount(b.id);
    expect(t.find((r) => r.contender_id === a.contenderId)).toMatchObject({ raw_vote_count: 1, weighted_vote_sum: 1, draw_count: 0 });
    expect(t.find((r) => r.contender_id === bb.contenderId)).toMatchObject({ raw_vote_count: 0, weighted_vote_sum: 0 });
    expect((await eventsOf(db, b.id)).at(-1)).toMatchObject({ event_type: 'vote_cast', actor_id: voter.id, metadata: { vote_id: out.vote_id } });
  });

  it('accepts vote_value naming the slot, and keeps a rationale', async () => {
    const b = await voting();
    const voter = await makeUser(db);
    await voter.rpc('fn_submit_vote', { battle_id: b.id, voted_contender_id: b.contenders[1].contenderId, vote_value: 'contender_b', rationale: ' crisper ' });
    expect((await votesOf(b.id))[0]).toMatchObject({ vote_value: 'contender_b', rationale: 'crisper' });
  });

  it('names a contender beyond slot B by id alone (vote_value stays null)', async () => {
    const b = await voting({ max_contenders: 3 }, 3);
    const voter = await makeUser(db);
    const out = await vote(voter, b.id, b.contenders[2].contenderId);
    expect(out.vote_value).toBeNull();
    expect((await votesOf(b.id))[0]).toMatchObject({ voted_contender_id: b.contenders[2].contenderId, vote_value: null });
  });

  it('a draw names no contender and counts as a draw for every contender', async () => {
    const b = await voting({ max_contenders: 3 }, 3);
    const [v1, v2] = await makeVoters(db, 2);
    await v1.rpc('fn_submit_vote', { battle_id: b.id, is_draw: true });
    await v2.rpc('fn_submit_vote', { battle_id: b.id, vote_value: 'draw' });
    const rows = await votesOf(b.id);
    for (const r of rows) expect(r).toMatchObject({ is_draw: true, voted_contender_id: null, vote_value: 'draw' });
    const t = await expectTalliesMatchRecount(b.id);
    expect(t).toHaveLength(3);
    for (const r of t) expect(r).toMatchObject({ draw_count: 2, raw_vote_count: 0, weighted_vote_sum: 0 });
    expect((await battleRow(db, b.id)).total_vote_count).toBe(2);
  });

  it('keeps tallies and total_vote_count equal to a recount over a mix of votes', async () => {
    const b = await voting({ max_contenders: 3 }, 3);
    const voters = await makeVoters(db, 7);
    const picks = [0, 0, 1, null, 2, 0, null];
    for (const [i, v] of voters.entries()) await vote(v, b.id, picks[i] === null ? null : b.contenders[picks[i]!].contenderId);
    const t = await expectTalliesMatchRecount(b.id);
    const byId = Object.fromEntries(t.map((r) => [r.contender_id, r]));
    expect(b.contenders.map((c) => byId[c.contenderId].raw_vote_count)).toEqual([3, 1, 1]);
    expect(b.contenders.map((c) => byId[c.contenderId].draw_count)).toEqual([2, 2, 2]);
    expect((await battleRow(db, b.id)).total_vote_count).toBe(7);
  });
});

describe('fn_submit_vote: one human, one vote', () => {
  it('refuses a second vote with already_voted and never writes a second row', async () => {
    const b = await voting();
    const voter = await makeUser(db);
    await vote(voter, b.id, b.contenders[0].contenderId);
    const err = await expectRefused(vote(voter, b.id, b.contenders[1].contenderId), 'already_voted');
    expect(err.status).toBe(409);
    await expectRefused(vote(voter, b.id, null), 'already_voted');
    expect(await votesOf(b.id)).toHaveLength(1);
    await expectTalliesMatchRecount(b.id);
  });

  it('acting as an AI persona after voting as oneself is already_voted', async () => {
    const b = await voting();
    const owner = await makeUser(db);
    const persona = await ownedPersona(owner);
    await vote(owner, b.id, b.contenders[0].contenderId);
    await expectRefused(vote(persona.actor, b.id, b.contenders[1].contenderId), 'already_voted');
    expect(await votesOf(b.id)).toHaveLength(1);
  });

  it('voting as oneself after voting through a persona is already_voted, and so is a second persona', async () => {
    const b = await voting();
    const owner = await makeUser(db);
    const [p1, p2] = [await ownedPersona(owner), await ownedPersona(owner)];
    const out = await vote(p1.actor, b.id, b.contenders[0].contenderId);
    expect((await votesOf(b.id))[0]).toMatchObject({ id: out.vote_id, voter_lenser_id: p1.profile_id, principal_id: owner.id, is_ai_vote: true });
    await expectRefused(vote(owner, b.id, b.contenders[1].contenderId), 'already_voted');
    await expectRefused(vote(p2.actor, b.id, b.contenders[1].contenderId), 'already_voted');
    expect(await votesOf(b.id)).toHaveLength(1);
  });
});

describe('fn_submit_vote: the voting window', () => {
  it.each(['open', 'executing', 'scoring', 'closed', 'published', 'archived'] as const)(
    'refuses a vote on a %s battle with voting_not_open',
    async (status) => {
      const b = await battleIn(db, status);
      await expectRefused(vote(await makeUser(db), b.id, b.contenders[0].contenderId), 'voting_not_open');
    },
  );

  it('refuses a vote before the scheduled opening with voting_not_open', async () => {
    const b = await voting();
    await db.query(`update battles.battles set voting_opens_at = now() + interval '1 hour' where id = $1`, [b.id]);
    await expectRefused(vote(await makeUser(db), b.id, b.contenders[0].contenderId), 'voting_not_open');
  });

  it('refuses a vote after the scheduled close (status still voting) with voting_closed', async () => {
    const b = await voting();
    await db.query(
      `update battles.battles set voting_opens_at = now() - interval '2 hours', voting_closes_at = now() - interval '1 second' where id = $1`,
      [b.id],
    );
    await expectRefused(vote(await makeUser(db), b.id, b.contenders[0].contenderId), 'voting_closed');
    expect(await votesOf(b.id)).toHaveLength(0);
  });

  it('refuses a vote row written straight into a battle that left voting (the tally trigger re-checks)', async () => {
    const b = await battleIn(db, 'scoring');
    const voter = await makeUser(db);
    const err = await refusal(
      db.query('insert into battles.votes (battle_id, voter_lenser_id, principal_id, voted_contender_id, vote_value) values ($1, $2, $2, $3, $4)', [
        b.id,
        voter.id,
        b.contenders[0].contenderId,
        'contender_a',
      ]),
    );
    expect(err.code).toBe('voting_closed');
  });
});

describe('fn_submit_vote: who may vote', () => {
  let open: BattleSetup, lenserOnly: BattleSetup, verified: BattleSetup, humanOnly: BattleSetup, aiOnly: BattleSetup;
  beforeAll(async () => {
    open = await voting({ voter_eligibility: 'open' });
    lenserOnly = await voting({ voter_eligibility: 'lenser_only' });
    verified = await voting({ voter_eligibility: 'verified_lenser' });
    humanOnly = await voting({ voter_eligibility: 'human_only' });
    aiOnly = await voting({ voter_eligibility: 'ai_only' });
  });
  const guest = () => makeUser(db, undefined, { anonymous: true });

  it('open: a guest may vote', async () => {
    await vote(await guest(), open.id, open.contenders[0].contenderId);
  });

  it('lenser_only: a guest is refused with voter_ineligible (403), a registered lenser may vote', async () => {
    const err = await expectRefused(vote(await guest(), lenserOnly.id, lenserOnly.contenders[0].contenderId), 'voter_ineligible');
    expect(err.status).toBe(403);
    await vote(await makeUser(db), lenserOnly.id, lenserOnly.contenders[0].contenderId);
  });

  it('verified_lenser: unverified lensers and verified guests are refused, a verified lenser may vote', async () => {
    await expectRefused(vote(await makeUser(db), verified.id, verified.contenders[0].contenderId), 'voter_ineligible');
    await expectRefused(
      vote(await makeUser(db, undefined, { anonymous: true, verified: true }), verified.id, verified.contenders[0].contenderId),
      'voter_ineligible',
    );
    await vote(await makeUser(db, undefined, { verified: true }), verified.id, verified.contenders[0].contenderId);
  });

  it('human_only: a human acting as their AI persona is refused, the same human as themself may vote', async () => {
    const owner = await makeUser(db);
    const persona = await ownedPersona(owner);
    await expectRefused(vote(persona.actor, humanOnly.id, humanOnly.contenders[0].contenderId), 'voter_ineligible');
    await vote(owner, humanOnly.id, humanOnly.contenders[0].contenderId);
  });

  it('ai_only: a human is refused, their AI persona may vote (recorded as an AI vote)', async () => {
    const owner = await makeUser(db);
    await expectRefused(vote(owner, aiOnly.id, aiOnly.contenders[0].contenderId), 'voter_ineligible');
    const persona = await ownedPersona(owner);
    const out = await vote(persona.actor, aiOnly.id, aiOnly.contenders[0].contenderId);
    const { rows } = await db.query('select is_ai_vote, voter_lenser_id, principal_id from battles.votes where id = $1', [out.vote_id]);
    expect(rows[0]).toEqual({ is_ai_vote: true, voter_lenser_id: persona.profile_id, principal_id: owner.id });
  });

  it('refuses anonymous callers with not_authenticated', async () => {
    await expectRefused(vote(anonActor(db), open.id, open.contenders[0].contenderId), 'not_authenticated');
  });

  it('refuses a battle the caller cannot see with not_found', async () => {
    const hidden = await voting({ invite_only: true });
    await expectRefused(vote(await makeUser(db), hidden.id, hidden.contenders[0].contenderId), 'not_found');
  });

  it('refuses a contender with contender_cannot_vote, for their own and for the other contender', async () => {
    const b = await voting();
    for (const c of b.contenders) {
      for (const target of b.contenders) await expectRefused(vote(c.actor, b.id, target.contenderId), 'contender_cannot_vote');
    }
  });

  it('refuses the owner of an AI contender, as themself or as another of their personas, with contender_cannot_vote', async () => {
    const b = await voting({ contender_structure: 'human_vs_ai' });
    const aiContender = b.contenders.find((c) => c.aiLenserId)!;
    const other = b.contenders.find((c) => !c.aiLenserId)!;
    await expectRefused(vote(aiContender.owner, b.id, other.contenderId), 'contender_cannot_vote');
    await expectRefused(vote(aiContender.actor, b.id, other.contenderId), 'contender_cannot_vote');
    const second = await ownedPersona(aiContender.owner);
    await expectRefused(vote(second.actor, b.id, other.contenderId), 'contender_cannot_vote');
    expect(await votesOf(b.id)).toHaveLength(0);
  });

  it('lets the creator vote (the creator is not a contender)', async () => {
    const b = await voting();
    await vote(b.creator, b.id, b.contenders[0].contenderId);
  });
});

describe('fn_submit_vote: bad input', () => {
  let b: BattleSetup;
  beforeAll(async () => {
    b = await voting();
  });

  it('refuses a vote naming no contender and no draw with invalid_vote', async () => {
    await expectRefused((await makeUser(db)).rpc('fn_submit_vote', { battle_id: b.id }), 'invalid_vote');
  });

  it('refuses a draw that names a contender with invalid_vote', async () => {
    await expectRefused(
      (await makeUser(db)).rpc('fn_submit_vote', { battle_id: b.id, is_draw: true, voted_contender_id: b.contenders[0].contenderId }),
      'invalid_vote',
    );
  });

  it('refuses a vote_value that does not match the contender’s slot with invalid_vote', async () => {
    await expectRefused(
      (await makeUser(db)).rpc('fn_submit_vote', { battle_id: b.id, voted_contender_id: b.contenders[0].contenderId, vote_value: 'contender_b' }),
      'invalid_vote',
    );
  });

  it('refuses a contender of another battle with invalid_contender', async () => {
    const other = await voting();
    await expectRefused(vote(await makeUser(db), b.id, other.contenders[0].contenderId), 'invalid_contender');
  });

  it('refuses a withdrawn contender with invalid_contender', async () => {
    const open = await battleIn(db, 'open', { create: { max_contenders: 3 }, contenders: 3 });
    await open.contenders[2].actor.rpc('fn_battles_withdraw', { battle_id: open.id });
    await open.creator.rpc('fn_battle_open_voting', { battle_id: open.id });
    await expectRefused(vote(await makeUser(db), open.id, open.contenders[2].contenderId), 'invalid_contender');
  });

  it('refuses a malformed id or an unknown vote_value at the edge with invalid_input', async () => {
    const voter = await makeUser(db);
    await expectRefused(voter.rpc('fn_submit_vote', { battle_id: b.id, voted_contender_id: 'nope' }), 'invalid_input');
    await expectRefused(voter.rpc('fn_submit_vote', { battle_id: b.id, vote_value: 'contender_z' }), 'invalid_input');
    await expectRefused(voter.rpc('fn_submit_vote', { battle_id: b.id, weight: 5 }), 'invalid_input');
  });

  it('leaves no vote behind from any refused call', async () => {
    expect(await votesOf(b.id)).toHaveLength(0);
    expect((await battleRow(db, b.id)).total_vote_count).toBe(0);
  });
});

describe('fn_battle_vote_eligibility', () => {
  it('says can_vote for an eligible voter and gives the refusal code otherwise, with the same rules as fn_submit_vote', async () => {
    const b = await voting({ voter_eligibility: 'verified_lenser' });
    const check = (a: Actor) => a.rpc<{ can_vote: boolean; code: string | null }>('fn_battle_vote_eligibility', { battle_id: b.id });
    const ok = await makeUser(db, undefined, { verified: true });
    expect(await check(ok)).toMatchObject({ can_vote: true, code: null });
    expect(await check(await makeUser(db))).toMatchObject({ can_vote: false, code: 'voter_ineligible' });
    expect(await check(b.contenders[0].actor)).toMatchObject({ can_vote: false, code: 'contender_cannot_vote' });
    expect(await check(anonActor(db))).toMatchObject({ can_vote: false, code: 'not_authenticated' });
    await vote(ok, b.id, b.contenders[0].contenderId);
    expect(await check(ok)).toMatchObject({ can_vote: false, code: 'already_voted' });
  });

  it('reports voting_not_open before voting and not_found for a battle the caller cannot see', async () => {
    const open = await battleIn(db, 'open');
    expect(await (await makeUser(db)).rpc('fn_battle_vote_eligibility', { battle_id: open.id })).toMatchObject({ can_vote: false, code: 'voting_not_open' });
    const draft = await battleIn(db, 'draft');
    await expectRefused((await makeUser(db)).rpc('fn_battle_vote_eligibility', { battle_id: draft.id }), 'not_found');
  });
});

describe('votes are append-only', () => {
  it('refuses UPDATE and DELETE of a vote with append_only, for the superuser and the service_role', async () => {
    const b = await voting();
    const out = await vote(await makeUser(db), b.id, b.contenders[0].contenderId);
    for (const sql of ['update battles.votes set weight = 5 where id = $1', 'delete from battles.votes where id = $1']) {
      expect((await refusal(db.query(sql, [out.vote_id]))).code).toBe('append_only');
      const asService = await withClaims(db, { role: 'service_role' }, (tx) => tx.query(sql, [out.vote_id])).then(
        () => null,
        (e) => toAppError(e),
      );
      expect(asService?.code).toBe('append_only');
    }
    expect((await votesOf(b.id))[0]).toMatchObject({ id: out.vote_id, weight: 1 });
  });
});
