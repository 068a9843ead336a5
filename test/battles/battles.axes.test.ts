// The database's battles.axes_combinations and fn_battles_create agree with src/core/axes.ts on all
// 36 combinations: validity, the reason code of invalid ones, and the legacy battle_type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims } from '../../src/db/claims.ts';
import { CONTENDER_STRUCTURES, JUDGING_MODES, TASK_SOURCES, checkAxes, listCombinations } from '../../src/core/axes.ts';
import { makeUser } from '../support/actors.ts';
import { battleRow, refusal, uniqueSlug } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
let rows: Map<string, { battle_type: string | null; invalid_reason: string | null }>;
beforeAll(async () => {
  db = await createTestDb();
  const res = await db.query<{ task_source: string; contender_structure: string; judging_mode: string; battle_type: string | null; invalid_reason: string | null }>(
    'select task_source, contender_structure, judging_mode, battle_type, invalid_reason from battles.axes_combinations',
  );
  rows = new Map(
    res.rows.map((r) => [`${r.task_source}/${r.contender_structure}/${r.judging_mode}`, { battle_type: r.battle_type, invalid_reason: r.invalid_reason }]),
  );
});
afterAll(async () => {
  await db.destroy();
});

const combos = listCombinations().map((c) => ({ ...c, key: `${c.taskSource}/${c.contenderStructure}/${c.judgingMode}` }));

describe('battles.axes_combinations', () => {
  it('has exactly the 36 combinations of the core table', () => {
    expect(rows.size).toBe(36);
    expect([...rows.keys()].sort()).toEqual(combos.map((c) => c.key).sort());
  });

  it('uses the same axis values as the database enums', async () => {
    const values = async (type: string) =>
      (await db.query<{ v: string }>(`select unnest(enum_range(null::battles.${type}))::text as v`)).rows.map((r) => r.v);
    expect(await values('contender_structure_enum')).toEqual([...CONTENDER_STRUCTURES]);
    expect(await values('judging_mode_enum')).toEqual([...JUDGING_MODES]);
    expect(new Set([...rows.keys()].map((k) => k.split('/')[0]))).toEqual(new Set(TASK_SOURCES));
  });

  it.each(combos)('$key agrees with listCombinations and checkAxes', (c) => {
    const row = rows.get(c.key)!;
    const check = checkAxes({ ...c, challengeType: c.judgingMode === 'auto_score' ? 'math_calculation' : null });
    if (c.valid) {
      expect(row).toEqual({ battle_type: c.battleType, invalid_reason: null });
      expect(check).toEqual({ ok: true, battleType: c.battleType });
    } else {
      expect(row).toEqual({ battle_type: null, invalid_reason: c.code });
      expect(check).toMatchObject({ ok: false, code: c.code });
    }
  });
});

describe('fn_battles_create on every combination', () => {
  it.each(combos)('$key is accepted exactly when valid, with the same battle_type', async (c) => {
    const creator = await makeUser(db);
    const call = creator.rpc<string>('fn_battles_create', {
      title: c.key,
      slug: uniqueSlug('axes'),
      task_prompt: 'p',
      task_source: c.taskSource,
      contender_structure: c.contenderStructure,
      judging_mode: c.judgingMode,
      ...(c.judgingMode === 'auto_score' ? { challenge_type: 'math_calculation' } : {}),
    });
    if (c.valid) {
      expect((await battleRow(db, await call)).battle_type).toBe(c.battleType);
    } else {
      const err = await refusal(call);
      expect(err.code).toBe('invalid_axes');
      expect(err.message).toContain(c.code);
    }
  });

  it('agrees with checkAxes that auto_score needs an auto-scored challenge type', async () => {
    const creator = await makeUser(db);
    for (const challengeType of [null, 'poetry', 'writing_contest', 'math_calculation']) {
      const check = checkAxes({ taskSource: 'challenge', contenderStructure: 'human_vs_human', judgingMode: 'auto_score', challengeType });
      const call = creator.rpc('fn_battles_create', {
        title: 'auto',
        slug: uniqueSlug('auto'),
        task_prompt: 'p',
        judging_mode: 'auto_score',
        ...(challengeType ? { challenge_type: challengeType } : {}),
      });
      if (check.ok) await call;
      else {
        expect(check.code).toBe('auto_score_needs_auto_scored_challenge');
        expect((await refusal(call)).code).toBe('invalid_axes');
      }
    }
  });

  it('refuses an unknown task source with invalid_axes in the database as checkAxes does with unknown_axis_value', async () => {
    expect(checkAxes({ taskSource: 'dream' as never, contenderStructure: 'ai_vs_ai', judgingMode: 'ai_judge' })).toMatchObject({
      ok: false,
      code: 'unknown_axis_value',
    });
    const creator = await makeUser(db);
    const err = await refusal(
      withClaims(db, creator.claims, (tx) =>
        tx.query(`select battles.fn_battles_create(p_title => 'x', p_slug => $1, p_task_prompt => 'p', p_task_source => 'dream')`, [uniqueSlug('dream')]),
      ),
    );
    expect(err.code).toBe('invalid_axes');
  });
});

describe('the battles_axes_fk constraint', () => {
  /** Inserts a battle row directly, past every RPC, as the superuser. */
  async function insertDirect(axes: { task_source: string; contender_structure: string; judging_mode: string; battle_type: string }) {
    const creator = await makeUser(db);
    return db.query<{ id: string }>(
      `insert into battles.battles (creator_lenser_id, principal_id, title, slug, task_prompt, task_source, contender_structure,
         judging_mode, battle_type)
       values ($1, $1, 'direct', $2, 'p', $3, $4::battles.contender_structure_enum, $5::battles.judging_mode_enum, $6::battles.battle_type_enum)
       returning id`,
      [creator.id, uniqueSlug('fk'), axes.task_source, axes.contender_structure, axes.judging_mode, axes.battle_type],
    );
  }

  async function constraintOf(p: Promise<unknown>): Promise<string | undefined> {
    try {
      await p;
    } catch (err) {
      return (err as { constraint?: string }).constraint;
    }
    throw new Error('expected the insert to be refused');
  }

  it('refuses a direct INSERT of an invalid combination (lens × human_vs_human), whatever battle_type it claims', async () => {
    expect(checkAxes({ taskSource: 'lens', contenderStructure: 'human_vs_human', judgingMode: 'community_vote' })).toMatchObject({ ok: false });
    for (const battleType of ['human_vs_human_open_votes', 'ai_vs_ai']) {
      const refused = await constraintOf(insertDirect({ task_source: 'lens', contender_structure: 'human_vs_human', judging_mode: 'community_vote', battle_type: battleType }));
      expect(refused, battleType).toBe('battles_axes_fk');
    }
  });

  it('refuses a direct INSERT of a valid combination with the wrong battle_type, and accepts the right one', async () => {
    const axes = { task_source: 'challenge', contender_structure: 'human_vs_human', judging_mode: 'community_vote' };
    expect(await constraintOf(insertDirect({ ...axes, battle_type: 'ai_vs_ai' }))).toBe('battles_axes_fk');
    const { rows } = await insertDirect({ ...axes, battle_type: 'human_vs_human_open_votes' });
    expect((await battleRow(db, rows[0].id)).battle_type).toBe('human_vs_human_open_votes');
  });
});
