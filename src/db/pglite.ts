// Embedded backend: PGlite (Postgres compiled to WASM) in this process, persisted in a data directory.
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db.ts';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrap(pg: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const res = await pg.query<T>(sql, params);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
}

export interface PgliteOptions {
  /** Directory that keeps the data between runs; in memory when absent. */
  dataDir?: string;
  /** A tarball made by dumpDataDir() to start from (tests start from a migrated snapshot). */
  loadDataDir?: Blob | File;
}

export async function openPglite(opts: PgliteOptions = {}): Promise<Db & { pglite: PGlite }> {
  const pg = await PGlite.create(opts.dataDir, {
    loadDataDir: opts.loadDataDir,
    // Same shapes as the pg backend: counts and sums as numbers.
    parsers: { 20: Number, 1700: Number },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    pglite: pg,
    ...base,
    // PGlite has one connection: its transaction() queues callers, which gives the same isolation a
    // pool gives, one transaction at a time.
    transaction: (fn, setup) =>
      pg.transaction(async (tx) => {
        if (setup) await tx.exec(setup);
        return fn(wrap(tx));
      }),
    close: () => pg.close(),
  };
}
