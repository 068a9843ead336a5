import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, expectError, type ApiClient, type Caller } from './api-client.ts';
import type { TestDb } from '../support/db.ts';
import { aiMember, humanMember, playBattle, type Member, type PlayedBattle } from '../ratings/support.ts';

let api: ApiClient & { db: TestDb };
let operator: Caller;
let user: Caller;
let humans: Member[];
let battle: PlayedBattle;

beforeAll(async () => {
  api = await createApiClient();
  operator = await api.user(undefined, { operator: true });
  user = await api.user();
  humans = [await humanMember(api.db), await humanMember(api.db), await humanMember(api.db)];
  battle = await playBattle(api.db, humans, [0, 0, 1, 2, 'draw']);
  await playBattle(api.db, [humans[0], humans[1]], [1, 1], { create: { content_type: 'code' } });
  await playBattle(api.db, [await aiMember(api.db), await aiMember(api.db)], [0, 1, 1]);
});
afterAll(async () => {
  await api.db.destroy();
});

describe('leaderboard routes', () => {
  it('GET /api/leaderboards/:category answers 404 leaderboard_not_computed before the first computation', async () => {
    expectError(await api.get('/api/leaderboards/overall'), 404, 'leaderboard_not_computed');
    expect((await api.get('/api/leaderboards')).body).toEqual([]);
  });

  it('POST /api/leaderboards/recompute is for operators: 401 signed out, 403 for users', async () => {
    expectError(await api.post('/api/leaderboards/recompute'), 401, 'not_authenticated');
    expectError(await api.post('/api/leaderboards/recompute', {}, { token: user.token }), 403, 'forbidden');
    expectError(await api.post('/api/leaderboards/recompute', { categories: ['nonsense'] }, { token: operator.token }), 400, 'invalid_input');
    expectError(await api.post('/api/leaderboards/recompute', { force: 'yes' }, { token: operator.token }), 400, 'invalid_input');
  });

  it('an operator recomputes, then anyone reads ratings, intervals, ranks, games, win rate and ELO', async () => {
    const res = await api.post('/api/leaderboards/recompute', {}, { token: operator.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'overall', entity_kind: 'lenser', stored: true, entities: 5, excluded_votes: 0 })]),
    );
    const board = await api.get('/api/leaderboards/overall');
    expect(board.status, board.text).toBe(200);
    expect(board.body).toMatchObject({ category: 'overall', entity_kind: 'lenser', method: 'bradley_terry', excluded_votes: 0 });
    expect(board.body.outcomes_count).toBeGreaterThan(0);
    expect(typeof board.body.computed_at).toBe('string');
    const top = board.body.rows[0];
    expect(Object.keys(top).sort()).toEqual(
      ['display_name', 'elo', 'elo_games', 'entity_id', 'games', 'handle', 'losses', 'lower', 'rank', 'rating', 'ties', 'upper', 'win_rate', 'wins'].sort(),
    );
    expect(top.rank).toBe(1);
    expect(top.lower).toBeLessThanOrEqual(top.rating);
    expect(top.upper).toBeGreaterThanOrEqual(top.rating);
    const alice = board.body.rows.find((r: { entity_id: string }) => r.entity_id === humans[0].profileId);
    expect(alice.handle).toBe(humans[0].actor.handle);
    expect(alice.elo).toEqual(expect.any(Number));
    // First battle: 2 votes for her over 2 rivals (4), the draw (2 pairs), 2 votes against (2); then 2 losses.
    expect(alice.games).toBe(4 + 2 + 2 + 2);
  });

  it('takes the entity kind from ?entity= and the category with or without its colon encoded', async () => {
    const models = await api.get('/api/leaderboards/overall?entity=model');
    expect(models.status, models.text).toBe(200);
    expect(models.body.rows).toHaveLength(2);
    for (const path of ['/api/leaderboards/content_type:code', '/api/leaderboards/content_type%3Acode']) {
      const res = await api.get(path);
      expect(res.status, res.text).toBe(200);
      expect(res.body.category).toBe('content_type:code');
      expect(res.body.rows).toHaveLength(2);
    }
    expectError(await api.get('/api/leaderboards/overall?entity=robot'), 400, 'invalid_input');
    expectError(await api.get('/api/leaderboards/DROP%20TABLE'), 400, 'invalid_input');
    expectError(await api.get('/api/leaderboards/judging_mode:ai_judge'), 404, 'leaderboard_not_computed');
    const list = await api.get('/api/leaderboards');
    expect(list.body).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'content_type:code', entity_kind: 'lenser', entities: 2 })]));
  });

  it('GET /api/ratings/:kind/:id/history gives the current ELO and its log, oldest first', async () => {
    const res = await api.get(`/api/ratings/lenser/${humans[0].profileId}/history`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.current).toMatchObject({ games: 2 });
    expect(res.body.history).toHaveLength(2);
    const [first, second] = res.body.history;
    expect(first).toMatchObject({ battle_id: battle.id, reason: 'battle', rating_before: 1000, formula_version: 'elo-pairwise-v1' });
    expect(second.rating_before).toBe(first.rating_after);
    expect(res.body.current.rating).toBe(second.rating_after);
    const none = await api.get('/api/ratings/model/00000000-0000-4000-8000-000000000000/history');
    expect(none.body).toMatchObject({ current: null, history: [] });
    expectError(await api.get('/api/ratings/robot/00000000-0000-4000-8000-000000000000/history'), 400, 'invalid_input');
    expectError(await api.get(`/api/ratings/lenser/${humans[0].profileId}/history?limit=0`), 400, 'invalid_input');
    expect((await api.get(`/api/ratings/lenser/${humans[0].profileId}/history?limit=1`)).body.history).toEqual([second]);
  });

  it('operators exclude votes over HTTP; the next recompute counts them as excluded', async () => {
    const voteId = battle.voteIds[0];
    expectError(await api.post(`/api/votes/${voteId}/exclusion`, { reason: 'spam' }, { token: user.token }), 403, 'forbidden');
    expectError(await api.post(`/api/votes/${voteId}/exclusion`, {}, { token: operator.token }), 400, 'invalid_input');
    const res = await api.post(`/api/votes/${voteId}/exclusion`, { reason: 'spam ring' }, { token: operator.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ vote_id: voteId, battle_id: battle.id, already_excluded: false });
    await api.post('/api/leaderboards/recompute', { categories: ['overall'] }, { token: operator.token });
    expect((await api.get('/api/leaderboards/overall')).body.excluded_votes).toBe(1);
  });

  it("operators reverse a battle's ELO over HTTP", async () => {
    expectError(await api.post(`/api/battles/${battle.id}/elo-reversal`, { reason: 'x' }, { token: user.token }), 403, 'forbidden');
    const res = await api.post(`/api/battles/${battle.id}/elo-reversal`, { reason: 'brigading' }, { token: operator.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ battle_id: battle.id, reversed: true, log_rows: 3 });
    const history = await api.get(`/api/ratings/lenser/${humans[2].profileId}/history`);
    expect(history.body.history.map((r: { reason: string }) => r.reason)).toEqual(['battle', 'reversal']);
    expect(history.body.current.games).toBe(0);
    expect(history.body.current.rating).toBeCloseTo(1000, 9);
  });

  it("operators correct a battle's result over HTTP: the old deltas are taken back and the corrected result rated", async () => {
    const code = await playBattle(api.db, [humans[0], humans[1]], [0, 0, 0]);
    const path = `/api/battles/${code.id}/result-correction`;
    const winner = { reason: 'entry copied', winner_contender_id: code.contenderIds[1] };
    expectError(await api.post(path, winner), 403, 'forbidden');
    expectError(await api.post(path, winner, { token: user.token }), 403, 'forbidden');
    expectError(await api.post(path, { reason: 'x' }, { token: operator.token }), 400, 'invalid_input');
    expectError(await api.post(path, { ...winner, ranks: { [code.contenderIds[0]]: 1 } }, { token: operator.token }), 400, 'invalid_input');
    expectError(await api.post(path, { reason: 'x', ranks: { [code.contenderIds[0]]: 1 } }, { token: operator.token }), 400, 'invalid_input');
    const res = await api.post(path, winner, { token: operator.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      battle_id: code.id, winner_contender_id: code.contenderIds[1], reversed_log_rows: 2, log_rows: 2,
      ranks: { [code.contenderIds[0]]: 2, [code.contenderIds[1]]: 1 },
    });
    const history = await api.get(`/api/ratings/lenser/${humans[1].profileId}/history`);
    const rows = history.body.history.filter((r: { battle_id: string }) => r.battle_id === code.id);
    expect(rows.map((r: { reason: string }) => r.reason)).toEqual(['battle', 'reversal', 'correction']);
    expect(rows[2].correction_id).toBe(res.body.correction_id);
    expect(rows[2].outcome).toBe(1);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await api.get('/api/docs/openapi.json');
    for (const path of [
      '/api/leaderboards',
      '/api/leaderboards/{category}',
      '/api/leaderboards/recompute',
      '/api/ratings/{entity_kind}/{entity_id}/history',
      '/api/votes/{vote_id}/exclusion',
      '/api/battles/{battle_id}/elo-reversal',
      '/api/battles/{battle_id}/result-correction',
    ]) {
      expect(doc.body.paths[path], path).toBeDefined();
    }
  });
});
