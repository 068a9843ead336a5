// withClaims and setClaims: the role and JWT claims every request runs under, sent as literals with
// BEGIN (src/db/claims.ts), so any claim value must arrive exactly as signed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClaims, userClaims, withClaims, type Claims } from '../../src/db/claims.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

const WHO = `select current_user as role, auth.jwt() as claims, auth.uid()::text as uid`;

describe('withClaims', () => {
  it('runs the work as the role with the claims auth.jwt() and auth.uid() read', async () => {
    const claims = userClaims('00000000-0000-4000-8000-000000000001');
    const { rows } = await withClaims(db, claims, (tx) => tx.query(WHO));
    expect(rows[0]).toEqual({ role: 'authenticated', claims, uid: claims.sub });
  });

  it('passes claim values with quotes, backslashes, semicolons and non-ASCII through unchanged', async () => {
    const claims: Claims = {
      role: 'anon',
      email: `o'brien\\"; drop table battles.battles; --@example.org`,
      name: 'Zoë \u2603 \\u0027 $$ $x$',
      nested: { list: ["'", '\\', '\n\t'] },
    };
    const { rows } = await withClaims(db, claims, (tx) => tx.query(WHO));
    expect(rows[0]).toEqual({ role: 'anon', claims, uid: null });
    expect((await db.query(`select to_regclass('battles.battles') is not null as kept`)).rows[0]).toEqual({ kept: true });
  });

  it('refuses an unknown role before anything runs', async () => {
    let ran = false;
    await expect(withClaims(db, { role: 'postgres' as Claims['role'] }, async () => {
      ran = true;
    })).rejects.toThrow('unknown database role postgres');
    expect(ran).toBe(false);
  });

  it('ends with the transaction: the next statement on the pool runs as the owner again', async () => {
    await withClaims(db, { role: 'service_role' }, (tx) => tx.query('select 1'));
    const { rows } = await db.query(`select current_user as role, current_setting('request.jwt.claims', true) as claims`);
    expect(rows[0].role).not.toBe('service_role');
    expect(rows[0].claims ?? '').toBe('');
  });
});

describe('setClaims', () => {
  it('switches the identity for the rest of the transaction', async () => {
    const a = userClaims('00000000-0000-4000-8000-00000000000a');
    const b = userClaims('00000000-0000-4000-8000-00000000000b');
    const uids = await withClaims(db, a, async (tx) => {
      const first = (await tx.query<{ uid: string }>(WHO)).rows[0].uid;
      await setClaims(tx, b);
      return [first, (await tx.query<{ uid: string }>(WHO)).rows[0].uid];
    });
    expect(uids).toEqual([a.sub, b.sub]);
  });
});
