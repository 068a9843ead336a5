// Creating battles: fn_battles_create, the daily creation cap (which also covers clone and
// create-from-template), fn_battles_clone, templates, draft edits and rubrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, anonActor, makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import {
  battleIn,
  battleRow,
  clearSetting,
  createBattle,
  eventsOf,
  expectRefused,
  setSetting,
  uniqueSlug,
} from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

const CAP = 'app.battles_daily_create_cap';

function createArgs(extra: Record<string, unknown> = {}) {
  return { title: 'A battle', slug: uniqueSlug(), task_prompt: 'Write a limerick', ...extra };
}

describe('fn_battles_create', () => {
  it('creates a draft owned by the caller with the legacy battle_type of its axes and a create event', async () => {
    const me = await makeUser(db);
    const id = await me.rpc<string>('fn_battles_create', createArgs({ title: '  Padded title  ', voter_eligibility: 'lenser_only', max_contenders: 4 }));
    const row = await battleRow(db, id);
    expect(row).toMatchObject({
      status: 'draft',
      creator_lenser_id: me.id,
      principal_id: me.id,
      title: 'Padded title',
      task_source: 'challenge',
      contender_structure: 'human_vs_human',
      judging_mode: 'community_vote',
      battle_type: 'human_vs_human_open_votes',
      voter_eligibility: 'lenser_only',
      max_contenders: 4,
      invite_code: null,
      rule_snapshot: null,
      total_vote_count: 0,
    });
    expect(await eventsOf(db, id)).toEqual([
      { event_type: 'status_change', actor_id: me.id, metadata: { from: null, to: 'draft', action: 'create' } },
    ]);
  });

  it('gives an invite-only battle a URL-safe invite code', async () => {
    const me = await makeUser(db);
    const id = await me.rpc<string>('fn_battles_create', createArgs({ invite_only: true }));
    expect((await battleRow(db, id)).invite_code).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('a battle created while acting as an AI persona belongs to the persona and counts against its owner', async () => {
    const owner = await makeUser(db);
    const ai = await makeAiLenser(db, owner);
    const id = await actingAs(db, owner, ai.ai_lenser_id).rpc<string>('fn_battles_create', createArgs());
    expect(await battleRow(db, id)).toMatchObject({ creator_lenser_id: ai.profile_id, principal_id: owner.id });
  });

  it('refuses anonymous callers with not_authenticated', async () => {
    await expectRefused(anonActor(db).rpc('fn_battles_create', createArgs()), 'not_authenticated');
  });

  it('refuses guest accounts with guest_not_allowed', async () => {
    const guest = await makeUser(db, undefined, { anonymous: true });
    await expectRefused(guest.rpc('fn_battles_create', createArgs()), 'guest_not_allowed');
  });

  it('refuses acting as an AI lenser the caller does not own with act_as_forbidden', async () => {
    const me = await makeUser(db);
    const theirs = await makeAiLenser(db, await makeUser(db));
    await expectRefused(actingAs(db, me, theirs.ai_lenser_id).rpc('fn_battles_create', createArgs()), 'act_as_forbidden');
  });

  it('refuses a taken slug with slug_taken', async () => {
    const me = await makeUser(db);
    const slug = uniqueSlug();
    await me.rpc('fn_battles_create', createArgs({ slug }));
    const err = await expectRefused((await makeUser(db)).rpc('fn_battles_create', createArgs({ slug })), 'slug_taken');
    expect(err.status).toBe(409);
  });

  it('refuses a slug that is not URL-safe and an empty title at the edge with invalid_input', async () => {
    const me = await makeUser(db);
    await expectRefused(me.rpc('fn_battles_create', createArgs({ slug: 'Not A Slug' })), 'invalid_input');
    await expectRefused(me.rpc('fn_battles_create', createArgs({ title: '   ' })), 'invalid_input');
    await expectRefused(me.rpc('fn_battles_create', createArgs({ max_contenders: 1 })), 'invalid_input');
  });

  it('refuses an invalid combination of axes with invalid_axes', async () => {
    const me = await makeUser(db);
    const err = await expectRefused(
      me.rpc('fn_battles_create', createArgs({ task_source: 'lens', contender_structure: 'human_vs_human' })),
      'invalid_axes',
    );
    expect(err.message).toContain('lens_needs_ai_contender');
  });

  it('refuses auto_score without an auto-scored challenge type, and accepts it with one', async () => {
    const me = await makeUser(db);
    await expectRefused(me.rpc('fn_battles_create', createArgs({ judging_mode: 'auto_score' })), 'invalid_axes');
    await expectRefused(me.rpc('fn_battles_create', createArgs({ judging_mode: 'auto_score', challenge_type: 'poetry' })), 'invalid_axes');
    const id = await me.rpc<string>('fn_battles_create', createArgs({ judging_mode: 'auto_score', challenge_type: 'math_calculation' }));
    expect((await battleRow(db, id)).battle_type).toBe('human_vs_human_ai_votes');
  });

  it('refuses a voting window that closes before it opens with invalid_input', async () => {
    const me = await makeUser(db);
    await expectRefused(
      me.rpc('fn_battles_create', createArgs({ voting_opens_at: '2030-01-02T00:00:00Z', voting_closes_at: '2030-01-01T00:00:00Z' })),
      'invalid_input',
    );
  });

  it('accepts the caller’s own private rubric or a public one, and refuses someone else’s private rubric with not_found', async () => {
    const me = await makeUser(db);
    const other = await makeUser(db);
    const criteria = [{ title: 'Clarity' }];
    const mine = await me.rpc<string>('fn_rubrics_create', { title: 'Mine', criteria });
    const theirsPublic = await other.rpc<string>('fn_rubrics_create', { title: 'Public', criteria, is_public: true });
    const theirsPrivate = await other.rpc<string>('fn_rubrics_create', { title: 'Private', criteria });
    await me.rpc('fn_battles_create', createArgs({ rubric_id: mine }));
    await me.rpc('fn_battles_create', createArgs({ rubric_id: theirsPublic }));
    await expectRefused(me.rpc('fn_battles_create', createArgs({ rubric_id: theirsPrivate })), 'not_found');
  });
});

describe('the daily creation cap', () => {
  beforeAll(async () => {
    // ops.settings rather than a GUC: set_config is per session and does not follow a pool.
    await setSetting(db, CAP, '3');
  });
  afterAll(async () => {
    await clearSetting(db, CAP);
  });

  it('refuses the creation past the cap with battle_rate_limit_exceeded, 429 and a retry-after in seconds', async () => {
    const me = await makeUser(db);
    for (let i = 0; i < 3; i++) await me.rpc('fn_battles_create', createArgs());
    const err = await expectRefused(me.rpc('fn_battles_create', createArgs()), 'battle_rate_limit_exceeded');
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBeGreaterThan(0);
    expect(err.retryAfter).toBeLessThanOrEqual(24 * 3600);
    const { rows } = await db.query('select 1 from battles.battles where principal_id = $1', [me.id]);
    expect(rows).toHaveLength(3);
  });

  it('counts per person: another lenser can still create', async () => {
    const me = await makeUser(db);
    for (let i = 0; i < 3; i++) await me.rpc('fn_battles_create', createArgs());
    await (await makeUser(db)).rpc('fn_battles_create', createArgs());
  });

  it('still counts deleted drafts, so create-then-delete does not reset it', async () => {
    const me = await makeUser(db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await me.rpc<string>('fn_battles_create', createArgs()));
    await me.rpc('fn_battles_delete', { battle_id: ids[0] });
    await expectRefused(me.rpc('fn_battles_create', createArgs()), 'battle_rate_limit_exceeded');
  });

  it('only counts the last 24 hours', async () => {
    const me = await makeUser(db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await me.rpc<string>('fn_battles_create', createArgs()));
    // created_at never changes through an update (immutable_column), so age the row with the guard off.
    await db.transaction(async (tx) => {
      await tx.query(`set local session_replication_role = replica`);
      await tx.query(`update battles.battles set created_at = now() - interval '25 hours' where id = $1`, [ids[0]]);
    });
    await me.rpc('fn_battles_create', createArgs());
    await expectRefused(me.rpc('fn_battles_create', createArgs()), 'battle_rate_limit_exceeded');
  });

  it('covers clone and create-from-template: all three paths share one count', async () => {
    const me = await makeUser(db);
    const first = await me.rpc<string>('fn_battles_create', createArgs());
    const template = await me.rpc<string>('fn_battles_create_template', { battle_id: first, title: 'T' });
    await me.rpc('fn_battles_clone', { battle_id: first, title: 'Clone', slug: uniqueSlug() });
    await me.rpc('fn_battles_create_from_template', { template_id: template, title: 'From T', slug: uniqueSlug() });
    await expectRefused(me.rpc('fn_battles_create', createArgs()), 'battle_rate_limit_exceeded');
    await expectRefused(me.rpc('fn_battles_clone', { battle_id: first, title: 'Clone', slug: uniqueSlug() }), 'battle_rate_limit_exceeded');
    await expectRefused(
      me.rpc('fn_battles_create_from_template', { template_id: template, title: 'From T', slug: uniqueSlug() }),
      'battle_rate_limit_exceeded',
    );
  });

  it('acting as an AI persona does not give the owner a second cap', async () => {
    const owner = await makeUser(db);
    const ai = await makeAiLenser(db, owner);
    const persona = actingAs(db, owner, ai.ai_lenser_id);
    await owner.rpc('fn_battles_create', createArgs());
    await persona.rpc('fn_battles_create', createArgs());
    await owner.rpc('fn_battles_create', createArgs());
    await expectRefused(persona.rpc('fn_battles_create', createArgs()), 'battle_rate_limit_exceeded');
    await expectRefused(owner.rpc('fn_battles_create', createArgs()), 'battle_rate_limit_exceeded');
  });

  it('a cap of 0 means no cap', async () => {
    await setSetting(db, CAP, '0');
    try {
      const me = await makeUser(db);
      for (let i = 0; i < 5; i++) await me.rpc('fn_battles_create', createArgs());
    } finally {
      await setSetting(db, CAP, '3');
    }
  });
});

describe('fn_battles_clone', () => {
  it('copies the rules of a battle the caller can see into a fresh draft of theirs', async () => {
    const src = await battleIn(db, 'voting', {
      create: { voter_eligibility: 'verified_lenser', max_contenders: 3, content_type: 'code', handicap_config: { temperature: 0.5 } },
    });
    const me = await makeUser(db);
    const id = await me.rpc<string>('fn_battles_clone', { battle_id: src.id, title: 'My copy', slug: uniqueSlug() });
    const [a, b] = [await battleRow(db, src.id), await battleRow(db, id)];
    for (const k of ['task_prompt', 'task_source', 'contender_structure', 'judging_mode', 'battle_type', 'voter_eligibility', 'max_contenders', 'content_type', 'handicap_config']) {
      expect(b[k], k).toEqual(a[k]);
    }
    expect(b).toMatchObject({ status: 'draft', creator_lenser_id: me.id, title: 'My copy', total_vote_count: 0, rule_snapshot: null });
    const { rows } = await db.query('select 1 from battles.contenders where battle_id = $1', [id]);
    expect(rows).toHaveLength(0);
    expect((await eventsOf(db, id))[0].metadata).toMatchObject({ action: 'create', cloned_from: src.id });
  });

  it('keeps an invite-only battle invite-only, with a new code', async () => {
    const me = await makeUser(db);
    const { id } = await createBattle(db, me, { invite_only: true });
    const copy = await me.rpc<string>('fn_battles_clone', { battle_id: id, title: 'Copy', slug: uniqueSlug() });
    const [a, b] = [await battleRow(db, id), await battleRow(db, copy)];
    expect(b.invite_code).not.toBeNull();
    expect(b.invite_code).not.toBe(a.invite_code);
  });

  it('refuses to clone a battle the caller cannot see (someone else’s draft) with not_found', async () => {
    const { id } = await createBattle(db);
    await expectRefused((await makeUser(db)).rpc('fn_battles_clone', { battle_id: id, title: 'Copy', slug: uniqueSlug() }), 'not_found');
  });

  it('refuses to clone a deleted draft, even the caller’s own, with not_found', async () => {
    const { id, creator } = await createBattle(db);
    await creator.rpc('fn_battles_delete', { battle_id: id });
    await expectRefused(creator.rpc('fn_battles_clone', { battle_id: id, title: 'Copy', slug: uniqueSlug() }), 'not_found');
  });
});

describe('templates', () => {
  it('fn_battles_create_template saves a battle’s rules; another lenser creates a draft from the public template', async () => {
    const src = await battleIn(db, 'open', { create: { voter_eligibility: 'human_only', max_contenders: 5 } });
    const template = await src.creator.rpc<string>('fn_battles_create_template', { battle_id: src.id, title: 'Reusable' });
    const me = await makeUser(db);
    const id = await me.rpc<string>('fn_battles_create_from_template', { template_id: template, title: 'From template', slug: uniqueSlug() });
    expect(await battleRow(db, id)).toMatchObject({
      status: 'draft',
      creator_lenser_id: me.id,
      voter_eligibility: 'human_only',
      max_contenders: 5,
      task_prompt: (await battleRow(db, src.id)).task_prompt,
    });
    expect((await eventsOf(db, id))[0].metadata).toMatchObject({ action: 'create', template_id: template });
  });

  it('refuses someone else’s private template with not_found', async () => {
    const { id, creator } = await createBattle(db);
    const template = await creator.rpc<string>('fn_battles_create_template', { battle_id: id, title: 'Private', is_public: false });
    await creator.rpc('fn_battles_create_from_template', { template_id: template, title: 'Mine', slug: uniqueSlug() });
    await expectRefused(
      (await makeUser(db)).rpc('fn_battles_create_from_template', { template_id: template, title: 'X', slug: uniqueSlug() }),
      'not_found',
    );
  });

  it('refuses to make a template of a battle the caller cannot see with not_found', async () => {
    const { id } = await createBattle(db);
    await expectRefused((await makeUser(db)).rpc('fn_battles_create_template', { battle_id: id, title: 'T' }), 'not_found');
  });
});

describe('fn_battles_update_draft', () => {
  it('applies the named fields and recomputes battle_type from the axes', async () => {
    const { id, creator } = await createBattle(db);
    await creator.rpc('fn_battles_update_draft', {
      battle_id: id,
      patch: { title: 'Renamed', contender_structure: 'human_vs_ai', voter_eligibility: 'verified_lenser', max_contenders: 3 },
    });
    expect(await battleRow(db, id)).toMatchObject({
      title: 'Renamed',
      contender_structure: 'human_vs_ai',
      battle_type: 'human_vs_ai',
      voter_eligibility: 'verified_lenser',
      max_contenders: 3,
    });
  });

  it('refuses unknown fields with invalid_input', async () => {
    const { id, creator } = await createBattle(db);
    await expectRefused(creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { status: 'closed' } }), 'invalid_input');
  });

  it('refuses an invalid combination of axes with invalid_axes', async () => {
    const { id, creator } = await createBattle(db);
    await expectRefused(creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { task_source: 'workflow' } }), 'invalid_axes');
  });

  it('refuses a published battle with invalid_transition', async () => {
    const b = await battleIn(db, 'open');
    await expectRefused(b.creator.rpc('fn_battles_update_draft', { battle_id: b.id, patch: { title: 'x' } }), 'invalid_transition');
  });

  it('is not_found for a stranger and forbidden for an operator who is not the creator', async () => {
    const { id } = await createBattle(db);
    await expectRefused((await makeUser(db)).rpc('fn_battles_update_draft', { battle_id: id, patch: { title: 'x' } }), 'not_found');
    const op = await makeUser(db, undefined, { operator: true });
    await expectRefused(op.rpc('fn_battles_update_draft', { battle_id: id, patch: { title: 'x' } }), 'forbidden');
  });

  it('refuses lowering max_contenders below the contenders who joined with invalid_input', async () => {
    const creator = await makeUser(db);
    const { id } = await createBattle(db, creator, { contender_structure: 'human_vs_ai', max_contenders: 3 });
    await creator.rpc('fn_battles_join', { battle_id: id });
    for (let i = 0; i < 2; i++) {
      const ai = await makeAiLenser(db, null);
      await creator.rpc('fn_battles_add_ai_contender', { battle_id: id, ai_lenser_id: ai.ai_lenser_id });
    }
    await expectRefused(creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { max_contenders: 2 } }), 'invalid_input');
  });
});

describe('fn_rubrics_create', () => {
  it('stores the rubric and its criteria in order with their weights (default 1.0)', async () => {
    const me: Actor = await makeUser(db);
    const id = await me.rpc<string>('fn_rubrics_create', {
      title: 'Poetry',
      criteria: [{ title: 'Imagery', weight: 2 }, { title: 'Meter' }],
    });
    const { rows } = await db.query('select ordinal, title, weight from battles.rubric_criteria where rubric_id = $1 order by ordinal', [id]);
    expect(rows).toEqual([
      { ordinal: 1, title: 'Imagery', weight: 2 },
      { ordinal: 2, title: 'Meter', weight: 1 },
    ]);
    expect((await db.query('select creator_lenser_id, is_public from battles.rubrics where id = $1', [id])).rows[0]).toEqual({
      creator_lenser_id: me.id,
      is_public: false,
    });
  });

  it('refuses a rubric without criteria with invalid_input', async () => {
    await expectRefused((await makeUser(db)).rpc('fn_rubrics_create', { title: 'Empty', criteria: [] }), 'invalid_input');
  });
});
