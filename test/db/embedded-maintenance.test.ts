// The embedded stand-in for autovacuum (src/db/embedded-maintenance.ts), on PGlite, which has no
// background workers: a grown table is analyzed, and a plan cached while it was small is replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { analyzeGrownTables, embeddedMaintenanceJob } from '../../src/db/embedded-maintenance.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { serverJobs } from '../../src/ops/server-jobs.ts';
import { LEADERBOARD_JOB_NAME } from '../../src/ratings/leaderboard-job.ts';

let db: Db;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db.close();
});

async function addRows(table: string, from: number, count: number) {
  await db.query(`insert into ${table} (id, pad) select g, repeat('x', 100) from generate_series($1::int, $2::int) g`,
    [from, from + count - 1]);
}

async function reltuples(table: string): Promise<number> {
  return (await db.query<{ n: number }>(`select reltuples::float8 as n from pg_class where oid = $1::regclass`, [table])).rows[0].n;
}

describe('analyzeGrownTables', () => {
  beforeAll(async () => {
    await db.exec('create table public.grows (id int primary key, pad text); create table public.stays (id int primary key, pad text)');
    await addRows('public.stays', 1, 1000);
    await analyzeGrownTables(db); // the first pass takes every table that has rows
  });

  it('analyzes a table that has grown by a fifth since its last analyze, and only that one', async () => {
    await addRows('public.grows', 1, 5000);
    expect(await analyzeGrownTables(db)).toEqual(['public.grows']);
    expect(await reltuples('public.grows')).toBe(5000);
    expect(await analyzeGrownTables(db)).toEqual([]);
    await addRows('public.grows', 5001, 500); // a tenth more: not yet due
    expect(await analyzeGrownTables(db)).toEqual([]);
    await addRows('public.grows', 5501, 1000);
    expect(await analyzeGrownTables(db)).toEqual(['public.grows']);
    expect(await reltuples('public.grows')).toBe(6500);
  });

  it('leaves a table of a page or two alone until it has grown by more than a few pages', async () => {
    await db.exec('create table public.tiny (id int primary key, pad text)');
    await addRows('public.tiny', 1, 10);
    expect(await analyzeGrownTables(db)).toEqual(['public.tiny']); // never analyzed, has rows
    await addRows('public.tiny', 11, 40); // one page became two: not due
    expect(await analyzeGrownTables(db)).toEqual([]);
  });

  it('runs as a scheduled job that reports the tables it analyzed', async () => {
    await addRows('public.stays', 1001, 2000);
    const job = embeddedMaintenanceJob(db);
    expect(job.name).toBe('embedded-analyze');
    expect(await job.run()).toEqual(['public.stays']);
  });
});

describe('a plan cached while a table was small', () => {
  // The probe fn_vote_refusal makes on every vote, in miniature: a plpgsql statement whose plan the
  // session keeps. pg_stat_xact_user_tables counts scans not yet flushed to the statistics (PGlite
  // never flushes them), so the probe's scans are the difference across its call.
  async function scansOfProbe(id: number) {
    const counts = `select seq_scan as seq, coalesce(idx_scan, 0) as idx from pg_stat_xact_user_tables
                     where relid = 'public.ballots'::regclass`;
    return db.transaction(async (tx) => {
      const before = (await tx.query<{ seq: number; idx: number }>(counts)).rows[0];
      await tx.query('select public.probe($1)', [id]);
      const after = (await tx.query<{ seq: number; idx: number }>(counts)).rows[0];
      return { seq: after.seq - before.seq, idx: after.idx - before.idx };
    });
  }

  it('keeps scanning the whole table as it grows, until the table is analyzed', async () => {
    await db.exec(`create table public.ballots (id int primary key, pad text);
      analyze public.ballots;
      create function public.probe(p int) returns boolean language plpgsql as $$
      begin return exists (select 1 from public.ballots where id = p); end $$`);
    // Past the first five calls Postgres keeps one generic plan, made for an empty table.
    for (let i = 0; i < 8; i++) await scansOfProbe(i);
    await addRows('public.ballots', 1, 20000);
    expect(await scansOfProbe(123)).toEqual({ seq: 1, idx: 0 });
    expect(await analyzeGrownTables(db)).toContain('public.ballots');
    expect(await scansOfProbe(456)).toEqual({ seq: 0, idx: 1 });
  });
});

describe('the server schedule', () => {
  it('has the embedded-analyze job on PGlite only (a Postgres server runs autovacuum)', () => {
    const names = (d: Pick<Db, 'kind'>) => serverJobs(d as Db, silentLogger).map((j) => j.name);
    expect(names(db)).toEqual([LEADERBOARD_JOB_NAME, 'embedded-analyze']);
    expect(names({ kind: 'postgres' })).toEqual([LEADERBOARD_JOB_NAME]);
  });
});
