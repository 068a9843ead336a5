// The battle lifecycle end to end over HTTP, through the REST routes and through /rpc/<fn>, with
// each request running as its caller (row-level security decides what a reader sees).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAiLenser } from '../support/actors.ts';
import { battleArgs, createApiClient, expectError, votingBattle, type Caller } from './api-client.ts';

let api: Awaited<ReturnType<typeof createApiClient>>;
beforeAll(async () => {
  api = await createApiClient();
});
afterAll(async () => {
  await api.db.destroy();
});

describe('REST routes', () => {
  it('runs create → publish → join → submit → vote → close → finalize → publish results', async () => {
    const creator = await api.signUp('rest_creator');
    const alice = await api.user();
    const bob = await api.user();
    const voters = await Promise.all([api.user(), api.user(), api.user()]);
    const args = battleArgs({ title: 'Haiku duel', voter_eligibility: 'open' });

    const created = await api.post('/api/battles', args, { token: creator.token });
    expect(created.status, created.text).toBe(201);
    const id = created.body as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const published = await api.post(`/api/battles/${id}/publish`, undefined, { token: creator.token });
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({ battle_id: id, status: 'open', rule_snapshot_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const ca = await api.post(`/api/battles/${id}/join`, {}, { token: alice.token });
    expect(ca.status, ca.text).toBe(200);
    const again = await api.post(`/api/battles/${id}/join`, {}, { token: alice.token });
    expect(again.body).toBe(ca.body); // joining is idempotent
    const cb = await api.post(`/api/battles/${id}/join`, undefined, { token: bob.token });
    expect(cb.status, cb.text).toBe(200);

    const entry = await api.post(`/api/battles/${id}/submissions`, { text: 'rain on the tin roof' }, { token: alice.token });
    expect(entry.status, entry.text).toBe(200);
    expect((await api.post(`/api/battles/${id}/submissions`, { text: 'grey drops' }, { token: bob.token })).status).toBe(200);

    expect((await api.post(`/api/battles/${id}/open-voting`, undefined, { token: creator.token })).status).toBe(204);

    const eligibility = await api.get(`/api/battles/${id}/eligibility`, { token: voters[0].token });
    expect(eligibility.body).toMatchObject({ can_vote: true });
    const contenderEligibility = await api.get(`/api/battles/${id}/eligibility`, { token: alice.token });
    expect(contenderEligibility.body).toMatchObject({ can_vote: false, code: 'contender_cannot_vote' });

    const v1 = await api.post(`/api/battles/${id}/votes`, { voted_contender_id: ca.body }, { token: voters[0].token });
    expect(v1.status, v1.text).toBe(200);
    expect(v1.body).toMatchObject({ battle_id: id, vote_value: 'contender_a', total_vote_count: 1 });
    const v2 = await api.post(`/api/battles/${id}/votes`, { voted_contender_id: ca.body, vote_value: 'contender_a', rationale: 'crisper' }, { token: voters[1].token });
    expect(v2.body.total_vote_count).toBe(2);
    const v3 = await api.post(`/api/battles/${id}/votes`, { is_draw: true }, { token: voters[2].token });
    expect(v3.body).toMatchObject({ vote_value: 'draw', total_vote_count: 3 });
    expectError(await api.post(`/api/battles/${id}/votes`, { voted_contender_id: cb.body }, { token: voters[0].token }), 409, 'already_voted');
    expectError(await api.post(`/api/battles/${id}/votes`, { voted_contender_id: cb.body }, { token: bob.token }), 403, 'contender_cannot_vote');
    expectError(await api.post(`/api/battles/${id}/votes`, { voted_contender_id: cb.body }), 401, 'not_authenticated');

    const comment = await api.post(`/api/battles/${id}/comments`, { body: 'close one' }, { token: voters[0].token });
    expect(comment.status, comment.text).toBe(200);
    const comments = await api.get(`/api/battles/${id}/comments?limit=10`);
    expect(comments.body.map((c: { body: string }) => c.body)).toEqual(['close one']);
    const message = await api.post(`/api/battles/${id}/messages`, { body: 'voting is open', sender_role: 'operator' }, { token: creator.token });
    expect(message.status, message.text).toBe(200);
    expect(message.body[0]).toMatchObject({ sender_role: 'creator', sender_handle: 'rest_creator' });
    expect((await api.get(`/api/battles/${id}/messages`)).body).toHaveLength(1);

    expect((await api.post(`/api/battles/${id}/close-voting`, undefined, { token: creator.token })).status).toBe(204);
    expectError(await api.post(`/api/battles/${id}/votes`, { voted_contender_id: cb.body }, { token: (await api.user()).token }), 409, 'voting_not_open');
    expect((await api.post(`/api/battles/${id}/finalize`, undefined, { token: creator.token })).status).toBe(204);
    expect((await api.post(`/api/battles/${id}/publish-results`, undefined, { token: creator.token })).status).toBe(204);

    const full = await api.get(`/api/battles/by-slug/${args.slug}`);
    expect(full.status, full.text).toBe(200);
    expect(full.body).toMatchObject({ id, status: 'published', winner_contender_id: ca.body, total_vote_count: 3 });
    const byId = await api.get(`/api/battles/${id}`);
    expect(byId.body).toMatchObject({ id, status: 'published' });
    const board = await api.get(`/api/battles/${id}/leaderboard`);
    expect(board.body.map((r: { contender_id: string; rank_position: number; raw_vote_count: number }) => [r.contender_id, r.rank_position, r.raw_vote_count]))
      .toEqual([[ca.body, 1, 2], [cb.body, 2, 0]]);
    const feed = await api.get('/api/battles?status=results&limit=50');
    expect(feed.status, feed.text).toBe(200);
    expect(feed.body.map((b: { id: string }) => b.id)).toContain(id);

    expect((await api.post(`/api/battles/${id}/archive`, undefined, { token: creator.token })).status).toBe(204);
  });

  it('shows the results of a closed battle to its creator and contenders only; to everyone once results are published', async () => {
    const creator = await api.user();
    const alice = await api.user();
    const bob = await api.user();
    const args = battleArgs();
    const id = await creator.actor.rpc<string>('fn_battles_create', args);
    await creator.actor.rpc('fn_publish_battle', { battle_id: id });
    const ca = await alice.actor.rpc<string>('fn_battles_join', { battle_id: id });
    await bob.actor.rpc('fn_battles_join', { battle_id: id });
    await alice.actor.rpc('fn_battles_submit', { battle_id: id, text: 'rain' });
    await bob.actor.rpc('fn_battles_submit', { battle_id: id, text: 'drops' });
    await creator.actor.rpc('fn_battle_open_voting', { battle_id: id });
    await (await api.user()).actor.rpc('fn_submit_vote', { battle_id: id, voted_contender_id: ca });
    expect((await api.post(`/api/battles/${id}/close`, undefined, { token: creator.token })).status).toBe(204);

    const stranger = await api.user();
    const read = async (token?: string) => ({
      full: (await api.get(`/api/battles/by-slug/${args.slug}`, { token })).body,
      board: (await api.get(`/api/battles/${id}/leaderboard`, { token })).body,
      feed: (await api.get('/api/battles?status=closed&limit=100', { token })).body.find((b: { id: string }) => b.id === id),
    });
    for (const token of [stranger.token, undefined]) {
      const r = await read(token);
      expect(r.full).toMatchObject({ status: 'closed', winner_contender_id: null, finalize_summary: null, results: [] });
      expect(r.board).toEqual([]);
      expect(r.feed).toMatchObject({ winner_contender_id: null, winner_display_name: null });
    }
    for (const token of [creator.token, alice.token, bob.token]) {
      const r = await read(token);
      expect(r.full).toMatchObject({ winner_contender_id: ca, finalize_summary: { winner_contender_id: ca } });
      expect(r.board).toHaveLength(2);
      expect(r.feed).toMatchObject({ winner_contender_id: ca });
    }

    expect((await api.post(`/api/battles/${id}/publish-results`, undefined, { token: creator.token })).status).toBe(204);
    for (const token of [stranger.token, undefined]) {
      const full = (await api.get(`/api/battles/by-slug/${args.slug}`, { token })).body;
      expect(full).toMatchObject({ status: 'published', winner_contender_id: ca });
      expect(full.results).toHaveLength(2);
      expect((await api.get(`/api/battles/${id}/leaderboard`, { token })).body).toHaveLength(2);
    }
  });

  it('counts a vote that names only its contender, without vote_value (regression: is_draw was null, a 400)', async () => {
    const battle = await votingBattle(api);
    const voter = await api.user();
    const res = await api.post(`/api/battles/${battle.id}/votes`, { voted_contender_id: battle.contenders[1] }, { token: voter.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ vote_value: 'contender_b', total_vote_count: 1 });
    const { rows } = await api.db.query('select is_draw, voted_contender_id from battles.votes where id = $1', [res.body.vote_id]);
    expect(rows).toEqual([{ is_draw: false, voted_contender_id: battle.contenders[1] }]);
  });

  it('applies voter eligibility: 403 voter_ineligible per rule, 409 voting_not_open outside the window', async () => {
    const guest = await api.user(undefined, { anonymous: true });
    const plain = await api.user();
    const verified = await api.user(undefined, { verified: true });
    const owner = await api.user(undefined, { verified: true });
    const persona = await makeAiLenser(api.db, owner.actor);
    type Voter = { token: string; actAs?: string };
    const asPersona: Voter = { token: owner.token, actAs: persona.ai_lenser_id };
    const expectations: Array<[string, Array<[Voter, number, string?]>]> = [
      ['open', [[guest, 200]]],
      ['lenser_only', [[guest, 403, 'voter_ineligible'], [plain, 200]]],
      ['verified_lenser', [[plain, 403, 'voter_ineligible'], [verified, 200]]],
      ['human_only', [[asPersona, 403, 'voter_ineligible'], [plain, 200]]],
      ['ai_only', [[plain, 403, 'voter_ineligible'], [asPersona, 200]]],
    ];
    for (const [eligibility, cases] of expectations) {
      const battle = await votingBattle(api, { voter_eligibility: eligibility });
      for (const [voter, status, code] of cases) {
        const res = await api.post(`/api/battles/${battle.id}/votes`, { is_draw: true }, { token: voter.token, actAs: voter.actAs });
        if (code) expectError(res, status, code);
        else expect(res.status, `${eligibility}: ${res.text}`).toBe(status);
      }
    }
    const later = await votingBattle(api);
    await api.db.query(`update battles.battles set voting_opens_at = now() + interval '1 hour' where id = $1`, [later.id]);
    expectError(await api.post(`/api/battles/${later.id}/votes`, { is_draw: true }, { token: plain.token }), 409, 'voting_not_open');
  });

  it('counts a draw for every contender and keeps the tallies equal to the votes', async () => {
    const battle = await votingBattle(api);
    const voters = await Promise.all([api.user(), api.user(), api.user()]);
    await api.post(`/api/battles/${battle.id}/votes`, { is_draw: true }, { token: voters[0].token });
    await api.post(`/api/battles/${battle.id}/votes`, { voted_contender_id: battle.contenders[0] }, { token: voters[1].token });
    await api.post(`/api/battles/${battle.id}/votes`, { vote_value: 'draw' }, { token: voters[2].token });
    const { rows } = await api.db.query<{ contender_id: string; raw_vote_count: number; draw_count: number }>(
      'select contender_id, raw_vote_count, draw_count from battles.vote_aggregates where battle_id = $1 order by contender_id',
      [battle.id],
    );
    expect(rows.map((r) => [r.contender_id, r.raw_vote_count, r.draw_count]).sort()).toEqual(
      [[battle.contenders[0], 1, 2], [battle.contenders[1], 0, 2]].sort(),
    );
    const total = await api.db.query<{ total_vote_count: number }>('select total_vote_count from battles.battles where id = $1', [battle.id]);
    expect(total.rows[0].total_vote_count).toBe(3);
  });

  it('retracts, edits and deletes a draft; clones and templates', async () => {
    const creator = await api.user();
    const args = battleArgs();
    const id = (await api.post('/api/battles', args, { token: creator.token })).body as string;
    expect((await api.post(`/api/battles/${id}/draft`, { patch: { title: 'Renamed', max_contenders: 4 } }, { token: creator.token })).status).toBe(204);
    expect((await api.get(`/api/battles/by-slug/${args.slug}`, { token: creator.token })).body).toMatchObject({ title: 'Renamed', max_contenders: 4 });
    expect((await api.post(`/api/battles/${id}/open`, undefined, { token: creator.token })).status).toBe(204);
    expect((await api.post(`/api/battles/${id}/retract`, undefined, { token: creator.token })).status).toBe(204);

    const clone = await api.post(`/api/battles/${id}/clone`, { title: 'Clone', slug: `${args.slug}-clone` }, { token: creator.token });
    expect(clone.status, clone.text).toBe(200);
    const template = await api.post(`/api/battles/${id}/template`, { title: 'Haiku template', is_public: true }, { token: creator.token });
    expect(template.status, template.text).toBe(200);
    const fromTemplate = await api.post('/api/battles/from-template', { template_id: template.body, title: 'From template', slug: `${args.slug}-tpl` }, { token: creator.token });
    expect(fromTemplate.status, fromTemplate.text).toBe(201);

    expect((await api.delete(`/api/battles/${id}`, { token: creator.token })).status).toBe(204);
    expectError(await api.get(`/api/battles/by-slug/${args.slug}`, { token: creator.token }), 404, 'not_found');
  });

  it('invites by email; the invitee accepts with the token and joins', async () => {
    const creator = await api.user();
    const invitee = await api.signUp('invitee_one');
    const id = (await api.post('/api/battles', battleArgs({ invite_only: true }), { token: creator.token })).body as string;
    await api.post(`/api/battles/${id}/publish`, undefined, { token: creator.token });
    const invite = await api.post(`/api/battles/${id}/invitations`, { email: invitee.email }, { token: creator.token });
    expect(invite.status, invite.text).toBe(200);
    const [{ invitation_id, token }] = invite.body;
    expectError(await api.post(`/api/battles/${id}/join`, {}, { token: (await api.user()).token }), 404, 'not_found');
    const accepted = await api.post('/api/invitations/accept', { token }, { token: invitee.token });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatch(/^[0-9a-f-]{36}$/);
    expectError(await api.post(`/api/battles/${id}/invitations`, { email: invitee.email }, { token: creator.token }), 409, 'already_invited');
    expect(invitation_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('creates a rubric', async () => {
    const me = await api.user();
    const res = await api.post('/api/rubrics', { title: 'Clarity', criteria: [{ title: 'Clear', weight: 2 }, { title: 'Short' }] }, { token: me.token });
    expect(res.status, res.text).toBe(201);
    expectError(await api.post('/api/rubrics', { title: 'Empty', criteria: [] }, { token: me.token }), 400, 'invalid_input');
  });
});

describe('row-level security per request', () => {
  let creator: Caller;
  let args: Record<string, unknown>;
  let id: string;
  beforeAll(async () => {
    creator = await api.user();
    args = battleArgs();
    id = (await api.post('/api/battles', args, { token: creator.token })).body;
  });

  it('shows a draft to its creator only: 404 to another user and to anon', async () => {
    const mine = await api.get(`/api/battles/by-slug/${args.slug}`, { token: creator.token });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body).toMatchObject({ id, status: 'draft' });
    const other = await api.user();
    expectError(await api.get(`/api/battles/by-slug/${args.slug}`, { token: other.token }), 404, 'not_found');
    expectError(await api.get(`/api/battles/by-slug/${args.slug}`), 404, 'not_found');
    expectError(await api.get(`/api/battles/${id}`, { token: other.token }), 404, 'not_found');
    const viaRpc = await api.post('/rpc/fn_battle_get_full', { slug: args.slug }, { token: other.token });
    expectError(viaRpc, 404, 'not_found');
    const feed = await api.get('/api/battles?status=draft', { token: other.token });
    expect(feed.body.map((b: { id: string }) => b.id)).not.toContain(id);
    expect((await api.get('/api/battles?status=draft', { token: creator.token })).body.map((b: { id: string }) => b.id)).toContain(id);
  });

  it('refuses actions on a draft someone else owns as not found, without revealing it exists', async () => {
    const other = await api.user();
    expectError(await api.post(`/api/battles/${id}/publish`, undefined, { token: other.token }), 404, 'not_found');
    expectError(await api.post(`/api/battles/${id}/join`, {}, { token: other.token }), 404, 'not_found');
    expectError(await api.delete(`/api/battles/${id}`, { token: other.token }), 404, 'not_found');
  });

  it("refuses a visible battle's creator-only actions to others with 403 forbidden", async () => {
    const open = (await api.post('/api/battles', battleArgs(), { token: creator.token })).body as string;
    await api.post(`/api/battles/${open}/publish`, undefined, { token: creator.token });
    const other = await api.user();
    expectError(await api.post(`/api/battles/${open}/archive`, undefined, { token: other.token }), 403, 'forbidden');
    expectError(await api.post(`/api/battles/${open}/retract`, undefined, { token: other.token }), 403, 'forbidden');
  });
});

describe('/rpc/<fn> routes', () => {
  it('runs the same lifecycle through the RPC names, void functions answering 204', async () => {
    const creator = await api.user();
    const alice = await api.user();
    const bob = await api.user();
    const voter = await api.user();
    const args = battleArgs();
    const rpc = (name: string, body: unknown, who?: Caller) => api.post(`/rpc/${name}`, body, { token: who?.token });

    const created = await rpc('fn_battles_create', args, creator);
    expect(created.status, created.text).toBe(200);
    const id = created.body as string;
    expect((await rpc('fn_publish_battle', { battle_id: id }, creator)).body).toMatchObject({ status: 'open' });
    const ca = (await rpc('fn_battles_join', { battle_id: id }, alice)).body;
    const cb = (await rpc('fn_battles_join', { battle_id: id }, bob)).body;
    expect((await rpc('fn_battles_submit', { battle_id: id, text: 'a' }, alice)).status).toBe(200);
    expect((await rpc('fn_battles_submit', { battle_id: id, url: 'https://example.test/entry' }, bob)).status).toBe(200);
    const start = await rpc('fn_battle_start_execution', { battle_id: id }, creator);
    expect(start.status, start.text).toBe(204);
    expect(start.text).toBe('');
    expect((await rpc('fn_battle_open_voting', { battle_id: id }, creator)).status).toBe(204);
    expect((await rpc('fn_battle_vote_eligibility', { battle_id: id }, voter)).body).toMatchObject({ can_vote: true });
    const vote = await rpc('fn_submit_vote', { battle_id: id, voted_contender_id: cb, vote_value: 'contender_b' }, voter);
    expect(vote.status, vote.text).toBe(200);
    expectError(await rpc('fn_submit_vote', { battle_id: id, voted_contender_id: ca, vote_value: 'contender_b' }, await api.user()), 400, 'invalid_vote');
    expect((await rpc('fn_battles_close', { battle_id: id }, creator)).status).toBe(204);
    expect((await rpc('fn_battles_publish_results', { battle_id: id }, creator)).status).toBe(204);
    const full = await rpc('fn_battle_get_full', { slug: args.slug });
    expect(full.body).toMatchObject({ status: 'published', winner_contender_id: cb });
    const feed = await rpc('fn_battle_gets_feed', { statuses: ['published'], limit: 100 });
    expect(feed.body.map((b: { id: string }) => b.id)).toContain(id);
    const legacy = await rpc('fn_battles_list_public', {});
    expect(legacy.body.map((b: { id: string }) => b.id)).toContain(id);
    expect((await rpc('fn_battles_leaderboard', { battle_id: id })).body[0]).toMatchObject({ contender_id: cb, rank_position: 1 });
  });

  it('cancels a live battle with a reason', async () => {
    const creator = await api.user();
    const id = (await api.post('/rpc/fn_battles_create', battleArgs(), { token: creator.token })).body;
    await api.post('/rpc/fn_publish_battle', { battle_id: id }, { token: creator.token });
    expect((await api.post('/rpc/fn_battles_cancel', { battle_id: id, reason: 'typo in the prompt' }, { token: creator.token })).status).toBe(204);
    expect((await api.get(`/api/battles/${id}`)).body).toMatchObject({ status: 'archived' });
    expectError(await api.post('/rpc/fn_battles_cancel', { battle_id: id }, { token: creator.token }), 409, 'invalid_transition');
  });
});
