// Accounts and credentials over HTTP: sign-up, login, guests, /me, JWT checks, personal API tokens
// and acting as an AI lenser.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAiLenser } from '../support/actors.ts';
import { JWT_SECRET, battleArgs, createApiClient, expectError, votingBattle } from './api-client.ts';

let api: Awaited<ReturnType<typeof createApiClient>>;
beforeAll(async () => {
  api = await createApiClient();
});
afterAll(async () => {
  await api.db.destroy();
});

const key = (secret: string) => new TextEncoder().encode(secret);

describe('sign up, login, guest, me', () => {
  it('signs up, returns a bearer session, and /me answers with the profile', async () => {
    const res = await api.post('/api/auth/signup', { email: 'Ada@Example.test', password: 'analytical engine', handle: 'ada', display_name: 'Ada L' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: expect.any(Number) });
    expect(res.body.profile).toMatchObject({ handle: 'ada', display_name: 'Ada L', kind: 'human', is_anonymous: false, is_verified: false });
    const me = await api.get('/api/auth/me', { token: res.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.profile);
  });

  it('logs in with the same password (email case does not matter) and refuses a wrong one with invalid_credentials', async () => {
    const ok = await api.post('/api/auth/login', { email: 'ada@example.test', password: 'analytical engine' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.profile.handle).toBe('ada');
    const wrong = await api.post('/api/auth/login', { email: 'ada@example.test', password: 'difference engine' });
    expectError(wrong, 401, 'invalid_credentials');
    const unknown = await api.post('/api/auth/login', { email: 'nobody@example.test', password: 'difference engine' });
    expectError(unknown, 401, 'invalid_credentials');
    // No account enumeration: both refusals read the same.
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a second account with the same email (any case) with email_taken, and a taken handle with handle_taken', async () => {
    expectError(await api.post('/api/auth/signup', { email: 'ADA@example.test', password: 'another password', handle: 'ada_two' }), 409, 'email_taken');
    expectError(await api.post('/api/auth/signup', { email: 'other@example.test', password: 'another password', handle: 'ada' }), 409, 'handle_taken');
  });

  it('validates sign-up input with 400 invalid_input', async () => {
    expectError(await api.post('/api/auth/signup', { email: 'not-an-email', password: 'long enough', handle: 'valid_handle' }), 400, 'invalid_input');
    expectError(await api.post('/api/auth/signup', { email: 'short@example.test', password: 'short', handle: 'valid_handle' }), 400, 'invalid_input');
    expectError(await api.post('/api/auth/signup', { email: 'caps@example.test', password: 'long enough', handle: 'Bad Handle' }), 400, 'invalid_input');
    expectError(await api.post('/api/auth/signup', { email: 'x@example.test', password: 'long enough', handle: 'xyz', role: 'operator' }), 400, 'invalid_input');
  });

  it('creates a guest session that may not create battles', async () => {
    const res = await api.post('/api/auth/guest');
    expect(res.status, res.text).toBe(201);
    expect(res.body.profile).toMatchObject({ is_anonymous: true, kind: 'human' });
    const me = await api.get('/api/auth/me', { token: res.body.access_token });
    expect(me.body.id).toBe(res.body.profile.id);
    expectError(await api.post('/api/battles', battleArgs(), { token: res.body.access_token }), 403, 'guest_not_allowed');
  });

  it('answers /me without a token with 401 not_authenticated', async () => {
    expectError(await api.get('/api/auth/me'), 401, 'not_authenticated');
  });
});

describe('JWT checks', () => {
  it('treats a request without a token as anon: reads work, writes need sign-in', async () => {
    const feed = await api.get('/api/battles');
    expect(feed.status, feed.text).toBe(200);
    expect(Array.isArray(feed.body)).toBe(true);
    expectError(await api.post('/api/battles', battleArgs()), 401, 'not_authenticated');
  });

  it('refuses a malformed Authorization header with invalid_token', async () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'token']) {
      expectError(await api.get('/api/auth/me', { headers: { authorization: header } }), 401, 'invalid_token');
    }
  });

  it('refuses garbage, a foreign signature, alg none and a token without a role with invalid_token', async () => {
    const me = await api.user();
    const foreign = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setSubject(me.id)
      .setExpirationTime('1h').sign(key('y'.repeat(32)));
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: me.id, role: 'service_role', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
    const noRole = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(me.id).setExpirationTime('1h').sign(key(JWT_SECRET));
    const badRole = await new SignJWT({ role: 'postgres' }).setProtectedHeader({ alg: 'HS256' }).setSubject(me.id).setExpirationTime('1h').sign(key(JWT_SECRET));
    for (const token of ['not-a-jwt', 'a.b.c', foreign, `${header}.${payload}.`, noRole, badRole]) {
      expectError(await api.get('/api/auth/me', { token }), 401, 'invalid_token');
    }
  });

  it('refuses an expired token with token_expired', async () => {
    const me = await api.user();
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setSubject(me.id)
      .setIssuedAt(past - 60).setExpirationTime(past).sign(key(JWT_SECRET));
    expectError(await api.get('/api/auth/me', { token: expired }), 401, 'token_expired');
    expectError(await api.post('/api/battles', battleArgs(), { token: expired }), 401, 'token_expired');
  });
});

describe('personal API tokens', () => {
  it('creates, lists, uses and revokes a token; a revoked token is refused', async () => {
    const me = await api.signUp('token_owner');
    const created = await api.post('/api/auth/tokens', { name: 'laptop' }, { token: me.token });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'laptop', token: expect.stringMatching(/^lf_pat_/) });
    const pat = created.body.token as string;

    const list = await api.get('/api/auth/tokens', { token: me.token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([{ id: created.body.id, name: 'laptop', created_at: expect.any(String), last_used_at: null }]);
    expect(list.text).not.toContain(pat);

    const viaPat = await api.get('/api/auth/me', { token: pat });
    expect(viaPat.status, viaPat.text).toBe(200);
    expect(viaPat.body.id).toBe(me.id);
    // The token works for writes too, as its owner.
    const battle = await api.post('/api/battles', battleArgs(), { token: pat });
    expect(battle.status, battle.text).toBe(201);
    expect((await api.get('/api/auth/tokens', { token: me.token })).body[0].last_used_at).not.toBeNull();

    const revoked = await api.delete(`/api/auth/tokens/${created.body.id}`, { token: me.token });
    expect(revoked.status).toBe(204);
    expectError(await api.get('/api/auth/me', { token: pat }), 401, 'invalid_token');
    expect((await api.get('/api/auth/tokens', { token: me.token })).body).toEqual([]);
    expectError(await api.delete(`/api/auth/tokens/${created.body.id}`, { token: me.token }), 404, 'not_found');
  });

  it("refuses an unknown token, anonymous token management and revoking someone else's token", async () => {
    expectError(await api.get('/api/auth/me', { token: 'lf_pat_doesnotexist' }), 401, 'invalid_token');
    expectError(await api.post('/api/auth/tokens', { name: 'x' }), 401, 'not_authenticated');
    expectError(await api.get('/api/auth/tokens'), 401, 'not_authenticated');
    const owner = await api.user();
    const other = await api.user();
    const created = await api.post('/api/auth/tokens', { name: 'ci' }, { token: owner.token });
    expect(created.status, created.text).toBe(201);
    expectError(await api.delete(`/api/auth/tokens/${created.body.id}`, { token: other.token }), 404, 'not_found');
    expect((await api.get('/api/auth/me', { token: created.body.token })).status).toBe(200);
    expectError(await api.delete('/api/auth/tokens/not-a-uuid', { token: owner.token }), 400, 'invalid_input');
    expectError(await api.post('/api/auth/tokens', { name: '' }, { token: owner.token }), 400, 'invalid_input');
  });
});

describe('X-Lenserfight-Act-As', () => {
  it('records a vote cast as an owned AI lenser as an AI vote, and the owner has no second vote', async () => {
    const battle = await votingBattle(api);
    const owner = await api.user();
    const persona = await makeAiLenser(api.db, owner.actor);
    const res = await api.post(`/api/battles/${battle.id}/votes`, { voted_contender_id: battle.contenders[0] }, { token: owner.token, actAs: persona.ai_lenser_id });
    expect(res.status, res.text).toBe(200);
    const { rows } = await api.db.query<{ voter_lenser_id: string; principal_id: string; is_ai_vote: boolean }>(
      'select voter_lenser_id, principal_id, is_ai_vote from battles.votes where id = $1',
      [res.body.vote_id],
    );
    expect(rows[0]).toEqual({ voter_lenser_id: persona.profile_id, principal_id: owner.id, is_ai_vote: true });
    expectError(await api.post(`/api/battles/${battle.id}/votes`, { voted_contender_id: battle.contenders[1] }, { token: owner.token }), 409, 'already_voted');
  });

  it("refuses acting as someone else's AI lenser with 403 act_as_forbidden", async () => {
    const battle = await votingBattle(api);
    const owner = await api.user();
    const stranger = await api.user();
    const persona = await makeAiLenser(api.db, owner.actor);
    const args = { voted_contender_id: battle.contenders[0] };
    expectError(await api.post(`/api/battles/${battle.id}/votes`, args, { token: stranger.token, actAs: persona.ai_lenser_id }), 403, 'act_as_forbidden');
    expectError(await api.post('/api/battles', battleArgs(), { token: stranger.token, actAs: persona.ai_lenser_id }), 403, 'act_as_forbidden');
    // An unknown id is refused the same way; nothing was recorded for the stranger.
    expectError(await api.post(`/api/battles/${battle.id}/votes`, args, { token: stranger.token, actAs: crypto.randomUUID() }), 403, 'act_as_forbidden');
    const { rows } = await api.db.query('select 1 from battles.votes where principal_id = $1', [stranger.id]);
    expect(rows).toEqual([]);
  });

  it('refuses a malformed act-as header with 400 and act-as without sign-in with 401', async () => {
    const me = await api.user();
    expectError(await api.get('/api/auth/me', { token: me.token, actAs: 'robot' }), 400, 'invalid_input');
    expectError(await api.get('/api/battles', { actAs: crypto.randomUUID() }), 401, 'not_authenticated');
  });
});
