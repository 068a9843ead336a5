// A fresh, fully migrated database per test file, on PGlite always and on Postgres when DATABASE_URL
// (or TEST_DB=postgres) says so. Migrating once and copying is what keeps the suite fast:
// PGlite starts from a dumped data directory, Postgres clones a template database.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Db } from '../../src/db/db.ts';
import { migrate, migrationsFingerprint } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';

export const backend: 'pglite' | 'postgres' =
  process.env.TEST_DB === 'pglite' ? 'pglite' : process.env.DATABASE_URL || process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export const onPostgres = backend === 'postgres';

function adminUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

function snapshotPath(): string {
  return path.join(os.tmpdir(), 'lenserfight-test', `pglite-${migrationsFingerprint()}.tar.gz`);
}

function templateName(): string {
  return `lf_tpl_${migrationsFingerprint()}`;
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Called once per test run (vitest globalSetup): makes the migrated snapshot or template. */
export async function prepareTemplate(): Promise<void> {
  if (backend === 'pglite') {
    const file = snapshotPath();
    if (existsSync(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const db = await openPglite();
    await migrate(db);
    const blob = await db.pglite.dumpDataDir('gzip');
    await db.close();
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file);
    return;
  }
  await withAdmin(async (c) => {
    await c.query('select pg_advisory_lock(7160443002)');
    try {
      const name = templateName();
      // Templates of older migration sets are dead weight; one still in use by another run stays.
      const stale = await c.query<{ datname: string }>(
        "select datname from pg_database where datname like 'lf\\_tpl\\_%' and datname <> $1", [name]);
      for (const { datname } of stale.rows) await c.query(`drop database if exists ${datname}`).catch(() => {});
      const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount) return;
      const building = `${name}_build`;
      await c.query(`drop database if exists ${building}`);
      await c.query(`create database ${building}`);
      const db = openPostgres({ connectionString: urlFor(building), max: 1 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      await c.query(`alter database ${building} rename to ${name}`);
    } finally {
      await c.query('select pg_advisory_unlock(7160443002)');
    }
  });
}

export interface TestDb extends Db {
  /** Drops the per-file database (Postgres) or closes the embedded one. */
  destroy(): Promise<void>;
}

export async function createTestDb(opts: { poolSize?: number } = {}): Promise<TestDb> {
  if (backend === 'pglite') {
    const data = readFileSync(snapshotPath());
    const db = await openPglite({ loadDataDir: new Blob([data]) });
    return Object.assign(db, { destroy: () => db.close() });
  }
  const name = `lf_t_${randomBytes(6).toString('hex')}`;
  const clone = () => withAdmin((c) => c.query(`create database ${name} template ${templateName()}`));
  try {
    await clone();
  } catch (err) {
    // Another checkout with other migrations may have dropped our template: rebuild it once.
    if (!/does not exist/.test(String((err as Error).message))) throw err;
    await prepareTemplate();
    await clone();
  }
  const db = openPostgres({ connectionString: urlFor(name), max: opts.poolSize ?? 10 });
  return Object.assign(db, {
    async destroy() {
      await db.close();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  });
}

/** URL of a fresh Postgres database (for tests that open their own connections). */
export function postgresUrlFor(database: string): string {
  return urlFor(database);
}
