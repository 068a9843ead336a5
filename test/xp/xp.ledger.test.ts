// The XP ledger (0024_xp_ledger.sql): minted in SQL when a battle's results are published,
// append-only, idempotent, compensated when a result is overturned; shown on the profile read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reverseBattleElo } from '../../src/ratings/operator-actions.ts';
import { makeUser, systemActor, type Actor } from '../support/actors.ts';
import { clearSetting, expectRefused, refusal, setSetting } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { aiMember, humanMember, playBattle, type Member } from '../ratings/support.ts';

let db: TestDb;
let operator: Actor;

beforeAll(async () => {
  db = await createTestDb();
  operator = await makeUser(db, undefined, { operator: true });
});
afterAll(async () => {
  await db.destroy();
});

interface XpRow {
  id: number;
  lenser_id: string;
  event_type: string;
  amount: number;
  battle_id: string | null;
  reason: string;
  award_number: number | null;
  compensates_id: number | null;
}

async function ledger(battleId?: string): Promise<XpRow[]> {
  const { rows } = await db.query<XpRow>(
    `select id::int, lenser_id, event_type, amount, battle_id, reason, award_number, compensates_id::int
       from xp.ledger where $1::uuid is null or battle_id = $1::uuid order by id`,
    [battleId ?? null],
  );
  return rows;
}

const events = (rows: XpRow[]) => rows.map((r) => [r.lenser_id, r.event_type, r.amount]).sort();

async function total(m: Member): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select coalesce(sum(amount), 0)::int as n from xp.ledger where lenser_id = $1', [m.profileId]);
  return rows[0].n;
}

describe('XP for a battle', () => {
  it('is minted when results are published: BATTLE_COMPLETED for each human who took part, BATTLE_WON for the winner', async () => {
    const [a, b, c] = [await humanMember(db), await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b, c], [1, 1, 0], { unpublished: true });
    expect(await ledger(battle.id)).toEqual([]); // decided, not public yet
    await battle.creator.rpc('fn_battles_publish_results', { battle_id: battle.id });
    const rows = await ledger(battle.id);
    expect(events(rows)).toEqual(events([
      { lenser_id: a.profileId, event_type: 'BATTLE_COMPLETED', amount: 10 },
      { lenser_id: b.profileId, event_type: 'BATTLE_COMPLETED', amount: 10 },
      { lenser_id: c.profileId, event_type: 'BATTLE_COMPLETED', amount: 10 },
      { lenser_id: b.profileId, event_type: 'BATTLE_WON', amount: 25 },
    ] as XpRow[]));
    expect(rows.every((r) => r.award_number === 1 && r.compensates_id === null && r.battle_id === battle.id)).toBe(true);
    expect(rows.find((r) => r.event_type === 'BATTLE_WON')!.reason).toBe('won "Rated battle"');
    expect(await total(b)).toBe(35);
  });

  it('is idempotent per (battle, lenser, event type): syncing again mints nothing, a second award is refused', async () => {
    const [a, b] = [await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b], [0]);
    const before = await ledger(battle.id);
    for (let i = 0; i < 2; i++) {
      const { rows } = await db.query<{ r: { minted: number; compensated: number } }>('select xp.fn_sync_battle_xp($1) as r', [battle.id]);
      expect(rows[0].r).toMatchObject({ minted: 0, compensated: 0 });
      await db.query('select reputation.fn_battle_result_changed($1)', [battle.id]);
    }
    expect(await ledger(battle.id)).toEqual(before);
    const award = (n: number) =>
      db.query(`insert into xp.ledger (lenser_id, event_type, amount, battle_id, reason, award_number)
                values ($1, 'BATTLE_WON', 25, $2, 'again', $3)`, [a.profileId, battle.id, n]);
    // Both the repeated number and the next one while the first award stands (the unique index on
    // (battle, lenser, event type, award number) backs this up under a race).
    await expectRefused(award(1), 'xp_already_awarded');
    await expectRefused(award(2), 'xp_already_awarded');
  });

  it('gives AI contenders, withdrawn contenders and draws no BATTLE_WON or no XP at all, as the rule says', async () => {
    const [human, ai] = [await humanMember(db), await aiMember(db)];
    const mixed = await playBattle(db, [human, ai], [1, 1]);
    expect(events(await ledger(mixed.id))).toEqual([[human.profileId, 'BATTLE_COMPLETED', 10]]); // the AI won; it earns none

    const [x, y] = [await humanMember(db), await humanMember(db)];
    const draw = await playBattle(db, [x, y], ['draw']);
    expect(events(await ledger(draw.id))).toEqual(events([
      { lenser_id: x.profileId, event_type: 'BATTLE_COMPLETED', amount: 10 },
      { lenser_id: y.profileId, event_type: 'BATTLE_COMPLETED', amount: 10 },
    ] as XpRow[]));

    // A contender who withdrew did not take part.
    const [p, q, r] = [await humanMember(db), await humanMember(db), await humanMember(db)];
    const creator = await makeUser(db);
    const id = await creator.rpc<string>('fn_battles_create', { title: 'W', slug: `xpw-${process.pid}-${Date.now()}`, task_prompt: 'p', max_contenders: 3 });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    for (const m of [p, q, r]) {
      await m.actor.rpc('fn_battles_join', { battle_id: id });
      await m.actor.rpc('fn_battles_submit', { battle_id: id, text: 'entry' });
    }
    await r.actor.rpc('fn_battles_withdraw', { battle_id: id });
    await creator.rpc('fn_battle_open_voting', { battle_id: id });
    await creator.rpc('fn_battle_close_voting', { battle_id: id });
    await creator.rpc('fn_battles_finalize', { battle_id: id });
    await creator.rpc('fn_battles_publish_results', { battle_id: id });
    expect((await ledger(id)).map((row) => row.lenser_id).sort()).toEqual([p.profileId, q.profileId].sort());
  });

  it('takes its amounts from app.xp_battle_completed and app.xp_battle_won (0 turns an award off)', async () => {
    await setSetting(db, 'app.xp_battle_completed', '7');
    await setSetting(db, 'app.xp_battle_won', '0');
    try {
      const [a, b] = [await humanMember(db), await humanMember(db)];
      const battle = await playBattle(db, [a, b], [0]);
      expect(events(await ledger(battle.id))).toEqual(events([
        { lenser_id: a.profileId, event_type: 'BATTLE_COMPLETED', amount: 7 },
        { lenser_id: b.profileId, event_type: 'BATTLE_COMPLETED', amount: 7 },
      ] as XpRow[]));
      await setSetting(db, 'app.xp_battle_won', '-5');
      const other = await playBattle(db, [a, b], [0], { unpublished: true });
      await expectRefused(other.creator.rpc('fn_battles_publish_results', { battle_id: other.id }), 'invalid_setting');
    } finally {
      await clearSetting(db, 'app.xp_battle_completed');
      await clearSetting(db, 'app.xp_battle_won');
    }
  });

  it('an overturned result is answered with compensating rows; the awards stay as they were', async () => {
    const [a, b] = [await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b], [0, 0]);
    const awards = await ledger(battle.id);
    await reverseBattleElo(db, operator.claims, battle.id, 'brigading');
    const rows = await ledger(battle.id);
    expect(rows.slice(0, awards.length)).toEqual(awards);
    const compensations = rows.slice(awards.length);
    expect(compensations.map((r) => [r.compensates_id, r.amount, r.lenser_id, r.event_type, r.reason])).toEqual(
      awards.map((w) => [w.id, -w.amount, w.lenser_id, w.event_type, 'battle result overturned']));
    expect(await total(a)).toBe(0);
    expect(await total(b)).toBe(0);
    await db.query('select reputation.fn_battle_result_changed($1)', [battle.id]);
    expect(await ledger(battle.id)).toEqual(rows);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, and a compensation that does not negate one award exactly', async () => {
    const [a, b] = [await humanMember(db), await humanMember(db)];
    const battle = await playBattle(db, [a, b], [0]);
    const [row] = await ledger(battle.id);
    await expectRefused(db.query('update xp.ledger set amount = 1000 where id = $1', [row.id]), 'append_only');
    await expectRefused(db.query('delete from xp.ledger where id = $1', [row.id]), 'append_only');
    await expectRefused(db.query('truncate xp.ledger'), 'append_only');
    const compensate = (amount: number, lenser = row.lenser_id) =>
      db.query(`insert into xp.ledger (lenser_id, event_type, amount, battle_id, reason, compensates_id)
                values ($1, $2, $3, $4, 'fix', $5)`, [lenser, row.event_type, amount, battle.id, row.id]);
    await expectRefused(compensate(-1), 'invalid_compensation');
    await expectRefused(compensate(-row.amount, b.profileId === row.lenser_id ? a.profileId : b.profileId), 'invalid_compensation');
    expect(await ledger(battle.id)).toHaveLength(3);
    // API roles may read it but never write it, migration flag or not.
    for (const role of ['authenticated', 'service_role']) {
      const err = await refusal(db.transaction(async (tx) => {
        await tx.query(`select set_config('role', $1, true), set_config('lf.migrating', 'on', true)`, [role]);
        await tx.query('delete from xp.ledger where id = $1', [row.id]);
      }));
      expect(err.status).toBe(403);
    }
    expect(await ledger(battle.id)).toHaveLength(3);
  });
});

describe('XP on the profile read', () => {
  it('lensers.fn_lenser_get_profile carries the total and the newest events, newest first', async () => {
    const [a, b] = [await humanMember(db), await humanMember(db)];
    const first = await playBattle(db, [a, b], [0]);
    await playBattle(db, [a, b], [1]);
    await reverseBattleElo(db, systemActor(db).claims, first.id, 'void');
    const profile = await makeUser(db).then((viewer) => viewer.rpc<{ xp: { total: number; recent: any[] } }>('fn_lenser_get_profile', { handle: a.actor.handle }));
    expect(profile.xp.total).toBe(10);
    expect(profile.xp.recent.map((e) => [e.event_type, e.amount])).toEqual([
      ['BATTLE_WON', -25], ['BATTLE_COMPLETED', -10], ['BATTLE_COMPLETED', 10], ['BATTLE_WON', 25], ['BATTLE_COMPLETED', 10],
    ]);
    expect(profile.xp.recent[2]).toMatchObject({ reason: 'took part in "Rated battle"', battle: { title: 'Rated battle' } });
    const anon = await db.transaction(async (tx) => {
      await tx.query(`select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true)`);
      return (await tx.query<{ p: { xp: { total: number } } }>('select lensers.fn_lenser_get_profile($1) as p', [a.actor.handle])).rows[0].p;
    });
    expect(anon.xp.total).toBe(10);
    const fresh = await makeUser(db);
    expect((await fresh.rpc<{ xp: unknown }>('fn_lenser_get_profile', { handle: fresh.handle })).xp).toEqual({ total: 0, recent: [] });
  });
});
