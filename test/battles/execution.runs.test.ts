// AI contender runs: the worker calls each contender's model over the real wire formats, records a run
// and an entry per contender, and moves the battle on by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser } from '../support/actors.ts';
import { battleRow, eventsOf, expectRefused } from '../support/battle-fixtures.ts';
import { addModel, aiBattle, captureLogger, KEYS, makeWorker, runsOf, startProviders, STRONG_TEXT, type Providers } from '../e2e/harness.ts';
import { createApp } from '../../src/api/app.ts';
import { TokenSigner } from '../../src/identity/tokens.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { ExecutionWorker } from '../../src/battles/execution-worker.ts';
import { providerSource } from '../../src/battles/model-providers.ts';

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

describe('contender runs', () => {
  it('runs every AI contender once, records runs and entries, and opens voting when all are in', async () => {
    const b = await aiBattle(db, [strong, weak]);
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();

    expect((await battleRow(db, b.id)).status).toBe('voting');
    const runs = await runsOf(db, b.id);
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

  // The handicap (max tokens, temperature, time limit) is covered in execution.handicap.test.ts.

  it('retries a rate-limited call, then succeeds; the failed attempt is a run too', async () => {
    const b = await aiBattle(db, [strong, weak]);
    // Both provider-level attempts of the first job attempt are refused; the job's second attempt succeeds.
    servers.anthropic.failNext({ status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 });
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('voting');
    const runs = (await runsOf(db, b.id)).filter((r) => r.model_id === strong);
    expect(runs.map((r) => [r.attempt, r.status, r.error_code])).toEqual([
      [1, 'failed', 'provider_rate_limited'],
      [2, 'succeeded', null],
    ]);
    const failed = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'run_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].metadata).toMatchObject({ code: 'provider_rate_limited', state: 'queued', attempt: 1 });
  });

  it('dead-letters a run that keeps failing: the battle waits, shows why, and the creator retries it with fresh attempts', async () => {
    const b = await aiBattle(db, [strong, weak]);
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
    // The retry is a new job with attempts of its own, next to the dead letter it replaces.
    const strongJobs = after.jobs.filter((j: any) => j.contender_id === job.contender_id).map((j: any) => [j.status, j.attempts]);
    expect(strongJobs).toEqual([['succeeded', 1], ['dead', 3]]);
    const runs = (await runsOf(db, b.id)).filter((r) => r.model_id === strong).map((r) => [r.attempt, r.status]);
    expect(runs).toEqual([[1, 'failed'], [2, 'failed'], [3, 'dead'], [1, 'succeeded']]);
  });

  it('lets the creator cancel a battle stuck on a dead-lettered run; nothing is left to retry or run', async () => {
    const b = await aiBattle(db, [strong, weak]);
    // Retryable failures (503) on every provider attempt of every job attempt: 2 × 3.
    servers.anthropic.failNext(...Array.from({ length: 6 }, () => ({ status: 503 })));
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();
    const status = await b.creator.rpc<Record<string, any>>('fn_battle_execution_status', { battle_id: b.id });
    expect(status.jobs.find((j: any) => j.kind === 'contender_run' && j.contender_id === b.contenders[0])).toMatchObject({
      status: 'dead', attempts: 3, max_attempts: 3, error_code: 'provider_unavailable',
    });
    expect((await battleRow(db, b.id)).status).toBe('executing');

    await b.creator.rpc('fn_battles_cancel', { battle_id: b.id, reason: 'model unavailable' });
    expect((await battleRow(db, b.id)).status).toBe('archived');
    await expectRefused(b.creator.rpc('fn_battle_retry_runs', { battle_id: b.id }), 'nothing_to_retry');
    const { rows } = await db.query(`select 1 from execution.jobs where battle_id = $1 and status in ('queued', 'running')`, [b.id]);
    expect(rows).toHaveLength(0);
  });

  it('fails a run at once on an authentication error (failed, not retried), and the creator can retry it', async () => {
    const b = await aiBattle(db, [strong, weak]);
    servers.anthropic.failNext({ status: 401, message: 'bad key' });
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    const worker = makeWorker(db);
    await worker.runUntilIdle();
    const status = await b.creator.rpc<Record<string, any>>('fn_battle_execution_status', { battle_id: b.id });
    // Retrying cannot fix a refused key: failed after one attempt, not dead after three.
    expect(status.jobs.find((j: any) => j.kind === 'contender_run' && j.contender_id === b.contenders[0])).toMatchObject({
      status: 'failed', attempts: 1, error_code: 'provider_auth_failed',
    });
    expect(status.failed).toBe(true);
    expect(await b.creator.rpc('fn_battle_retry_runs', { battle_id: b.id })).toBe(1);
    await worker.runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('voting');
  });

  it('pushes the next attempt back by a long retry-after, with the production retry policy and backoff', async () => {
    const b = await aiBattle(db, [strong, weak]);
    servers.anthropic.reset();
    servers.anthropic.failNext({ status: 429, retryAfter: 30 });
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    const { rows: [before] } = await db.query<{ now: Date }>('select now()');
    // No test overrides: the provider retry policy of providerSource and the worker's retryBackoff.
    const worker = new ExecutionWorker({ db, providers: providerSource(KEYS), concurrency: 4, pollMs: 20 });
    await worker.runUntilIdle();
    // The 30 s wait was not spent inside the call (one request, no second attempt)…
    expect(servers.anthropic.requests).toHaveLength(1);
    // …but handed to the queue: the job waits at least that long.
    const { rows: [job] } = await db.query<{ status: string; attempts: number; wait_s: number; last_error_code: string }>(
      `select status, attempts, extract(epoch from run_at - $2::timestamptz)::float8 as wait_s, last_error_code
         from execution.jobs where battle_id = $1 and contender_id = $3`, [b.id, before.now, b.contenders[0]]);
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error_code: 'provider_rate_limited' });
    expect(job.wait_s).toBeGreaterThanOrEqual(30);
    const failed = (await eventsOf(db, b.id)).find((e) => e.event_type === 'run_failed')!;
    expect(failed.metadata).toMatchObject({ code: 'provider_rate_limited', state: 'queued' });
    expect((new Date(failed.metadata.retry_at as string).getTime() - before.now.getTime()) / 1000).toBeGreaterThanOrEqual(30);
    const run = (await runsOf(db, b.id)).find((r) => r.model_id === strong)!;
    expect(run).toMatchObject({ status: 'failed', error_code: 'provider_rate_limited' });
    await b.creator.rpc('fn_battles_cancel', { battle_id: b.id, reason: 'test done' }); // drops the queued retry
  });

  it('records a failed run when no provider serves the model (provider_not_configured); a demo worker serves it after a retry', async () => {
    const { rows: [m] } = await db.query<{ id: string }>(
      `insert into ai.models (provider, model_id, display_name) values ('scripted', 'demo-runs-1', 'Demo') returning id`);
    const b = await aiBattle(db, [m.id, weak]);
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle(); // built as production builds it without the demo seed

    const runs = (await runsOf(db, b.id)).filter((r) => r.model_id === m.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: 'failed', attempt: 1, purpose: 'contender', contender_id: b.contenders[0], error_code: 'provider_not_configured',
      output_hash: null, input_tokens: null, cost_usd: null, provider_request_id: null,
    });
    expect(runs[0].prompt_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(runs[0].error_message).toMatch(/demo stand-in/);
    const status = await b.creator.rpc<Record<string, any>>('fn_battle_execution_status', { battle_id: b.id });
    expect(status.runs.find((r: any) => r.id === runs[0].id)).toMatchObject({ status: 'failed', error_code: 'provider_not_configured' });
    expect(status.jobs.find((j: any) => j.contender_id === b.contenders[0])).toMatchObject({ status: 'failed', error_code: 'provider_not_configured' });
    const failed = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'run_failed');
    expect(failed.map((e) => [e.metadata.code, e.metadata.state])).toEqual([['provider_not_configured', 'failed']]);

    expect(await b.creator.rpc('fn_battle_retry_runs', { battle_id: b.id })).toBe(1);
    await makeWorker(db, { providers: providerSource(KEYS, { allowScripted: true }) }).runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('voting');
  });

  it('runs all contenders of a battle concurrently', async () => {
    const models = [strong, weak, strong, weak, strong, weak];
    const b = await aiBattle(db, models, { max_contenders: 6 });
    // Each call waits 300 ms at its server: only calls made concurrently are held there together.
    servers.anthropic.latencyMs = 300;
    servers.openai.latencyMs = 300;
    servers.anthropic.reset();
    servers.openai.reset();
    try {
      await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
      await makeWorker(db).runUntilIdle();
      expect((await battleRow(db, b.id)).status).toBe('voting');
      expect(servers.anthropic.maxInFlight + servers.openai.maxInFlight).toBe(6);
    } finally {
      servers.anthropic.latencyMs = 0;
      servers.openai.latencyMs = 0;
    }
  });

});

describe('provider keys', () => {
  it('never appear in runs, events, entries, job rows, API responses or logs', async () => {
    const { logger, lines } = captureLogger();
    const b = await aiBattle(db, [strong, weak]);
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

