import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeLeaderboards } from '../../src/ratings/leaderboard-job.ts';
import { humanMember, playBattle, type Member } from '../ratings/support.ts';
import { cliUser, removeConfigDirs, startApi, type ApiServer } from './harness.ts';

let api: ApiServer;
let members: Member[];

beforeAll(async () => {
  api = await startApi();
  members = [await humanMember(api.db), await humanMember(api.db)];
  await playBattle(api.db, members, [0, 0, 1]);
});
afterAll(async () => {
  await api.close();
  removeConfigDirs();
});

describe('lf leaderboard', () => {
  it('says no leaderboard exists yet (exit 1, leaderboard_not_computed)', async () => {
    const r = await cliUser(api.url).run(['leaderboard']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error leaderboard_not_computed');
  });

  it('prints the overall lenser leaderboard as a table, and as JSON with --json', async () => {
    await recomputeLeaderboards(api.db);
    const anyone = cliUser(api.url);
    const table = await anyone.run(['leaderboard']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('overall leaderboard of lensers (bradley-terry');
    expect(table.stdout).toMatch(/RANK\s+NAME\s+RATING\s+95% CI\s+GAMES\s+WIN%\s+ELO/);
    expect(table.stdout).toContain(members[0].actor.handle);
    const json = await anyone.run(['leaderboard', 'overall', '--entity', 'lenser', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const board = json.json();
    expect(board).toMatchObject({ category: 'overall', entity_kind: 'lenser', method: 'bradley_terry', outcomes_count: 3 });
    expect(board.rows.map((r: { handle: string }) => r.handle).sort()).toEqual(members.map((m) => m.actor.handle).sort());
  });

  it('takes a category with a colon, and refuses malformed ones before any request (exit 2)', async () => {
    const r = await cliUser(api.url).run(['leaderboard', 'judging_mode:community_vote', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().category).toBe('judging_mode:community_vote');
    const models = await cliUser(api.url).run(['leaderboard', '--entity', 'model']);
    expect(models.code, models.stderr).toBe(0);
    expect(models.stdout).toContain('No rated entities yet.');
    expect((await cliUser(api.url).run(['leaderboard', 'bogus'])).code).toBe(2);
    expect((await cliUser(api.url).run(['leaderboard', '--entity', 'robot'])).code).toBe(2);
  });
});
