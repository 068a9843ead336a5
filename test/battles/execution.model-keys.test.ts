// Per-model provider keys: an ai.models row names the environment variable holding its key
// (api_key_env), so two OpenAI-compatible servers with different keys serve one battle; a row
// naming none uses the global key; the keys never reach runs, events, jobs, entries, the API or logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { providerSource } from '../../src/battles/model-providers.ts';
import { loadConfig } from '../../src/config/config.ts';
import { TokenSigner } from '../../src/identity/tokens.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, type Actor } from '../support/actors.ts';
import { battleRow, eventsOf, finalEntries } from '../support/battle-fixtures.ts';
import { OpenAiServer } from '../support/provider-servers/index.ts';
import { aiBattle, captureLogger, FAST_RETRY, makeWorker, scriptedModels, STRONG_TEXT } from '../e2e/harness.ts';

const KEY_ONE = 'sk-server-one-SECRET-1a2b3c4d';
const KEY_TWO = 'sk-server-two-SECRET-5e6f7a8b';
const GLOBAL = 'sk-global-compat-SECRET-9c0d1e2f';
const ALL_KEYS = [KEY_ONE, KEY_TWO, GLOBAL];

let db: TestDb;
let operator: Actor;
const servers = {
  one: new OpenAiServer({ respond: scriptedModels(null), apiKey: KEY_ONE }),
  two: new OpenAiServer({ respond: scriptedModels(null), apiKey: KEY_TWO }),
  global: new OpenAiServer({ respond: scriptedModels(null), apiKey: GLOBAL }),
};

// The keys come the way the server gets them: loadConfig over the process environment.
const config = loadConfig({ LF_PROVIDER_KEY_ONE: KEY_ONE, LF_PROVIDER_KEY_TWO: KEY_TWO, LF_OPENAI_COMPAT_API_KEY: GLOBAL });

beforeAll(async () => {
  db = await createTestDb();
  await Promise.all(Object.values(servers).map((s) => s.start()));
  operator = await makeUser(db, undefined, { operator: true });
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
  await db.destroy();
});

async function model(server: OpenAiServer, modelId: string, apiKeyEnv?: string): Promise<string> {
  return operator.rpc<string>('fn_models_create', {
    provider: 'openai_compatible', model_id: modelId, display_name: modelId, base_url: server.baseUrl,
    ...(apiKeyEnv && { api_key_env: apiKeyEnv }),
  });
}

const bearer = (s: OpenAiServer) => s.requests.map((r) => r.headers.authorization);

describe('api_key_env', () => {
  it('collects only LF_PROVIDER_KEY_ variables as named keys', () => {
    expect(config.providerKeys.named).toEqual({ LF_PROVIDER_KEY_ONE: KEY_ONE, LF_PROVIDER_KEY_TWO: KEY_TWO });
    expect(loadConfig({ LF_JWT_SECRET_X: 'x', LF_PROVIDER_KEY_: 'y', LF_PROVIDER_KEY_lower: 'z' }).providerKeys.named).toEqual({});
  });

  it('serves two models on two servers, each with its own key, and a model naming none with the global key', async () => {
    const one = await model(servers.one, 'writer-strong', 'LF_PROVIDER_KEY_ONE');
    const two = await model(servers.two, 'writer-weak', 'LF_PROVIDER_KEY_TWO');
    const plain = await model(servers.global, 'writer-strong');
    const { logger, lines } = captureLogger();
    const b = await aiBattle(db, [one, two, plain]);
    for (const s of Object.values(servers)) s.reset();
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db, { logger, providers: providerSource(config.providerKeys, { retry: FAST_RETRY, logger }) }).runUntilIdle();

    expect((await battleRow(db, b.id)).status).toBe('voting');
    expect(bearer(servers.one)).toEqual([`Bearer ${KEY_ONE}`]);
    expect(bearer(servers.two)).toEqual([`Bearer ${KEY_TWO}`]);
    expect(bearer(servers.global)).toEqual([`Bearer ${GLOBAL}`]);
    const entries = await finalEntries(db, b.id);
    expect(entries.find((e) => e.contender_id === b.contenders[0])!.content_text).toBe(STRONG_TEXT);
    expect(entries.find((e) => e.contender_id === b.contenders[1])!.content_text).toBe('I am not sure.');

    // No key anywhere the battle's data or the API shows, nor in the worker's logs.
    const { rows } = await db.query<{ dump: string }>(
      `select concat_ws(' ',
         (select string_agg(to_jsonb(r)::text, ' ') from execution.runs r where r.battle_id = $1),
         (select string_agg(to_jsonb(e)::text, ' ') from battles.events e where e.battle_id = $1),
         (select string_agg(to_jsonb(s)::text, ' ') from battles.submissions s where s.battle_id = $1),
         (select string_agg(to_jsonb(j)::text, ' ') from execution.jobs j where j.battle_id = $1),
         (select string_agg(to_jsonb(m)::text, ' ') from ai.models m)) as dump`,
      [b.id],
    );
    const signer = new TokenSigner('k'.repeat(32));
    const app = createApp({ db, signer, logger: silentLogger });
    const headers = { authorization: `Bearer ${await signer.sign(b.creator.id, 'authenticated')}` };
    const api = await Promise.all([`/api/battles/${b.id}/execution`, '/api/models', `/api/battles/${b.id}`].map(async (path) => {
      const res = await app.request(path, { headers });
      expect(res.status, path).toBe(200);
      return res.text();
    }));
    const haystack = [rows[0].dump, ...api, ...lines].join('\n');
    expect(haystack).toContain('LF_PROVIDER_KEY_ONE'); // the variable's name is stored…
    for (const key of ALL_KEYS) expect(haystack).not.toContain(key); // …its value is not
  });

  it('fails a run with provider_not_configured naming the variable when it is not set, and never sends the global key instead', async () => {
    const orphan = await model(servers.global, 'writer-weak', 'LF_PROVIDER_KEY_MISSING');
    const two = await model(servers.two, 'writer-strong', 'LF_PROVIDER_KEY_TWO');
    const b = await aiBattle(db, [orphan, two]);
    for (const s of Object.values(servers)) s.reset();
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db, { providers: providerSource(config.providerKeys, { retry: FAST_RETRY }) }).runUntilIdle();

    expect(servers.global.requests).toHaveLength(0);
    const { rows: runs } = await db.query<{ model_id: string; status: string; error_code: string; error_message: string }>(
      'select model_id, status, error_code, error_message from execution.runs where battle_id = $1 and model_id = $2', [b.id, orphan]);
    expect(runs).toEqual([expect.objectContaining({ status: 'failed', error_code: 'provider_not_configured' })]);
    expect(runs[0].error_message).toContain('LF_PROVIDER_KEY_MISSING');
    const failed = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'run_failed');
    expect(failed.map((e) => e.metadata.code)).toEqual(['provider_not_configured']);
    for (const key of ALL_KEYS) expect(JSON.stringify([runs, failed])).not.toContain(key);
  });
});
