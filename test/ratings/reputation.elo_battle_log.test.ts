import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayEloLog, type EloLogRow } from '../../src/core/ratings/elo.ts';
import { makeUser, systemActor } from '../support/actors.ts';
import { clearSetting, expectRefused, refusal, setSetting } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { reverseBattleElo } from '../../src/ratings/operator-actions.ts';
import { expectSqlReplayConsistent, humanMember, logRows, playBattle, ratings, type LogRow, type Member } from './support.ts';

let db: TestDb;
let pool: Member[];
const battles: string[] = [];

beforeAll(async () => {
  db = await createTestDb();
  pool = [await humanMember(db), await humanMember(db), await humanMember(db), await humanMember(db)];
  const plays: Array<[number[], Array<number | 'draw'>]> = [
    [[0, 1], [0, 0, 1]],
    [[1, 2, 3], [2, 'draw', 1]],
    [[0, 2], [1]],
    [[0, 1, 2, 3], [3, 3, 0]],
    [[1, 3], []],
  ];
  for (const [who, votes] of plays) battles.push((await playBattle(db, who.map((i) => pool[i]), votes)).id);
});
afterAll(async () => {
  await db.destroy();
});

function asTs(rows: LogRow[]): EloLogRow[] {
  return rows.map((r) => ({
    entityId: `${r.entity_kind}:${r.entity_id}`,
    ratingBefore: r.rating_before,
    ratingAfter: r.rating_after,
    delta: r.delta,
    k: r.k,
    expectedScore: r.expected_score,
    outcome: r.outcome,
    formulaVersion: r.formula_version,
  }));
}

/** Replays in TS (replayEloLog) and in SQL (fn_elo_replay) and checks both equal elo_ratings exactly. */
async function expectReplayRebuildsRatings() {
  const log = await logRows(db);
  const ts = replayEloLog(asTs(log));
  await expectSqlReplayConsistent(db);
  const { rows: stored } = await db.query<{ entity_kind: string; entity_id: string; rating: number; games: number }>(
    'select entity_kind, entity_id, rating, games from reputation.elo_ratings order by entity_kind, entity_id',
  );
  expect(stored.length).toBe(ts.size);
  for (const r of stored) {
    // replayEloLog counts every row as a game; reversals take one back.
    const key = `${r.entity_kind}:${r.entity_id}`;
    expect(ts.get(key)!.rating).toBe(r.rating);
    const rows = log.filter((l) => l.entity_kind === r.entity_kind && l.entity_id === r.entity_id);
    expect(r.games).toBe(rows.filter((l) => l.reason === 'battle').length - rows.filter((l) => l.reason === 'reversal').length);
  }
}

describe('reputation.elo_battle_log', () => {
  it('replaying the log from the start rebuilds every rating exactly (TS replayEloLog and SQL fn_elo_replay)', async () => {
    expect((await logRows(db)).length).toBe(2 + 3 + 2 + 4 + 2);
    await expectReplayRebuildsRatings();
    // The rows themselves, not the current setting, say where each entity started.
    await setSetting(db, 'app.elo_start_rating', '1500');
    try {
      await expectReplayRebuildsRatings();
    } finally {
      await clearSetting(db, 'app.elo_start_rating');
    }
  });

  it('replay is exact when the start rating changed between two entities\' first games (each starts at its first row)', async () => {
    const [early, late, later] = [pool[0], await humanMember(db), await humanMember(db)];
    await setSetting(db, 'app.elo_start_rating', '1200');
    try {
      await playBattle(db, [early, late], [1, 1]);
    } finally {
      await clearSetting(db, 'app.elo_start_rating');
    }
    await playBattle(db, [late, later], [0]);
    const rows = await logRows(db);
    const first = (m: Member) => rows.find((r) => r.entity_id === m.profileId)!;
    expect(first(late).rating_before).toBe(1200);
    expect(first(later).rating_before).toBe(1000);
    expect(first(early).rating_before).toBe(1000);
    await expectReplayRebuildsRatings();
  });

  it('is append-only: updating, deleting or truncating log rows is refused', async () => {
    const [row] = await logRows(db);
    await expectRefused(db.query('update reputation.elo_battle_log set delta = 0 where id = $1', [row.id]), 'append_only');
    await expectRefused(db.query('delete from reputation.elo_battle_log where id = $1', [row.id]), 'append_only');
    await expectRefused(db.query('truncate reputation.elo_battle_log cascade'), 'append_only');
    expect((await logRows(db))[0]).toEqual(row);
  });

  it('a rating cannot change without a log row, even by the superuser or with a forged flag', async () => {
    const id = pool[0].profileId;
    const before = (await ratings(db)).get(id)!;
    await expectRefused(db.query("update reputation.elo_ratings set rating = 3000 where entity_kind = 'lenser' and entity_id = $1", [id]), 'elo_log_required');
    await expectRefused(db.query("delete from reputation.elo_ratings where entity_kind = 'lenser' and entity_id = $1", [id]), 'elo_log_required');
    await expectRefused(
      db.query("insert into reputation.elo_ratings (entity_kind, entity_id, rating, games) values ('lenser', gen_random_uuid(), 1000, 0)"),
      'elo_log_required',
    );
    await expectRefused(db.query('truncate reputation.elo_ratings'), 'append_only');
    const [last] = (await logRows(db)).slice(-1);
    await expectRefused(
      db.transaction(async (tx) => {
        await tx.query("select set_config('reputation.elo_log_id', $1, true)", [String(last.id)]);
        await tx.query("update reputation.elo_ratings set rating = 3000 where entity_kind = 'lenser' and entity_id = $1", [id]);
      }),
      'elo_log_required',
    );
    // API roles cannot even try: the table is read-only to them.
    const err = await refusal(
      db.transaction(async (tx) => {
        await tx.query("select set_config('role', 'service_role', true)");
        await tx.query("update reputation.elo_ratings set rating = 3000 where entity_kind = 'lenser' and entity_id = $1", [id]);
      }),
    );
    expect(err.status).toBe(403);
    expect((await ratings(db)).get(id)).toEqual(before);
  });

  describe('the migration bypass (lf.migrating)', () => {
    const rollback = new Error('rolled back on purpose');
    /** Runs `fn` in a transaction that is always rolled back; returns what `fn` returned. */
    async function inRolledBack<T>(fn: (tx: Parameters<Parameters<TestDb['transaction']>[0]>[0]) => Promise<T>): Promise<T> {
      let out: T | undefined;
      await db.transaction(async (tx) => {
        out = await fn(tx);
        throw rollback;
      }).catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
      return out as T;
    }

    for (const role of ['authenticated', 'service_role'] as const) {
      it(`an ${role} session that sets lf.migrating = on is still not migrating: it cannot update ratings or delete log rows`, async () => {
        const id = pool[0].profileId;
        const [row] = await logRows(db);
        const before = { ratings: await ratings(db), log: await logRows(db) };
        const asRole = async (sql: string, params: unknown[] = []) =>
          db.transaction(async (tx) => {
            await tx.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('lf.migrating', 'on', true)`, [
              role,
              JSON.stringify({ sub: id, role }),
            ]);
            return (await tx.query<Record<string, unknown>>(sql, params)).rows;
          });
        expect(await asRole('select ops.is_migrating() as m')).toEqual([{ m: false }]);
        // Writing the table that would make it true is refused too.
        expect((await refusal(asRole("insert into ops.schema_migrations (version, name, checksum) values (9999, '9999_x', 'x')"))).status).toBe(403);
        for (const sql of [
          "update reputation.elo_ratings set rating = 3000 where entity_kind = 'lenser' and entity_id = $1",
          "delete from reputation.elo_ratings where entity_kind = 'lenser' and entity_id = $1",
        ]) {
          expect((await refusal(asRole(sql, [id]))).status).toBe(403);
        }
        expect((await refusal(asRole('delete from reputation.elo_battle_log where id = $1', [row.id]))).status).toBe(403);
        expect((await refusal(asRole('update reputation.elo_battle_log set delta = 0 where id = $1', [row.id]))).status).toBe(403);
        expect(await ratings(db)).toEqual(before.ratings);
        expect(await logRows(db)).toEqual(before.log);
      });
    }

    it('the owner (a superuser here) with lf.migrating = on alone is refused like anyone else', async () => {
      const id = pool[0].profileId;
      const [row] = await logRows(db);
      const withFlag = (sql: string, params: unknown[] = []) =>
        db.transaction(async (tx) => {
          await tx.query(`select set_config('lf.migrating', 'on', true)`);
          return (await tx.query<Record<string, unknown>>(sql, params)).rows;
        });
      expect(await withFlag('select ops.is_migrating() as m')).toEqual([{ m: false }]);
      await expectRefused(withFlag("update reputation.elo_ratings set rating = 3000 where entity_kind = 'lenser' and entity_id = $1", [id]), 'elo_log_required');
      await expectRefused(withFlag('delete from reputation.elo_battle_log where id = $1', [row.id]), 'append_only');
      await expectRefused(withFlag('truncate reputation.elo_battle_log cascade'), 'append_only');
      await expectReplayRebuildsRatings();
    });

    it('the owner passes only while recording a migration in ops.schema_migrations in the same transaction (what src/db/migrate.ts does)', async () => {
      const [row] = await logRows(db);
      const deleted = await inRolledBack(async (tx) => {
        await tx.query("insert into ops.schema_migrations (version, name, checksum) values (9999, '9999_repair', 'x')");
        // The row without the flag is not enough either.
        await expect(tx.query('select ops.is_migrating() as m')).resolves.toMatchObject({ rows: [{ m: false }] });
        await tx.query(`select set_config('lf.migrating', 'on', true)`);
        const { rowCount } = await tx.query('delete from reputation.elo_battle_log where id = $1', [row.id]);
        return rowCount;
      });
      expect(deleted).toBe(1);
      expect((await logRows(db))[0]).toEqual(row);
    });
  });

  it('a log row that does not continue from the current rating is refused (no gaps, no fake reversals)', async () => {
    const id = pool[0].profileId;
    const current = (await ratings(db)).get(id)!.rating;
    // battles[1] did not rate pool[0]; battles[0] did.
    const insert = (before: number, delta: number, extra = ", 'battle', null", battle = battles[1]) =>
      db.query(
        `insert into reputation.elo_battle_log (battle_id, entity_kind, entity_id, rating_before, rating_after, delta, k,
           expected_score, outcome, opponents, formula_version, reason, reverses_log_id)
         values ($1, 'lenser', $2, $3::float8, $3::float8 + $4::float8, $4, 32, 0.5, 1, 1, 'elo-pairwise-v1'${extra})`,
        [battle, id, before, delta],
      );
    await expectRefused(insert(current + 1, 16), 'elo_log_gap');
    const other = (await logRows(db)).find((r) => r.entity_id !== id)!;
    await expectRefused(insert(current, 5, `, 'reversal', ${other.id}`), 'invalid_reversal');
    // A second 'battle' row for the same battle and entity.
    expect((await refusal(insert(current, 16, undefined, battles[0]))).code).toBe('conflict');
    await expectReplayRebuildsRatings();
  });

  it('a reversal writes compensating rows: each rating loses the battle delta and one game; old rows stay', async () => {
    const battle = battles[3];
    const original = await logRows(db, battle);
    const before = await ratings(db);
    const logBefore = await logRows(db);
    const op = await makeUser(db, undefined, { operator: true });
    const res = await reverseBattleElo(db, op.claims, battle, 'vote brigading confirmed');
    expect(res).toEqual({ battle_id: battle, reversed: true, log_rows: 4 });
    const after = await ratings(db);
    const reversal = (await logRows(db, battle)).filter((r) => r.reason === 'reversal');
    expect(reversal).toHaveLength(4);
    for (const o of original) {
      const r = reversal.find((x) => x.reverses_log_id === o.id)!;
      expect(r.delta).toBe(-o.delta);
      expect(r.rating_before).toBe(before.get(o.entity_id)!.rating);
      expect(after.get(o.entity_id)).toEqual({ rating: before.get(o.entity_id)!.rating - o.delta, games: before.get(o.entity_id)!.games - 1 });
    }
    expect((await logRows(db)).slice(0, logBefore.length)).toEqual(logBefore);
    await expectReplayRebuildsRatings();

    // Idempotent, and the reversed battle is never rated again.
    expect(await reverseBattleElo(db, op.claims, battle, 'again')).toEqual({ battle_id: battle, reversed: false, log_rows: 0 });
    await db.query('select reputation.fn_compute_elo_after_battle($1)', [battle]);
    expect(await ratings(db)).toEqual(after);
    const { rows } = await db.query('select reason, reversed_by from reputation.battle_reversals where battle_id = $1', [battle]);
    expect(rows).toEqual([{ reason: 'vote brigading confirmed', reversed_by: op.id }]);
  });

  it('the last battle of a pair reversed returns both ratings to where they stood before it', async () => {
    const [x, y] = [await humanMember(db), await humanMember(db)];
    await playBattle(db, [x, y], [0]);
    const mid = await ratings(db);
    const last = await playBattle(db, [x, y], [1, 1]);
    await reverseBattleElo(db, systemActor(db).claims, last.id, 'cancelled after finalization');
    const now = await ratings(db);
    for (const m of [x, y]) {
      // (R + d) - d is R up to one rounding of the sum.
      expect(now.get(m.profileId)!.rating).toBeCloseTo(mid.get(m.profileId)!.rating, 9);
      expect(now.get(m.profileId)!.games).toBe(mid.get(m.profileId)!.games);
    }
  });

  it('only operators and the system may reverse; a reason is required; unknown battles are not_found', async () => {
    const user = await makeUser(db);
    await expectRefused(reverseBattleElo(db, user.claims, battles[0], 'I lost'), 'forbidden');
    await expectRefused(reverseBattleElo(db, { role: 'anon' }, battles[0], 'x'), 'forbidden');
    await expectRefused(reverseBattleElo(db, systemActor(db).claims, battles[0], '  '), 'invalid_input');
    await expectRefused(reverseBattleElo(db, systemActor(db).claims, '00000000-0000-4000-8000-000000000000', 'x'), 'not_found');
    const { rows } = await db.query('select 1 from reputation.battle_reversals where battle_id = $1', [battles[0]]);
    expect(rows).toEqual([]);
  });

  it('anyone, signed in or not, may read the log rows of public battles', async () => {
    const n = await db.transaction(async (tx) => {
      await tx.query(`select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true)`);
      return (await tx.query<{ n: number }>('select count(*)::int as n from reputation.elo_battle_log')).rows[0].n;
    });
    expect(n).toBe((await logRows(db)).length);
  });
});
