// Applies db/migrations/NNNN_slug.sql in order, one transaction each, recorded with a checksum.
// An applied migration whose file changed is refused: migrations are history, fixes go in a new file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Db } from './db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(
      `migration ${migration} was edited after it was applied (checksum differs). ` +
        'Applied migrations are never edited: restore the file and add a new migration instead.',
    );
  }
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Hash of every migration, used to key migrated snapshots and templates. */
export function migrationsFingerprint(migrations = loadMigrations()): string {
  const h = createHash('sha256');
  for (const m of migrations) h.update(`${m.name}:${m.checksum}\n`);
  return h.digest('hex').slice(0, 16);
}

// Arbitrary but fixed key: concurrent starts against one server wait for each other here.
const MIGRATION_LOCK_KEY = 7_160_443_001;

export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  // `create ... if not exists` is not safe against a concurrent twin: take the lock first.
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      create schema if not exists ops;
      create table if not exists ops.schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      );`);
  });
  for (const m of migrations) {
    // One transaction per migration holding a transaction-scoped lock, so a pool of connections
    // and concurrent starters agree on who applies what without a session-level lock.
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const { rows } = await tx.query<{ checksum: string }>(
        'select checksum from ops.schema_migrations where version = $1',
        [m.version],
      );
      if (rows[0]) {
        if (rows[0].checksum !== m.checksum) throw new MigrationChecksumError(m.name);
        return;
      }
      // The row is written first: ops.is_migrating() (what lets a migration touch append-only
      // tables) needs both the flag and this transaction's own row in ops.schema_migrations.
      await tx.query('insert into ops.schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      await tx.query(`select set_config('lf.migrating', 'on', true)`);
      await tx.exec(m.sql);
      applied.push(m.name);
    });
  }
  return applied;
}
