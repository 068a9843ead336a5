// Reads: fn_battle_get_full, fn_battles_leaderboard, fn_battles_get_public, the deprecated
// fn_battles_list_public, comments and global messages (keyset on before_ts, before_id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, anonActor, makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { battleIn, createBattle, expectRefused, makeVoters, submitEntry, vote, type BattleSetup } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

interface Keyed {
  id: string;
  created_at: Date | string;
}

/** Follows (before_ts, before_id) pages of a keyset read to the end. */
async function allPages<T extends Keyed>(who: Actor, fn: string, battleId: string, limit: number): Promise<T[]> {
  const out: T[] = [];
  let before: { before_ts: string; before_id: string } | undefined;
  for (;;) {
    const page = await who.rpc<T[]>(fn, { battle_id: battleId, limit, ...before });
    if (page.length === 0) return out;
    out.push(...page);
    const last = page.at(-1)!;
    // A JS Date holds milliseconds and Postgres microseconds: take the exact value from the row, as a
    // client that keeps the timestamp string it was sent would.
    const { rows } = await db.query<{ ts: string }>(
      `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ts from battles.${fn === 'fn_battle_get_comments' ? 'comments' : 'global_messages'} where id = $1`,
      [last.id],
    );
    before = { before_ts: rows[0].ts, before_id: last.id };
  }
}

/** The same pages, keyed the way a JSON client must: with the created_at it received (milliseconds). */
async function allPagesFromJson<T extends Keyed>(who: Actor, fn: string, battleId: string, limit: number): Promise<T[]> {
  const out: T[] = [];
  let before: { before_ts: string; before_id: string } | undefined;
  for (;;) {
    const page = await who.rpc<T[]>(fn, { battle_id: battleId, limit, ...before });
    if (page.length === 0) return out;
    out.push(...page);
    const last = page.at(-1)!;
    before = { before_ts: new Date(last.created_at).toISOString(), before_id: last.id };
  }
}

describe('fn_battle_get_full', () => {
  it('returns the battle by slug with creator, final entries only and the caller’s own vote', async () => {
    const b = await battleIn(db, 'open');
    await submitEntry(b.contenders[0], b.id, 'revised entry');
    await b.creator.rpc('fn_battle_open_voting', { battle_id: b.id });
    const voter = await makeUser(db);
    const cast = await vote(voter, b.id, b.contenders[0].contenderId);
    const full = await voter.rpc<Record<string, any>>('fn_battle_get_full', { slug: b.slug });
    expect(full).toMatchObject({
      id: b.id,
      slug: b.slug,
      status: 'voting',
      invite_only: false,
      total_vote_count: 1,
      contender_count: 2,
      creator: { id: b.creator.id, handle: b.creator.handle },
      my_vote: { vote_id: cast.vote_id, voted_contender_id: b.contenders[0].contenderId, is_draw: false },
    });
    expect(full.entries).toHaveLength(2);
    expect(full.entries.map((e: { content_text: string }) => e.content_text)).toContain('revised entry');
    // Tallies stay hidden while voting.
    expect(full.results).toEqual([]);
    expect((await (await makeUser(db)).rpc<Record<string, any>>('fn_battle_get_full', { slug: b.slug })).my_vote).toBeNull();
  });

  it('returns null for an unknown slug', async () => {
    expect(await (await makeUser(db)).rpc('fn_battle_get_full', { slug: 'no-such-battle' })).toBeNull();
  });

  it('never shows other contenders’ entries while the battle is open', async () => {
    const b = await battleIn(db, 'open');
    const full = await b.contenders[0].actor.rpc<{ entries: { contender_id: string }[] }>('fn_battle_get_full', { slug: b.slug });
    expect(full.entries.map((e) => e.contender_id)).toEqual([b.contenders[0].contenderId]);
    expect((await anonActor(db).rpc<{ entries: unknown[] }>('fn_battle_get_full', { slug: b.slug })).entries).toEqual([]);
  });
});

describe('fn_battles_leaderboard', () => {
  it('is empty while voting and to a stranger while closed; ranks every contender for the creator once closed and for everyone once published', async () => {
    const b = await battleIn(db, 'voting', { create: { max_contenders: 3 }, contenders: 3 });
    for (const v of await makeVoters(db, 2)) await vote(v, b.id, b.contenders[2].contenderId);
    await vote(await makeUser(db), b.id, b.contenders[0].contenderId);
    const reader = await makeUser(db);
    expect(await reader.rpc('fn_battles_leaderboard', { battle_id: b.id })).toEqual([]);
    await b.creator.rpc('fn_battles_close', { battle_id: b.id });
    expect(await reader.rpc('fn_battles_leaderboard', { battle_id: b.id })).toEqual([]);
    expect(await b.creator.rpc('fn_battles_leaderboard', { battle_id: b.id })).toHaveLength(3);
    await b.creator.rpc('fn_battles_publish_results', { battle_id: b.id });
    const rows = await reader.rpc<Record<string, any>[]>('fn_battles_leaderboard', { battle_id: b.id });
    expect(rows.map((r) => [r.contender_id, r.slot, r.raw_vote_count, r.rank_position])).toEqual([
      [b.contenders[2].contenderId, 'C', 2, 1],
      [b.contenders[0].contenderId, 'A', 1, 2],
      [b.contenders[1].contenderId, 'B', 0, 3],
    ]);
    expect(rows[0]).toMatchObject({ contender_type: 'human', contender_status: 'active', display_name: b.contenders[2].owner.handle });
  });
});

describe('fn_battles_get_public', () => {
  it('returns a visible battle as JSON and null for one the caller cannot see', async () => {
    const open = await battleIn(db, 'open');
    expect(await anonActor(db).rpc('fn_battles_get_public', { battle_id: open.id })).toMatchObject({ id: open.id, slug: open.slug, status: 'open' });
    const draft = await createBattle(db);
    expect(await anonActor(db).rpc('fn_battles_get_public', { battle_id: draft.id })).toBeNull();
    expect(await draft.creator.rpc('fn_battles_get_public', { battle_id: draft.id })).toMatchObject({ id: draft.id });
  });
});

describe('fn_battles_list_public (deprecated)', () => {
  it('lists published, non-invite-only battles, newest publication first, by offset', async () => {
    const published: BattleSetup[] = [];
    for (let i = 0; i < 3; i++) published.push(await battleIn(db, 'published'));
    const hidden = await battleIn(db, 'published', { create: { invite_only: true } });
    const closed = await battleIn(db, 'closed');
    const all = await anonActor(db).rpc<{ id: string; status: string }[]>('fn_battles_list_public', { limit: 100 });
    const ids = all.map((r) => r.id);
    expect(ids.slice(0, 3)).toEqual(published.map((b) => b.id).reverse());
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(closed.id);
    for (const r of all) expect(r.status).toBe('published');
    const second = await anonActor(db).rpc<{ id: string }[]>('fn_battles_list_public', { limit: 1, offset: 1 });
    expect(second.map((r) => r.id)).toEqual([ids[1]]);
  });
});

describe('comments', () => {
  it('fn_battle_post_comment records the caller (or the persona they act as) as author', async () => {
    const b = await battleIn(db, 'open');
    const me = await makeUser(db);
    const id = await me.rpc<string>('fn_battle_post_comment', { battle_id: b.id, body: '  nice prompt  ' });
    const ai = await makeAiLenser(db, me);
    await actingAs(db, me, ai.ai_lenser_id).rpc('fn_battle_post_comment', { battle_id: b.id, body: 'beep' });
    const rows = await anonActor(db).rpc<Record<string, any>[]>('fn_battle_get_comments', { battle_id: b.id });
    expect(rows.map((r) => [r.author_lenser_id, r.body])).toEqual([
      [ai.profile_id, 'beep'],
      [me.id, 'nice prompt'],
    ]);
    expect(rows[1]).toMatchObject({ id, author_handle: me.handle });
  });

  it('refuses comments on a battle the caller cannot see with not_found, and anonymous callers with not_authenticated', async () => {
    const draft = await createBattle(db);
    await expectRefused((await makeUser(db)).rpc('fn_battle_post_comment', { battle_id: draft.id, body: 'hi' }), 'not_found');
    const open = await battleIn(db, 'open');
    await expectRefused(anonActor(db).rpc('fn_battle_post_comment', { battle_id: open.id, body: 'hi' }), 'not_authenticated');
    await expectRefused((await makeUser(db)).rpc('fn_battle_post_comment', { battle_id: open.id, body: '   ' }), 'invalid_input');
  });

  it('pages by (before_ts, before_id) newest first without repeats or skips, ties on the timestamp included', async () => {
    const b = await battleIn(db, 'open');
    const me = await makeUser(db);
    for (let i = 0; i < 4; i++) await me.rpc('fn_battle_post_comment', { battle_id: b.id, body: `c${i}` });
    await db.query(
      `insert into battles.comments (battle_id, author_lenser_id, body, created_at)
       select $1, $2, 'tie ' || g, '2001-01-01T00:00:00.5Z' from generate_series(1, 4) g`,
      [b.id, me.id],
    );
    const all = await me.rpc<Keyed[]>('fn_battle_get_comments', { battle_id: b.id, limit: 200 });
    expect(all).toHaveLength(8);
    for (const limit of [1, 3]) {
      const paged = await allPages<Keyed>(me, 'fn_battle_get_comments', b.id, limit);
      expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    }
  });

  it('pages without skips when the client keys pages with the millisecond created_at it received', async () => {
    const b = await battleIn(db, 'open');
    const me = await makeUser(db);
    // Several rows written within one millisecond (one statement), as a busy battle would.
    await db.query(
      `insert into battles.comments (battle_id, author_lenser_id, body) select $1, $2, 'burst ' || g from generate_series(1, 6) g`,
      [b.id, me.id],
    );
    const all = await me.rpc<Keyed[]>('fn_battle_get_comments', { battle_id: b.id, limit: 200 });
    expect(all).toHaveLength(6);
    for (const limit of [1, 2]) {
      const paged = await allPagesFromJson<Keyed>(me, 'fn_battle_get_comments', b.id, limit);
      expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    }
  });

  it('with before_ts alone returns only strictly older comments', async () => {
    const b = await battleIn(db, 'open');
    const me = await makeUser(db);
    await db.query(
      `insert into battles.comments (battle_id, author_lenser_id, body, created_at)
       values ($1, $2, 'older', '2001-01-01T00:00:00Z'), ($1, $2, 'at', '2001-01-01T00:00:01Z'), ($1, $2, 'newer', '2001-01-01T00:00:02Z')`,
      [b.id, me.id],
    );
    const rows = await me.rpc<{ body: string }[]>('fn_battle_get_comments', { battle_id: b.id, before_ts: '2001-01-01T00:00:01Z' });
    expect(rows.map((r) => r.body)).toEqual(['older']);
  });

  it('hides deleted comments and the comments of battles the reader cannot see', async () => {
    const b = await battleIn(db, 'open');
    const id = await b.creator.rpc<string>('fn_battle_post_comment', { battle_id: b.id, body: 'oops' });
    await db.query('update battles.comments set deleted_at = now() where id = $1', [id]);
    expect(await anonActor(db).rpc('fn_battle_get_comments', { battle_id: b.id })).toEqual([]);
    const draft = await createBattle(db);
    await draft.creator.rpc('fn_battle_post_comment', { battle_id: draft.id, body: 'note to self' });
    expect(await (await makeUser(db)).rpc('fn_battle_get_comments', { battle_id: draft.id })).toEqual([]);
    expect(await draft.creator.rpc('fn_battle_get_comments', { battle_id: draft.id })).toHaveLength(1);
  });
});

describe('global messages', () => {
  let b: BattleSetup;
  let operator: Actor;
  beforeAll(async () => {
    b = await battleIn(db, 'open');
    operator = await makeUser(db, undefined, { operator: true });
  });

  const post = (who: Actor, body: string, extra: Record<string, unknown> = {}) =>
    who.rpc<{ sender_lenser_id: string; sender_handle: string; sender_role: string; body: string }[]>('fn_post_global_message', {
      battle_id: b.id,
      body,
      ...extra,
    });

  it('fn_post_global_message takes the handle and role from the caller’s identity, ignoring what the client sends', async () => {
    const stranger = await makeUser(db);
    const spoof = { sender_handle: 'official_team', sender_role: 'operator' };
    expect((await post(stranger, 'hello', spoof))[0]).toMatchObject({ sender_lenser_id: stranger.id, sender_handle: stranger.handle, sender_role: 'spectator', body: 'hello' });
    expect((await post(b.creator, 'welcome', spoof))[0]).toMatchObject({ sender_handle: b.creator.handle, sender_role: 'creator' });
    expect((await post(b.contenders[0].actor, 'ready', spoof))[0]).toMatchObject({ sender_handle: b.contenders[0].owner.handle, sender_role: 'contender' });
    expect((await post(operator, 'rules reminder', { sender_role: 'spectator' }))[0]).toMatchObject({ sender_handle: operator.handle, sender_role: 'operator' });
    const { rows } = await db.query<{ sender_handle: string }>('select sender_handle from battles.global_messages where battle_id = $1', [b.id]);
    expect(rows.map((r) => r.sender_handle)).not.toContain('official_team');
  });

  it('a message sent while acting as an AI persona carries the persona’s handle', async () => {
    const owner = await makeUser(db);
    const ai = await makeAiLenser(db, owner);
    const [row] = await post(actingAs(db, owner, ai.ai_lenser_id), 'beep');
    const { rows } = await db.query<{ handle: string }>('select handle from lensers.profiles where id = $1', [ai.profile_id]);
    expect(row).toMatchObject({ sender_lenser_id: ai.profile_id, sender_handle: rows[0].handle, sender_role: 'spectator' });
  });

  it('refuses a battle the caller cannot see with not_found and anonymous callers with not_authenticated', async () => {
    const draft = await createBattle(db);
    await expectRefused((await makeUser(db)).rpc('fn_post_global_message', { battle_id: draft.id, body: 'x' }), 'not_found');
    await expectRefused(anonActor(db).rpc('fn_post_global_message', { battle_id: b.id, body: 'x' }), 'not_authenticated');
  });

  it('fn_get_global_messages pages by (before_ts, before_id) newest first without repeats or skips, ties included', async () => {
    const battle = await battleIn(db, 'open');
    const me = await makeUser(db);
    for (let i = 0; i < 3; i++) await me.rpc('fn_post_global_message', { battle_id: battle.id, body: `m${i}` });
    await db.query(
      `insert into battles.global_messages (battle_id, sender_lenser_id, sender_handle, sender_role, body, created_at)
       select $1, $2, 'x', 'spectator', 'tie ' || g, '2001-01-01T00:00:00.5Z' from generate_series(1, 5) g`,
      [battle.id, me.id],
    );
    const all = await anonActor(db).rpc<Keyed[]>('fn_get_global_messages', { battle_id: battle.id, limit: 200 });
    expect(all).toHaveLength(8);
    expect((all[0] as unknown as { body: string }).body).toBe('m2');
    for (const limit of [1, 2, 5]) {
      const paged = await allPages<Keyed>(anonActor(db), 'fn_get_global_messages', battle.id, limit);
      expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    }
  });

  it('pages without skips when the client keys pages with the millisecond created_at it received', async () => {
    const battle = await battleIn(db, 'open');
    const me = await makeUser(db);
    await db.query(
      `insert into battles.global_messages (battle_id, sender_lenser_id, sender_handle, sender_role, body)
       select $1, $2, 'x', 'spectator', 'burst ' || g from generate_series(1, 6) g`,
      [battle.id, me.id],
    );
    const all = await me.rpc<Keyed[]>('fn_get_global_messages', { battle_id: battle.id, limit: 200 });
    for (const limit of [1, 2]) {
      const paged = await allPagesFromJson<Keyed>(me, 'fn_get_global_messages', battle.id, limit);
      expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    }
  });

  it('hides the messages of a battle the reader cannot see', async () => {
    const draft = await createBattle(db);
    await draft.creator.rpc('fn_post_global_message', { battle_id: draft.id, body: 'private' });
    expect(await anonActor(db).rpc('fn_get_global_messages', { battle_id: draft.id })).toEqual([]);
  });
});
