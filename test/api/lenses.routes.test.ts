// The lens routes over HTTP (src/api/routes/lenses.ts): the catalogue, one lens, and the battle's lens
// with its refusals as stable error codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { TokenSigner } from '../../src/identity/tokens.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { makeAiLenser, makeUser } from '../support/actors.ts';
import { uniqueSlug } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
let app: ReturnType<typeof createApp>;
const signer = new TokenSigner('l'.repeat(32));

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, signer, logger: silentLogger });
});
afterAll(async () => {
  await db.destroy();
});

const headers = async (id: string) => ({ authorization: `Bearer ${await signer.sign(id, 'authenticated')}`, 'content-type': 'application/json' });

describe('lens routes', () => {
  it('lists usable lenses, reads one, sets the battle lens and reads it back; a missing value is a 400 lens_param_missing', async () => {
    const me = await makeUser(db);
    const h = await headers(me.id);
    const created = await app.request('/api/lenses', { method: 'POST', headers: h, body: JSON.stringify({
      slug: uniqueSlug('lens'), title: 'Poet', template_body: 'Write as a [[style]] poet.', params: [{ label: 'style', required: true }],
    }) });
    expect(created.status).toBe(201);
    const { lens_id } = (await created.json()) as { lens_id: string };

    const list = (await (await app.request('/api/lenses', { headers: h })).json()) as Array<{ id: string; versions: Array<{ params: unknown }> }>;
    expect(list.find((l) => l.id === lens_id)?.versions[0].params).toEqual([{ label: 'style', required: true }]);
    const one = await app.request(`/api/lenses/${lens_id}`, { headers: h });
    expect(((await one.json()) as { versions: Array<{ template_body: string }> }).versions[0].template_body).toBe('Write as a [[style]] poet.');
    const unknown = await app.request(`/api/lenses/${crypto.randomUUID()}`, { headers: h });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });

    const battle = await me.rpc<string>('fn_battles_create', {
      title: 'Lens over HTTP', slug: uniqueSlug('lh'), task_prompt: 'A poem.', task_source: 'lens', contender_structure: 'ai_vs_ai',
    });
    const ai = await makeAiLenser(db, me);
    await me.rpc('fn_battles_add_ai_contender', { battle_id: battle, ai_lenser_id: ai.ai_lenser_id });
    const refused = await app.request(`/api/battles/${battle}/lens`, { method: 'POST', headers: h, body: JSON.stringify({ lens_id, input_snapshot: { style: '' } }) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'lens_param_missing', message: 'Missing value for required lens parameter: style.' } });
    const bad = await app.request(`/api/battles/${battle}/lens`, { method: 'POST', headers: h, body: JSON.stringify({ lens_id, colour: 'red' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input' } });

    const set = await app.request(`/api/battles/${battle}/lens`, { method: 'POST', headers: h, body: JSON.stringify({ lens_id, input_snapshot: { style: 'gothic' } }) });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ lens_id, version_id: null, version: 1, assigned: 1 });
    const read = (await (await app.request(`/api/battles/${battle}/lens`, { headers: h })).json()) as { lens: unknown; assignments: unknown[] };
    expect(read.lens).toMatchObject({ lens_id, title: 'Poet', input_snapshot: { style: 'gothic' } });
    expect(read.assignments).toMatchObject([{ slot: 'A', lens_id, input_snapshot: { style: 'gothic' } }]);
    // A draft is nobody else's business.
    const stranger = await makeUser(db);
    const hidden = await app.request(`/api/battles/${battle}/lens`, { headers: await headers(stranger.id) });
    expect(hidden.status).toBe(404);
  });
});
