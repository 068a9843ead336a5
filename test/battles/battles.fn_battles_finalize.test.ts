// Deciding and closing: fn_battles_finalize (weighted winner, ties are draws, competition ranks for
// everyone, withdrawn and disqualified last), fn_battles_close, results publication, archive, cancel,
// and the append-only event log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims } from '../../src/db/claims.ts';
import { toAppError } from '../../src/db/errors.ts';
import { makeUser } from '../support/actors.ts';
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

/** A battle in voting with n contenders where contender i receives counts[i] votes (null: draws). */
async function votedBattle(counts: number[], draws = 0): Promise<BattleSetup> {
  const b = await battleIn(db, 'voting', { create: { max_contenders: Math.max(2, counts.length) }, contenders: counts.length });
  for (const [i, n] of counts.entries()) {
    for (const v of await makeVoters(db, n)) await vote(v, b.id, b.contenders[i].contenderId);
  }
  for (const v of await makeVoters(db, draws)) await vote(v, b.id, null);
  return b;
}

async function closeAndFinalize(b: BattleSetup) {
  await b.creator.rpc('fn_battle_close_voting', { battle_id: b.id });
  await b.creator.rpc('fn_battles_finalize', { battle_id: b.id });
}

/** rank_position per contender, in the contenders' join order. */
async function ranks(b: BattleSetup): Promise<(number | null)[]> {
  const t = await tallies(db, b.id);
  return b.contenders.map((c) => t.find((r) => r.contender_id === c.contenderId)!.rank_position);
}

describe('fn_battles_finalize', () => {
  it('closes the battle with the most-voted contender as winner, ranks for all and a finalized event carrying the summary', async () => {
    const b = await votedBattle([1, 3, 0], 1);
    await closeAndFinalize(b);
    const row = await battleRow(db, b.id);
    expect(row).toMatchObject({ status: 'closed', winner_contender_id: b.contenders[1].contenderId });
    expect(row.finalized_at).not.toBeNull();
    expect(await ranks(b)).toEqual([2, 1, 3]);
    expect(row.finalize_summary).toMatchObject({
      judging_mode: 'community_vote',
      winner_contender_id: b.contenders[1].contenderId,
      draw: false,
      total_vote_count: 5,
    });
    expect(row.finalize_summary.tie_rule).toContain('draw');
    expect(row.finalize_summary.scores.map((s: { contender_id: string; rank: number; score: number }) => [s.contender_id, s.rank, s.score])).toEqual([
      [b.contenders[1].contenderId, 1, 3],
      [b.contenders[0].contenderId, 2, 1],
      [b.contenders[2].contenderId, 3, 0],
    ]);
    const finalized = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'finalized');
    expect(finalized).toHaveLength(1);
    expect(finalized[0].metadata).toEqual(row.finalize_summary);
  });

  it('decides by weighted votes, not by the number of votes', async () => {
    const b = await votedBattle([2, 0]);
    // A weight-3 vote, written as a trusted judge would (the RPC records every vote at weight 1.0).
    const judge = await makeUser(db);
    await db.query(
      'insert into battles.votes (battle_id, voter_lenser_id, principal_id, voted_contender_id, vote_value, weight) values ($1, $2, $2, $3, $4, 3)',
      [b.id, judge.id, b.contenders[1].contenderId, 'contender_b'],
    );
    const t = await tallies(db, b.id);
    expect(t.find((r) => r.contender_id === b.contenders[1].contenderId)).toMatchObject({ raw_vote_count: 1, weighted_vote_sum: 3 });
    await closeAndFinalize(b);
    expect((await battleRow(db, b.id)).winner_contender_id).toBe(b.contenders[1].contenderId);
    expect(await ranks(b)).toEqual([2, 1]);
  });

  it('treats a tie for first as a draw: no winner, both ranked 1', async () => {
    const b = await votedBattle([2, 2, 1]);
    await closeAndFinalize(b);
    const row = await battleRow(db, b.id);
    expect(row.winner_contender_id).toBeNull();
    expect(row.finalize_summary).toMatchObject({ draw: true, winner_contender_id: null });
    expect(await ranks(b)).toEqual([1, 1, 3]);
  });

  it('ranks contenders with zero votes too: nobody voted is a draw with everyone first', async () => {
    const b = await votedBattle([0, 0], 2);
    await closeAndFinalize(b);
    expect((await battleRow(db, b.id)).winner_contender_id).toBeNull();
    expect(await ranks(b)).toEqual([1, 1]);
  });

  it('uses competition ranking: equal scores share a rank and the next rank skips (1, 2, 2, 4)', async () => {
    const b = await votedBattle([3, 1, 1, 0]);
    await closeAndFinalize(b);
    expect(await ranks(b)).toEqual([1, 2, 2, 4]);
  });

  it('ranks a withdrawn contender after everyone still in the running', async () => {
    const b = await battleIn(db, 'open', { create: { max_contenders: 3 }, contenders: 3 });
    await b.contenders[0].actor.rpc('fn_battles_withdraw', { battle_id: b.id });
    await b.creator.rpc('fn_battle_open_voting', { battle_id: b.id });
    await vote(await makeUser(db), b.id, b.contenders[1].contenderId);
    await closeAndFinalize(b);
    expect(await ranks(b)).toEqual([3, 1, 2]);
    expect((await battleRow(db, b.id)).winner_contender_id).toBe(b.contenders[1].contenderId);
  });

  it('ranks a disqualified contender last and never makes it the winner, even with the most votes', async () => {
    const b = await votedBattle([3, 1, 0]);
    await b.creator.rpc('fn_battle_close_voting', { battle_id: b.id });
    await db.query(`update battles.contenders set contender_status = 'disqualified' where id = $1`, [b.contenders[0].contenderId]);
    await b.creator.rpc('fn_battles_finalize', { battle_id: b.id });
    expect(await ranks(b)).toEqual([3, 1, 2]);
    expect((await battleRow(db, b.id)).winner_contender_id).toBe(b.contenders[1].contenderId);
  });

  it('refuses a battle still in voting with invalid_transition', async () => {
    const b = await votedBattle([1, 0]);
    await expectRefused(b.creator.rpc('fn_battles_finalize', { battle_id: b.id }), 'invalid_transition');
    expect((await battleRow(db, b.id)).status).toBe('voting');
  });

  it('refuses a judged battle whose judging is not complete with judging_incomplete (409), leaving it in scoring', async () => {
    // ai_judge with no worker running: no verdict comes, so judging is not complete.
    const b = await battleIn(db, 'open', { create: { judging_mode: 'ai_judge' } });
    await b.creator.rpc('fn_battle_start_scoring', { battle_id: b.id });
    const err = await expectRefused(b.creator.rpc('fn_battles_finalize', { battle_id: b.id }), 'judging_incomplete');
    expect(err.status).toBe(409);
    expect((await battleRow(db, b.id)).status).toBe('scoring');
  });
});

describe('fn_battle_close_voting and fn_battles_close', () => {
  it('closing voting moves to scoring and sets voting_closes_at to now when it was later or unset', async () => {
    const b = await battleIn(db, 'voting', { create: { voting_closes_at: '2099-01-01T00:00:00Z' } });
    await b.creator.rpc('fn_battle_close_voting', { battle_id: b.id });
    const row = await battleRow(db, b.id);
    expect(row.status).toBe('scoring');
    expect(new Date(row.voting_closes_at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('fn_battles_close closes voting and finalizes in one call', async () => {
    const b = await votedBattle([0, 2]);
    await b.creator.rpc('fn_battles_close', { battle_id: b.id });
    const row = await battleRow(db, b.id);
    expect(row).toMatchObject({ status: 'closed', winner_contender_id: b.contenders[1].contenderId });
    const types = (await eventsOf(db, b.id)).map((e) => e.event_type);
    expect(types).toContain('voting_closed');
    expect(types).toContain('finalized');
  });

  it('fn_battles_close is all-or-nothing: a refused finalize leaves voting open', async () => {
    const b = await battleIn(db, 'voting', { create: { judging_mode: 'ai_judge' } });
    await expectRefused(b.creator.rpc('fn_battles_close', { battle_id: b.id }), 'judging_incomplete');
    expect((await battleRow(db, b.id)).status).toBe('voting');
  });
});

describe('results publication, archive and cancel', () => {
  it('fn_battles_publish_results publishes a closed battle and sets published_at', async () => {
    const b = await battleIn(db, 'closed');
    expect((await battleRow(db, b.id)).published_at).toBeNull();
    await b.creator.rpc('fn_battles_publish_results', { battle_id: b.id });
    const row = await battleRow(db, b.id);
    expect(row.status).toBe('published');
    expect(row.published_at).not.toBeNull();
  });

  it('fn_battles_archive hides a battle from the feed (unless asked for by status) and sets archived_at', async () => {
    const b = await battleIn(db, 'published');
    const reader = await makeUser(db);
    const feedIds = async (args: Record<string, unknown>) =>
      (await reader.rpc<{ id: string }[]>('fn_battle_gets_feed', { limit: 100, ...args })).map((r) => r.id);
    expect(await feedIds({})).toContain(b.id);
    await b.creator.rpc('fn_battles_archive', { battle_id: b.id });
    expect((await battleRow(db, b.id)).archived_at).not.toBeNull();
    expect(await feedIds({})).not.toContain(b.id);
    expect(await feedIds({ status: 'archived' })).toContain(b.id);
    // Its results stay readable for anyone with the link.
    expect(await reader.rpc('fn_battle_get_full', { slug: b.slug })).toMatchObject({ status: 'archived' });
  });

  it('fn_battles_cancel archives a live battle with a battle_cancelled event carrying the reason', async () => {
    const b = await votedBattle([1, 0]);
    await b.creator.rpc('fn_battles_cancel', { battle_id: b.id, reason: 'prompt leaked' });
    const row = await battleRow(db, b.id);
    expect(row).toMatchObject({ status: 'archived', winner_contender_id: null, finalized_at: null });
    expect(row.cancelled_at).not.toBeNull();
    expect(row.archived_at).not.toBeNull();
    expect((await eventsOf(db, b.id)).filter((e) => e.event_type === 'battle_cancelled').map((e) => e.metadata)).toEqual([
      { reason: 'prompt leaked' },
    ]);
    // The votes cast before cancelling stay on record.
    expect(row.total_vote_count).toBe(1);
  });

  it('fn_battles_cancel refuses a closed battle with invalid_transition (archive it instead)', async () => {
    const b = await battleIn(db, 'closed');
    await expectRefused(b.creator.rpc('fn_battles_cancel', { battle_id: b.id }), 'invalid_transition');
  });
});

describe('battles.events', () => {
  it('is append-only: UPDATE and DELETE are refused with append_only for the superuser and the service_role', async () => {
    const b = await battleIn(db, 'open');
    const before = await eventsOf(db, b.id);
    for (const sql of [
      `update battles.events set metadata = '{}' where battle_id = $1`,
      'delete from battles.events where battle_id = $1',
    ]) {
      expect((await refusal(db.query(sql, [b.id]))).code).toBe('append_only');
      const asService = await withClaims(db, { role: 'service_role' }, (tx) => tx.query(sql, [b.id])).then(
        () => null,
        (e) => toAppError(e),
      );
      expect(asService?.code).toBe('append_only');
    }
    expect(await eventsOf(db, b.id)).toEqual(before);
  });

  it('takes only the documented event types', async () => {
    const b = await battleIn(db, 'draft');
    const err = await refusal(db.query(`insert into battles.events (battle_id, event_type) values ($1, 'made_up')`, [b.id]));
    expect(err.code).toBe('invalid_input');
  });

  it('cannot be written by signed-in users directly (writes go through the RPCs)', async () => {
    const b = await battleIn(db, 'open');
    const err = await withClaims(db, b.creator.claims, (tx) =>
      tx.query(`insert into battles.events (battle_id, event_type) values ($1, 'published')`, [b.id]),
    ).then(
      () => null,
      (e) => toAppError(e),
    );
    expect(err?.status).toBe(403);
  });
});
