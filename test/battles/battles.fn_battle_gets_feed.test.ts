// The feed: keyset pages that never repeat or skip (also while battles are being created), filters
// by status, type and axes, visibility through row-level security, and cursor validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonActor, makeUser, type Actor } from '../support/actors.ts';
import { battleIn, createBattle, expectRefused } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
let reader: Actor;
beforeAll(async () => {
  db = await createTestDb();
  reader = await makeUser(db);
});
afterAll(async () => {
  await db.destroy();
});

interface FeedRow {
  id: string;
  status: string;
  battle_type: string;
  task_source: string;
  contender_structure: string;
  judging_mode: string;
  contender_count: number;
  cursor: string;
}

const feed = (who: Actor, args: Record<string, unknown> = {}) => who.rpc<FeedRow[]>('fn_battle_gets_feed', args);

async function openBattle(create: Record<string, unknown> = {}, creator?: Actor) {
  const b = await createBattle(db, creator, create);
  await b.creator.rpc('fn_publish_battle', { battle_id: b.id });
  return b;
}

/** Every page of the feed, following cursors; `between` runs after each page is fetched. */
async function allPages(who: Actor, limit: number, args: Record<string, unknown> = {}, between?: () => Promise<void>) {
  const pages: FeedRow[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await feed(who, { ...args, limit, ...(cursor ? { cursor } : {}) });
    if (page.length === 0) break;
    pages.push(page);
    expect(page.length).toBeLessThanOrEqual(limit);
    cursor = page.at(-1)!.cursor;
    if (between) await between();
  }
  return pages;
}

describe('fn_battle_gets_feed pagination', () => {
  it('returns the newest first, each row carrying the cursor of its position', async () => {
    await openBattle();
    const rows = await feed(reader, { limit: 100 });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.cursor).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z\|[0-9a-f-]{36}$/);
    const keys = rows.map((r) => r.cursor);
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it('pages never repeat or skip a battle even when new battles are created between page fetches', async () => {
    for (let i = 0; i < 8; i++) await openBattle();
    const before = (await feed(reader, { limit: 100 })).map((r) => r.id);
    expect(before.length).toBeGreaterThanOrEqual(8);
    const created: string[] = [];
    const pages = await allPages(reader, 3, {}, async () => {
      for (let i = 0; i < 2; i++) created.push((await openBattle()).id);
    });
    const seen = pages.flat().map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(before);
    for (const id of created) expect(seen).not.toContain(id);
    // A fresh first page starts with what was created meanwhile.
    expect((await feed(reader, { limit: 1 }))[0].id).toBe(created.at(-1));
  });

  it('orders battles sharing a created_at by id, so ties never repeat or skip either', async () => {
    const creator = await makeUser(db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { rows } = await db.query<{ id: string }>(
        `insert into battles.battles (creator_lenser_id, principal_id, title, slug, task_prompt, battle_type, contender_structure,
           judging_mode, task_source, status, created_at)
         values ($1, $1, 'Tie', 'tie-' || replace(gen_random_uuid()::text, '-', ''), 'p', 'human_vs_human_open_votes',
           'human_vs_human', 'community_vote', 'challenge', 'closed', '2001-02-03T04:05:06.123456Z') returning id`,
        [creator.id],
      );
      ids.push(rows[0].id);
    }
    const before = (await feed(reader, { limit: 100 })).map((r) => r.id);
    for (const limit of [1, 2, 4]) {
      const seen = (await allPages(reader, limit)).flat().map((r) => r.id);
      expect(seen).toEqual(before);
    }
    const tail = before.filter((id) => ids.includes(id));
    expect(tail).toEqual([...ids].sort().reverse());
  });

  it('refuses a cursor it did not return with invalid_cursor', async () => {
    for (const cursor of ['garbage', 'not-a-date|00000000-0000-4000-8000-000000000000', '2024-01-01T00:00:00Z|not-a-uuid']) {
      const err = await expectRefused(feed(reader, { cursor }), 'invalid_cursor');
      expect(err.status).toBe(400);
    }
  });

  it('refuses a limit outside 1..100 with invalid_input', async () => {
    await expectRefused(feed(reader, { limit: 0 }), 'invalid_input');
    await expectRefused(feed(reader, { limit: 101 }), 'invalid_input');
  });
});

describe('fn_battle_gets_feed filters', () => {
  let lensAi: string, workflow: string, humanVsAi: string, rubric: string;
  beforeAll(async () => {
    lensAi = (await openBattle({ task_source: 'lens', contender_structure: 'ai_vs_ai', judging_mode: 'ai_judge' })).id;
    workflow = (await openBattle({ task_source: 'workflow', contender_structure: 'ai_vs_ai' })).id;
    humanVsAi = (await openBattle({ contender_structure: 'human_vs_ai' })).id;
    const creator = await makeUser(db);
    const r = await creator.rpc<string>('fn_rubrics_create', { title: 'R', criteria: [{ title: 'c' }] });
    // createBattle names a judge: a rubric_score battle is published only with someone to score it.
    const draft = await createBattle(db, creator, { judging_mode: 'rubric_score', rubric_id: r });
    await creator.rpc('fn_publish_battle', { battle_id: draft.id });
    rubric = draft.id;
  });

  const cases: [string, Record<string, unknown>, keyof FeedRow, () => string][] = [
    ['battle_type', { battle_type: 'workflow_battle' }, 'battle_type', () => workflow],
    ['task_source', { task_source: 'lens' }, 'task_source', () => lensAi],
    ['contender_structure', { contender_structure: 'human_vs_ai' }, 'contender_structure', () => humanVsAi],
    ['judging_mode', { judging_mode: 'rubric_score' }, 'judging_mode', () => rubric],
  ];

  it.each(cases)('filters by %s', async (_name, args, column, expected) => {
    const rows = await feed(reader, { limit: 100, ...args });
    expect(rows.map((r) => r.id)).toContain(expected());
    for (const r of rows) expect(r[column]).toBe(Object.values(args)[0]);
  });

  it('combines axis filters', async () => {
    const rows = await feed(reader, { limit: 100, task_source: 'lens', contender_structure: 'ai_vs_ai', judging_mode: 'ai_judge' });
    expect(rows.map((r) => r.id)).toEqual([lensAi]);
  });

  it('filters by status and by a list of statuses; archived battles only appear when asked for', async () => {
    const voting = await battleIn(db, 'voting');
    const closed = await battleIn(db, 'closed');
    const archived = await battleIn(db, 'archived');
    const ids = async (args: Record<string, unknown>) => (await feed(reader, { limit: 100, ...args })).map((r) => r.id);
    const onlyVoting = await feed(reader, { limit: 100, status: 'voting' });
    expect(onlyVoting.map((r) => r.id)).toContain(voting.id);
    for (const r of onlyVoting) expect(r.status).toBe('voting');
    const some = await feed(reader, { limit: 100, statuses: ['voting', 'closed'] });
    expect(some.map((r) => r.id)).toEqual(expect.arrayContaining([voting.id, closed.id]));
    for (const r of some) expect(['voting', 'closed']).toContain(r.status);
    expect(await ids({})).not.toContain(archived.id);
    expect(await ids({ status: 'archived' })).toContain(archived.id);
    expect(await ids({ statuses: ['archived', 'open'] })).toContain(archived.id);
  });

  it('filters while paging: every page of a filtered feed keeps the filter', async () => {
    for (let i = 0; i < 4; i++) await openBattle({ contender_structure: 'human_vs_ai' });
    const all = (await feed(reader, { limit: 100, contender_structure: 'human_vs_ai' })).map((r) => r.id);
    const paged = (await allPages(reader, 2, { contender_structure: 'human_vs_ai' })).flat().map((r) => r.id);
    expect(paged).toEqual(all);
  });
});

describe('fn_battle_gets_feed visibility', () => {
  it('shows a draft to its creator only and invite-only battles to strangers never', async () => {
    const draft = await createBattle(db);
    const invite = await openBattle({ invite_only: true });
    const ids = async (who: Actor) => (await feed(who, { limit: 100 })).map((r) => r.id);
    expect(await ids(draft.creator)).toContain(draft.id);
    expect(await ids(reader)).not.toContain(draft.id);
    expect(await ids(anonActor(db))).not.toContain(draft.id);
    expect(await ids(invite.creator)).toContain(invite.id);
    expect(await ids(reader)).not.toContain(invite.id);
  });

  it('shows how many contenders a battle in blind voting has without revealing them', async () => {
    const b = await battleIn(db, 'voting', { create: { max_contenders: 3 }, contenders: 3 });
    const row = (await feed(anonActor(db), { limit: 100, status: 'voting' })).find((r) => r.id === b.id)!;
    expect(row.contender_count).toBe(3);
  });
});
