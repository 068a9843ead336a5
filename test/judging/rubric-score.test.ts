// rubric_score: the SQL rule agrees with src/core/scoring.ts scoreRubric, human judges score through
// their RPC, and the AI judge grades each entry on the rubric.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser } from '../support/actors.ts';
import { battleRow, clearSetting, eventsOf, expectRefused, setSetting, uniqueSlug } from '../support/battle-fixtures.ts';
import { rankByScore, scoreRubric, type ScorecardResult } from '../../src/core/scoring.ts';
import { addModel, makeWorker, startProviders, STRONG_TEXT, type Providers } from '../e2e/harness.ts';
import { rubricBattle, type RubricBattle } from './support.ts';

let db: TestDb;
let servers: Providers;
let judgeModel: string;
let broken: string;

beforeAll(async () => {
  db = await createTestDb();
  servers = await startProviders();
  judgeModel = await addModel(db, servers, 'openai_compatible', 'judge-scripted');
  broken = await addModel(db, servers, 'anthropic', 'judge-broken');
});
afterAll(async () => {
  await servers.close();
  await db.destroy();
});

const RESULTS: ScorecardResult[] = ['pass', 'partial', 'fail', 'skipped'];

describe('the rubric_score rule in SQL', () => {
  let one: RubricBattle;
  let three: RubricBattle;
  beforeAll(async () => {
    one = await rubricBattle(db, { judges: 1, contenders: 3 });
    three = await rubricBattle(db, { judges: 3, contenders: 3 });
  });

  /** Replaces the battle's scorecards and returns the SQL scores for the given criteria weights. */
  async function sqlScores(b: RubricBattle, weights: number[], cards: ScorecardResult[][][]) {
    return db.transaction(async (tx) => {
      await tx.query('delete from battles.scorecards where battle_id = $1', [b.id]);
      for (const [j, judge] of b.judges.entries()) {
        for (const [c, contender] of b.contenders.entries()) {
          for (const [k, criterion] of b.criteria.entries()) {
            await tx.query(
              `insert into battles.scorecards (battle_id, contender_id, rubric_criterion_id, result, scorer_lenser_id, kind)
               values ($1, $2, $3, $4, $5, 'rubric')`,
              [b.id, contender.id, criterion.id, cards[j][c][k], judge.id],
            );
          }
        }
      }
      const criteria = b.criteria.map((c, k) => ({ id: c.id, weight: weights[k] }));
      const { rows } = await tx.query<{ contender_id: string; score: number | null; rank: number }>(
        `select contender_id, score, rank() over (order by score desc nulls last)::int as rank
           from battles.fn_rubric_scores($1, $2::jsonb)`,
        [b.id, JSON.stringify(criteria)],
      );
      return new Map(rows.map((r) => [r.contender_id, { score: r.score === null ? null : Number(r.score), rank: r.rank }]));
    });
  }

  // Weights as numeric(8,4) holds them: 0.0001 … 1000 with four decimals.
  const weight = fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 10_000);
  const cardsFor = (judges: number) =>
    fc.array(fc.array(fc.array(fc.constantFrom(...RESULTS), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }), {
      minLength: judges,
      maxLength: judges,
    });

  it('equals scoreRubric for one scorer, score for score and rank for rank', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(weight, { minLength: 4, maxLength: 4 }), cardsFor(1), async (weights, cards) => {
        const sql = await sqlScores(one, weights, cards);
        const ts = scoreRubric({
          criteria: one.criteria.map((c, k) => ({ id: c.id, weight: weights[k] })),
          contenderIds: one.contenders.map((c) => c.id),
          scorecards: one.contenders.flatMap((c, ci) => one.criteria.map((k, ki) => ({ contenderId: c.id, criterionId: k.id, result: cards[0][ci][ki] }))),
        });
        for (const c of one.contenders) {
          const expected = ts.scores.get(c.id)!;
          const got = sql.get(c.id)?.score ?? null;
          if (expected === null) expect(got).toBeNull();
          else expect(Math.abs(got! - expected)).toBeLessThanOrEqual(1e-9);
          expect(sql.get(c.id)?.rank ?? one.contenders.length).toBe(ts.ranking.ranks.get(c.id));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is the mean of each scorer\'s scoreRubric with several scorers (scorers with nothing assessed left out)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(weight, { minLength: 4, maxLength: 4 }), cardsFor(3), async (weights, cards) => {
        const sql = await sqlScores(three, weights, cards);
        const criteria = three.criteria.map((c, k) => ({ id: c.id, weight: weights[k] }));
        const perJudge = three.judges.map((_, j) =>
          scoreRubric({
            criteria,
            contenderIds: three.contenders.map((c) => c.id),
            scorecards: three.contenders.flatMap((c, ci) => three.criteria.map((k, ki) => ({ contenderId: c.id, criterionId: k.id, result: cards[j][ci][ki] }))),
          }).scores,
        );
        const expected = new Map(three.contenders.map((c) => {
          const given = perJudge.map((s) => s.get(c.id)!).filter((x): x is number => x !== null);
          return [c.id, given.length ? given.reduce((a, x) => a + x, 0) / given.length : null];
        }));
        for (const c of three.contenders) {
          const e = expected.get(c.id)!;
          const got = sql.get(c.id)?.score ?? null;
          if (e === null) expect(got).toBeNull();
          else expect(Math.abs(got! - e)).toBeLessThanOrEqual(1e-9);
        }
        const ranking = rankByScore(three.contenders.map((c) => ({ id: c.id, score: expected.get(c.id)! })));
        for (const c of three.contenders) expect(sql.get(c.id)?.rank ?? 3).toBe(ranking.ranks.get(c.id));
      }),
      { numRuns: 40 },
    );
  });
});

describe('nobody to score', () => {
  it('refuses to publish a rubric_score battle with neither named judges nor a judge model: rubric_scorer_missing', async () => {
    const creator = await makeUser(db);
    const rubric = await creator.rpc<string>('fn_rubrics_create', { title: 'Craft', criteria: [{ title: 'Imagery' }] });
    const id = await creator.rpc<string>('fn_battles_create', {
      title: 'Unscored', slug: uniqueSlug('unscored'), task_prompt: 'Describe rain.', judging_mode: 'rubric_score', rubric_id: rubric,
    });
    const err = await expectRefused(creator.rpc('fn_publish_battle', { battle_id: id }), 'rubric_scorer_missing');
    expect(err.status).toBe(400);
    expect(await battleRow(db, id)).toMatchObject({ status: 'draft', rule_snapshot: null });

    // The operator's default judge model is someone to score: then it publishes, scored by the AI.
    await setSetting(db, 'app.ai_judge_model_id', judgeModel);
    try {
      await creator.rpc('fn_publish_battle', { battle_id: id });
    } finally {
      await clearSetting(db, 'app.ai_judge_model_id');
    }
    expect((await battleRow(db, id)).rule_snapshot.judging).toMatchObject({ rubric_scorer: 'ai', judge: { model_id: judgeModel } });
  });
});

describe('human judges', () => {
  it('are named by the creator while the battle is a draft, and frozen into the rule snapshot', async () => {
    const b = await rubricBattle(db, { judges: 2, scoring: false });
    const snapshot = (await battleRow(db, b.id)).rule_snapshot;
    expect(snapshot.judging).toMatchObject({ protocol: 'rubric_weighted_v1', rubric_scorer: 'human', judge: null });
    expect([...snapshot.judging.judges].sort()).toEqual(b.judges.map((j) => j.id).sort());
    const late = await makeUser(db);
    await expectRefused(b.creator.rpc('fn_battles_name_judge', { battle_id: b.id, profile_id: late.id }), 'rules_frozen');
    const other = await makeUser(db);
    const draft = await other.rpc<string>('fn_battles_create', { title: 'x', slug: uniqueSlug('nj'), task_prompt: 'p' });
    await expectRefused(other.rpc('fn_battles_name_judge', { battle_id: draft, profile_id: late.id }), 'invalid_input');
  });

  it('lets the creator remove a named judge from a draft, and nobody else, and not once published', async () => {
    const creator = await makeUser(db);
    const rubric = await creator.rpc<string>('fn_rubrics_create', { title: 'R', criteria: [{ title: 'A' }] });
    const id = await creator.rpc<string>('fn_battles_create', {
      title: 'Judged', slug: uniqueSlug('rj'), task_prompt: 'p', judging_mode: 'rubric_score', rubric_id: rubric,
    });
    const [kept, mistaken, stranger] = [await makeUser(db), await makeUser(db), await makeUser(db)];
    for (const j of [kept, mistaken]) await creator.rpc('fn_battles_name_judge', { battle_id: id, profile_id: j.id });
    await expectRefused(stranger.rpc('fn_battles_remove_judge', { battle_id: id, profile_id: mistaken.id }), 'not_found');
    expect(await creator.rpc('fn_battles_remove_judge', { battle_id: id, profile_id: mistaken.id })).toBe(true);
    expect(await creator.rpc('fn_battles_remove_judge', { battle_id: id, profile_id: mistaken.id })).toBe(false);
    await creator.rpc('fn_publish_battle', { battle_id: id });
    expect((await battleRow(db, id)).rule_snapshot.judging.judges).toEqual([kept.id]);
    await expectRefused(creator.rpc('fn_battles_remove_judge', { battle_id: id, profile_id: kept.id }), 'rules_frozen');
  });

  it('score entries through their RPC; the last scorecard queues the battle, which the worker finalizes', async () => {
    const b = await rubricBattle(db, { judges: 2, scoring: false });
    const card = (result: string) => b.criteria.map((c) => ({ criterion_id: c.id, result, explanation: `${result}!` }));
    const [j1, j2] = b.judges;
    const [c1, c2] = b.contenders;
    await expectRefused(j1.rpc('fn_battles_submit_scorecards', { battle_id: b.id, contender_id: c1.id, scores: card('pass') }), 'scoring_not_open');
    await b.creator.rpc('fn_battle_start_scoring', { battle_id: b.id });

    const stranger = await makeUser(db);
    await expectRefused(stranger.rpc('fn_battles_submit_scorecards', { battle_id: b.id, contender_id: c1.id, scores: card('pass') }), 'not_a_judge');
    await expectRefused(
      j1.rpc('fn_battles_submit_scorecards', { battle_id: b.id, contender_id: c1.id, scores: [{ criterion_id: b.id, result: 'pass' }] }),
      'invalid_input',
    );
    expect(await j1.rpc('fn_battles_submit_scorecards', { battle_id: b.id, contender_id: c1.id, scores: card('fail') })).toBe(4);
    // Scoring again replaces the judge's cards.
    await j1.rpc('fn_battles_submit_scorecards', { battle_id: b.id, contender_id: c1.id, scores: card('pass') });
    await j1.rpc('fn_battles_submit_scorecards', { battle_id: b.id, contender_id: c2.id, scores: card('partial') });
    await j2.rpc('fn_battles_submit_scorecards', { battle_id: b.id, contender_id: c1.id, scores: card('pass') });
    // Not complete yet: finalizing by hand is refused, and the worker has nothing to do.
    await expectRefused(b.creator.rpc('fn_battles_finalize', { battle_id: b.id }), 'judging_incomplete');
    await makeWorker(db).runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('scoring');

    await j2.rpc('fn_battles_submit_scorecards', { battle_id: b.id, contender_id: c2.id, scores: card('fail') });
    await makeWorker(db).runUntilIdle();
    const row = await battleRow(db, b.id);
    expect(row).toMatchObject({ status: 'closed', winner_contender_id: c1.id });
    // c1: 1 from both judges; c2: 0.5 and 0, mean 0.25.
    expect(row.finalize_summary.scores.map((s: any) => [s.contender_id, s.score])).toEqual([[c1.id, 1], [c2.id, 0.25]]);
    expect(row.finalize_summary.judging).toMatchObject({ mode: 'rubric_score', scorer: 'human' });
    expect(row.finalize_summary.judging.scorecards).toHaveLength(16);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from battles.scorecards where battle_id = $1 and scorer_lenser_id = $2`, [b.id, j1.id]);
    expect(rows[0].n).toBe(8);
  });

  it('makes equal top scores a draw', async () => {
    const b = await rubricBattle(db, { judges: 1 });
    for (const c of b.contenders) {
      await b.judges[0].rpc('fn_battles_submit_scorecards', {
        battle_id: b.id, contender_id: c.id, scores: b.criteria.map((k) => ({ criterion_id: k.id, result: 'partial' })),
      });
    }
    await makeWorker(db).runUntilIdle();
    expect(await battleRow(db, b.id)).toMatchObject({ status: 'closed', winner_contender_id: null });
    expect((await eventsOf(db, b.id)).find((e) => e.event_type === 'finalized')?.metadata).toMatchObject({ draw: true });
  });

  it('cannot judge a battle they contend in', async () => {
    const creator = await makeUser(db);
    const rubric = await creator.rpc<string>('fn_rubrics_create', { title: 'R', criteria: [{ title: 'A' }] });
    const id = await creator.rpc<string>('fn_battles_create', {
      title: 'x', slug: uniqueSlug('cj'), task_prompt: 'p', judging_mode: 'rubric_score', rubric_id: rubric,
    });
    const judge = await makeUser(db);
    await creator.rpc('fn_battles_name_judge', { battle_id: id, profile_id: judge.id });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    const c = await judge.rpc<string>('fn_battles_join', { battle_id: id });
    await judge.rpc('fn_battles_submit', { battle_id: id, text: 'mine' });
    await creator.rpc('fn_battle_start_scoring', { battle_id: id });
    const { rows } = await db.query<{ id: string }>('select id from battles.rubric_criteria where rubric_id = $1', [rubric]);
    await expectRefused(
      judge.rpc('fn_battles_submit_scorecards', { battle_id: id, contender_id: c, scores: [{ criterion_id: rows[0].id, result: 'pass' }] }),
      'contender_cannot_vote',
    );
  });
});

describe('the AI judge as scorer', () => {
  it('grades each entry on every criterion; its scorecards carry the model and explanations, and decide the battle', async () => {
    const b = await rubricBattle(db, { judgeModel: judgeModel, texts: ['Too short.', STRONG_TEXT] });
    expect((await battleRow(db, b.id)).rule_snapshot.judging).toMatchObject({ rubric_scorer: 'ai', judge: { model_id: judgeModel } });
    await makeWorker(db).runUntilIdle();
    const row = await battleRow(db, b.id);
    expect(row).toMatchObject({ status: 'closed', winner_contender_id: b.contenders[1].id });
    const { rows } = await db.query<Record<string, any>>(
      'select contender_id, result, scorer_model_id, explanation, run_id from battles.scorecards where battle_id = $1', [b.id]);
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expect(r.scorer_model_id).toBe(judgeModel);
      expect(r.explanation).toMatch(/words$/);
      expect(r.run_id).not.toBeNull();
      expect(r.result).toBe(r.contender_id === b.contenders[1].id ? 'pass' : 'fail');
    }
    expect(row.finalize_summary.scores.map((s: any) => s.score)).toEqual([1, 0]);
  });

  it('retries a grader that does not answer in JSON, then dead-letters it, visibly', async () => {
    const b = await rubricBattle(db, { judgeModel: broken, texts: ['a', 'b'] });
    await makeWorker(db).runUntilIdle();
    expect((await battleRow(db, b.id)).status).toBe('scoring');
    const status = await b.creator.rpc<Record<string, any>>('fn_battle_execution_status', { battle_id: b.id });
    const jobs = status.jobs.filter((j: any) => j.kind === 'judge_rubric');
    expect(jobs).toHaveLength(2);
    for (const j of jobs) expect(j).toMatchObject({ status: 'dead', attempts: 3, error_code: 'judge_bad_json' });
  });
});
