// Invariants under concurrent callers: one vote per voter with tallies equal to a recount, the daily
// creation cap, capacity on join, and votes racing the close of voting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/actors.ts';
import { battleIn, battleRow, clearSetting, makeVoters, refusal, setSetting, tallies, uniqueSlug, vote } from '../support/battle-fixtures.ts';
import { createTestDb, onPostgres, type TestDb } from '../support/db.ts';

// Postgres only: PGlite has a single connection and runs one transaction at a time, so nothing here
// would actually run in parallel there.
describe.skipIf(!onPostgres)('concurrent callers (Postgres)', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb({ poolSize: 20 });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function expectTalliesMatchRecount(battleId: string, votes: number) {
    const { rows } = await db.query<{ n: number }>('select count(*) as n from battles.votes where battle_id = $1', [battleId]);
    expect(rows[0].n).toBe(votes);
    expect((await battleRow(db, battleId)).total_vote_count).toBe(votes);
    for (const r of await tallies(db, battleId)) {
      expect(r.raw_vote_count).toBe(r.recount_raw);
      expect(r.weighted_vote_sum).toBe(r.recount_weighted);
      expect(r.draw_count).toBe(r.recount_draws);
    }
  }

  it('50 voters voting in parallel, each twice, leave exactly 50 votes and tallies equal to a recount', async () => {
    const b = await battleIn(db, 'voting', { create: { max_contenders: 3 }, contenders: 3 });
    const voters = await makeVoters(db, 50);
    // Every fifth voter votes draw, which locks every tally row of the battle.
    const choice = (i: number) => (i % 5 === 4 ? null : b.contenders[i % 3].contenderId);
    const calls = [...voters.map((v, i) => vote(v, b.id, choice(i))), ...voters.map((v, i) => vote(v, b.id, choice(i + 1)))];
    const results = await Promise.allSettled(calls);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = await Promise.all(results.filter((r) => r.status === 'rejected').map((r) => refusal(Promise.reject(r.reason))));
    expect(ok).toHaveLength(50);
    expect(refused.map((e) => e.code)).toEqual(Array(50).fill('already_voted'));
    await expectTalliesMatchRecount(b.id, 50);
    const { rows } = await db.query<{ n: number }>('select count(distinct voter_lenser_id) as n from battles.votes where battle_id = $1', [b.id]);
    expect(rows[0].n).toBe(50);
  });

  it('votes spread over several battles in parallel keep every battle’s tallies equal to its recount', async () => {
    const battles = await Promise.all([0, 1, 2].map(() => battleIn(db, 'voting')));
    const voters = await makeVoters(db, 20);
    await Promise.all(voters.flatMap((v, i) => battles.map((b, j) => vote(v, b.id, b.contenders[(i + j) % 2].contenderId))));
    for (const b of battles) await expectTalliesMatchRecount(b.id, 20);
  });

  it('votes racing the close of voting are either counted or refused, never lost from the tally', async () => {
    const b = await battleIn(db, 'voting');
    const voters = await makeVoters(db, 30);
    const votes = voters.map((v, i) => vote(v, b.id, b.contenders[i % 2].contenderId));
    const close = new Promise((r) => setTimeout(r, 5)).then(() => b.creator.rpc('fn_battle_close_voting', { battle_id: b.id }));
    const results = await Promise.allSettled([...votes, close]);
    expect(results.at(-1)!.status).toBe('fulfilled');
    const counted = results.slice(0, -1).filter((r) => r.status === 'fulfilled').length;
    for (const r of results.slice(0, -1)) {
      if (r.status === 'rejected') expect(['voting_not_open', 'voting_closed']).toContain((await refusal(Promise.reject(r.reason))).code);
    }
    await expectTalliesMatchRecount(b.id, counted);
    expect((await battleRow(db, b.id)).status).toBe('scoring');
  });

  it('20 parallel creates by one lenser with a cap of 5 create exactly 5', async () => {
    await setSetting(db, 'app.battles_daily_create_cap', '5');
    try {
      const me = await makeUser(db);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => me.rpc('fn_battles_create', { title: 'Race', slug: uniqueSlug('race'), task_prompt: 'p' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expect((await refusal(Promise.reject((r as PromiseRejectedResult).reason))).code).toBe('battle_rate_limit_exceeded');
      }
      const { rows } = await db.query<{ n: number }>('select count(*) as n from battles.battles where principal_id = $1', [me.id]);
      expect(rows[0].n).toBe(5);
    } finally {
      await clearSetting(db, 'app.battles_daily_create_cap');
    }
  });

  it('parallel joins never exceed max_contenders and hand out distinct slots', async () => {
    const b = await battleIn(db, 'open', { create: { max_contenders: 4 }, contenders: 0 });
    const joiners = await makeVoters(db, 12);
    const results = await Promise.allSettled(joiners.map((j) => j.rpc('fn_battles_join', { battle_id: b.id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    const { rows } = await db.query<{ slot: string }>('select slot from battles.contenders where battle_id = $1 order by slot', [b.id]);
    expect(rows.map((r) => r.slot)).toEqual(['A', 'B', 'C', 'D']);
  });
});
