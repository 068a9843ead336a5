// ELO after real judged finalizations: ai_judge, rubric_score and auto_score battles decided by their
// scorers (the scripted models of test/e2e/harness.ts), finalized by the worker through
// fn_battles_finalize. The log rows must be what rateBattle gives for the ranks each mode's rule
// implies for the entries, written in the finalizing transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/actors.ts';
import { battleRow, uniqueSlug } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { addAiLenser, addModel, dbOracle, makeWorker, startProviders, STRONG_TEXT, type Providers } from '../e2e/harness.ts';
import { judgedBattle, rubricBattle } from '../judging/support.ts';
import { expectRatedLikeTs, logRows, ranksOf, type LogRow } from './support.ts';

let db: TestDb;
let servers: Providers;
let judge: string;

beforeAll(async () => {
  db = await createTestDb();
  servers = await startProviders({ oracle: dbOracle(db) });
  judge = await addModel(db, servers, 'anthropic', 'judge-scripted');
});
afterAll(async () => {
  await servers.close();
  await db.destroy();
});

/** The log rows of one entity kind equal rateBattle for fresh entities (rating 1000, K 64) placed at `ranks`. */
function expectRated(rows: LogRow[], kind: 'lenser' | 'model', ids: string[], ranks: number[]) {
  expectRatedLikeTs(rows, kind, ids, ranks);
  expect(rows.filter((r) => r.entity_kind === kind).map((r) => [r.rating_before, r.k])).toEqual(ids.map(() => [1000, 64]));
}

async function finalizedEvent(battleId: string) {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from battles.events where battle_id = $1 and event_type = 'finalized'", [battleId]);
  return rows[0].n;
}

describe('ELO after a real judged finalization', () => {
  it('ai_judge: the swapped-order verdicts rank the long entry first and the two equal ones tied second', async () => {
    const texts = ['The rain came down on the old town.', STRONG_TEXT, 'The sea went grey under the low sky.'];
    const { id, contenders, lensers } = await judgedBattle(db, judge, texts);
    expect(await logRows(db, id)).toEqual([]);
    await makeWorker(db).runUntilIdle();
    expect(await battleRow(db, id)).toMatchObject({ status: 'closed', winner_contender_id: contenders[1] });
    expect(await finalizedEvent(id)).toBe(1);
    // Longer beats shorter in both orders; equal lengths split by position bias: a draw.
    expect(await ranksOf(db, id, contenders)).toEqual([2, 1, 2]);
    const rows = await logRows(db, id);
    expect(rows).toHaveLength(3);
    expectRated(rows, 'lenser', lensers.map((p) => p.id), [2, 1, 2]);
  });

  it('rubric_score: a named judge\'s scorecards rank pass over partial over fail', async () => {
    const b = await rubricBattle(db, { judges: 1, contenders: 3 });
    const [judgeHuman] = b.judges;
    const { id } = b;
    const contenders = b.contenders.map((c) => c.id);
    for (const [i, result] of ['partial', 'pass', 'fail'].entries()) {
      await judgeHuman.rpc('fn_battles_submit_scorecards', {
        battle_id: id, contender_id: contenders[i], scores: b.criteria.map((c) => ({ criterion_id: c.id, result })),
      });
    }
    await makeWorker(db).runUntilIdle();
    expect(await battleRow(db, id)).toMatchObject({ status: 'closed', winner_contender_id: contenders[1] });
    expect(await ranksOf(db, id, contenders)).toEqual([2, 1, 3]);
    expectRated(await logRows(db, id), 'lenser', b.contenders.map((c) => c.actor.id), [2, 1, 3]);
    // The judge is not a contender and is not rated.
    expect((await logRows(db, id)).some((r) => r.entity_id === judgeHuman.id)).toBe(false);
  });

  it('auto_score: the exact math answers beat the guess; the AI personas and their two models are rated', async () => {
    const creator = await makeUser(db);
    const strong = await addModel(db, servers, 'anthropic', 'writer-strong');
    const weak = await addModel(db, servers, 'openai_compatible', 'writer-weak');
    const id = await creator.rpc<string>('fn_battles_create', {
      title: 'Sprint', slug: uniqueSlug('elo-auto'), task_prompt: 'Sprint round.', task_source: 'challenge',
      contender_structure: 'ai_vs_ai', judging_mode: 'auto_score', challenge_type: 'math_calculation',
    });
    await creator.rpc('fn_battles_set_judging', { battle_id: id, challenge_options: { difficulty: 'easy', count: 5 }, challenge_seed: `elo-${id}` });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    const personas: string[] = [];
    const contenders: string[] = [];
    for (const model of [weak, strong]) {
      const ai = await addAiLenser(creator, model);
      contenders.push(await creator.rpc<string>('fn_battles_add_ai_contender', { battle_id: id, ai_lenser_id: ai }));
      const { rows } = await db.query<{ profile_id: string }>('select profile_id from agents.ai_lensers where id = $1', [ai]);
      personas.push(rows[0].profile_id);
    }
    await creator.rpc('fn_battle_start_execution', { battle_id: id });
    await makeWorker(db).runUntilIdle();
    expect(await battleRow(db, id)).toMatchObject({ status: 'closed', winner_contender_id: contenders[1] });
    expect(await ranksOf(db, id, contenders)).toEqual([2, 1]);
    const rows = await logRows(db, id);
    expect(rows).toHaveLength(4);
    expectRated(rows, 'lenser', personas, [2, 1]);
    expectRated(rows, 'model', [weak, strong], [2, 1]);
    // No XP for AI contenders, even once the results are public.
    await creator.rpc('fn_battles_publish_results', { battle_id: id });
    expect((await db.query('select 1 from xp.ledger where battle_id = $1', [id])).rows).toEqual([]);
  });
});
