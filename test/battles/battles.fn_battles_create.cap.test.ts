// Where the daily creation cap comes from: the default of 10 with no setting at all, the GUC
// app.battles_daily_create_cap (set_config in a session or transaction, connection settings as
// LF_BATTLES_DAILY_CREATE_CAP sets them, ALTER DATABASE on a server) ahead of ops.settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims } from '../../src/db/claims.ts';
import type { Db } from '../../src/db/db.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { rpcIn } from '../../src/battles/rpc.ts';
import { makeUser, type Actor } from '../support/actors.ts';
import { clearSetting, expectRefused, setSetting, uniqueSlug } from '../support/battle-fixtures.ts';
import { createTestDb, onPostgres, postgresUrlFor, type TestDb } from '../support/db.ts';

const CAP = 'app.battles_daily_create_cap';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

const createArgs = () => ({ title: 'A battle', slug: uniqueSlug('cap'), task_prompt: 'Write a limerick' });

async function createdBy(who: Actor): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from battles.battles where principal_id = $1', [who.id]);
  return rows[0].n;
}

/** Creates as `who` through `on` until refused; returns how many were created and the refusal. */
async function createUntilRefused(on: Db, who: Actor, limit = 20) {
  for (let created = 0; created <= limit; created++) {
    try {
      await withClaims(on, who.claims, (tx) => rpcIn(tx, 'fn_battles_create', createArgs()));
    } catch (err) {
      return { created, err: err as { code?: string } };
    }
  }
  throw new Error(`no refusal after ${limit} creations`);
}

describe('the daily creation cap with no setting', () => {
  it('is 10: the 11th create is refused with battle_rate_limit_exceeded (429) and a retry-after', async () => {
    const { rows } = await db.query<{ guc: string | null; row: string | null }>(
      `select nullif(current_setting($1, true), '') as guc, (select value from ops.settings where key = $1) as row`,
      [CAP],
    );
    expect(rows[0]).toEqual({ guc: null, row: null });
    const me = await makeUser(db);
    for (let i = 0; i < 10; i++) await me.rpc('fn_battles_create', createArgs());
    const err = await expectRefused(me.rpc('fn_battles_create', createArgs()), 'battle_rate_limit_exceeded');
    expect(err.status).toBe(429);
    expect(err.message).toContain('10 battles per 24 hours');
    expect(err.retryAfter).toBeGreaterThan(0);
    expect(err.retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(await createdBy(me)).toBe(10);
  });
});

describe('the daily creation cap set as the GUC app.battles_daily_create_cap', () => {
  it('applies when set with set_config in the transaction, ahead of ops.settings', async () => {
    await setSetting(db, CAP, '5');
    try {
      const me = await makeUser(db);
      const err = await withClaims(db, me.claims, async (tx) => {
        await tx.query('select set_config($1, $2, true)', [CAP, '2']);
        await rpcIn(tx, 'fn_battles_create', createArgs());
        await rpcIn(tx, 'fn_battles_create', createArgs());
        await rpcIn(tx, 'fn_battles_create', createArgs());
        return null;
      }).catch((e: { code?: string; retryAfter?: number }) => e);
      expect(err?.code).toBe('battle_rate_limit_exceeded');
      expect(err?.retryAfter).toBeGreaterThan(0);
      // The refusal rolled the transaction back: nothing was created.
      expect(await createdBy(me)).toBe(0);
      // Without the GUC, the ops.settings row decides.
      expect((await createUntilRefused(db, me)).created).toBe(5);
    } finally {
      await clearSetting(db, CAP);
    }
  });

  it('applies when set on the session, as LF_BATTLES_DAILY_CREATE_CAP does (set_config on PGlite, startup options on a server)', async () => {
    const me = await makeUser(db);
    if (onPostgres) {
      const { rows } = await db.query<{ name: string }>('select current_database() as name');
      const configured = openPostgres({ connectionString: postgresUrlFor(rows[0].name), max: 2, settings: { [CAP]: '3' } });
      try {
        const { created, err } = await createUntilRefused(configured, me);
        expect(created).toBe(3);
        expect(err.code).toBe('battle_rate_limit_exceeded');
      } finally {
        await configured.close();
      }
    } else {
      // One embedded connection: a session-level setting holds for every later transaction.
      await db.query('select set_config($1, $2, false)', [CAP, '3']);
      try {
        const { created, err } = await createUntilRefused(db, me);
        expect(created).toBe(3);
        expect(err.code).toBe('battle_rate_limit_exceeded');
      } finally {
        await db.query('select set_config($1, $2, false)', [CAP, '']);
      }
    }
    expect(await createdBy(me)).toBe(3);
  });

  // ALTER DATABASE is a server setting: PGlite has one session and no per-database defaults to test.
  it.skipIf(!onPostgres)('applies when set with ALTER DATABASE, to sessions opened afterwards (Postgres)', async () => {
    const { rows } = await db.query<{ name: string }>('select current_database() as name');
    const name = rows[0].name;
    await db.query(`alter database ${name} set ${CAP} = 4`);
    const fresh = openPostgres({ connectionString: postgresUrlFor(name), max: 2 });
    try {
      const me = await makeUser(db);
      const { created, err } = await createUntilRefused(fresh, me);
      expect(created).toBe(4);
      expect(err.code).toBe('battle_rate_limit_exceeded');
      // A cap of 0 there turns the cap off for new sessions.
      await db.query(`alter database ${name} set ${CAP} = 0`);
      const uncapped = openPostgres({ connectionString: postgresUrlFor(name), max: 1 });
      try {
        await withClaims(uncapped, me.claims, (tx) => rpcIn(tx, 'fn_battles_create', createArgs()));
      } finally {
        await uncapped.close();
      }
      expect(await createdBy(me)).toBe(5);
    } finally {
      await fresh.close();
      await db.query(`alter database ${name} reset ${CAP}`);
    }
  });
});
