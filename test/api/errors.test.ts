// The error contract: one JSON envelope {error: {code, message}} with the right status for every
// failure, Retry-After on the creation cap, 413 for oversized bodies, JSON 404s for unknown routes,
// and never a stack trace or SQL text in a body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/db.ts';
import { ApiClient, battleArgs, createApiClient, expectEnvelope, expectError, votingBattle, type ApiResponse, type Caller } from './api-client.ts';

let api: Awaited<ReturnType<typeof createApiClient>>;
beforeAll(async () => {
  api = await createApiClient();
});
afterAll(async () => {
  await api.db.destroy();
});

// What a leaked stack or SQL error looks like in a body.
const LEAKS = ['select ', 'insert ', ' at ', 'node_modules', 'ERROR:'];

function expectNoLeak(res: ApiResponse, label: string): void {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expectEnvelope(res);
  for (const leak of LEAKS) expect(res.text.toLowerCase(), `${label}: ${res.text}`).not.toContain(leak.toLowerCase());
}

describe('statuses and the envelope', () => {
  let me: Caller;
  beforeAll(async () => {
    me = await api.user();
  });

  it('400 for invalid input, with per-field details', async () => {
    const res = await api.post('/api/battles', { title: '', slug: 'Not A Slug', task_prompt: 'x' }, { token: me.token });
    expectError(res, 400, 'invalid_input');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['slug', 'title']);
    expectError(await api.post('/rpc/fn_battles_create', { ...battleArgs(), surprise: 1 }, { token: me.token }), 400, 'invalid_input');
    expectError(await api.get('/api/battles/not-a-uuid'), 400, 'invalid_input');
    expectError(await api.get('/api/battles?limit=abc'), 400, 'invalid_input');
    expectError(await api.post('/rpc/fn_battles_create', [battleArgs()], { token: me.token }), 400, 'invalid_input');
    expectError(await api.post('/rpc/fn_battles_create', 'just a string', { token: me.token }), 400, 'invalid_input');
    expectError(await api.request('POST', '/rpc/fn_battles_create', { raw: '{"title":', token: me.token, headers: { 'content-type': 'application/json' } }), 400, 'invalid_input');
    expectError(await api.request('POST', '/api/battles', { raw: '{"title":', token: me.token, headers: { 'content-type': 'application/json' } }), 400, 'invalid_input');
    // REST routes declare a JSON body: another media type is refused before it is read.
    expectError(await api.request('POST', '/api/battles', { raw: '{"title":', token: me.token, headers: { 'content-type': 'text/plain' } }), 415);
  });

  it('401 not_authenticated for anonymous writes', async () => {
    expectError(await api.post('/rpc/fn_battles_create', battleArgs()), 401, 'not_authenticated');
    expectError(await api.post('/rpc/fn_battles_join', { battle_id: crypto.randomUUID() }), 401, 'not_authenticated');
  });

  it('403 for refusals by right, 404 for what the caller cannot see, 409 for state conflicts', async () => {
    const battle = await votingBattle(api);
    const other = await api.user();
    expectError(await api.post(`/api/battles/${battle.id}/close-voting`, undefined, { token: other.token }), 403, 'forbidden');
    expectError(await api.post(`/api/battles/${crypto.randomUUID()}/join`, {}, { token: other.token }), 404, 'not_found');
    expectError(await api.get(`/api/battles/${crypto.randomUUID()}`), 404, 'not_found');
    expectError(await api.get('/api/battles/by-slug/no-such-battle'), 404, 'not_found');
    expectError(await api.post(`/api/battles/${battle.id}/publish`, undefined, { token: battle.creator.token }), 409, 'invalid_transition');
    expectError(await api.post('/api/battles', battleArgs({ slug: battle.slug }), { token: other.token }), 409, 'slug_taken');
    expectError(await api.post(`/api/battles/${battle.id}/submissions`, { text: 'late' }, { token: other.token }), 403, 'not_a_contender');
  });

  it('429 from the daily creation cap, with Retry-After and retry_after', async () => {
    const busy = await api.user();
    for (let i = 0; i < 10; i++) {
      const res = await api.post('/api/battles', battleArgs(), { token: busy.token });
      expect(res.status, res.text).toBe(201);
    }
    const refused = await api.post('/api/battles', battleArgs(), { token: busy.token });
    expectError(refused, 429, 'battle_rate_limit_exceeded');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(refused.body.error.retry_after).toBe(retryAfter);
    // Clones count against the same cap.
    const anyId = (await api.get('/api/battles', { token: busy.token })).body[0]?.id ?? crypto.randomUUID();
    expectError(await api.post('/rpc/fn_battles_clone', { battle_id: anyId, title: 'c', slug: battleArgs().slug }, { token: busy.token }), 429, 'battle_rate_limit_exceeded');
  });

  it('413 for a body over the limit', async () => {
    const huge = { ...battleArgs(), task_prompt: 'p'.repeat(1_100_000) };
    expectError(await api.post('/api/battles', huge, { token: me.token }), 413, 'payload_too_large');
    expectError(await api.post('/rpc/fn_battles_create', huge, { token: me.token }), 413, 'payload_too_large');
    expectError(await api.post('/api/auth/login', { email: 'a@b.co', password: 'p'.repeat(1_100_000) }), 413, 'payload_too_large');
  });

  it('404 JSON for unknown routes and methods', async () => {
    expectError(await api.get('/api/nope'), 404, 'not_found');
    expectError(await api.post('/rpc/fn_not_a_function', {}), 404, 'not_found');
    expectError(await api.post('/rpc/pg_sleep', { seconds: 10 }), 404, 'not_found');
    expectError(await api.get('/rpc/fn_battles_create'), 404, 'not_found');
    expectError(await api.request('PUT', '/api/battles'), 404, 'not_found');
  });
});

describe('no stack or SQL text in any error body', () => {
  it('holds for a set of forced failures, database errors included', async () => {
    const me = await api.user();
    const draft = (await api.post('/api/battles', battleArgs(), { token: me.token })).body as string;
    const patch = (p: unknown) => api.post(`/api/battles/${draft}/draft`, { patch: p }, { token: me.token });
    const failures: Array<[string, ApiResponse]> = [
      ['malformed json', await api.request('POST', '/rpc/fn_battles_create', { raw: '{"a":', token: me.token, headers: { 'content-type': 'application/json' } })],
      ['NUL byte in text', await api.post('/api/battles', battleArgs({ task_prompt: 'a\u0000b' }), { token: me.token })],
      ['NUL byte in a jsonb key', await patch({ 'title\u0000': 'x' })],
      ['integer cast', await patch({ max_contenders: 'many' })],
      ['integer overflow', await patch({ max_contenders: 1e20 })],
      ['uuid cast', await patch({ rubric_id: 'nope' })],
      ['timestamp cast', await patch({ voting_opens_at: 'soon' })],
      ['enum cast', await patch({ judging_mode: 'vibes' })],
      ['check violation', await patch({ voting_opens_at: '2031-01-02T00:00:00Z', voting_closes_at: '2031-01-01T00:00:00Z' })],
      ['not-null/check on title', await patch({ title: '   ' })],
      ['foreign key', await patch({ workflow_id: crypto.randomUUID() })],
      ['jsonb type check', await patch({ handicap_config: [1, 2] })],
      ['unknown draft field', await patch({ status: 'published' })],
      ['year 0 timestamp', await api.post('/rpc/fn_battle_get_comments', { battle_id: draft, before_ts: '0000-01-01T00:00:00Z' })],
      ['bad cursor', await api.post('/rpc/fn_battle_gets_feed', { cursor: "x'; select 1; --" })],
      ['slug taken', await api.post('/api/battles', battleArgs({ slug: (await api.get(`/api/battles/${draft}`, { token: me.token })).body.slug }), { token: me.token })],
      ['invalid transition', await api.post(`/api/battles/${draft}/close-voting`, undefined, { token: me.token })],
      ['bad token', await api.get('/api/auth/me', { token: 'e30.e30.e30' })],
      ['unknown route', await api.post('/rpc/select_1', {})],
    ];
    // A database that went away: the handler fails inside the driver.
    const db = await createTestDb();
    const down = new ApiClient(db, api.signer);
    await db.destroy();
    failures.push(['database closed (rpc)', await down.post('/rpc/fn_battles_create', battleArgs(), { token: me.token })]);
    failures.push(['database closed (read)', await down.get('/api/battles')]);
    failures.push(['database closed (login)', await down.post('/api/auth/login', { email: 'a@example.test', password: 'long enough' })]);
    failures.push(['database closed (PAT lookup)', await down.get('/api/auth/me', { token: 'lf_pat_whatever' })]);

    for (const [label, res] of failures) expectNoLeak(res, label);
    const statuses = Object.fromEntries(failures.map(([label, res]) => [label, res.status]));
    // Database refusals of bad values are the caller's fault (400), never 500.
    for (const [label, status] of Object.entries(statuses)) {
      if (!label.startsWith('database closed')) expect(status, label).toBeLessThan(500);
    }
    expect(statuses['database closed (rpc)']).toBe(500);
    expect(failures.find(([l]) => l === 'database closed (rpc)')![1].body.error).toEqual({ code: 'internal', message: 'internal error' });
  });
});
