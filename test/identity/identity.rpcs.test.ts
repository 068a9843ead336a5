import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { actingAs, makeUser } from '../support/actors.ts';
import { refusal } from '../support/battle-fixtures.ts';
import { withClaims } from '../../src/db/claims.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

describe('identity RPCs', () => {
  it('an operator registers a model and a human creates an AI lenser they own', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    const owner = await makeUser(db);
    const modelId = await op.rpc<string>('fn_models_create', { provider: 'openai_compatible', model_id: 'llama3', display_name: 'Llama 3', base_url: 'http://127.0.0.1:11434/v1' });
    const aiId = await owner.rpc<string>('fn_ai_lensers_create', { handle: `bot_${Date.now() % 1e6}`, display_name: 'Bot', model_id: modelId });
    const { rows } = await db.query<{ owner_profile_id: string; kind: string }>(
      'select l.owner_profile_id, p.kind from agents.ai_lensers l join lensers.profiles p on p.id = l.profile_id where l.id = $1',
      [aiId],
    );
    expect(rows[0]).toEqual({ owner_profile_id: owner.id, kind: 'ai' });
  });

  it('refuses to register a scripted model, even for an operator, with provider_demo_only (API and SQL)', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    // The API edge does not offer the provider at all…
    await expect(op.rpc('fn_models_create', { provider: 'scripted', model_id: 'demo-x', display_name: 'x' })).rejects.toMatchObject({
      code: 'invalid_input', status: 400,
    });
    // …and the RPC itself refuses it, however it is called.
    const err = await refusal(withClaims(db, op.claims, (tx) =>
      tx.query(`select ai.fn_models_create(p_provider => 'scripted', p_model_id => 'demo-x', p_display_name => 'x')`)));
    expect(err.code).toBe('provider_demo_only');
    const { rows } = await db.query(`select 1 from ai.models where model_id = 'demo-x'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses an api_key_env that is not an LF_PROVIDER_KEY_ variable name, and stores a valid one', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    const base = { provider: 'openai_compatible', display_name: 'k', base_url: 'http://127.0.0.1:1/v1' };
    for (const bad of ['LF_JWT_SECRET', 'DATABASE_URL', 'lf_provider_key_x', 'sk-live-123']) {
      await expect(op.rpc('fn_models_create', { ...base, model_id: `k-${bad}`, api_key_env: bad })).rejects.toMatchObject({ code: 'invalid_input' });
      const err = await refusal(withClaims(db, op.claims, (tx) =>
        tx.query(`select ai.fn_models_create(p_provider => 'openai_compatible', p_model_id => $1, p_display_name => 'k', p_api_key_env => $2)`,
          [`k-${bad}`, bad])));
      expect(err.code, bad).toBe('invalid_input');
    }
    const id = await op.rpc<string>('fn_models_create', { ...base, model_id: 'k-ok', api_key_env: 'LF_PROVIDER_KEY_VLLM_1' });
    const { rows } = await db.query<{ api_key_env: string }>('select api_key_env from ai.models where id = $1', [id]);
    expect(rows[0].api_key_env).toBe('LF_PROVIDER_KEY_VLLM_1');
  });

  it('a non-operator cannot register models or verify lensers', async () => {
    const u = await makeUser(db);
    await expect(u.rpc('fn_models_create', { provider: 'anthropic', model_id: 'x', display_name: 'x' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(u.rpc('fn_set_verified', { profile_id: u.id })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('an operator verifies a lenser; guests cannot be verified', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    const u = await makeUser(db);
    const guest = await makeUser(db, undefined, { anonymous: true });
    await op.rpc('fn_set_verified', { profile_id: u.id });
    const { rows } = await db.query<{ is_verified: boolean }>('select is_verified from lensers.profiles where id = $1', [u.id]);
    expect(rows[0].is_verified).toBe(true);
    await expect(op.rpc('fn_set_verified', { profile_id: guest.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('acting as an AI lenser someone else owns is refused with act_as_forbidden', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    const owner = await makeUser(db);
    const other = await makeUser(db);
    const modelId = await op.rpc<string>('fn_models_create', { provider: 'anthropic', model_id: `m${Date.now()}`, display_name: 'm' });
    const aiId = await owner.rpc<string>('fn_ai_lensers_create', { handle: `pb_${Date.now() % 1e6}`, display_name: 'P', model_id: modelId });
    await expect(
      actingAs(db, other, aiId).rpc('fn_battles_create', { title: 't', slug: `s-${Date.now()}`, task_prompt: 'p' }),
    ).rejects.toMatchObject({ code: 'act_as_forbidden', status: 403 });
  });

  it('handles are unique across humans and AI lenser personas', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    const owner = await makeUser(db, `taken_${process.pid}`);
    const modelId = await op.rpc<string>('fn_models_create', { provider: 'anthropic', model_id: `h${Date.now()}`, display_name: 'h' });
    await expect(
      owner.rpc('fn_ai_lensers_create', { handle: owner.handle, display_name: 'dup', model_id: modelId }),
    ).rejects.toMatchObject({ code: 'handle_taken', status: 409 });
  });
});
