// What autovacuum does on a Postgres server, for embedded PGlite, which has no background workers:
// analyzes (and vacuums) every table that has grown since its statistics were taken. Without it,
// the plans a long-lived session caches while a table is small (a sequential scan of the first few
// votes) stay in use as the table grows; ANALYZE invalidates them, so the next call plans again.
// Growth is read from the table's size on disk against pg_class.relpages (the pages counted at the
// last analyze), not from the statistics counters, which PGlite does not flush.
import type { Db } from './db.ts';
import type { Logger } from '../logging/logger.ts';
import type { ScheduledJob } from '../ops/scheduler.ts';

export const EMBEDDED_MAINTENANCE_JOB_NAME = 'embedded-analyze';
/** Every 5 minutes: a table rarely grows a fifth in less, and an idle database costs one catalog read. */
export const EMBEDDED_MAINTENANCE_JOB_SCHEDULE = '*/5 * * * *';

/**
 * A table is due once it has pages and was never analyzed, or when it holds at least 20% more
 * pages than at its last analyze plus 4 (so a table of a page or two is not analyzed on every tick).
 * The thresholds follow autovacuum's defaults in spirit (analyze after 10% of the rows change,
 * scale factor plus a base); pages stand in for rows.
 */
const DUE_TABLES_SQL = `
  select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
   cross join lateral (select pg_relation_size(c.oid) / current_setting('block_size')::bigint as pages) s
   where c.relkind = 'r'
     and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
     and s.pages > 0
     and (c.reltuples < 0 or s.pages >= c.relpages * 1.2 + 4)
   order by 1`;

/** Analyzes and vacuums the tables that are due; returns their names. */
export async function analyzeGrownTables(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(DUE_TABLES_SQL);
  const names = rows.map((r) => r.name);
  // VACUUM cannot run inside a transaction block: one statement, outside db.transaction().
  if (names.length) await db.exec(`vacuum (analyze) ${names.join(', ')}`);
  return names;
}

export function embeddedMaintenanceJob(db: Db, logger?: Logger): ScheduledJob {
  return {
    name: EMBEDDED_MAINTENANCE_JOB_NAME,
    schedule: EMBEDDED_MAINTENANCE_JOB_SCHEDULE,
    run: async () => {
      const tables = await analyzeGrownTables(db);
      if (tables.length) logger?.info({ job: EMBEDDED_MAINTENANCE_JOB_NAME, tables }, 'grown tables analyzed');
      return tables;
    },
  };
}
