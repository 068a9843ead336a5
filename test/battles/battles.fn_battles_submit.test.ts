// Entries: only one's own contender, only while open or executing, revisions chained by
// revision_of_id with exactly one is_final, integrity_hash = battles.fn_content_hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/actors.ts';
import { battleIn, eventsOf, expectRefused } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

async function submissionsOf(contenderId: string) {
  const { rows } = await db.query<Record<string, any>>(
    `select s.*, battles.fn_content_hash(s.content_text, s.content_url, s.content_media) as expected_hash
       from battles.submissions s where contender_id = $1 order by created_at, id`,
    [contenderId],
  );
  return rows;
}

describe('fn_battles_submit', () => {
  it('records a contender’s entry as final with its content hash and a submission_received event', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    const c = b.contenders[0];
    const id = await c.actor.rpc<string>('fn_battles_submit', {
      battle_id: b.id,
      text: 'rain on the roof',
      url: 'https://example.test/entry',
      media: [{ kind: 'image', url: 'https://example.test/a.png' }],
    });
    const [row] = await submissionsOf(c.contenderId);
    expect(row).toMatchObject({
      id,
      battle_id: b.id,
      status: 'submitted',
      is_final: true,
      revision_of_id: null,
      source_type: 'manual',
      content_text: 'rain on the roof',
      content_url: 'https://example.test/entry',
    });
    expect(row.submitted_at).not.toBeNull();
    expect(row.integrity_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.integrity_hash).toBe(row.expected_hash);
    expect((await eventsOf(db, b.id)).at(-1)).toMatchObject({
      event_type: 'submission_received',
      actor_id: c.owner.id,
      metadata: { submission_id: id, contender_id: c.contenderId, revision_of_id: null },
    });
  });

  it('gives equal content equal hashes and different content different ones', async () => {
    const { rows } = await db.query<{ a: string; b: string; c: string }>(
      `select battles.fn_content_hash('x', null, '[]') as a, battles.fn_content_hash('x', null, '[]') as b,
              battles.fn_content_hash('y', null, '[]') as c`,
    );
    expect(rows[0].a).toBe(rows[0].b);
    expect(rows[0].a).not.toBe(rows[0].c);
  });

  it('chains resubmissions by revision_of_id and keeps exactly one is_final per contender', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    const [c, other] = b.contenders;
    const first = await c.actor.rpc<string>('fn_battles_submit', { battle_id: b.id, text: 'draft one' });
    await other.actor.rpc('fn_battles_submit', { battle_id: b.id, text: 'the other entry' });
    const second = await c.actor.rpc<string>('fn_battles_submit', { battle_id: b.id, text: 'draft two' });
    const third = await c.actor.rpc<string>('fn_battles_submit', { battle_id: b.id, text: 'draft three' });
    const rows = await submissionsOf(c.contenderId);
    expect(rows.map((r) => [r.id, r.revision_of_id, r.is_final])).toEqual([
      [first, null, false],
      [second, first, false],
      [third, second, true],
    ]);
    for (const r of rows) expect(r.integrity_hash).toBe(r.expected_hash);
    expect((await submissionsOf(other.contenderId)).filter((r) => r.is_final)).toHaveLength(1);
  });

  it('accepts entries while executing', async () => {
    const b = await battleIn(db, 'executing');
    await b.contenders[0].actor.rpc('fn_battles_submit', { battle_id: b.id, text: 'late revision' });
    expect((await submissionsOf(b.contenders[0].contenderId)).filter((r) => r.is_final)).toHaveLength(1);
  });

  it('lets an AI contender submit through its owner acting as it', async () => {
    const b = await battleIn(db, 'open', { create: { contender_structure: 'ai_vs_ai' }, entries: 0 });
    const c = b.contenders[0];
    await c.actor.rpc('fn_battles_submit', { battle_id: b.id, text: 'model output' });
    expect(await submissionsOf(c.contenderId)).toHaveLength(1);
  });

  it('refuses the owner of an AI contender acting as themself with not_a_contender', async () => {
    const b = await battleIn(db, 'open', { create: { contender_structure: 'ai_vs_ai' }, entries: 0 });
    await expectRefused(b.contenders[0].owner.rpc('fn_battles_submit', { battle_id: b.id, text: 'x' }), 'not_a_contender');
  });

  it('refuses someone who is not a contender, including the creator, with not_a_contender', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    await expectRefused((await makeUser(db)).rpc('fn_battles_submit', { battle_id: b.id, text: 'x' }), 'not_a_contender');
    await expectRefused(b.creator.rpc('fn_battles_submit', { battle_id: b.id, text: 'x' }), 'not_a_contender');
  });

  it.each(['voting', 'scoring', 'closed', 'published', 'archived'] as const)(
    'refuses entries to a %s battle with battle_not_accepting_entries',
    async (status) => {
      const b = await battleIn(db, status);
      await expectRefused(b.contenders[0].actor.rpc('fn_battles_submit', { battle_id: b.id, text: 'too late' }), 'battle_not_accepting_entries');
    },
  );

  it('refuses entries to a draft (the creator joined their own draft) with battle_not_accepting_entries', async () => {
    const b = await battleIn(db, 'draft');
    await b.creator.rpc('fn_battles_join', { battle_id: b.id });
    await expectRefused(b.creator.rpc('fn_battles_submit', { battle_id: b.id, text: 'early' }), 'battle_not_accepting_entries');
  });

  it('refuses a withdrawn contender with contender_not_active', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    await b.contenders[0].actor.rpc('fn_battles_withdraw', { battle_id: b.id });
    await expectRefused(b.contenders[0].actor.rpc('fn_battles_submit', { battle_id: b.id, text: 'x' }), 'contender_not_active');
  });

  it('refuses an entry with no content with empty_submission', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    await expectRefused(b.contenders[0].actor.rpc('fn_battles_submit', { battle_id: b.id, text: '   ' }), 'empty_submission');
    await expectRefused(b.contenders[0].actor.rpc('fn_battles_submit', { battle_id: b.id }), 'empty_submission');
  });

  it('refuses execution_output without a run with invalid_input, and a non-http URL at the edge', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    const c = b.contenders[0];
    await expectRefused(c.actor.rpc('fn_battles_submit', { battle_id: b.id, text: 'x', source_type: 'execution_output' }), 'invalid_input');
    await expectRefused(c.actor.rpc('fn_battles_submit', { battle_id: b.id, url: 'ftp://example.test/x' }), 'invalid_input');
    expect(await submissionsOf(c.contenderId)).toHaveLength(0);
  });
});
