// Picks the backend: a Postgres server when a connection string is given, else embedded PGlite.
import { mkdirSync } from 'node:fs';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface OpenDbOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres({ connectionString: opts.databaseUrl, max: opts.poolSize });
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  return openPglite({ dataDir: opts.dataDir });
}
