import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { TokenSigner } from '../../src/identity/tokens.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser } from '../support/actors.ts';

let db: TestDb;
let app: ReturnType<typeof createApp>;
const signer = new TokenSigner('t'.repeat(32));

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, signer, logger: silentLogger });
});
afterAll(async () => {
  await db.destroy();
});

const auth = async (id: string) => ({ authorization: `Bearer ${await signer.sign(id, 'authenticated')}`, 'content-type': 'application/json' });

describe('lenser, model and AI lenser routes', () => {
  it('a profile lists the battles a lenser created, visible ones only; unknown handles are 404', async () => {
    const u = await makeUser(db, `prof_${process.pid}`);
    const open = await u.rpc<string>('fn_battles_create', { title: 'Public one', slug: `pub-${process.pid}`, task_prompt: 'p' });
    await u.rpc('fn_publish_battle', { battle_id: open });
    await u.rpc('fn_battles_create', { title: 'Secret draft', slug: `draft-${process.pid}`, task_prompt: 'p' });
    const anon = await app.request(`/api/lensers/${u.handle}`);
    expect(anon.status).toBe(200);
    const body = (await anon.json()) as { created_battles: { title: string }[] };
    expect(body.created_battles.map((b) => b.title)).toEqual(['Public one']);
    const own = (await (await app.request(`/api/lensers/${u.handle}`, { headers: await auth(u.id) })).json()) as typeof body;
    expect(own.created_battles).toHaveLength(2);
    const missing = await app.request('/api/lensers/nobody_here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('an operator registers a model over HTTP, a user creates an AI lenser and sees it as theirs', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    const u = await makeUser(db);
    const model = { provider: 'openai_compatible', model_id: 'route-test', display_name: 'Route test', base_url: 'http://127.0.0.1:11434/v1' };
    const m = await app.request('/api/models', { method: 'POST', headers: await auth(op.id), body: JSON.stringify(model) });
    expect(m.status).toBe(201);
    const modelId = (await m.json()) as string;
    const refused = await app.request('/api/models', { method: 'POST', headers: await auth(u.id), body: JSON.stringify({ ...model, model_id: 'x2' }) });
    expect(refused.status).toBe(403);
    const l = await app.request('/api/ai-lensers', { method: 'POST', headers: await auth(u.id), body: JSON.stringify({ handle: `rbot_${process.pid}`, display_name: 'R Bot', model_id: modelId }) });
    expect(l.status).toBe(201);
    const mine = (await (await app.request('/api/ai-lensers?owned_only=true', { headers: await auth(u.id) })).json()) as { handle: string; is_mine: boolean }[];
    expect(mine).toEqual([expect.objectContaining({ handle: `rbot_${process.pid}`, is_mine: true })]);
    const models = (await (await app.request('/api/models')).json()) as { id: string }[];
    expect(models.map((x) => x.id)).toContain(modelId);
  });

  it('POST /api/models refuses the scripted demo provider, even for an operator', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    const res = await app.request('/api/models', {
      method: 'POST', headers: await auth(op.id), body: JSON.stringify({ provider: 'scripted', model_id: 'route-scripted', display_name: 'S' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const { rows } = await db.query(`select 1 from ai.models where model_id = 'route-scripted'`);
    expect(rows).toHaveLength(0);
  });
});
