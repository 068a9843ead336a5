// The lens catalogue and the battle's lens: what a creator may pick (fn_lenses_list, fn_lens_get),
// setting it for every AI contender with its values (fn_battles_set_lens, required parameters refused
// with lens_param_missing by the same rule as the renderer), and reading it back (fn_battle_lens).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLensWithSnapshot, type LensParam } from '../../src/core/lens-render.ts';
import { makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { expectRefused, uniqueSlug } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

interface LensOut { lens_id: string; version_id: string; version: number }
interface BattleLens {
  lens: { lens_id: string; version_id: string | null; version: number | null; input_snapshot: Record<string, unknown>; title: string } | null;
  assignments: Array<{ contender_id: string; slot: string; lens_id: string; version_id: string | null; input_snapshot: Record<string, unknown> }>;
}

const PARAMS = [
  { label: 'audience', required: true, description: 'who reads it' },
  { label: 'tone', required: true, default: 'warm' },
  { label: 'length', required: false },
];

async function lens(owner: Actor, extra: Record<string, unknown> = {}) {
  return owner.rpc<LensOut>('fn_lenses_create', {
    slug: uniqueSlug('lens'), title: 'Explainer', template_body: 'Explain for [[audience]] in a [[tone]] tone. [[length]]', params: PARAMS, ...extra,
  });
}

async function lensBattle(creator: Actor, status: 'draft' | 'open' = 'draft') {
  const id = await creator.rpc<string>('fn_battles_create', {
    title: 'Lens battle', slug: uniqueSlug('lb'), task_prompt: 'Explain tides.', task_source: 'lens', contender_structure: 'ai_vs_ai',
  });
  if (status === 'open') await creator.rpc('fn_publish_battle', { battle_id: id });
  return id;
}

async function addAi(creator: Actor, battleId: string) {
  const ai = await makeAiLenser(db, creator);
  return creator.rpc<string>('fn_battles_add_ai_contender', { battle_id: battleId, ai_lenser_id: ai.ai_lenser_id });
}

describe('lens catalogue', () => {
  it('lists public lenses and your own with their published versions, but not others\' private ones or unpublished lenses', async () => {
    const me = await makeUser(db);
    const other = await makeUser(db);
    const mine = await lens(me, { is_public: false });
    await me.rpc('fn_lens_versions_create', { lens_id: mine.lens_id, template_body: 'v2 [[audience]]', params: [{ label: 'audience', required: true }] });
    await me.rpc('fn_lens_versions_create', { lens_id: mine.lens_id, template_body: 'draft v3', publish: false });
    const pub = await lens(other);
    const hidden = await lens(other, { is_public: false });
    const list = await me.rpc<Array<{ id: string; is_mine: boolean; latest_version: number; versions: Array<{ version: number; params: LensParam[] }> }>>('fn_lenses_list');
    const ids = list.map((l) => l.id);
    expect(ids).toContain(mine.lens_id);
    expect(ids).toContain(pub.lens_id);
    expect(ids).not.toContain(hidden.lens_id);
    const row = list.find((l) => l.id === mine.lens_id)!;
    expect(row).toMatchObject({ is_mine: true, latest_version: 2 });
    expect(row.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(row.versions[1].params).toEqual(PARAMS);
    expect(list.find((l) => l.id === pub.lens_id)!.is_mine).toBe(false);
  });

  it('reads one lens with its templates; drafts only for the owner, others\' private lenses not at all', async () => {
    const me = await makeUser(db);
    const other = await makeUser(db);
    const l = await lens(me);
    await me.rpc('fn_lens_versions_create', { lens_id: l.lens_id, template_body: 'draft', publish: false });
    const own = await me.rpc<{ versions: Array<{ version: number; status: string; template_body: string }> }>('fn_lens_get', { lens_id: l.lens_id });
    expect(own.versions.map((v) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'published']]);
    const seen = await other.rpc<{ versions: Array<{ version: number }> }>('fn_lens_get', { lens_id: l.lens_id });
    expect(seen.versions.map((v) => v.version)).toEqual([1]);
    const priv = await lens(me, { is_public: false });
    expect(await other.rpc('fn_lens_get', { lens_id: priv.lens_id })).toBeNull();
  });
});

describe('the battle lens', () => {
  it('assigns the lens with its values to every AI contender, present and joining later', async () => {
    const creator = await makeUser(db);
    const l = await lens(creator);
    const id = await lensBattle(creator);
    const first = await addAi(creator, id);
    const set = await creator.rpc<{ assigned: number; version: number }>('fn_battles_set_lens', {
      battle_id: id, lens_id: l.lens_id, input_snapshot: { audience: 'children' },
    });
    expect(set).toMatchObject({ assigned: 1, version: 1 });
    const second = await addAi(creator, id);
    const read = await creator.rpc<BattleLens>('fn_battle_lens', { battle_id: id });
    expect(read.lens).toMatchObject({ lens_id: l.lens_id, version_id: null, input_snapshot: { audience: 'children' }, title: 'Explainer' });
    expect(read.assignments.map((a) => [a.contender_id, a.lens_id, a.version_id, a.input_snapshot])).toEqual([
      [first, l.lens_id, null, { audience: 'children' }],
      [second, l.lens_id, null, { audience: 'children' }],
    ]);
  });

  it('pins a version, replaces the values when set again, and clears every assignment with a null lens', async () => {
    const creator = await makeUser(db);
    const l = await lens(creator);
    const id = await lensBattle(creator, 'open');
    const c = await addAi(creator, id);
    await creator.rpc('fn_battles_set_lens', { battle_id: id, lens_id: l.lens_id, version_id: l.version_id, input_snapshot: { audience: 'a' } });
    await creator.rpc('fn_battles_set_lens', { battle_id: id, lens_id: l.lens_id, version_id: l.version_id, input_snapshot: { audience: 'b', tone: 'dry' } });
    const read = await creator.rpc<BattleLens>('fn_battle_lens', { battle_id: id });
    expect(read.assignments).toMatchObject([{ contender_id: c, version_id: l.version_id, input_snapshot: { audience: 'b', tone: 'dry' } }]);
    await creator.rpc('fn_battles_set_lens', { battle_id: id });
    expect(await creator.rpc<BattleLens>('fn_battle_lens', { battle_id: id })).toEqual({ lens: null, assignments: [] });
  });

  it('refuses a missing required parameter with lens_param_missing naming it, blank text included', async () => {
    const creator = await makeUser(db);
    const l = await lens(creator);
    const id = await lensBattle(creator);
    const err = await expectRefused(creator.rpc('fn_battles_set_lens', { battle_id: id, lens_id: l.lens_id, input_snapshot: { audience: ' \u00a0' } }), 'lens_param_missing');
    expect(err.message).toBe('Missing value for required lens parameter: audience.');
    // tone has a default, so only audience is required of the creator.
    await creator.rpc('fn_battles_set_lens', { battle_id: id, lens_id: l.lens_id, input_snapshot: { audience: 'x' } });
  });

  it('lets only the creator set it, only while draft or open, and only with a lens they may use', async () => {
    const creator = await makeUser(db);
    const stranger = await makeUser(db);
    const l = await lens(creator);
    const theirs = await lens(stranger, { is_public: false });
    const id = await lensBattle(creator, 'open');
    await expectRefused(stranger.rpc('fn_battles_set_lens', { battle_id: id, lens_id: l.lens_id, input_snapshot: { audience: 'x' } }), 'forbidden');
    await expectRefused(creator.rpc('fn_battles_set_lens', { battle_id: id, lens_id: theirs.lens_id, input_snapshot: { audience: 'x' } }), 'not_found');
    await expectRefused(creator.rpc('fn_battles_set_lens', { battle_id: id, lens_id: l.lens_id, version_id: theirs.version_id, input_snapshot: { audience: 'x' } }), 'not_found');
    await creator.rpc('fn_battles_cancel', { battle_id: id });
    await expectRefused(creator.rpc('fn_battles_set_lens', { battle_id: id, lens_id: l.lens_id, input_snapshot: { audience: 'x' } }), 'battle_not_open');
  });

  it('hides the assignments (which name contenders) from a voter who has not voted yet', async () => {
    const creator = await makeUser(db);
    const voter = await makeUser(db);
    const l = await lens(creator);
    const id = await lensBattle(creator, 'open');
    await addAi(creator, id);
    await creator.rpc('fn_battles_set_lens', { battle_id: id, lens_id: l.lens_id, input_snapshot: { audience: 'x' } });
    await db.query(`update battles.battles set status = 'voting' where id = $1`, [id]);
    const read = await voter.rpc<BattleLens>('fn_battle_lens', { battle_id: id });
    expect(read.lens?.lens_id).toBe(l.lens_id);
    expect(read.assignments).toEqual([]);
  });
});

describe('required parameters: the database and the renderer agree', () => {
  const blanks = ['', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', ' x ', 'x'];
  const value = fc.oneof(fc.constantFrom(...blanks), fc.constant(null), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant({ a: 1 }));
  const param = fc.record({
    required: fc.boolean(),
    default: fc.option(fc.constantFrom(...blanks), { nil: undefined }),
  });

  it('lenses.fn_missing_params names the same parameters as renderLensWithSnapshot', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(param, value), { minLength: 1, maxLength: 5 }), async (cases) => {
        const params: LensParam[] = cases.map(([p], i) => ({ label: `p${i}`, required: p.required, ...(p.default !== undefined && { default: p.default }) }));
        const snapshot: Record<string, unknown> = {};
        cases.forEach(([, v], i) => {
          if (v !== undefined) snapshot[`p${i}`] = v;
        });
        const rendered = renderLensWithSnapshot(params.map((p) => `[[${p.label}]]`).join(' '), snapshot, params);
        const expected = rendered.ok ? [] : rendered.missing;
        const { rows } = await db.query<{ missing: string[] }>('select lenses.fn_missing_params($1::jsonb, $2::jsonb) as missing',
          [JSON.stringify(params), JSON.stringify(snapshot)]);
        expect(rows[0].missing).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
