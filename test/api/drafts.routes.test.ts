// The draft read-backs over HTTP (src/api/routes/drafts.ts): invitations with their status and a new
// link, and the judging settings, each refused to anyone but those who may see them.
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

describe('draft read-back routes', () => {
  it('lists invitations, renews a link, reads the judging settings; others get 404, a draft edit takes invite_only', async () => {
    const me = await api.user();
    const judge = await api.user();
    const model = await makeAiLenser(api.db, null);
    const as = { token: me.token };
    const id = await me.actor.rpc<string>('fn_battles_create', { title: 'Read back', slug: uniqueSlug('rb'), task_prompt: 'T.', judging_mode: 'rubric_score' });
    const edit = await api.post(`/api/battles/${id}/draft`, { patch: { invite_only: true } }, as);
    expect(edit.status, edit.text).toBe(204);
    expect((await api.get<{ invite_only: boolean }>(`/api/battles/${id}`, as)).body.invite_only).toBe(true);

    const sent = await api.post<Array<{ invitation_id: string; token: string }>>(`/api/battles/${id}/invitations`, { email: 'a@example.test' }, as);
    const [{ invitation_id, token }] = sent.body;
    const list = await api.get<Array<Record<string, unknown>>>(`/api/battles/${id}/invitations`, as);
    expect(list.status, list.text).toBe(200);
    const rows = list.body;
    expect(rows).toMatchObject([{ invitation_id, email: 'a@example.test', status: 'pending', accepted_at: null, accepted_handle: null }]);
    expect(typeof rows[0].created_at).toBe('string');
    expect(list.text).not.toContain(token);
    const renewed = await api.post(`/api/battles/${id}/invitations/${invitation_id}/renew`, undefined, as);
    expect(renewed.status, renewed.text).toBe(200);
    expect(renewed.body).toMatchObject({ invitation_id, token: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await me.actor.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: model.model_id });
    await me.actor.rpc('fn_battles_name_judge', { battle_id: id, profile_id: judge.id });
    const judging = await api.get(`/api/battles/${id}/judging`, as);
    expect(judging.body).toMatchObject({ judge_model_id: model.model_id, judges: [{ profile_id: judge.id, handle: judge.handle }] });

    const other = { token: (await api.user()).token };
    for (const path of ['invitations', 'judging']) expectError(await api.get(`/api/battles/${id}/${path}`, other), 404);
    expectError(await api.get(`/api/battles/${id}/invitations`), 404);
  });
});
