// Runs registered jobs by name on cron schedules (croner) inside the server process. A job never
// overlaps itself: a tick that finds the previous run still busy is skipped. Timers are per process;
// jobs that must run once cluster-wide take a Postgres advisory lock themselves.
import { Cron } from 'croner';
import type { Logger } from '../logging/logger.ts';

export interface ScheduledJob {
  /** Stable job name, e.g. 'recompute-leaderboards'. */
  name: string;
  /** Cron pattern (minute resolution, UTC). */
  schedule: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  readonly jobNames: string[];
  /** Runs a job now (waits for a run already under way instead of starting a second one). */
  runNow(name: string): Promise<unknown>;
  nextRun(name: string): Date | null;
  /** Stops every timer; runs under way finish on their own. */
  stop(): void;
}

export function startScheduler(jobs: readonly ScheduledJob[], logger: Logger): Scheduler {
  interface Entry {
    job: ScheduledJob;
    cron?: Cron;
    running?: Promise<unknown>;
  }
  const names = jobs.map((j) => j.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new Error(`job ${twice} is registered twice`);
  const byName = new Map<string, Entry>();
  for (const job of jobs) {
    const entry: Entry = { job };
    byName.set(job.name, entry);
    // unref: the timers never keep the process alive on shutdown.
    entry.cron = new Cron(job.schedule, { timezone: 'UTC', unref: true }, () => {
      if (entry.running) {
        logger.warn({ job: job.name }, 'previous run still busy; tick skipped');
        return;
      }
      run(entry).catch(() => {}); // run() has logged the failure
    });
  }

  function run(entry: Entry): Promise<unknown> {
    if (entry.running) return entry.running;
    const log = logger.child({ job: entry.job.name });
    const started = Date.now();
    entry.running = entry.job
      .run()
      .then(
        (result) => {
          log.debug({ ms: Date.now() - started }, 'job finished');
          return result;
        },
        (err: unknown) => {
          log.error({ err, ms: Date.now() - started }, 'job failed');
          throw err;
        },
      )
      .finally(() => {
        entry.running = undefined;
      });
    return entry.running;
  }

  function entryOf(name: string) {
    const entry = byName.get(name);
    if (!entry) throw new Error(`no scheduled job named ${name}`);
    return entry;
  }

  return {
    jobNames: [...byName.keys()],
    runNow: (name) => run(entryOf(name)),
    nextRun: (name) => entryOf(name).cron?.nextRun() ?? null,
    stop: () => {
      for (const { cron } of byName.values()) cron?.stop();
    },
  };
}
