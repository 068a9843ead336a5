import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.ts';
import { startScheduler, type ScheduledJob } from '../../src/ops/scheduler.ts';
import { LEADERBOARD_JOB_NAME, leaderboardJob } from '../../src/ratings/leaderboard-job.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { humanMember, playBattle } from './support.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

describe('scheduler', () => {
  it("runs 'recompute-leaderboards' every 10 minutes and on demand, and stops", async () => {
    const scheduler = startScheduler([leaderboardJob(db, silentLogger)], silentLogger);
    try {
      expect(scheduler.jobNames).toEqual([LEADERBOARD_JOB_NAME]);
      const next = scheduler.nextRun(LEADERBOARD_JOB_NAME)!;
      expect(next.getUTCMinutes() % 10).toBe(0);
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
      await playBattle(db, [await humanMember(db), await humanMember(db)], [0, 1, 0]);
      const results = (await scheduler.runNow(LEADERBOARD_JOB_NAME)) as Array<{ category: string; stored: boolean }>;
      expect(results.filter((r) => r.category === 'overall').map((r) => r.stored)).toEqual([true, true]);
      const again = (await scheduler.runNow(LEADERBOARD_JOB_NAME)) as Array<{ stored: boolean }>;
      expect(again.every((r) => !r.stored)).toBe(true);
    } finally {
      scheduler.stop();
    }
    expect(scheduler.nextRun(LEADERBOARD_JOB_NAME)).toBeNull();
  });

  it('never runs a job twice at once, reports failures to the caller, and refuses duplicate or unknown names', async () => {
    let running = 0;
    let most = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: ScheduledJob = {
      name: 'slow',
      schedule: '0 0 1 1 *',
      run: async () => {
        most = Math.max(most, ++running);
        await gate;
        running--;
        return 'done';
      },
    };
    const failing: ScheduledJob = { name: 'failing', schedule: '0 0 1 1 *', run: () => Promise.reject(new Error('boom')) };
    const scheduler = startScheduler([slow, failing], silentLogger);
    try {
      const first = scheduler.runNow('slow');
      const second = scheduler.runNow('slow');
      release();
      expect(await Promise.all([first, second])).toEqual(['done', 'done']);
      expect(most).toBe(1);
      await expect(scheduler.runNow('failing')).rejects.toThrow('boom');
      await expect(scheduler.runNow('failing')).rejects.toThrow('boom'); // a failure does not wedge the job
      expect(() => scheduler.runNow('nope')).toThrow('no scheduled job named nope');
      expect(() => startScheduler([slow, slow], silentLogger)).toThrow('registered twice');
    } finally {
      scheduler.stop();
    }
  });
});
