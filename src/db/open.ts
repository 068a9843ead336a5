// Picks the backend: a Postgres server when a connection string is given, else embedded PGlite
// (its cluster lives in <dataDir>/pg). Settings are applied per session as GUCs.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface OpenDbOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** GUCs by name (app.battles_daily_create_cap ...) set on every session. */
  settings?: Record<string, string>;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  const settings = opts.settings ?? {};
  if (opts.databaseUrl) {
    return openPostgres({ connectionString: opts.databaseUrl, max: opts.poolSize, settings });
  }
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = path.join(opts.dataDir, 'pg');
    mkdirSync(dir, { recursive: true });
  }
  const db = await openPglite({ dataDir: dir });
  // One connection: session-level settings hold for its lifetime.
  for (const [k, v] of Object.entries(settings)) await db.query('select set_config($1, $2, false)', [k, v]);
  return db;
}
