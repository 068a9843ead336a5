// Row-level security on the battle tables, read as each kind of caller: drafts and invite-only
// battles, blind voting, private entries while open, results after closing to the creator and
// contenders, to everyone once published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '../../src/db/claims.ts';
import { withClaims } from '../../src/db/claims.ts';
import { toAppError } from '../../src/db/errors.ts';
import { anonActor, makeUser, type Actor } from '../support/actors.ts';
import { battleIn, createBattle, makeVoters, vote, type BattleSetup } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
let operator: Actor;
beforeAll(async () => {
  db = await createTestDb();
  operator = await makeUser(db, undefined, { operator: true });
});
afterAll(async () => {
  await db.destroy();
});

/** Rows of `table` for one battle as the given caller sees them. */
async function visible(who: { claims: Claims }, table: string, battleId: string): Promise<Record<string, unknown>[]> {
  // Submissions are readable column by column (see 'column privileges' below).
  const cols = table === 'submissions' ? 'id, contender_id, content_text' : '*';
  const { rows } = await withClaims(db, who.claims, (tx) => tx.query(`select ${cols} from battles.${table} where battle_id = $1`, [battleId]));
  return rows;
}

async function seesBattle(who: { claims: Claims }, battleId: string): Promise<boolean> {
  const { rows } = await withClaims(db, who.claims, (tx) => tx.query('select id from battles.battles where id = $1', [battleId]));
  return rows.length === 1;
}

const anon = () => anonActor(db);

describe('drafts', () => {
  it('are visible to their creator and operators only', async () => {
    const { id, creator } = await createBattle(db);
    expect(await seesBattle(creator, id)).toBe(true);
    expect(await seesBattle(operator, id)).toBe(true);
    expect(await seesBattle(await makeUser(db), id)).toBe(false);
    expect(await seesBattle(anon(), id)).toBe(false);
  });

  it('hide their events and their detail view from strangers', async () => {
    const { id, slug, creator } = await createBattle(db);
    const stranger = await makeUser(db);
    expect(await visible(stranger, 'events', id)).toHaveLength(0);
    expect(await visible(creator, 'events', id)).toHaveLength(1);
    expect(await stranger.rpc('fn_battle_get_full', { slug })).toBeNull();
    expect(await stranger.rpc('fn_battles_get_public', { battle_id: id })).toBeNull();
    expect(await creator.rpc('fn_battle_get_full', { slug })).toMatchObject({ id, status: 'draft' });
  });

  it('once deleted are visible to nobody, not even their creator', async () => {
    const { id, creator } = await createBattle(db);
    await creator.rpc('fn_battles_delete', { battle_id: id });
    expect(await seesBattle(creator, id)).toBe(false);
    expect(await seesBattle(operator, id)).toBe(false);
  });
});

describe('invite-only battles', () => {
  it('are visible to the creator, invitees (before accepting), contenders and operators only', async () => {
    const b = await battleIn(db, 'open', { create: { invite_only: true }, contenders: 1 });
    const invitee = await makeUser(db);
    await b.creator.rpc('fn_battles_invite', { battle_id: b.id, email: `${invitee.handle}@example.test` });
    expect(await seesBattle(b.creator, b.id)).toBe(true);
    expect(await seesBattle(invitee, b.id)).toBe(true);
    expect(await seesBattle(b.contenders[0].actor, b.id)).toBe(true);
    expect(await seesBattle(operator, b.id)).toBe(true);
    expect(await seesBattle(await makeUser(db), b.id)).toBe(false);
    expect(await seesBattle(anon(), b.id)).toBe(false);
  });

  it('show an invitation to its invitee and inviter but never its token hash', async () => {
    const b = await battleIn(db, 'open', { create: { invite_only: true }, contenders: 0 });
    const invitee = await makeUser(db);
    await b.creator.rpc('fn_battles_invite', { battle_id: b.id, email: `${invitee.handle}@example.test` });
    const cols = 'id, email, accepted_by';
    const read = (who: Actor) =>
      withClaims(db, who.claims, (tx) => tx.query(`select ${cols} from battles.invitations where battle_id = $1`, [b.id])).then((r) => r.rows);
    expect(await read(invitee)).toHaveLength(1);
    expect(await read(b.creator)).toHaveLength(1);
    expect(await read(await makeUser(db))).toHaveLength(0);
    const err = await withClaims(db, invitee.claims, (tx) => tx.query('select token_hash from battles.invitations')).then(
      () => null,
      (e) => toAppError(e),
    );
    expect(err?.status).toBe(403);
  });
});

describe('blind voting: who is behind which entry', () => {
  let b: BattleSetup;
  beforeAll(async () => {
    b = await battleIn(db, 'voting');
  });

  it('is hidden from a voter who has not voted yet: no contenders, no identity map, though the count is known', async () => {
    const voter = await makeUser(db);
    expect(await visible(voter, 'contenders', b.id)).toHaveLength(0);
    expect(await visible(voter, 'contender_entity_map', b.id)).toHaveLength(0);
    expect(await visible(anon(), 'contenders', b.id)).toHaveLength(0);
    const full = await voter.rpc<{ contenders: unknown[]; contender_count: number; entries: unknown[] }>('fn_battle_get_full', { slug: b.slug });
    expect(full.contenders).toEqual([]);
    expect(full.contender_count).toBe(2);
    expect(full.entries).toHaveLength(2);
  });

  it('is revealed to a voter once they have voted', async () => {
    const voter = await makeUser(db);
    await vote(voter, b.id, b.contenders[0].contenderId);
    expect(await visible(voter, 'contenders', b.id)).toHaveLength(2);
    expect(await visible(voter, 'contender_entity_map', b.id)).toHaveLength(2);
    const full = await voter.rpc<{ contenders: { profile_id: string }[] }>('fn_battle_get_full', { slug: b.slug });
    expect(full.contenders.map((c) => c.profile_id).sort()).toEqual(b.contenders.map((c) => c.owner.id).sort());
  });

  it('is visible to the creator, the contenders and operators throughout', async () => {
    for (const who of [b.creator, b.contenders[0].actor, b.contenders[1].owner, operator]) {
      expect(await visible(who, 'contenders', b.id)).toHaveLength(2);
    }
  });

  it('is visible to everyone once voting is over', async () => {
    const closed = await battleIn(db, 'scoring');
    expect(await visible(await makeUser(db), 'contenders', closed.id)).toHaveLength(2);
    expect(await visible(anon(), 'contenders', closed.id)).toHaveLength(2);
  });
});

describe('entries while a battle is open', () => {
  it('are private to their own contender, the creator and operators; everyone sees them from voting on', async () => {
    const b = await battleIn(db, 'open');
    const [a, c] = b.contenders;
    const mine = async (who: Actor) => (await visible(who, 'submissions', b.id)).map((r) => r.contender_id);
    expect(await mine(a.actor)).toEqual([a.contenderId]);
    expect(await mine(c.actor)).toEqual([c.contenderId]);
    expect(await mine(await makeUser(db))).toEqual([]);
    expect(await mine(anon())).toEqual([]);
    expect((await mine(b.creator)).sort()).toEqual([a.contenderId, c.contenderId].sort());
    expect(await mine(operator)).toHaveLength(2);
    await b.creator.rpc('fn_battle_open_voting', { battle_id: b.id });
    expect(await mine(await makeUser(db))).toHaveLength(2);
    expect(await mine(anon())).toHaveLength(2);
  });

  it('of an AI contender are visible to its owner', async () => {
    const b = await battleIn(db, 'open', { create: { contender_structure: 'ai_vs_ai' } });
    const ownerSees = await visible(b.contenders[0].owner, 'submissions', b.id);
    expect(ownerSees.map((r) => r.contender_id)).toEqual([b.contenders[0].contenderId]);
  });

  it('never expose which model, run or runner made them (column privileges)', async () => {
    const b = await battleIn(db, 'voting');
    for (const col of ['model_id', 'execution_run_id', 'adapter_id', 'artifact_id']) {
      const err = await withClaims(db, b.creator.claims, (tx) => tx.query(`select ${col} from battles.submissions where battle_id = $1`, [b.id])).then(
        () => null,
        (e) => toAppError(e),
      );
      expect(err?.status, col).toBe(403);
    }
  });
});

describe('tallies and votes', () => {
  it('vote_aggregates are invisible to voters, the creator and anon until the battle is closed; operators always see them', async () => {
    const b = await battleIn(db, 'voting');
    const voter = await makeUser(db);
    await vote(voter, b.id, b.contenders[0].contenderId);
    for (const who of [voter, b.creator, b.contenders[0].actor, anon()]) expect(await visible(who, 'vote_aggregates', b.id)).toHaveLength(0);
    expect(await visible(operator, 'vote_aggregates', b.id)).toHaveLength(2);
    await b.creator.rpc('fn_battle_close_voting', { battle_id: b.id });
    expect(await visible(voter, 'vote_aggregates', b.id)).toHaveLength(0);
    await b.creator.rpc('fn_battles_finalize', { battle_id: b.id });
    for (const who of [b.creator, b.contenders[0].actor, operator]) expect(await visible(who, 'vote_aggregates', b.id)).toHaveLength(2);
    for (const who of [voter, anon()]) expect(await visible(who, 'vote_aggregates', b.id)).toHaveLength(0);
    await b.creator.rpc('fn_battles_publish_results', { battle_id: b.id });
    for (const who of [voter, b.creator, anon()]) expect(await visible(who, 'vote_aggregates', b.id)).toHaveLength(2);
  });

  it('a voter sees only their own vote until results are published, then everyone sees all votes', async () => {
    const b = await battleIn(db, 'voting');
    const [v1, v2] = await makeVoters(db, 2);
    await vote(v1, b.id, b.contenders[0].contenderId);
    await vote(v2, b.id, b.contenders[1].contenderId);
    expect((await visible(v1, 'votes', b.id)).map((r) => r.voter_lenser_id)).toEqual([v1.id]);
    expect(await visible(b.creator, 'votes', b.id)).toHaveLength(0);
    await b.creator.rpc('fn_battles_close', { battle_id: b.id });
    expect((await visible(v1, 'votes', b.id)).map((r) => r.voter_lenser_id)).toEqual([v1.id]);
    expect(await visible(anon(), 'votes', b.id)).toHaveLength(0);
    expect(await visible(b.creator, 'votes', b.id)).toHaveLength(2);
    await b.creator.rpc('fn_battles_publish_results', { battle_id: b.id });
    expect(await visible(v1, 'votes', b.id)).toHaveLength(2);
    expect(await visible(anon(), 'votes', b.id)).toHaveLength(2);
  });

  it('a battle cancelled during voting never shows its tallies', async () => {
    const b = await battleIn(db, 'voting');
    await vote(await makeUser(db), b.id, b.contenders[0].contenderId);
    await b.creator.rpc('fn_battles_cancel', { battle_id: b.id });
    expect(await visible(await makeUser(db), 'vote_aggregates', b.id)).toHaveLength(0);
  });
});

describe('results of a closed battle before publication', () => {
  let b: BattleSetup;
  let ai: BattleSetup;
  beforeAll(async () => {
    b = await battleIn(db, 'voting');
    await vote(await makeUser(db), b.id, b.contenders[1].contenderId);
    await b.creator.rpc('fn_battles_close', { battle_id: b.id });
    ai = await battleIn(db, 'voting', { create: { contender_structure: 'ai_vs_ai' } });
    await vote(await makeUser(db), ai.id, ai.contenders[0].contenderId);
    await ai.creator.rpc('fn_battles_close', { battle_id: ai.id });
  });

  type Full = { status: string; winner_contender_id: string | null; finalize_summary: unknown; results: unknown[] };
  const full = (who: Actor, slug: string) => who.rpc<Full>('fn_battle_get_full', { slug });
  const feedRow = async (who: Actor, id: string) =>
    (await who.rpc<{ id: string; winner_contender_id: string | null; winner_display_name: string | null }[]>('fn_battle_gets_feed', {
      status: 'closed',
      limit: 100,
    })).find((r) => r.id === id);

  it('are hidden from a stranger and anon: no tally, no winner, no summary, no finalized event, in every read', async () => {
    for (const who of [await makeUser(db), anon()]) {
      expect(await full(who, b.slug)).toMatchObject({ status: 'closed', winner_contender_id: null, finalize_summary: null, results: [] });
      expect(await who.rpc('fn_battles_leaderboard', { battle_id: b.id })).toEqual([]);
      expect(await who.rpc('fn_battles_get_public', { battle_id: b.id })).toMatchObject({ winner_contender_id: null, results: [] });
      expect(await feedRow(who, b.id)).toMatchObject({ winner_contender_id: null, winner_display_name: null });
      expect(await visible(who, 'votes', b.id)).toHaveLength(0);
      const events = (await visible(who, 'events', b.id)).map((e) => e.event_type);
      expect(events).toContain('voting_closed');
      expect(events).not.toContain('finalized');
      expect((await visible(who, 'events', b.id)).filter((e) => (e.metadata as Record<string, unknown>).action === 'finalize')).toEqual([]);
      const profile = await who.rpc<{ contended_battles: { id: string; won: boolean | null; rank_position: number | null }[] }>(
        'fn_lenser_get_profile',
        { handle: b.contenders[1].owner.handle },
      );
      expect(profile.contended_battles.find((x) => x.id === b.id)).toMatchObject({ won: null, rank_position: null });
    }
  });

  it('are shown to the creator and to a contender: tally, winner and the finalized event', async () => {
    for (const who of [b.creator, b.contenders[0].actor, operator]) {
      const f = await full(who, b.slug);
      expect(f.winner_contender_id).toBe(b.contenders[1].contenderId);
      expect(f.results).toHaveLength(2);
      expect(f.finalize_summary).toMatchObject({ winner_contender_id: b.contenders[1].contenderId });
      expect(await who.rpc('fn_battles_leaderboard', { battle_id: b.id })).toHaveLength(2);
      expect(await feedRow(who, b.id)).toMatchObject({ winner_contender_id: b.contenders[1].contenderId });
      expect((await visible(who, 'events', b.id)).map((e) => e.event_type)).toContain('finalized');
    }
    const profile = await b.contenders[1].actor.rpc<{ contended_battles: { id: string; won: boolean | null; rank_position: number | null }[] }>(
      'fn_lenser_get_profile',
      { handle: b.contenders[1].owner.handle },
    );
    expect(profile.contended_battles.find((x) => x.id === b.id)).toMatchObject({ won: true, rank_position: 1 });
  });

  it('are shown to the owner of an AI contender and hidden from a stranger', async () => {
    expect((await full(ai.contenders[1].owner, ai.slug)).winner_contender_id).toBe(ai.contenders[0].contenderId);
    expect((await full(await makeUser(db), ai.slug)).winner_contender_id).toBeNull();
  });

  it('ELO log rows of the battle follow the same rule', async () => {
    const logRows = (who: Actor, id: string) =>
      withClaims(db, who.claims, (tx) => tx.query('select id from reputation.elo_battle_log where battle_id = $1', [id])).then((r) => r.rows);
    const { rows } = await db.query('select id from reputation.elo_battle_log where battle_id = $1', [b.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(await logRows(await makeUser(db), b.id)).toEqual([]);
    expect(await logRows(anon(), b.id)).toEqual([]);
    expect(await logRows(b.creator, b.id)).toHaveLength(rows.length);
    expect(await logRows(b.contenders[0].actor, b.id)).toHaveLength(rows.length);
  });

  it('are shown to everyone once fn_battles_publish_results has run, and stay shown after archiving', async () => {
    const pub = await battleIn(db, 'voting');
    await vote(await makeUser(db), pub.id, pub.contenders[0].contenderId);
    await pub.creator.rpc('fn_battles_close', { battle_id: pub.id });
    const stranger = await makeUser(db);
    expect((await full(stranger, pub.slug)).winner_contender_id).toBeNull();
    await pub.creator.rpc('fn_battles_publish_results', { battle_id: pub.id });
    for (const who of [stranger, anon()]) {
      const f = await full(who, pub.slug);
      expect(f).toMatchObject({ status: 'published', winner_contender_id: pub.contenders[0].contenderId });
      expect(f.results).toHaveLength(2);
      expect((await visible(who, 'events', pub.id)).map((e) => e.event_type)).toContain('finalized');
      expect(
        (await withClaims(db, who.claims, (tx) => tx.query('select id from reputation.elo_battle_log where battle_id = $1', [pub.id]))).rows.length,
      ).toBeGreaterThan(0);
    }
    await pub.creator.rpc('fn_battles_archive', { battle_id: pub.id });
    expect((await full(stranger, pub.slug)).winner_contender_id).toBe(pub.contenders[0].contenderId);
  });

  it('stay hidden from the public when a closed battle is archived without publication', async () => {
    const arch = await battleIn(db, 'voting');
    await vote(await makeUser(db), arch.id, arch.contenders[0].contenderId);
    await arch.creator.rpc('fn_battles_close', { battle_id: arch.id });
    await arch.creator.rpc('fn_battles_archive', { battle_id: arch.id });
    expect((await full(await makeUser(db), arch.slug)).winner_contender_id).toBeNull();
    expect(await visible(anon(), 'vote_aggregates', arch.id)).toHaveLength(0);
    expect((await full(arch.creator, arch.slug)).winner_contender_id).toBe(arch.contenders[0].contenderId);
  });
});

describe('writes', () => {
  it('are refused to signed-in users outside the RPCs (no direct INSERT or UPDATE)', async () => {
    const b = await battleIn(db, 'open');
    for (const sql of [
      `update battles.battles set title = 'hijacked' where id = $1`,
      `insert into battles.comments (battle_id, author_lenser_id, body) select $1, creator_lenser_id, 'x' from battles.battles where id = $1`,
      `update battles.vote_aggregates set raw_vote_count = 100 where battle_id = $1`,
    ]) {
      const err = await withClaims(db, b.creator.claims, (tx) => tx.query(sql, [b.id])).then(
        () => null,
        (e) => toAppError(e),
      );
      expect(err?.status, sql).toBe(403);
    }
  });
});
