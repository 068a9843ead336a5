// Lenser profiles, models and AI lensers over HTTP: a profile's created battles as the caller may see
// them, model registration (operators only, never the scripted demo provider) and owned AI lensers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, expectError } from './api-client.ts';

let api: Awaited<ReturnType<typeof createApiClient>>;
beforeAll(async () => {
  api = await createApiClient();
});
afterAll(async () => {
  await api.db.destroy();
});

describe('lenser, model and AI lenser routes', () => {
  it('a profile lists the battles a lenser created, visible ones only; unknown handles are 404', async () => {
    const u = await api.user(`prof_${process.pid}`);
    const open = await u.actor.rpc<string>('fn_battles_create', { title: 'Public one', slug: `pub-${process.pid}`, task_prompt: 'p' });
    await u.actor.rpc('fn_publish_battle', { battle_id: open });
    await u.actor.rpc('fn_battles_create', { title: 'Secret draft', slug: `draft-${process.pid}`, task_prompt: 'p' });
    const anon = await api.get<{ created_battles: { title: string }[] }>(`/api/lensers/${u.handle}`);
    expect(anon.status, anon.text).toBe(200);
    expect(anon.body.created_battles.map((b) => b.title)).toEqual(['Public one']);
    const own = (await api.get<typeof anon.body>(`/api/lensers/${u.handle}`, { token: u.token })).body;
    expect(own.created_battles).toHaveLength(2);
    expectError(await api.get('/api/lensers/nobody_here'), 404, 'not_found');
  });

  it('an operator registers a model over HTTP, a user creates an AI lenser and sees it as theirs', async () => {
    const op = await api.user(undefined, { operator: true });
    const u = await api.user();
    const model = { provider: 'openai_compatible', model_id: 'route-test', display_name: 'Route test', base_url: 'http://127.0.0.1:11434/v1' };
    const m = await api.post<string>('/api/models', model, { token: op.token });
    expect(m.status, m.text).toBe(201);
    const modelId = m.body;
    const refused = await api.post('/api/models', { ...model, model_id: 'x2' }, { token: u.token });
    expect(refused.status, refused.text).toBe(403);
    const l = await api.post('/api/ai-lensers', { handle: `rbot_${process.pid}`, display_name: 'R Bot', model_id: modelId }, { token: u.token });
    expect(l.status, l.text).toBe(201);
    const mine = (await api.get<{ handle: string; is_mine: boolean }[]>('/api/ai-lensers?owned_only=true', { token: u.token })).body;
    expect(mine).toEqual([expect.objectContaining({ handle: `rbot_${process.pid}`, is_mine: true })]);
    const models = (await api.get<{ id: string }[]>('/api/models')).body;
    expect(models.map((x) => x.id)).toContain(modelId);
  });

  it('POST /api/models refuses the scripted demo provider, even for an operator', async () => {
    const op = await api.user(undefined, { operator: true });
    const res = await api.post('/api/models', { provider: 'scripted', model_id: 'route-scripted', display_name: 'S' }, { token: op.token });
    expectError(res, 400, 'invalid_input');
    const { rows } = await api.db.query(`select 1 from ai.models where model_id = 'route-scripted'`);
    expect(rows).toHaveLength(0);
  });
});
