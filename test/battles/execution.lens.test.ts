// Lenses at run time: creating lenses and versions, assigning them to AI contenders, rendering the
// frozen input snapshot when the run starts, and blocking a run that misses a required parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, type Actor } from '../support/actors.ts';
import { battleRow, eventsOf, expectRefused, uniqueSlug } from '../support/battle-fixtures.ts';
import { addAiContender, addModel, aiBattle, makeWorker, startProviders, type Providers } from '../e2e/harness.ts';

let db: TestDb;
let servers: Providers;
let model: string;

beforeAll(async () => {
  db = await createTestDb();
  servers = await startProviders();
  model = await addModel(db, servers, 'openai_compatible', 'writer-strong');
});
afterAll(async () => {
  await servers.close();
  await db.destroy();
});

interface LensOut {
  lens_id: string;
  version_id: string;
  version: number;
  status: string;
}

async function lens(owner: Actor, body: string, params: unknown[] = [], extra: Record<string, unknown> = {}) {
  return owner.rpc<LensOut>('fn_lenses_create', { slug: uniqueSlug('lens'), title: 'A lens', template_body: body, params, ...extra });
}

/** An open lens battle, AI vs AI, with two contenders on the strong model (owned by the creator). */
async function lensBattle() {
  const b = await aiBattle(db, [], { title: 'Lens battle', task_prompt: 'Write about the sea.', task_source: 'lens' });
  b.contenders.push(await addAiContender(b.creator, b.id, model, 'You are Bot Zero.'));
  b.contenders.push(await addAiContender(b.creator, b.id, model));
  return b;
}

describe('lenses and versions', () => {
  it('creates a lens with a published first version, and further versions numbered in order', async () => {
    const owner = await makeUser(db);
    const l = await lens(owner, 'Write as a [[style]] poet.', [{ label: 'style', required: true, description: 'a style' }]);
    expect(l).toMatchObject({ version: 1, status: 'published' });
    const v2 = await owner.rpc<LensOut>('fn_lens_versions_create', { lens_id: l.lens_id, template_body: 'v2 [[style]]', publish: false });
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    const { rows } = await db.query('select version, status, params from lenses.versions where lens_id = $1 order by version', [l.lens_id]);
    expect(rows).toEqual([
      { version: 1, status: 'published', params: [{ label: 'style', required: true, description: 'a style' }] },
      { version: 2, status: 'draft', params: [] },
    ]);
  });

  it('refuses versions from anyone but the owner, duplicate labels, and taken slugs', async () => {
    const owner = await makeUser(db);
    const other = await makeUser(db);
    const l = await lens(owner, 'x');
    await expectRefused(other.rpc('fn_lens_versions_create', { lens_id: l.lens_id, template_body: 'y' }), 'forbidden');
    await expectRefused(
      owner.rpc('fn_lens_versions_create', { lens_id: l.lens_id, template_body: 'y', params: [{ label: 'a' }, { label: 'a' }] }),
      'invalid_input',
    );
    const slug = uniqueSlug('dup');
    await owner.rpc('fn_lenses_create', { slug, title: 't', template_body: 'b' });
    await expectRefused(owner.rpc('fn_lenses_create', { slug, title: 't', template_body: 'b' }), 'slug_taken');
  });
});

describe('assigning lenses', () => {
  it('only the creator assigns, only while draft or open, only to AI contenders', async () => {
    const b = await lensBattle();
    const l = await lens(b.creator, 'Be brief.');
    const stranger = await makeUser(db);
    const args = { battle_id: b.id, contender_id: b.contenders[0], lens_id: l.lens_id };
    await expectRefused(stranger.rpc('fn_battles_assign_lens', args), 'forbidden');
    const id = await b.creator.rpc<string>('fn_battles_assign_lens', { ...args, input_snapshot: { a: 1 } });
    // Assigning again replaces the assignment.
    expect(await b.creator.rpc<string>('fn_battles_assign_lens', { ...args, input_snapshot: { a: 2 } })).toBe(id);
    const { rows } = await db.query('select input_snapshot, version_id from battles.contender_lens_assignments where contender_id = $1', [b.contenders[0]]);
    expect(rows).toEqual([{ input_snapshot: { a: 2 }, version_id: null }]);

    const other = await lens(stranger, 'private', [], { is_public: false });
    await expectRefused(b.creator.rpc('fn_battles_assign_lens', { ...args, lens_id: other.lens_id }), 'not_found');
    const foreign = await lens(b.creator, 'another');
    await expectRefused(b.creator.rpc('fn_battles_assign_lens', { ...args, version_id: foreign.version_id }), 'not_found');

    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await expectRefused(b.creator.rpc('fn_battles_assign_lens', args), 'battle_not_open');
  });

  it('refuses a human contender', async () => {
    const creator = await makeUser(db);
    const id = await creator.rpc<string>('fn_battles_create', {
      title: 'HvA', slug: uniqueSlug('hva'), task_prompt: 'p', task_source: 'lens', contender_structure: 'human_vs_ai',
    });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    const human = await makeUser(db);
    const c = await human.rpc<string>('fn_battles_join', { battle_id: id });
    const l = await lens(creator, 'x');
    await expectRefused(creator.rpc('fn_battles_assign_lens', { battle_id: id, contender_id: c, lens_id: l.lens_id }), 'invalid_contender');
  });
});

describe('lenses at execution', () => {
  it('renders the snapshot into the system prompt, after the persona, and reports unknown tokens, extra values and defaults', async () => {
    const b = await lensBattle();
    const pinned = await lens(b.creator, 'Write as a [[style]] poet in [[language]]. Keep [[mystery]] as is. \\[[not a token]]', [
      { label: 'style', required: true },
      { label: 'language', required: false, default: 'English' },
    ]);
    // A newer version exists, but the pin holds.
    await b.creator.rpc('fn_lens_versions_create', { lens_id: pinned.lens_id, template_body: 'newer [[style]]', params: [{ label: 'style' }] });
    await b.creator.rpc('fn_battles_assign_lens', {
      battle_id: b.id, contender_id: b.contenders[0], lens_id: pinned.lens_id, version_id: pinned.version_id,
      input_snapshot: { style: 'haiku', unused: 'x' },
    });
    // Unpinned: the latest published version at execution start.
    const latest = await lens(b.creator, 'v1 [[tone]]', [{ label: 'tone', required: true }]);
    const v2 = await b.creator.rpc<LensOut>('fn_lens_versions_create', { lens_id: latest.lens_id, template_body: 'Use a [[tone]] tone.', params: [{ label: 'tone', required: true }] });
    await b.creator.rpc('fn_battles_assign_lens', { battle_id: b.id, contender_id: b.contenders[1], lens_id: latest.lens_id, input_snapshot: { tone: 'warm' } });

    servers.openai.reset();
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('voting');

    const systems = servers.openai.requests.map((r) => (r.body as { messages: { role: string; content: string }[] }).messages[0].content);
    expect(systems).toContain('You are Bot Zero.\n\nWrite as a haiku poet in English. Keep [[mystery]] as is. [[not a token]]');
    expect(systems).toContain('Use a warm tone.');
    for (const r of servers.openai.requests) {
      const messages = (r.body as { messages: { role: string; content: string }[] }).messages;
      expect(messages.at(-1)).toEqual({ role: 'user', content: 'Write about the sea.' });
    }

    const { rows } = await db.query<{ contender_id: string; render_report: any }>(
      'select contender_id, render_report from execution.runs where battle_id = $1', [b.id]);
    const report = (c: string) => rows.find((r) => r.contender_id === c)!.render_report;
    expect(report(b.contenders[0])).toEqual({
      lensId: pinned.lens_id, versionId: pinned.version_id, version: 1, pinned: true,
      unknownTokens: ['mystery'], extraValues: ['unused'], defaultsUsed: ['language'],
    });
    expect(report(b.contenders[1])).toMatchObject({ lensId: latest.lens_id, versionId: v2.version_id, version: 2, pinned: false });
    const completed = (await eventsOf(db, b.id)).filter((e) => e.event_type === 'run_completed');
    expect(completed.map((e) => (e.metadata.lens as any)?.unknownTokens)).toContainEqual(['mystery']);
  });

  it('blocks a run missing a required parameter with lens_param_missing naming it, without retrying or calling the model', async () => {
    const b = await lensBattle();
    const l = await lens(b.creator, 'About [[topic]] for [[audience]].', [
      { label: 'topic', required: true },
      { label: 'audience', required: true },
    ]);
    await b.creator.rpc('fn_battles_assign_lens', {
      battle_id: b.id, contender_id: b.contenders[0], lens_id: l.lens_id, input_snapshot: { topic: 'tides', audience: '  ' },
    });
    servers.openai.reset();
    await b.creator.rpc('fn_battle_start_execution', { battle_id: b.id });
    await makeWorker(db).runUntilIdle();

    expect(servers.openai.requests).toHaveLength(1); // only the other contender called its model
    expect((await battleRow(db, b.id)).status).toBe('executing');
    const status = await b.creator.rpc<Record<string, any>>('fn_battle_execution_status', { battle_id: b.id });
    expect(status.failed).toBe(true);
    const job = status.jobs.find((j: any) => j.contender_id === b.contenders[0]);
    expect(job).toMatchObject({ status: 'failed', attempts: 1, error_code: 'lens_param_missing' });
    expect(job.error_message).toBe('Missing value for required lens parameter: audience.');
    const run = status.runs.find((r: any) => r.contender_id === b.contenders[0]);
    expect(run).toMatchObject({ status: 'failed', error_code: 'lens_param_missing', prompt_hash: null });
    expect(run.render_report).toMatchObject({ missing: ['audience'] });
    const failed = (await eventsOf(db, b.id)).find((e) => e.event_type === 'run_failed');
    expect(failed?.metadata).toMatchObject({ code: 'lens_param_missing', state: 'failed', message: expect.stringContaining('audience') });
  });
});
