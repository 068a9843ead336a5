// fn_battle_get_full (v_battle_full): what each reader learns about entries and contenders — the
// entry's moderation status, and the contender's profile handle where names are visible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonActor, makeUser } from '../support/actors.ts';
import { battleIn, setEntryStatus, vote } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

interface Full {
  entries: Array<{ contender_id: string; status: string }>;
  contenders: Array<{ id: string; handle: string | null; profile_id: string | null }>;
}

describe('entries carry their moderation status', () => {
  it('shows a contender their own entry\'s status, disqualified included, while others see no entry', async () => {
    const b = await battleIn(db, 'open');
    const [mine, theirs] = b.contenders;
    await setEntryStatus(db, mine.contenderId, 'disqualified');
    const own = await mine.actor.rpc<Full>('fn_battle_get_full', { slug: b.slug });
    expect(own.entries).toEqual([expect.objectContaining({ contender_id: mine.contenderId, status: 'disqualified' })]);
    const other = await theirs.actor.rpc<Full>('fn_battle_get_full', { slug: b.slug });
    expect(other.entries.map((e) => [e.contender_id, e.status])).toEqual([[theirs.contenderId, 'submitted']]);
    const creator = await b.creator.rpc<Full>('fn_battle_get_full', { slug: b.slug });
    expect(Object.fromEntries(creator.entries.map((e) => [e.contender_id, e.status])))
      .toEqual({ [mine.contenderId]: 'disqualified', [theirs.contenderId]: 'submitted' });
    expect((await anonActor(db).rpc<Full>('fn_battle_get_full', { slug: b.slug })).entries).toEqual([]);
  });

  it('shows every entry\'s status to whoever sees the entries once voting opens', async () => {
    const b = await battleIn(db, 'voting', { contenders: 3, create: { max_contenders: 3 } });
    await setEntryStatus(db, b.contenders[2].contenderId, 'pending');
    const voter = await makeUser(db);
    const full = await voter.rpc<Full>('fn_battle_get_full', { slug: b.slug });
    expect(full.entries.map((e) => e.status).sort()).toEqual(['pending', 'submitted', 'submitted']);
    // Blind: the status is there, who is behind the entry is not.
    expect(full.contenders).toEqual([]);
    await vote(voter, b.id, b.contenders[0].contenderId);
    expect((await voter.rpc<Full>('fn_battle_get_full', { slug: b.slug })).contenders).toHaveLength(3);
  });
});

describe('contenders carry the handle of their profile', () => {
  it('names the human\'s handle and the AI persona\'s handle once names are visible, and nothing while voting is blind', async () => {
    const b = await battleIn(db, 'voting', { create: { contender_structure: 'human_vs_ai' } });
    const [human, ai] = b.contenders;
    const voter = await makeUser(db);
    expect((await voter.rpc<Full>('fn_battle_get_full', { slug: b.slug })).contenders).toEqual([]);
    await vote(voter, b.id, human.contenderId);
    const { rows } = await db.query<{ handle: string }>(
      'select p.handle from agents.ai_lensers l join lensers.profiles p on p.id = l.profile_id where l.id = $1', [ai.aiLenserId]);
    const full = await voter.rpc<Full>('fn_battle_get_full', { slug: b.slug });
    expect(Object.fromEntries(full.contenders.map((c) => [c.id, c.handle])))
      .toEqual({ [human.contenderId]: human.owner.handle, [ai.contenderId]: rows[0].handle });
    expect((await anonActor(db).rpc<Full>('fn_battle_get_full', { slug: b.slug })).contenders).toEqual([]);
  });
});
