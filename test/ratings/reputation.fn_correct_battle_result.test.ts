// Overturning a result with the corrected one (reputation.fn_correct_battle_result): compensating
// rows take back the old deltas, correction rows apply the corrected outcome, and leaderboard counts
// and XP follow in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctBattleResult, reverseBattleElo } from '../../src/ratings/operator-actions.ts';
import { makeUser, systemActor, type Actor } from '../support/actors.ts';
import { expectRefused } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { expectClose, expectSqlReplayConsistent, humanMember, logRows, playBattle, ranksOf, ratings, type Member } from './support.ts';

let db: TestDb;
let operator: Actor;

beforeAll(async () => {
  db = await createTestDb();
  operator = await makeUser(db, undefined, { operator: true });
});
afterAll(async () => {
  await db.destroy();
});

async function xpOf(battleId: string) {
  const { rows } = await db.query<{ lenser_id: string; event_type: string; amount: number; compensates_id: string | null }>(
    'select lenser_id, event_type, amount, compensates_id from xp.ledger where battle_id = $1 order by id', [battleId]);
  return rows;
}

const net = (rows: Awaited<ReturnType<typeof xpOf>>, lenser: string, type: string) =>
  rows.filter((r) => r.lenser_id === lenser && r.event_type === type).reduce((s, r) => s + r.amount, 0);

describe('correcting a result', () => {
  it('ends with the ratings of a history in which the corrected result was the original', async () => {
    // History 1: a warm-up, then a three-way battle that B wins on votes, corrected to C, A, B.
    const [a, b, c] = [await humanMember(db), await humanMember(db), await humanMember(db)];
    await playBattle(db, [a, b], [0, 0, 1]);
    const battle = await playBattle(db, [a, b, c], [1, 1, 0]);
    const original = await logRows(db, battle.id);
    const res = await correctBattleResult(db, operator.claims, battle.id, 'votes from a sock-puppet ring', {
      ranks: { [battle.contenderIds[0]]: 2, [battle.contenderIds[1]]: 3, [battle.contenderIds[2]]: 1 },
    });
    expect(res).toMatchObject({ battle_id: battle.id, winner_contender_id: battle.contenderIds[2], reversed_log_rows: 3, log_rows: 3 });

    // History 2: the same warm-up, then the same battle decided C, A, B in the first place.
    const [a2, b2, c2] = [await humanMember(db), await humanMember(db), await humanMember(db)];
    await playBattle(db, [a2, b2], [0, 0, 1]);
    await playBattle(db, [a2, b2, c2], [2, 2, 0]);

    const now = await ratings(db);
    for (const [x, y] of [[a, a2], [b, b2], [c, c2]] as Array<[Member, Member]>) {
      expectClose(now.get(x.profileId)!.rating, now.get(y.profileId)!.rating);
      expect(now.get(x.profileId)!.games).toBe(now.get(y.profileId)!.games);
    }

    // The old rows stay; reversal rows undo them exactly; correction rows name the correction.
    const rows = await logRows(db, battle.id);
    expect(rows.slice(0, original.length)).toEqual(original);
    const reversals = rows.filter((r) => r.reason === 'reversal');
    expect(reversals.map((r) => [r.reverses_log_id, r.delta])).toEqual(original.map((o) => [o.id, -o.delta]));
    const corrections = rows.filter((r) => r.reason === 'correction');
    expect(corrections).toHaveLength(3);
    expect(corrections.every((r) => r.correction_id === res.correction_id)).toBe(true);
    expect(corrections.find((r) => r.entity_id === c.profileId)!.outcome).toBe(1);
    await expectSqlReplayConsistent(db);
  });

  it('shows the corrected result on the battle itself: winner, ranks, summary and a finalized event', async () => {
    const [a, b, c] = [await humanMember(db), await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b, c], [1, 1, 0]);
    const [ca, cb, cc] = battle.contenderIds;
    const { rows: [before] } = await db.query<{ winner_contender_id: string; finalize_summary: any }>(
      'select winner_contender_id, finalize_summary from battles.battles where id = $1', [battle.id]);
    expect(before.winner_contender_id).toBe(cb);
    await correctBattleResult(db, operator.claims, battle.id, 'ballot stuffing', { ranks: { [ca]: 2, [cb]: 3, [cc]: 1 } });

    const { rows: [after] } = await db.query<{ winner_contender_id: string; finalize_summary: any }>(
      'select winner_contender_id, finalize_summary from battles.battles where id = $1', [battle.id]);
    expect(after.winner_contender_id).toBe(cc);
    // How the battle was first decided stays; the correction is added beside it.
    expect(after.finalize_summary.judging).toEqual(before.finalize_summary.judging);
    expect(after.finalize_summary.correction).toMatchObject({ winner_contender_id: cc, reason: 'ballot stuffing', ranks: { [ca]: 2, [cb]: 3, [cc]: 1 } });
    const { rows: ranks } = await db.query<{ contender_id: string; rank_position: number }>(
      'select contender_id, rank_position from battles.vote_aggregates where battle_id = $1 order by rank_position', [battle.id]);
    expect(ranks.map((r) => r.contender_id)).toEqual([cc, ca, cb]);
    const { rows: events } = await db.query<{ metadata: any }>(
      `select metadata from battles.events where battle_id = $1 and event_type = 'finalized' order by seq`, [battle.id]);
    expect(events).toHaveLength(2);
    expect(events[1].metadata).toMatchObject({ corrected: true, winner_contender_id: cc, reason: 'ballot stuffing' });
  });

  it('takes the winner alone (everyone else shares second), and a second correction replaces the first', async () => {
    const [a, b, c] = [await humanMember(db), await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b, c], [0, 0, 1]);
    const first = await correctBattleResult(db, operator.claims, battle.id, 'judge error', { winnerContenderId: battle.contenderIds[1] });
    expect(first.ranks).toEqual({ [battle.contenderIds[0]]: 2, [battle.contenderIds[1]]: 1, [battle.contenderIds[2]]: 2 });
    const second = await correctBattleResult(db, systemActor(db).claims, battle.id, 'tie after review', {
      ranks: Object.fromEntries(battle.contenderIds.map((id) => [id, 1])),
    });
    expect(second).toMatchObject({ winner_contender_id: null, reversed_log_rows: 3, log_rows: 3 });
    const rows = await logRows(db, battle.id);
    expect(rows.map((r) => r.reason)).toEqual([...Array(3).fill('battle'), ...Array(3).fill('reversal'), ...Array(3).fill('correction'),
      ...Array(3).fill('reversal'), ...Array(3).fill('correction')]);
    // The second reversal takes back the first correction's rows.
    const firstCorrection = rows.filter((r) => r.correction_id === first.correction_id).map((r) => r.id);
    expect(rows.slice(9, 12).map((r) => r.reverses_log_id)).toEqual(firstCorrection);
    // All share first place among equals: a draw of equals moves nobody.
    const now = await ratings(db);
    for (const m of [a, b, c]) expectClose(now.get(m.profileId)!.rating, 1000);
    await expectSqlReplayConsistent(db);
    const { rows: recorded } = await db.query('select battle_id, reason, corrected_by from reputation.result_corrections where battle_id = $1 order by id', [battle.id]);
    expect(recorded).toEqual([
      { battle_id: battle.id, reason: 'judge error', corrected_by: operator.id },
      { battle_id: battle.id, reason: 'tie after review', corrected_by: null },
    ]);
  });

  it('moves the battle\'s leaderboard outcomes to the corrected ranks (one per pair) and its BATTLE_WON XP to the new winner', async () => {
    const [a, b] = [await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b], [0, 0, 0]);
    const pair = async () => {
      const { rows } = await db.query<{ first_wins: string; second_wins: string; ties: string }>(
        `select first_wins, second_wins, ties from reputation.leaderboard_battle_pairs where battle_id = $1`, [battle.id]);
      const aFirst = a.profileId < b.profileId;
      return rows.map((r) => (aFirst ? { a: Number(r.first_wins), b: Number(r.second_wins) } : { a: Number(r.second_wins), b: Number(r.first_wins) }));
    };
    expect(await pair()).toEqual([{ a: 3, b: 0 }]); // three votes for a
    expect(net(await xpOf(battle.id), a.profileId, 'BATTLE_WON')).toBe(25);

    await correctBattleResult(db, operator.claims, battle.id, 'a plagiarised the entry', { winnerContenderId: battle.contenderIds[1] });
    expect(await pair()).toEqual([{ a: 0, b: 1 }]);
    const xp = await xpOf(battle.id);
    expect(net(xp, a.profileId, 'BATTLE_WON')).toBe(0);
    expect(net(xp, b.profileId, 'BATTLE_WON')).toBe(25);
    expect(net(xp, a.profileId, 'BATTLE_COMPLETED')).toBe(10);
    expect(net(xp, b.profileId, 'BATTLE_COMPLETED')).toBe(10);
    // Taking part was never in question: those awards stand, untouched.
    expect(xp.filter((r) => r.event_type === 'BATTLE_COMPLETED')).toHaveLength(2);
    const { rows: same } = await db.query<{ same: boolean }>(
      `select (select jsonb_agg(x order by x) from reputation.fn_leaderboard_pair_counts() x)
            = (select jsonb_agg(y order by y) from reputation.fn_leaderboard_pair_counts_recount() y) as same`);
    expect(same[0].same).toBe(true);
  });

  it('keeps a withdrawn contender last: corrected ranks are stored as competition ranks of the placed contenders', async () => {
    const [a, b, c] = [await humanMember(db), await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b, c], [1, 1, 0], { withdraw: [2] });
    const [ca, cb, cc] = battle.contenderIds;
    expect(await ranksOf(db, battle.id, [ca, cb, cc])).toEqual([2, 1, 3]);
    await expectRefused(correctBattleResult(db, operator.claims, battle.id, 'x', { ranks: { [ca]: 1, [cb]: 2, [cc]: 3 } }), 'invalid_input');
    // Rank 5 for B would leave the withdrawn C (rank 3) above it: the order is kept, the places are
    // renumbered as competition ranks.
    const res = await correctBattleResult(db, operator.claims, battle.id, 'miscounted', { ranks: { [ca]: 1, [cb]: 5 } });
    expect(res.ranks).toEqual({ [ca]: 1, [cb]: 2 });
    expect(await ranksOf(db, battle.id, [ca, cb, cc])).toEqual([1, 2, 3]);
    await correctBattleResult(db, operator.claims, battle.id, 'a tie after all', { ranks: { [ca]: 2, [cb]: 2 } });
    expect(await ranksOf(db, battle.id, [ca, cb, cc])).toEqual([1, 1, 3]);
    await correctBattleResult(db, operator.claims, battle.id, 'B won after all', { winnerContenderId: cb });
    expect(await ranksOf(db, battle.id, [ca, cb, cc])).toEqual([2, 1, 3]);
  });

  it('refuses callers who are not operators, unknown or undecided battles, overturned ones and ranks that do not cover the placed contenders', async () => {
    const [a, b] = [await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b], [0]);
    const ranks = { [battle.contenderIds[0]]: 2, [battle.contenderIds[1]]: 1 };
    await expectRefused(correctBattleResult(db, a.actor.claims, battle.id, 'I won really', { ranks }), 'forbidden');
    await expectRefused(correctBattleResult(db, operator.claims, battle.id, ' ', { ranks }), 'invalid_input');
    await expectRefused(correctBattleResult(db, operator.claims, battle.id, 'x', { ranks: { [battle.contenderIds[0]]: 1 } }), 'invalid_input');
    await expectRefused(correctBattleResult(db, operator.claims, battle.id, 'x', { ranks: { ...ranks, [a.profileId]: 3 } }), 'invalid_input');
    await expectRefused(correctBattleResult(db, operator.claims, battle.id, 'x', { ranks: { ...ranks, [battle.contenderIds[0]]: 0 } }), 'invalid_input');
    await expectRefused(correctBattleResult(db, operator.claims, battle.id, 'x', { winnerContenderId: a.profileId }), 'invalid_input');
    await expectRefused(correctBattleResult(db, operator.claims, '00000000-0000-4000-8000-000000000000', 'x', { ranks }), 'not_found');
    const voting = await playBattle(db, [a, b], [0], { keepVoting: true });
    await expectRefused(correctBattleResult(db, operator.claims, voting.id, 'x', { winnerContenderId: voting.contenderIds[0] }), 'battle_not_final');
    await reverseBattleElo(db, operator.claims, battle.id, 'void');
    await expectRefused(correctBattleResult(db, operator.claims, battle.id, 'x', { ranks }), 'battle_reversed');
    expect((await logRows(db, battle.id)).filter((r) => r.reason === 'correction')).toEqual([]);
  });
});

describe('a cancelled battle', () => {
  it('has no ELO rows, no leaderboard outcomes and no XP', async () => {
    const [a, b] = [await humanMember(db), await humanMember(db)];
    for (const stopAt of ['voting', 'scoring'] as const) {
      const battle = await playBattle(db, [a, b], [0, 0], { keepVoting: true });
      if (stopAt === 'scoring') await battle.creator.rpc('fn_battle_close_voting', { battle_id: battle.id });
      await battle.creator.rpc('fn_battles_cancel', { battle_id: battle.id, reason: 'host left' });
      const { rows } = await db.query<{ status: string; cancelled_at: Date | null }>('select status, cancelled_at from battles.battles where id = $1', [battle.id]);
      expect(rows[0].status).toBe('archived');
      expect(rows[0].cancelled_at).not.toBeNull();
      await expect(db.query('select reputation.fn_compute_elo_after_battle($1)', [battle.id])).rejects.toMatchObject({ detail: 'lf_battle_not_final' });
      expect(await logRows(db, battle.id)).toEqual([]);
      expect((await db.query('select 1 from reputation.leaderboard_battles where battle_id = $1', [battle.id])).rows).toEqual([]);
      expect(await xpOf(battle.id)).toEqual([]);
    }
    expect((await ratings(db)).get(a.profileId)).toBeUndefined();
  });
});
