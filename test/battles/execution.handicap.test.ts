// The handicap an AI contender runs under: only the keys the worker applies are accepted (at create,
// draft edit and publication), they reach the provider, the time limit cuts a slow call off, and in
// human vs AI battles they bind the AI side only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims } from '../../src/db/claims.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser } from '../support/actors.ts';
import { battleRow, clearSetting, eventsOf, expectRefused, finalEntries, refusal, setSetting, uniqueSlug } from '../support/battle-fixtures.ts';
import { addAiContender, addModel, aiBattle, makeWorker, runsOf, startProviders, STRONG_TEXT, type Providers } from '../e2e/harness.ts';

let db: TestDb;
let servers: Providers;
let strong: string;
let weak: string;

beforeAll(async () => {
  db = await createTestDb();
  servers = await startProviders();
  strong = await addModel(db, servers, 'anthropic', 'writer-strong');
  weak = await addModel(db, servers, 'openai_compatible', 'writer-weak');
});
afterAll(async () => {
  await servers.close();
  await db.destroy();
});

describe('handicap keys', () => {
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown key', { ai_delay_s: 30 }, /handicap_config\.ai_delay_s is not a handicap/],
    ['a fractional max_tokens', { max_tokens: 2.5 }, /handicap_config\.max_tokens must be an integer/],
    ['a string temperature', { temperature: 'hot' }, /handicap_config\.temperature must be a number/],
    ['a time limit under a second', { time_limit_ms: 10 }, /handicap_config\.time_limit_ms must be/],
  ];

  it.each(bad)('%s is refused at creation with invalid_input naming the key, at the API edge and in SQL', async (_what, handicap, message) => {
    const creator = await makeUser(db);
    const key = Object.keys(handicap)[0];
    const edge = await expectRefused(creator.rpc('fn_battles_create', { title: 'x', slug: uniqueSlug('hc'), task_prompt: 'p', handicap_config: handicap }), 'invalid_input');
    expect(edge.message).toContain(key);
    const sql = await refusal(withClaims(db, creator.claims, (tx) =>
      tx.query(`select battles.fn_battles_create(p_title => 'x', p_slug => $1, p_task_prompt => 'p', p_handicap_config => $2::jsonb)`,
        [uniqueSlug('hc'), JSON.stringify(handicap)])));
    expect(sql.code).toBe('invalid_input');
    expect(sql.message).toMatch(message);
  });

  it.each(bad)('%s is refused in a draft edit with invalid_input naming the key, and the draft keeps its handicap', async (_what, handicap, message) => {
    const creator = await makeUser(db);
    const id = await creator.rpc<string>('fn_battles_create', { title: 'x', slug: uniqueSlug('hc'), task_prompt: 'p', handicap_config: { max_tokens: 64 } });
    const err = await expectRefused(creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { handicap_config: handicap } }), 'invalid_input');
    expect(err.message).toMatch(message);
    expect((await battleRow(db, id)).handicap_config).toEqual({ max_tokens: 64 });
  });

  it('refuses at publication a handicap written past the RPCs, naming the key, and the battle stays a draft', async () => {
    const creator = await makeUser(db);
    const id = await creator.rpc<string>('fn_battles_create', { title: 'x', slug: uniqueSlug('hc'), task_prompt: 'p', contender_structure: 'ai_vs_ai' });
    await db.query(`update battles.battles set handicap_config = '{"max_tokens": 100, "ai_delay_s": 30}' where id = $1`, [id]);
    const err = await expectRefused(creator.rpc('fn_publish_battle', { battle_id: id }), 'invalid_input');
    expect(err.message).toContain('ai_delay_s');
    expect(await battleRow(db, id)).toMatchObject({ status: 'draft', rule_snapshot: null });
  });

  it('accepts every known key, an empty handicap, and clearing it with null in a draft edit', async () => {
    const creator = await makeUser(db);
    const id = await creator.rpc<string>('fn_battles_create', {
      title: 'x', slug: uniqueSlug('hc'), task_prompt: 'p', handicap_config: { max_tokens: 1, temperature: 2, time_limit_ms: 3_600_000 },
    });
    await creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { handicap_config: {} } });
    expect((await battleRow(db, id)).handicap_config).toEqual({});
    await creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { handicap_config: { temperature: 0 } } });
    await creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { handicap_config: null } });
    expect((await battleRow(db, id)).handicap_config).toEqual({});
  });
});

describe('the handicap at execution', () => {
  it('applies the frozen handicap: max tokens, temperature and time limit reach the provider', async () => {
    const b = await aiBattle(db, [strong, weak], { handicap_config: { max_tokens: 5, temperature: 0.25, time_limit_ms: 20_000 } });
    servers.anthropic.reset();
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();
    const sent = servers.anthropic.requests.map((r) => r.body as Record<string, unknown>);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ model: 'writer-strong', max_tokens: 5, temperature: 0.25 });
    const run = (await runsOf(db, b.id)).find((r) => r.model_id === strong)!;
    expect(run).toMatchObject({ output_tokens: 5, stop_reason: 'max_tokens', params: { max_tokens: 5, temperature: 0.25, time_limit_ms: 20_000 } });
  });

  it('cuts off a provider call slower than time_limit_ms with provider_timeout, retried and then dead-lettered', async () => {
    await setSetting(db, 'app.execution_max_attempts', '2');
    servers.anthropic.reset();
    servers.anthropic.latencyMs = 1_500; // the server answers after 1.5 s; the limit is 1 s
    try {
      const b = await aiBattle(db, [strong, weak], { handicap_config: { time_limit_ms: 1_000 } });
      await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
      await makeWorker(db).runUntilIdle();

      const runs = (await runsOf(db, b.id)).filter((r) => r.model_id === strong);
      expect(runs.map((r) => [r.attempt, r.status, r.error_code])).toEqual([
        [1, 'failed', 'provider_timeout'],
        [2, 'dead', 'provider_timeout'],
      ]);
      for (const r of runs) {
        expect(r.error_message).toContain('did not finish within 1000 ms');
        expect(r).toMatchObject({ params: { time_limit_ms: 1_000 }, output_hash: null, output_tokens: null });
      }
      // The client hung up before the server answered either request.
      expect(servers.anthropic.requests.map((r) => r.status)).toEqual([null, null]);
      const failed = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'run_failed');
      expect(failed.map((e) => [e.metadata.code, e.metadata.state])).toEqual([
        ['provider_timeout', 'queued'],
        ['provider_timeout', 'dead'],
      ]);
      expect((await battleRow(db, b.id)).status).toBe('executing');
      await b.creator.rpc('fn_battles_cancel', { battle_id: b.id, reason: 'too slow' });
    } finally {
      servers.anthropic.latencyMs = 0;
      await clearSetting(db, 'app.execution_max_attempts');
    }
  });

  it('binds only the AI side of a human vs AI battle: the human entry is kept whole', async () => {
    const handicap = { max_tokens: 5, temperature: 0.25 };
    const b = await aiBattle(db, [], { contender_structure: 'human_vs_ai', handicap_config: handicap });
    const human = await makeUser(db);
    const humanId = await human.rpc<string>('fn_battles_join', { battle_id: b.id });
    const aiId = await addAiContender(b.creator, b.id, strong);
    await human.rpc('fn_battles_submit', { battle_id: b.id, text: STRONG_TEXT });
    expect((await battleRow(db, b.id)).rule_snapshot.handicap).toEqual(handicap);

    servers.anthropic.reset();
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('voting');

    expect(servers.anthropic.requests.map((r) => r.body)).toEqual([expect.objectContaining({ max_tokens: 5, temperature: 0.25 })]);
    const rows = await finalEntries(db, b.id);
    const entry = (id: string) => rows.find((r) => r.contender_id === id)!;
    expect(entry(humanId)).toMatchObject({ content_text: STRONG_TEXT, source_type: 'manual' });
    expect(STRONG_TEXT.split(/\s+/).length).toBeGreaterThan(5);
    expect(entry(aiId).source_type).toBe('execution_output');
    expect(entry(aiId).content_text.split(/\s+/)).toHaveLength(5);
    const runs = await runsOf(db, b.id);
    expect(runs.map((r) => [r.contender_id, r.params.max_tokens, r.params.temperature])).toEqual([[aiId, 5, 0.25]]);
  });
});
