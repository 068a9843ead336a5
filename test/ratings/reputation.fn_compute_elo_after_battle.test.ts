import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EloStanding } from '../../src/core/ratings/elo.ts';
import { createRandom } from '../../src/core/ratings/random.ts';
import { expectRefused } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser } from '../support/actors.ts';
import { aiMember, expectClose, expectRatedLikeTs, humanMember, logRows, playBattle, ranksOf, ratings, type Member } from './support.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

const ids = (members: Member[]) => members.map((m) => m.profileId);

describe('ELO when a battle is finalized', () => {
  it('a 2-contender battle moves the winner up and the loser down by the same amount, as rateBattle', async () => {
    const [alice, bob] = [await humanMember(db), await humanMember(db)];
    const b = await playBattle(db, [alice, bob], [0, 0, 1]);
    expect(await ranksOf(db, b.id, b.contenderIds)).toEqual([1, 2]);
    const rows = await logRows(db, b.id);
    expectRatedLikeTs(rows, 'lenser', ids([alice, bob]), [1, 2]);
    // Both new: provisional K 64, E = 1/2, so ±32.
    expect(rows.map((r) => [r.entity_id, r.delta])).toEqual(
      expect.arrayContaining([[alice.profileId, 32], [bob.profileId, -32]]),
    );
    const now = await ratings(db);
    expect(now.get(alice.profileId)).toEqual({ rating: 1032, games: 1 });
    expect(now.get(bob.profileId)).toEqual({ rating: 968, games: 1 });
  });

  it('a 4-contender battle with a shared place scores every pair by rank (ties half), K / 3 per opponent', async () => {
    const m = [await humanMember(db), await humanMember(db), await humanMember(db), await humanMember(db)];
    const b = await playBattle(db, m, [0, 0, 1, 1, 2]);
    const ranks = await ranksOf(db, b.id, b.contenderIds);
    expect(ranks).toEqual([1, 1, 3, 4]);
    const rows = await logRows(db, b.id);
    expectRatedLikeTs(rows, 'lenser', ids(m), ranks);
    const by = new Map(rows.map((r) => [r.entity_id, r]));
    // A and B: a draw and two wins of three = 5/6; C: one win of three; D: none.
    expectClose(by.get(m[0].profileId)!.outcome, 5 / 6);
    expectClose(by.get(m[2].profileId)!.outcome, 1 / 3);
    expectClose(by.get(m[3].profileId)!.outcome, 0);
    expectClose(rows.reduce((s, r) => s + r.delta, 0), 0);
  });

  it('a battle with no winner (everyone shares rank 1) is all draws: equal ratings do not move, unequal ones converge', async () => {
    const [alice, bob, carol] = [await humanMember(db), await humanMember(db), await humanMember(db)];
    const standings = new Map<string, EloStanding>();
    const first = await playBattle(db, [alice, bob], [0]);
    expectRatedLikeTs(await logRows(db, first.id), 'lenser', ids([alice, bob]), [1, 2], standings);
    const draw = await playBattle(db, [alice, bob, carol], ['draw', 0, 1]);
    expect(await ranksOf(db, draw.id, draw.contenderIds)).toEqual([1, 1, 3]);
    expectRatedLikeTs(await logRows(db, draw.id), 'lenser', ids([alice, bob, carol]), [1, 1, 3], standings);
    const noVotes = await playBattle(db, [alice, bob], []);
    expect(await ranksOf(db, noVotes.id, noVotes.contenderIds)).toEqual([1, 1]);
    const rows = await logRows(db, noVotes.id);
    expectRatedLikeTs(rows, 'lenser', ids([alice, bob]), [1, 1], standings);
    expect(rows.every((r) => r.outcome === 0.5)).toBe(true);
    const a = rows.find((r) => r.entity_id === alice.profileId)!;
    expect(a.delta).toBeLessThan(0); // alice was ahead, so a draw costs her
  });

  it('agrees with rateBattle over a season of random battles in a pool (ratings, games, provisional K)', async () => {
    const pool = await Promise.all(Array.from({ length: 5 }, () => humanMember(db)));
    const standings = new Map<string, EloStanding>();
    const random = createRandom(7);
    for (let t = 0; t < 12; t++) {
      const n = 2 + random.nextInt(3);
      const members = [...pool].sort(() => random.nextFloat() - 0.5).slice(0, n);
      const votes = Array.from({ length: random.nextInt(5) }, () => (random.nextInt(5) === 0 ? ('draw' as const) : random.nextInt(n)));
      const b = await playBattle(db, members, votes);
      expectRatedLikeTs(await logRows(db, b.id), 'lenser', ids(members), await ranksOf(db, b.id, b.contenderIds), standings);
    }
    const now = await ratings(db);
    for (const m of pool) {
      const want = standings.get(m.profileId)!;
      expect(now.get(m.profileId)!.games).toBe(want.games);
      expectClose(now.get(m.profileId)!.rating, want.rating);
    }
  });

  it('rates AI personas as lensers and their models among the AI contenders when two distinct models took part', async () => {
    const [x, y] = [await aiMember(db), await aiMember(db)];
    const b = await playBattle(db, [x, y], [1]);
    const rows = await logRows(db, b.id);
    expect(rows.filter((r) => r.entity_kind === 'lenser').map((r) => r.entity_id).sort()).toEqual([x.profileId, y.profileId].sort());
    const models = rows.filter((r) => r.entity_kind === 'model');
    expect(Object.fromEntries(models.map((r) => [r.entity_id, r.delta]))).toEqual({ [x.modelId!]: -32, [y.modelId!]: 32 });

    // Human vs AI: one model only, so no model rows.
    const human = await humanMember(db);
    const mixed = await playBattle(db, [human, await aiMember(db)], [0]);
    expect((await logRows(db, mixed.id)).map((r) => r.entity_kind)).toEqual(['lenser', 'lenser']);

    // Two personas of one model against a third: the shared model is placed by its best contender.
    const shared = await aiMember(db);
    const twin = await aiMember(db, shared.modelId!);
    const other = await aiMember(db);
    const three = await playBattle(db, [shared, twin, other], [2, 2, 1]);
    const modelRows = (await logRows(db, three.id)).filter((r) => r.entity_kind === 'model');
    expect(modelRows).toHaveLength(2);
    expect(modelRows.find((r) => r.entity_id === other.modelId)!.outcome).toBe(1);
    expect(modelRows.find((r) => r.entity_id === shared.modelId)!.outcome).toBe(0);
  });

  it('does not rate withdrawn contenders', async () => {
    const m = [await humanMember(db), await humanMember(db), await humanMember(db)];
    const creator = await makeUser(db);
    const id = await creator.rpc<string>('fn_battles_create', { title: 'W', slug: `w-${process.pid}-${Date.now()}`, task_prompt: 'p', max_contenders: 3 });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    for (const x of m) {
      await x.actor.rpc('fn_battles_join', { battle_id: id });
      await x.actor.rpc('fn_battles_submit', { battle_id: id, text: 'entry' });
    }
    await m[2].actor.rpc('fn_battles_withdraw', { battle_id: id });
    await creator.rpc('fn_battle_open_voting', { battle_id: id });
    await creator.rpc('fn_battle_close_voting', { battle_id: id });
    await creator.rpc('fn_battles_finalize', { battle_id: id });
    expect((await logRows(db, id)).map((r) => r.entity_id).sort()).toEqual([m[0].profileId, m[1].profileId].sort());
  });

  it('is idempotent: running it again after finalization changes nothing', async () => {
    const [alice, bob] = [await humanMember(db), await humanMember(db)];
    const b = await playBattle(db, [alice, bob], [1]);
    const before = { log: await logRows(db), ratings: await ratings(db) };
    for (let i = 0; i < 2; i++) {
      const { rows } = await db.query<{ r: { rated: boolean; log_rows: number } }>('select reputation.fn_compute_elo_after_battle($1) as r', [b.id]);
      expect(rows[0].r).toMatchObject({ rated: false, log_rows: 0 });
    }
    expect(await logRows(db)).toEqual(before.log);
    expect(await ratings(db)).toEqual(before.ratings);
  });

  it('refuses battles that are not finalized, and is not callable by users', async () => {
    const [alice, bob] = [await humanMember(db), await humanMember(db)];
    const b = await playBattle(db, [alice, bob], [0], { keepVoting: true });
    await expect(db.query('select reputation.fn_compute_elo_after_battle($1)', [b.id])).rejects.toMatchObject({ detail: 'lf_battle_not_final' });
    await expectRefused(
      db.transaction(async (tx) => {
        await tx.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: alice.profileId, role: 'authenticated' })]);
        await tx.query('select reputation.fn_compute_elo_after_battle($1)', [b.id]);
      }),
      'forbidden',
    );
  });
  // Judged modes (ai_judge, rubric_score, auto_score) finalized for real: test/ratings/elo.judged.test.ts.
});
