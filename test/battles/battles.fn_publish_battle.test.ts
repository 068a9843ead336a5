// Publication freezes the rules: fn_publish_battle (and its older name fn_battles_open) writes a rule
// snapshot with its SHA-256; frozen rules cannot change; retract thaws them; delete hides drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, systemActor } from '../support/actors.ts';
import { battleIn, battleRow, createBattle, eventsOf, expectRefused, refusal } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

interface Published {
  battle_id: string;
  status: string;
  rule_snapshot: Record<string, any>;
  rule_snapshot_sha256: string;
}

/** The SHA-256 of the stored snapshot's jsonb text, recomputed by the database itself. */
async function recomputedSha(id: string): Promise<{ stored: string; recomputed: string }> {
  const { rows } = await db.query<{ stored: string; recomputed: string }>(
    `select rule_snapshot_sha256 as stored, encode(sha256(convert_to(rule_snapshot::text, 'UTF8')), 'hex') as recomputed
       from battles.battles where id = $1`,
    [id],
  );
  return rows[0];
}

describe('fn_publish_battle', () => {
  it('opens the draft and freezes a rule snapshot whose sha256 is that of its jsonb text', async () => {
    const { id, creator } = await createBattle(db, undefined, {
      voter_eligibility: 'verified_lenser',
      max_contenders: 3,
      handicap_config: { max_tokens: 300, time_limit_ms: 30_000 },
      voting_closes_at: '2099-01-01T00:00:00Z',
    });
    const out = await creator.rpc<Published>('fn_publish_battle', { battle_id: id });
    expect(out).toMatchObject({ battle_id: id, status: 'open' });
    expect(out.rule_snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
    const row = await battleRow(db, id);
    expect(row.status).toBe('open');
    expect(row.rules_frozen_at).not.toBeNull();
    expect(row.rule_snapshot).toEqual(out.rule_snapshot);
    const { stored, recomputed } = await recomputedSha(id);
    expect(stored).toBe(out.rule_snapshot_sha256);
    expect(recomputed).toBe(stored);
    expect(out.rule_snapshot).toMatchObject({
      axes: { task_source: 'challenge', contender_structure: 'human_vs_human', judging_mode: 'community_vote', battle_type: 'human_vs_human_open_votes' },
      voter_eligibility: 'verified_lenser',
      max_contenders: 3,
      handicap: { max_tokens: 300, time_limit_ms: 30_000 },
      invite_only: false,
      rubric: null,
    });
    expect(new Date(out.rule_snapshot.voting_window.closes_at).toISOString()).toBe('2099-01-01T00:00:00.000Z');
    const { rows } = await db.query<{ h: string }>(`select encode(sha256(convert_to(task_prompt, 'UTF8')), 'hex') as h from battles.battles where id = $1`, [id]);
    expect(out.rule_snapshot.task_prompt_sha256).toBe(rows[0].h);
    const events = await eventsOf(db, id);
    expect(events.at(-1)).toMatchObject({
      event_type: 'status_change',
      metadata: { from: 'draft', to: 'open', action: 'publish', rule_snapshot_sha256: out.rule_snapshot_sha256 },
    });
  });

  it('includes the rubric and its weighted criteria in the snapshot', async () => {
    const creator = await makeUser(db);
    const rubric = await creator.rpc<string>('fn_rubrics_create', { title: 'Craft', criteria: [{ title: 'Form', weight: 3 }, { title: 'Voice' }] });
    const { id } = await createBattle(db, creator, { rubric_id: rubric, judging_mode: 'rubric_score' });
    const out = await creator.rpc<Published>('fn_publish_battle', { battle_id: id });
    expect(out.rule_snapshot.rubric).toMatchObject({
      id: rubric,
      title: 'Craft',
      criteria: [
        { ordinal: 1, title: 'Form', weight: 3 },
        { ordinal: 2, title: 'Voice', weight: 1 },
      ],
    });
  });

  it('gives equal rules the same sha256, whatever the title or slug', async () => {
    const [a, b] = [await createBattle(db, undefined, { title: 'One' }), await createBattle(db, undefined, { title: 'Two' })];
    const sa = await a.creator.rpc<Published>('fn_publish_battle', { battle_id: a.id });
    const sb = await b.creator.rpc<Published>('fn_publish_battle', { battle_id: b.id });
    expect(sa.rule_snapshot_sha256).toBe(sb.rule_snapshot_sha256);
  });

  it('refuses a rubric_score battle without a rubric (a judge named) with rubric_required, leaving it a draft', async () => {
    const { id, creator } = await createBattle(db, undefined, { judging_mode: 'rubric_score' });
    await expectRefused(creator.rpc('fn_publish_battle', { battle_id: id }), 'rubric_required');
    expect(await battleRow(db, id)).toMatchObject({ status: 'draft', rule_snapshot: null });
  });

  it('refuses a voting window that has already closed with voting_window_past', async () => {
    const { id, creator } = await createBattle(db, undefined, { voting_closes_at: '2001-01-01T00:00:00Z' });
    await expectRefused(creator.rpc('fn_publish_battle', { battle_id: id }), 'voting_window_past');
  });

  it('refuses someone else’s draft with not_found', async () => {
    const { id } = await createBattle(db);
    await expectRefused((await makeUser(db)).rpc('fn_publish_battle', { battle_id: id }), 'not_found');
  });

  it('refuses an unknown battle id with not_found and a malformed one at the edge with invalid_input', async () => {
    const me = await makeUser(db);
    await expectRefused(me.rpc('fn_publish_battle', { battle_id: '00000000-0000-4000-8000-000000000000' }), 'not_found');
    await expectRefused(me.rpc('fn_publish_battle', { battle_id: 'not-a-uuid' }), 'invalid_input');
  });

  it('refuses a second publication with invalid_transition, keeping the first snapshot', async () => {
    const { id, creator } = await createBattle(db);
    const first = await creator.rpc<Published>('fn_publish_battle', { battle_id: id });
    await expectRefused(creator.rpc('fn_publish_battle', { battle_id: id }), 'invalid_transition');
    expect((await battleRow(db, id)).rule_snapshot_sha256).toBe(first.rule_snapshot_sha256);
  });
});

describe('fn_battles_open (the older name)', () => {
  it('takes the same path: status open, the same snapshot and sha256 fn_publish_battle freezes for equal rules', async () => {
    const args = { voter_eligibility: 'human_only', max_contenders: 4 };
    const viaPublish = await createBattle(db, undefined, args);
    const viaOpen = await createBattle(db, undefined, args);
    const published = await viaPublish.creator.rpc<Published>('fn_publish_battle', { battle_id: viaPublish.id });
    expect(await viaOpen.creator.rpc('fn_battles_open', { battle_id: viaOpen.id })).toBeUndefined();
    const row = await battleRow(db, viaOpen.id);
    expect(row).toMatchObject({ status: 'open', rule_snapshot_sha256: published.rule_snapshot_sha256 });
    expect(row.rule_snapshot).toEqual(published.rule_snapshot);
    expect(row.rules_frozen_at).not.toBeNull();
    const { stored, recomputed } = await recomputedSha(viaOpen.id);
    expect(recomputed).toBe(stored);
    expect((await eventsOf(db, viaOpen.id)).map((e) => e.event_type)).toEqual(
      (await eventsOf(db, viaPublish.id)).map((e) => e.event_type),
    );
  });
});

describe('frozen rules', () => {
  const changes: [string, string][] = [
    ['task_prompt', `task_prompt = 'something else'`],
    ['voter_eligibility', `voter_eligibility = 'ai_only'`],
    ['max_contenders', `max_contenders = 9`],
    ['handicap_config', `handicap_config = '{"x": 1}'`],
    ['judging_mode', `judging_mode = 'ai_judge', battle_type = 'human_vs_human_ai_votes'`],
    ['content_type', `content_type = 'code'`],
    ['invite_code', `invite_code = 'abcdefgh12'`],
    ['rule_snapshot_sha256', `rule_snapshot_sha256 = repeat('0', 64)`],
    ['rule_snapshot', `rule_snapshot = rule_snapshot || '{"max_contenders": 26}'`],
    ['rules_frozen_at (thawing without retracting)', `rules_frozen_at = null, rule_snapshot = null, rule_snapshot_sha256 = null`],
  ];

  it.each(changes)('a direct UPDATE of %s on a published battle is refused with rules_frozen, even by the superuser', async (_name, set) => {
    const b = await battleIn(db, 'voting');
    const before = await battleRow(db, b.id);
    const err = await refusal(db.query(`update battles.battles set ${set} where id = $1`, [b.id]));
    expect(err.code).toBe('rules_frozen');
    expect(await battleRow(db, b.id)).toEqual(before);
  });

  it('fields outside the promised rules (the title) may still change', async () => {
    const b = await battleIn(db, 'open');
    await db.query(`update battles.battles set title = 'Fixed typo' where id = $1`, [b.id]);
    expect((await battleRow(db, b.id)).title).toBe('Fixed typo');
  });
});

describe('fn_battles_retract', () => {
  it('returns an open battle without entries to draft and thaws its rules', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    await b.creator.rpc('fn_battles_retract', { battle_id: b.id });
    expect(await battleRow(db, b.id)).toMatchObject({ status: 'draft', rule_snapshot: null, rule_snapshot_sha256: null, rules_frozen_at: null });
  });

  it('lets the creator edit the thawed rules; republishing freezes a new snapshot, unchanged rules the same one', async () => {
    const { id, creator } = await createBattle(db);
    const first = await creator.rpc<Published>('fn_publish_battle', { battle_id: id });
    await creator.rpc('fn_battles_retract', { battle_id: id });
    const again = await creator.rpc<Published>('fn_publish_battle', { battle_id: id });
    expect(again.rule_snapshot_sha256).toBe(first.rule_snapshot_sha256);
    await creator.rpc('fn_battles_retract', { battle_id: id });
    await creator.rpc('fn_battles_update_draft', { battle_id: id, patch: { max_contenders: 6 } });
    const changed = await creator.rpc<Published>('fn_publish_battle', { battle_id: id });
    expect(changed.rule_snapshot.max_contenders).toBe(6);
    expect(changed.rule_snapshot_sha256).not.toBe(first.rule_snapshot_sha256);
    const { stored, recomputed } = await recomputedSha(id);
    expect(recomputed).toBe(stored);
  });

  it('refuses an open battle that has entries with battle_has_entries', async () => {
    const b = await battleIn(db, 'open', { entries: 1 });
    await expectRefused(b.creator.rpc('fn_battles_retract', { battle_id: b.id }), 'battle_has_entries');
    expect((await battleRow(db, b.id)).status).toBe('open');
  });

  it('refuses a stranger with forbidden', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    await expectRefused((await makeUser(db)).rpc('fn_battles_retract', { battle_id: b.id }), 'forbidden');
  });
});

describe('fn_battles_delete', () => {
  it('soft-deletes a draft: the row stays, nobody can see or act on it any more', async () => {
    const { id, slug, creator } = await createBattle(db);
    await creator.rpc('fn_battles_delete', { battle_id: id });
    const row = await battleRow(db, id);
    expect(row.status).toBe('draft');
    expect(row.deleted_at).not.toBeNull();
    expect(await creator.rpc('fn_battle_get_full', { slug })).toBeNull();
    await expectRefused(creator.rpc('fn_publish_battle', { battle_id: id }), 'not_found');
    await expectRefused(creator.rpc('fn_battles_delete', { battle_id: id }), 'not_found');
    expect((await eventsOf(db, id)).at(-1)).toMatchObject({ event_type: 'status_change', metadata: { from: 'draft', to: 'draft', action: 'delete' } });
  });

  it('keeps the slug of a deleted draft taken', async () => {
    const { id, slug, creator } = await createBattle(db);
    await creator.rpc('fn_battles_delete', { battle_id: id });
    await expectRefused(creator.rpc('fn_battles_create', { title: 'Again', slug, task_prompt: 'x' }), 'slug_taken');
  });

  it('refuses a published battle with invalid_transition', async () => {
    const b = await battleIn(db, 'open');
    await expectRefused(b.creator.rpc('fn_battles_delete', { battle_id: b.id }), 'invalid_transition');
  });

  it('lets an operator delete a draft but not the system', async () => {
    const { id } = await createBattle(db);
    const { id: id2 } = await createBattle(db);
    await (await makeUser(db, undefined, { operator: true })).rpc('fn_battles_delete', { battle_id: id });
    expect((await battleRow(db, id)).deleted_at).not.toBeNull();
    await expectRefused(systemActor(db).rpc('fn_battles_delete', { battle_id: id2 }), 'forbidden');
  });
});
