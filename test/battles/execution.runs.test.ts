// AI contender runs: the worker calls each contender's model over the real wire formats, records a run
// and an entry per contender, and moves the battle on by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser } from '../support/actors.ts';
import { battleRow, eventsOf, expectRefused, uniqueSlug } from '../support/battle-fixtures.ts';
import { addAiLenser, addModel, captureLogger, KEYS, makeWorker, startProviders, STRONG_TEXT, type Providers } from '../e2e/harness.ts';
import { createApp } from '../../src/api/app.ts';
import { TokenSigner } from '../../src/identity/tokens.ts';
import { silentLogger } from '../../src/logging/logger.ts';

let db: TestDb;
let servers: Providers;
let strong: string;
let weak: string;

beforeAll(async () => {
  db = await createTestDb();
  servers = await startProviders();
  strong = await addModel(db, servers, 'anthropic', 'writer-strong', { in: 3, out: 15 });
  weak = await addModel(db, servers, 'openai_compatible', 'writer-weak', { in: 0.5, out: 1.5 });
});
afterAll(async () => {
  await servers.close();
  await db.destroy();
});

/** An open AI vs AI battle with one contender per model, slots in the order given. */
async function aiBattle(models: string[], create: Record<string, unknown> = {}) {
  const creator = await makeUser(db);
  const slug = uniqueSlug('run');
  const id = await creator.rpc<string>('fn_battles_create', {
    title: 'Runs', slug, task_prompt: 'Describe the first rain after summer.', contender_structure: 'ai_vs_ai',
    task_source: 'challenge', max_contenders: Math.max(2, models.length), ...create,
  });
  await creator.rpc('fn_publish_battle', { battle_id: id });
  const contenders: string[] = [];
  for (const model of models) {
    const ai = await addAiLenser(creator, model);
    contenders.push(await creator.rpc<string>('fn_battles_add_ai_contender', { battle_id: id, ai_lenser_id: ai }));
  }
  return { id, slug, creator, contenders };
}

async function runsOf(battleId: string) {
  const { rows } = await db.query<Record<string, any>>(
    'select * from execution.runs where battle_id = $1 order by created_at, id', [battleId]);
  return rows;
}

describe('contender runs', () => {
  it('runs every AI contender once, records runs and entries, and opens voting when all are in', async () => {
    const b = await aiBattle([strong, weak]);
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();

    expect((await battleRow(db, b.id)).status).toBe('voting');
    const runs = await runsOf(b.id);
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      expect(run).toMatchObject({ status: 'succeeded', purpose: 'contender', attempt: 1, error_code: null });
      expect(run.prompt_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(run.output_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(run.input_tokens).toBeGreaterThan(0);
      expect(run.provider_request_id).toMatch(/^req_/);
      expect(run.params).toMatchObject({ max_tokens: 1024 });
    }
    const strongRun = runs.find((r) => r.model_id === strong)!;
    // cost = tokens × price per million: 3 in, 15 out for the strong model.
    expect(Number(strongRun.cost_usd)).toBeCloseTo((strongRun.input_tokens * 3 + strongRun.output_tokens * 15) / 1e6, 9);

    const { rows: entries } = await db.query<Record<string, any>>(
      `select s.*, r.id as run from battles.submissions s join execution.runs r on r.id = s.execution_run_id
        where s.battle_id = $1 and s.is_final order by s.contender_id`, [b.id]);
    expect(entries).toHaveLength(2);
    const { rows: runner } = await db.query<{ id: string }>(`select id from execution.runners where name = 'cloud-worker'`);
    for (const e of entries) {
      expect(e).toMatchObject({ source_type: 'execution_output', adapter_id: runner[0].id, status: 'submitted' });
      expect([strong, weak]).toContain(e.model_id);
    }
    expect(entries.find((e) => e.model_id === strong)!.content_text).toBe(STRONG_TEXT);

    const types = (await eventsOf(db, b.id)).map((e) => e.event_type);
    expect(types.filter((t) => t === 'run_started')).toHaveLength(2);
    expect(types.filter((t) => t === 'run_completed')).toHaveLength(2);
    expect(types.filter((t) => t === 'cost_recorded')).toHaveLength(2);
    expect(types.filter((t) => t === 'submission_received')).toHaveLength(2);
    expect(types).toContain('voting_opened');
  });

  it('applies the frozen handicap: max tokens, temperature and time limit reach the provider', async () => {
    const b = await aiBattle([strong, weak], { handicap_config: { max_tokens: 5, temperature: 0.25, time_limit_ms: 20_000 } });
    servers.anthropic.reset();
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();
    const sent = servers.anthropic.requests.map((r) => r.body as Record<string, unknown>);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ model: 'writer-strong', max_tokens: 5, temperature: 0.25 });
    const run = (await runsOf(b.id)).find((r) => r.model_id === strong)!;
    expect(run).toMatchObject({ output_tokens: 5, stop_reason: 'max_tokens', params: { max_tokens: 5, temperature: 0.25, time_limit_ms: 20_000 } });
  });

  it('refuses a handicap it cannot apply at publication with invalid_handicap', async () => {
    const creator = await makeUser(db);
    const id = await creator.rpc<string>('fn_battles_create', {
      title: 'Bad handicap', slug: uniqueSlug('hc'), task_prompt: 'p', contender_structure: 'ai_vs_ai', handicap_config: { max_tokens: 2.5 },
    });
    await expectRefused(creator.rpc('fn_publish_battle', { battle_id: id }), 'invalid_handicap');
  });

  it('retries a rate-limited call, then succeeds; the failed attempt is a run too', async () => {
    const b = await aiBattle([strong, weak]);
    // Both provider-level attempts of the first job attempt are refused; the job's second attempt succeeds.
    servers.anthropic.failNext({ status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 });
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('voting');
    const runs = (await runsOf(b.id)).filter((r) => r.model_id === strong);
    expect(runs.map((r) => [r.attempt, r.status, r.error_code])).toEqual([
      [1, 'failed', 'provider_rate_limited'],
      [2, 'succeeded', null],
    ]);
    const failed = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'run_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].metadata).toMatchObject({ code: 'provider_rate_limited', state: 'queued', attempt: 1 });
  });

  it('dead-letters a run that keeps failing: the battle waits, shows why, and the creator retries or cancels', async () => {
    const b = await aiBattle([strong, weak]);
    servers.anthropic.failNext(...Array.from({ length: 6 }, () => ({ status: 503 })));
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    const worker = makeWorker(db);
    await worker.runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('executing');

    const status = await b.creator.rpc<Record<string, any>>('fn_battle_execution_status', { battle_id: b.id });
    expect(status.failed).toBe(true);
    const job = status.jobs.find((j: any) => j.kind === 'contender_run' && j.status === 'dead');
    expect(job).toMatchObject({ attempts: 3, max_attempts: 3, error_code: 'provider_unavailable' });
    const dead = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'run_failed' && e.metadata.state === 'dead');
    expect(dead).toHaveLength(1);

    // Someone else cannot retry; the creator can, and the battle then moves on.
    const stranger = await makeUser(db);
    await expectRefused(stranger.rpc('fn_battle_retry_runs', { battle_id: b.id }), 'forbidden');
    expect(await b.creator.rpc('fn_battle_retry_runs', { battle_id: b.id })).toBe(1);
    await worker.runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('voting');
    const after = await b.creator.rpc<Record<string, any>>('fn_battle_execution_status', { battle_id: b.id });
    expect(after.failed).toBe(false);
  });

  it('lets the creator cancel a battle stuck on a dead run', async () => {
    const b = await aiBattle([strong, weak]);
    servers.anthropic.failNext({ status: 401, message: 'bad key' });
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();
    const status = await b.creator.rpc<Record<string, any>>('fn_battle_execution_status', { battle_id: b.id });
    // An authentication failure cannot be fixed by retrying: failed at once, not dead after three tries.
    expect(status.jobs.find((j: any) => j.kind === 'contender_run' && j.status === 'failed')).toMatchObject({
      attempts: 1, error_code: 'provider_auth_failed',
    });
    await b.creator.rpc('fn_battles_cancel', { battle_id: b.id, reason: 'model unavailable' });
    expect((await battleRow(db, b.id)).status).toBe('archived');
  });

  it('runs all contenders of a battle concurrently', async () => {
    const models = [strong, weak, strong, weak, strong, weak];
    const b = await aiBattle(models, { max_contenders: 6 });
    servers.anthropic.latencyMs = 300;
    servers.openai.latencyMs = 300;
    try {
      await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
      const started = performance.now();
      await makeWorker(db).runUntilIdle();
      const elapsed = performance.now() - started;
      expect((await battleRow(db, b.id)).status).toBe('voting');
      // Six calls of 300 ms one after another would take 1.8 s.
      expect(elapsed).toBeLessThan(1_200);
    } finally {
      servers.anthropic.latencyMs = 0;
      servers.openai.latencyMs = 0;
    }
  });
});

describe('provider keys', () => {
  it('never appear in runs, events, entries, job rows, API responses or logs', async () => {
    const { logger, lines } = captureLogger();
    const b = await aiBattle([strong, weak]);
    servers.openai.failNext({ status: 500, message: `upstream said: key ${KEYS.openAiCompatApiKey} is bad` });
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db, { logger }).runUntilIdle();

    const { rows } = await db.query<{ dump: string }>(
      `select concat_ws(' ',
         (select string_agg(to_jsonb(r)::text, ' ') from execution.runs r where r.battle_id = $1),
         (select string_agg(to_jsonb(e)::text, ' ') from battles.events e where e.battle_id = $1),
         (select string_agg(to_jsonb(s)::text, ' ') from battles.submissions s where s.battle_id = $1),
         (select string_agg(to_jsonb(j)::text, ' ') from execution.jobs j where j.battle_id = $1)) as dump`,
      [b.id],
    );
    const signer = new TokenSigner('x'.repeat(32));
    const app = createApp({ db, signer, logger: silentLogger });
    const token = await signer.sign(b.creator.id, 'authenticated');
    const res = await app.request(`/api/battles/${b.id}/execution`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const haystack = [rows[0].dump, await res.text(), ...lines].join('\n');
    expect(haystack).toContain('provider_unavailable'); // the failure is there…
    for (const key of Object.values(KEYS)) expect(haystack).not.toContain(key); // …the key is not
  });
});

