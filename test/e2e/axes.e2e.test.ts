// Every valid combination of the three axes, end to end: create → publish → execute (AI contenders
// through the local Anthropic and OpenAI-compatible servers) → vote or judge → finalize, with the
// expected winner. Humans submit through the RPC; the worker does everything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, type Actor } from '../support/actors.ts';
import { battleRow, eventsOf, finalEntries, uniqueSlug } from '../support/battle-fixtures.ts';
import { listCombinations, type AxesRow } from '../../src/core/axes.ts';
import {
  addAiContender, addModel, dbOracle, makeWorker, perfectAnswer, startProviders, STRONG_TEXT, type Providers,
} from './harness.ts';

let db: TestDb;
let servers: Providers;
let models: { strong: string; weak: string; judge: string };

beforeAll(async () => {
  db = await createTestDb();
  servers = await startProviders({ oracle: dbOracle(db) });
  models = {
    strong: await addModel(db, servers, 'anthropic', 'writer-strong'),
    weak: await addModel(db, servers, 'openai_compatible', 'writer-weak'),
    judge: await addModel(db, servers, 'anthropic', 'judge-scripted'),
  };
});
afterAll(async () => {
  await servers.close();
  await db.destroy();
});

const VALID = listCombinations().filter((c) => c.valid);
const WEAK_TEXT = 'I am not sure.';

it('covers the 21 valid combinations', () => {
  expect(VALID).toHaveLength(21);
});

/** Human vs AI: the human writes the strong entry; otherwise slot B (strong) beats slot A (weak). */
function sides(c: AxesRow): Array<{ kind: 'human' | 'ai'; strong: boolean }> {
  if (c.contenderStructure === 'ai_vs_ai') return [{ kind: 'ai', strong: false }, { kind: 'ai', strong: true }];
  if (c.contenderStructure === 'human_vs_ai') return [{ kind: 'human', strong: true }, { kind: 'ai', strong: false }];
  return [{ kind: 'human', strong: false }, { kind: 'human', strong: true }];
}

function challengeTypeOf(c: AxesRow): string | undefined {
  if (c.judgingMode !== 'auto_score') return undefined;
  return c.contenderStructure === 'human_vs_human' ? 'writing_contest' : 'math_calculation';
}

async function answerKey(battleId: string) {
  const { rows } = await db.query<{ answer_key: any }>('select answer_key from battles.challenge_instances where battle_id = $1', [battleId]);
  return rows[0]?.answer_key;
}

async function play(c: AxesRow) {
  const worker = makeWorker(db);
  const creator = await makeUser(db);
  const rubric = c.judgingMode === 'rubric_score'
    ? await creator.rpc<string>('fn_rubrics_create', { title: 'Quality', criteria: [{ title: 'Covers the task', weight: 2 }, { title: 'Clear' }] })
    : undefined;
  let workflowId: string | undefined;
  if (c.taskSource === 'workflow') {
    const { rows } = await db.query<{ id: string }>(
      `insert into workflows.workflows (owner_lenser_id, title, definition) values ($1, 'Draft then polish', $2) returning id`,
      [creator.id, JSON.stringify({ steps: [{ title: 'Draft', prompt: 'Write a first draft.' }, { title: 'Polish', prompt: 'Tighten every sentence.' }] })],
    );
    workflowId = rows[0].id;
  }
  const id = await creator.rpc<string>('fn_battles_create', {
    title: `${c.taskSource} ${c.contenderStructure} ${c.judgingMode}`, slug: uniqueSlug('axes'), task_prompt: 'Describe the first rain after summer.',
    task_source: c.taskSource, contender_structure: c.contenderStructure, judging_mode: c.judgingMode,
    ...(challengeTypeOf(c) && { challenge_type: challengeTypeOf(c) }), ...(rubric && { rubric_id: rubric }), ...(workflowId && { workflow_id: workflowId }),
  });

  // Judging settings while a draft: the judge model, the challenge, human judges.
  const humanJudging = c.judgingMode === 'rubric_score' && c.contenderStructure === 'human_vs_human';
  let judge: Actor | null = null;
  if (c.judgingMode === 'ai_judge' || (c.judgingMode === 'rubric_score' && !humanJudging) || c.judgingMode === 'auto_score') {
    await creator.rpc('fn_battles_set_judging', {
      battle_id: id,
      ...(c.judgingMode !== 'auto_score' && { judge_model_id: models.judge }),
      ...(c.judgingMode === 'auto_score' && { challenge_options: { difficulty: 'easy', ...(challengeTypeOf(c) === 'math_calculation' && { count: 4 }) }, challenge_seed: `seed-${id}` }),
    });
  }
  if (humanJudging) {
    judge = await makeUser(db);
    await creator.rpc('fn_battles_name_judge', { battle_id: id, profile_id: judge.id });
  }
  await creator.rpc('fn_publish_battle', { battle_id: id });
  await worker.runUntilIdle(); // prepares a generated challenge

  // Contenders: humans join; AI seats are the creator's own AI lensers.
  const contenders: Array<{ id: string; kind: 'human' | 'ai'; strong: boolean; actor?: Actor }> = [];
  for (const side of sides(c)) {
    if (side.kind === 'human') {
      const actor = await makeUser(db);
      contenders.push({ ...side, actor, id: await actor.rpc<string>('fn_battles_join', { battle_id: id }) });
    } else {
      contenders.push({ ...side, id: await addAiContender(creator, id, side.strong ? models.strong : models.weak) });
    }
  }
  if (c.taskSource === 'lens') {
    const lens = await creator.rpc<{ lens_id: string }>('fn_lenses_create', {
      slug: uniqueSlug('lens'), title: 'Style', template_body: 'Answer in a [[tone]] tone.', params: [{ label: 'tone', required: true }],
    });
    for (const ct of contenders.filter((x) => x.kind === 'ai')) {
      await creator.rpc('fn_battles_assign_lens', { battle_id: id, contender_id: ct.id, lens_id: lens.lens_id, input_snapshot: { tone: 'calm' } });
    }
  }
  const key = await answerKey(id);
  const humanText = (strong: boolean) => (strong ? (key ? perfectAnswer(key) : STRONG_TEXT) : WEAK_TEXT);
  const humans = contenders.filter((x) => x.kind === 'human');

  // Human vs AI: the AI runs first and the human submits while the battle is executing; the last
  // entry moves it on. Otherwise humans submit while it is open.
  if (c.contenderStructure !== 'human_vs_ai') {
    for (const h of humans) await h.actor!.rpc('fn_battles_submit', { battle_id: id, text: humanText(h.strong) });
  }
  servers.anthropic.reset();
  servers.openai.reset();
  await creator.rpc('fn_battle_start_execution', { battle_id: id });
  await worker.runUntilIdle();
  const asked = [...servers.anthropic.requests, ...servers.openai.requests]
    .map((r) => JSON.stringify(r.body)).filter((b) => b.includes('writer-'));
  expect(asked).toHaveLength(contenders.filter((x) => x.kind === 'ai').length);
  if (c.taskSource === 'workflow') for (const b of asked) expect(b).toContain('Follow this workflow');
  if (c.taskSource === 'lens') for (const b of asked) expect(b).toContain('Answer in a calm tone.');
  if (c.contenderStructure === 'human_vs_ai') {
    expect((await battleRow(db, id)).status).toBe('executing'); // waiting for the human
    for (const h of humans) await h.actor!.rpc('fn_battles_submit', { battle_id: id, text: humanText(h.strong) });
    await worker.runUntilIdle();
  }

  const strongId = contenders.find((x) => x.strong)!.id;
  const weakId = contenders.find((x) => !x.strong)!.id;
  if (c.judgingMode === 'community_vote') {
    expect((await battleRow(db, id)).status).toBe('voting');
    for (const choice of [strongId, strongId, weakId]) {
      const voter = await makeUser(db);
      await voter.rpc('fn_submit_vote', { battle_id: id, voted_contender_id: choice });
    }
    await creator.rpc('fn_battles_close', { battle_id: id });
  } else if (humanJudging) {
    expect((await battleRow(db, id)).status).toBe('scoring');
    const criteria = (await battleRow(db, id)).rule_snapshot.rubric.criteria as { id: string }[];
    for (const [ct, result] of [[strongId, 'pass'], [weakId, 'fail']] as const) {
      await judge!.rpc('fn_battles_submit_scorecards', {
        battle_id: id, contender_id: ct, scores: criteria.map((k) => ({ criterion_id: k.id, result })),
      });
    }
    await worker.runUntilIdle();
  }
  return { id, strongId, contenders };
}

describe('every valid axes combination, end to end', () => {
  for (const c of VALID) {
    it(`${c.taskSource} × ${c.contenderStructure} × ${c.judgingMode}: the stronger entry wins`, async () => {
      const { id, strongId, contenders } = await play(c);
      const row = await battleRow(db, id);
      expect(row).toMatchObject({ status: 'closed', winner_contender_id: strongId, battle_type: c.battleType });
      const finalized = (await eventsOf(db, id)).find((e) => e.event_type === 'finalized')!;
      expect(finalized.metadata).toMatchObject({ judging_mode: c.judgingMode, draw: false, judging: { mode: c.judgingMode } });

      // AI entries came from runs of the cloud worker; human entries were typed in.
      const rows = await finalEntries(db, id);
      for (const ct of contenders) {
        const entry = rows.find((r) => r.contender_id === ct.id)!;
        expect(entry.source_type).toBe(ct.kind === 'ai' ? 'execution_output' : 'manual');
        expect(entry.execution_run_id === null).toBe(ct.kind === 'human');
      }
    });
  }
});
