// The draft read-backs over HTTP (src/api/routes/drafts.ts): invitations with their status and a new
// link, and the judging settings, each refused to anyone but those who may see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { TokenSigner } from '../../src/identity/tokens.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { makeAiLenser, makeUser } from '../support/actors.ts';
import { uniqueSlug } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
let app: ReturnType<typeof createApp>;
const signer = new TokenSigner('d'.repeat(32));

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, signer, logger: silentLogger });
});
afterAll(async () => {
  await db.destroy();
});

const headers = async (id: string) => ({ authorization: `Bearer ${await signer.sign(id, 'authenticated')}`, 'content-type': 'application/json' });

describe('draft read-back routes', () => {
  it('lists invitations, renews a link, reads the judging settings; others get 404, a draft edit takes invite_only', async () => {
    const me = await makeUser(db);
    const judge = await makeUser(db);
    const model = await makeAiLenser(db, null);
    const h = await headers(me.id);
    const id = await me.rpc<string>('fn_battles_create', { title: 'Read back', slug: uniqueSlug('rb'), task_prompt: 'T.', judging_mode: 'rubric_score' });
    const edit = await app.request(`/api/battles/${id}/draft`, { method: 'POST', headers: h, body: JSON.stringify({ patch: { invite_only: true } }) });
    expect(edit.status).toBe(204);
    expect(((await (await app.request(`/api/battles/${id}`, { headers: h })).json()) as { invite_only: boolean }).invite_only).toBe(true);

    const sent = await app.request(`/api/battles/${id}/invitations`, { method: 'POST', headers: h, body: JSON.stringify({ email: 'a@example.test' }) });
    const [{ invitation_id, token }] = (await sent.json()) as Array<{ invitation_id: string; token: string }>;
    const list = await app.request(`/api/battles/${id}/invitations`, { headers: h });
    expect(list.status).toBe(200);
    const rows = (await list.json()) as Array<Record<string, unknown>>;
    expect(rows).toMatchObject([{ invitation_id, email: 'a@example.test', status: 'pending', accepted_at: null, accepted_handle: null }]);
    expect(typeof rows[0].created_at).toBe('string');
    expect(JSON.stringify(rows)).not.toContain(token);
    const renewed = await app.request(`/api/battles/${id}/invitations/${invitation_id}/renew`, { method: 'POST', headers: h });
    expect(renewed.status).toBe(200);
    expect(await renewed.json()).toMatchObject({ invitation_id, token: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await me.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: model.model_id });
    await me.rpc('fn_battles_name_judge', { battle_id: id, profile_id: judge.id });
    const judging = await app.request(`/api/battles/${id}/judging`, { headers: h });
    expect(await judging.json()).toMatchObject({ judge_model_id: model.model_id, judges: [{ profile_id: judge.id, handle: judge.handle }] });

    const other = await headers((await makeUser(db)).id);
    for (const path of ['invitations', 'judging']) {
      const res = await app.request(`/api/battles/${id}/${path}`, { headers: other });
      expect(res.status, path).toBe(404);
    }
    const anon = await app.request(`/api/battles/${id}/invitations`);
    expect(anon.status).toBe(404);
  });
});
