import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeLeaderboards } from '../../src/ratings/leaderboard-job.ts';
import { aiMember, humanMember, playBattle, type Member } from '../ratings/support.ts';
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

  it('history prints an entity\'s ELO and change log by id or handle, and the API document with --json', async () => {
    const [winner] = members; // won 2 of 3 votes in the battle played above
    const anyone = cliUser(api.url);
    const json = await anyone.run(['leaderboard', 'history', 'lenser', winner.profileId, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const h = json.json();
    expect(h).toMatchObject({ entity_kind: 'lenser', entity_id: winner.profileId, current: { rating: 1032, games: 1 } });
    expect(h.history).toHaveLength(1);
    expect(h.history[0]).toMatchObject({ reason: 'battle', rating_before: 1000, rating_after: 1032, delta: 32, k: 64, outcome: 1 });

    const table = await anyone.run(['leaderboard', 'history', 'lenser', `@${winner.actor.handle}`]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(`lenser @${winner.actor.handle}: ELO 1032.0 after 1 rated battle`);
    expect(table.stdout).toMatch(/WHEN\s+BATTLE\s+REASON\s+BEFORE\s+AFTER\s+DELTA\s+K\s+EXPECTED\s+SCORE/);
    expect(table.stdout).toMatch(/battle\s+1000\.0\s+1032\.0\s+\+32\.0\s+64\s+0\.500\s+1\.000/);

    const loser = await anyone.run(['leaderboard', 'history', 'lenser', members[1].profileId, '--limit', '1', '--json']);
    expect(loser.json().history.map((r: { delta: number }) => r.delta)).toEqual([-32]);
  });

  it('history says when an entity has no rating yet, and refuses a bad kind or limit before any request (exit 2)', async () => {
    const unrated = await cliUser(api.url).run(['leaderboard', 'history', 'model', '00000000-0000-4000-8000-000000000000']);
    expect(unrated.code, unrated.stderr).toBe(0);
    expect(unrated.stdout).toContain('has no rating yet');
    expect((await cliUser(api.url).run(['leaderboard', 'history', 'robot', members[0].profileId])).code).toBe(2);
    expect((await cliUser(api.url).run(['leaderboard', 'history', 'lenser', members[0].profileId, '--limit', '0'])).code).toBe(2);
    const missing = await cliUser(api.url).run(['leaderboard', 'history', 'lenser', 'nobody_here']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not_found');
  });

  it('history names a model by its model_id (as on a model leaderboard), not by a lenser handle', async () => {
    const [x, y] = [await aiMember(api.db), await aiMember(api.db)];
    await playBattle(api.db, [x, y], [1]);
    // Distinct from the personas' handles, so only the model listing can resolve it.
    await api.db.query("update ai.models set model_id = 'cli-history-winner' where id = $1", [y.modelId]);
    const anyone = cliUser(api.url);
    const json = await anyone.run(['leaderboard', 'history', 'model', 'cli-history-winner', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.json()).toMatchObject({ entity_kind: 'model', entity_id: y.modelId, current: { rating: 1032, games: 1 } });

    const missing = await anyone.run(['leaderboard', 'history', 'model', 'no-such-model']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not_found');

    // model_id is unique only per provider and base URL: two matches are refused, not guessed.
    await api.db.query("update ai.models set model_id = 'cli-history-winner', base_url = 'http://127.0.0.1:1' where id = $1", [x.modelId]);
    const twin = await anyone.run(['leaderboard', 'history', 'model', 'cli-history-winner']);
    expect(twin.code).toBe(1);
    expect(twin.stderr).toContain('ambiguous_model');
    expect(twin.stderr).toContain(x.modelId);
  });
});
