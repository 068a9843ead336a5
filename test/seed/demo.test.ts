// The demo seed: one transaction ending in its marker row, so it runs once; a seed that fails
// halfway leaves nothing behind and the next attempt seeds everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSeeded, SEEDED_MARKER, seedDemo } from '../../db/seed/demo.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

async function counts() {
  const { rows } = await db.query<{ accounts: number; profiles: number; battles: number; votes: number; models: number; marker: number }>(
    `select (select count(*)::int from ops.accounts) as accounts,
            (select count(*)::int from lensers.profiles) as profiles,
            (select count(*)::int from battles.battles) as battles,
            (select count(*)::int from battles.votes) as votes,
            (select count(*)::int from ai.models) as models,
            (select count(*)::int from ops.settings where key = $1) as marker`,
    [SEEDED_MARKER],
  );
  return rows[0];
}

describe('the demo seed', () => {
  it('that fails halfway (at its third battle) leaves nothing, and the next attempt seeds it all', async () => {
    const before = await counts();
    expect(before.marker).toBe(0);
    // Fail when the seed creates its third battle: after accounts, the AI model, a finished battle
    // with votes and a battle in voting were already written in the same transaction.
    await db.exec(`
      create function public.test_fail_seed() returns trigger language plpgsql as $$
      begin raise exception 'seed interrupted'; end $$;
      create trigger test_fail_seed before insert on battles.battles
        for each row when (new.slug = 'bike-lock-tagline') execute function public.test_fail_seed();`);
    const err = await seedDemo(db).then(() => null, (e: Error) => e);
    // The RPC layer maps the failure to an AppError; the database's message is its cause.
    expect(String((err?.cause as Error | undefined)?.message ?? err?.message)).toMatch(/seed interrupted/);
    expect(await counts()).toEqual(before);
    expect(await isSeeded(db)).toBe(false);

    await db.exec('drop trigger test_fail_seed on battles.battles; drop function public.test_fail_seed();');
    expect(await seedDemo(db)).toBe(true);
    expect(await isSeeded(db)).toBe(true);
    const after = await counts();
    expect(after).toMatchObject({ accounts: before.accounts + 6, battles: before.battles + 4, votes: before.votes + 3, marker: 1 });
    const { rows } = await db.query<{ slug: string; status: string }>(
      `select slug, status from battles.battles where slug in ('haiku-first-rain', 'explain-sql-join', 'bike-lock-tagline', 'my-unfinished-idea') order by slug`,
    );
    expect(rows).toEqual([
      { slug: 'bike-lock-tagline', status: 'open' },
      { slug: 'explain-sql-join', status: 'voting' },
      { slug: 'haiku-first-rain', status: 'published' },
      { slug: 'my-unfinished-idea', status: 'draft' },
    ]);
  });

  it('runs once: a second call finds the marker and writes nothing', async () => {
    const before = await counts();
    expect(before.marker).toBe(1);
    expect(await seedDemo(db)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('counts a data directory seeded before the marker existed (the demo account, no marker) as seeded', async () => {
    await db.query('delete from ops.settings where key = $1', [SEEDED_MARKER]);
    expect(await isSeeded(db)).toBe(true);
    const before = await counts();
    expect(await seedDemo(db)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
