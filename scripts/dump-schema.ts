// `npm run schema:dump [-- --check]`: migrates a fresh Postgres database and writes its schema to
// db/schema.sql (or, with --check, fails when the committed snapshot has drifted from the migrations).
// Needs a Postgres server (DATABASE_URL, default the local one) and pg_dump on PATH.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../src/db/migrate.ts';
import { openPostgres } from '../src/db/postgres.ts';

const SNAPSHOT = fileURLToPath(new URL('../db/schema.sql', import.meta.url));
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function urlFor(database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** pg_dump output minus what changes from run to run (versions, \restrict keys). */
export function normalizeDump(sql: string): string {
  return (
    sql
      .split('\n')
      .filter((l) => !/^\\(un)?restrict /.test(l) && !/^-- Dumped (from|by) /.test(l))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

async function dumpFreshSchema(): Promise<string> {
  const name = `lf_schema_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const db = openPostgres({ connectionString: urlFor(name), max: 1 });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    const out = execFileSync('pg_dump', ['--schema-only', '--no-owner', '--exclude-schema=public', urlFor(name)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return normalizeDump(out);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const schema = await dumpFreshSchema();
if (process.argv.includes('--check')) {
  const committed = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8') : '';
  if (committed !== schema) {
    console.error('db/schema.sql has drifted from db/migrations: run `npm run schema:dump` and commit the result.');
    process.exit(1);
  }
  console.log('db/schema.sql matches the migrations');
} else {
  writeFileSync(SNAPSHOT, schema);
  console.log(`wrote ${SNAPSHOT}`);
}
