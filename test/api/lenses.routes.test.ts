// The lens routes over HTTP (src/api/routes/lenses.ts): the catalogue, one lens, and the battle's lens
// with its refusals as stable error codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAiLenser } from '../support/actors.ts';
import { uniqueSlug } from '../support/battle-fixtures.ts';
import { createApiClient, expectError } from './api-client.ts';

let api: Awaited<ReturnType<typeof createApiClient>>;
beforeAll(async () => {
  api = await createApiClient();
});
afterAll(async () => {
  await api.db.destroy();
});

describe('lens routes', () => {
  it('lists usable lenses, reads one, sets the battle lens and reads it back; a missing value is a 400 lens_param_missing', async () => {
    const me = await api.user();
    const as = { token: me.token };
    const created = await api.post<{ lens_id: string }>('/api/lenses', {
      slug: uniqueSlug('lens'), title: 'Poet', template_body: 'Write as a [[style]] poet.', params: [{ label: 'style', required: true }],
    }, as);
    expect(created.status, created.text).toBe(201);
    const { lens_id } = created.body;

    const list = (await api.get<Array<{ id: string; versions: Array<{ params: unknown }> }>>('/api/lenses', as)).body;
    expect(list.find((l) => l.id === lens_id)?.versions[0].params).toEqual([{ label: 'style', required: true }]);
    const one = await api.get<{ versions: Array<{ template_body: string }> }>(`/api/lenses/${lens_id}`, as);
    expect(one.body.versions[0].template_body).toBe('Write as a [[style]] poet.');
    expectError(await api.get(`/api/lenses/${crypto.randomUUID()}`, as), 404, 'not_found');

    const battle = await me.actor.rpc<string>('fn_battles_create', {
      title: 'Lens over HTTP', slug: uniqueSlug('lh'), task_prompt: 'A poem.', task_source: 'lens', contender_structure: 'ai_vs_ai',
    });
    const ai = await makeAiLenser(api.db, me.actor);
    await me.actor.rpc('fn_battles_add_ai_contender', { battle_id: battle, ai_lenser_id: ai.ai_lenser_id });
    const refused = await api.post(`/api/battles/${battle}/lens`, { lens_id, input_snapshot: { style: '' } }, as);
    expectError(refused, 400, 'lens_param_missing');
    expect(refused.body.error.message).toBe('Missing value for required lens parameter: style.');
    expectError(await api.post(`/api/battles/${battle}/lens`, { lens_id, colour: 'red' }, as), 400, 'invalid_input');

    const set = await api.post(`/api/battles/${battle}/lens`, { lens_id, input_snapshot: { style: 'gothic' } }, as);
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ lens_id, version_id: null, version: 1, assigned: 1 });
    const read = (await api.get<{ lens: unknown; assignments: unknown[] }>(`/api/battles/${battle}/lens`, as)).body;
    expect(read.lens).toMatchObject({ lens_id, title: 'Poet', input_snapshot: { style: 'gothic' } });
    expect(read.assignments).toMatchObject([{ slot: 'A', lens_id, input_snapshot: { style: 'gothic' } }]);
    // A draft is nobody else's business.
    const stranger = await api.user();
    expectError(await api.get(`/api/battles/${battle}/lens`, { token: stranger.token }), 404);
  });
});
