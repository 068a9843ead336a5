// The jobs the server schedules. A Postgres server runs autovacuum; embedded PGlite has no
// background workers, so there the embedded-analyze job stands in for it.
import type { Db } from '../db/db.ts';
import { embeddedMaintenanceJob } from '../db/embedded-maintenance.ts';
import type { Logger } from '../logging/logger.ts';
import { leaderboardJob } from '../ratings/leaderboard-job.ts';
import type { ScheduledJob } from './scheduler.ts';

export function serverJobs(db: Db, logger: Logger): ScheduledJob[] {
  return [leaderboardJob(db, logger), ...(db.kind === 'pglite' ? [embeddedMaintenanceJob(db, logger)] : [])];
}
