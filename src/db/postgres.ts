// Server backend: a pg connection pool against PostgreSQL 15+.
import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.ts';

// int8 and numeric come back as strings from pg by default; counts and sums here fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const res = await client.query(sql, params as unknown[]);
      return { rows: res.rows as T[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export interface PostgresOptions {
  connectionString: string;
  max?: number;
  /** GUCs set on every pooled session (startup options, so no extra round trip). */
  settings?: Record<string, string>;
}

function startupOptions(settings: Record<string, string> = {}): string | undefined {
  const parts = Object.entries(settings).map(([k, v]) => `-c ${k}=${v.replace(/([\\ ])/g, '\\$1')}`);
  return parts.length ? parts.join(' ') : undefined;
}

export function openPostgres(opts: PostgresOptions): Db & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    options: startupOptions(opts.settings),
  });
  // An idle client that errors (server restart) must not crash the process; the pool drops it.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    pool,
    ...wrap(pool),
    async transaction(fn, setup) {
      const client = await pool.connect();
      try {
        // One round trip for both: a simple-query message may hold several statements.
        await client.query(setup ? `begin; ${setup}` : 'begin');
        const out = await fn(wrap(client));
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
