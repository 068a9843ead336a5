import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, MigrationChecksumError } from '../../src/db/migrate.ts';
import { openDb } from '../../src/db/open.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { createTestDb, onPostgres } from '../support/db.ts';

describe('migrate', () => {
  it('applies every migration once, in order, and records its checksum', async () => {
    const db = await openPglite();
    try {
      const migrations = loadMigrations();
      const applied = await migrate(db, migrations);
      expect(applied).toEqual(migrations.map((m) => m.name));
      expect(await migrate(db, migrations)).toEqual([]);
      const { rows } = await db.query<{ name: string; checksum: string }>('select name, checksum from ops.schema_migrations order by version');
      expect(rows).toEqual(migrations.map((m) => ({ name: m.name, checksum: m.checksum })));
    } finally {
      await db.close();
    }
  });

  it('refuses an applied migration whose file was edited, naming it', async () => {
    const db = await createTestDb();
    try {
      const migrations = loadMigrations();
      const edited = migrations.map((m, i) => (i === 2 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'f'.repeat(64) } : m));
      const err = await migrate(db, edited).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MigrationChecksumError);
      expect((err as Error).message).toContain(migrations[2].name);
      expect((err as Error).message).toMatch(/edited after it was applied/);
    } finally {
      await db.destroy();
    }
  });

  it('rolls back a failing migration whole and applies nothing after it', async () => {
    const db = await openPglite();
    try {
      const broken = [
        { version: 1, name: '0001_ok', sql: 'create schema t1; create table t1.a (id int);', checksum: 'a' },
        { version: 2, name: '0002_broken', sql: 'create table t1.b (id int); select 1/0;', checksum: 'b' },
        { version: 3, name: '0003_after', sql: 'create table t1.c (id int);', checksum: 'c' },
      ];
      await expect(migrate(db, broken)).rejects.toThrow(/division by zero/);
      const { rows } = await db.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = 't1' order by 1");
      expect(rows.map((r) => r.t)).toEqual(['a']);
      const applied = await db.query<{ name: string }>('select name from ops.schema_migrations');
      expect(applied.rows.map((r) => r.name)).toEqual(['0001_ok']);
    } finally {
      await db.close();
    }
  });

  it('lets a migration run by migrate() touch append-only tables, which the same SQL outside it cannot', async () => {
    const db = await createTestDb();
    try {
      const base = loadMigrations();
      const make = { version: 9001, name: '9001_log', sql: "create schema t9; create table t9.log (v int); create trigger log_append_only before update or delete on t9.log for each row execute function ops.forbid_mutation(); insert into t9.log values (1), (2);", checksum: 'x1' };
      const fix = { version: 9002, name: '9002_fix', sql: 'delete from t9.log where v = 2; update t9.log set v = 10;', checksum: 'x2' };
      await migrate(db, [...base, make]);
      for (const sql of ['delete from t9.log where v = 2', 'update t9.log set v = 10']) {
        await expect(db.query(sql)).rejects.toMatchObject({ detail: 'lf_append_only' });
        // The flag alone, without the migration row the runner writes, is not a bypass.
        await expect(db.transaction(async (tx) => {
          await tx.query("select set_config('lf.migrating', 'on', true)");
          await tx.query(sql);
        })).rejects.toMatchObject({ detail: 'lf_append_only' });
      }
      expect(await migrate(db, [...base, make, fix])).toEqual(['9002_fix']);
      const { rows } = await db.query<{ v: number }>('select v from t9.log');
      expect(rows).toEqual([{ v: 10 }]);
    } finally {
      await db.destroy();
    }
  });

  it('keeps embedded data across a restart of the data directory', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lf-data-'));
    try {
      const first = await openDb({ dataDir: dir });
      await first.exec('create table kept (v text); insert into kept values (\'still here\')');
      await first.close();
      const second = await openDb({ dataDir: dir });
      const { rows } = await second.query<{ v: string }>('select v from kept');
      expect(rows).toEqual([{ v: 'still here' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Concurrent starters need separate connections to race; PGlite has one.
describe.skipIf(!onPostgres)('migrate on a server', () => {
  it('lets concurrent processes migrate one database without applying anything twice', async () => {
    const base = await createTestDb();
    const url = (base as unknown as { pool: { options: { connectionString: string } } }).pool.options.connectionString;
    try {
      // Back to an empty database: drop every schema the migrations made, whatever they are.
      const { rows: schemas } = await base.query<{ name: string }>(
        `select nspname as name from pg_namespace
          where nspname not in ('public', 'information_schema') and nspname not like 'pg\\_%'`,
      );
      await base.exec(schemas.map((s) => `drop schema "${s.name}" cascade;`).join(' '));
      const a = openPostgres({ connectionString: url, max: 2 });
      const b = openPostgres({ connectionString: url, max: 2 });
      try {
        const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
        expect(ra.length + rb.length).toBe(loadMigrations().length);
        expect(new Set([...ra, ...rb]).size).toBe(loadMigrations().length);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await base.destroy();
    }
  });
});
