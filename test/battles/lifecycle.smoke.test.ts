import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser } from '../support/actors.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

describe('battle lifecycle smoke', () => {
  it('runs create → publish → join → submit → vote → finalize → publish results', async () => {
    const creator = await makeUser(db);
    const alice = await makeUser(db);
    const bob = await makeUser(db);
    const voter = await makeUser(db);
    const id = await creator.rpc<string>('fn_battles_create', { title: 'Haiku duel', slug: 'haiku-duel', task_prompt: 'Write a haiku about rain' });
    const pub = await creator.rpc<{ rule_snapshot_sha256: string }>('fn_publish_battle', { battle_id: id });
    expect(pub.rule_snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
    const ca = await alice.rpc<string>('fn_battles_join', { battle_id: id });
    await bob.rpc('fn_battles_join', { battle_id: id });
    await alice.rpc('fn_battles_submit', { battle_id: id, text: 'rain on the tin roof' });
    await bob.rpc('fn_battles_submit', { battle_id: id, text: 'grey drops, quiet street' });
    await creator.rpc('fn_battle_open_voting', { battle_id: id });
    await voter.rpc('fn_submit_vote', { battle_id: id, voted_contender_id: ca, vote_value: 'contender_a' });
    await creator.rpc('fn_battle_close_voting', { battle_id: id });
    await creator.rpc('fn_battles_finalize', { battle_id: id });
    await creator.rpc('fn_battles_publish_results', { battle_id: id });
    const full = await voter.rpc<{ status: string; winner_contender_id: string }>('fn_battle_get_full', { slug: 'haiku-duel' });
    expect(full.status).toBe('published');
    expect(full.winner_contender_id).toBe(ca);
    const feed = await voter.rpc<{ slug: string; winner_display_name: string }[]>('fn_battle_gets_feed', { status: 'published' });
    expect(feed.find((r) => r.slug === 'haiku-duel')?.winner_display_name).toBe(alice.handle);
  });
});
