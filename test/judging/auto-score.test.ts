// auto_score: challenges generated from a seed the rule snapshot commits to, scored by the system
// against an answer key nobody can read, with the seed revealed at the end so anyone can replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, type Actor } from '../support/actors.ts';
import { battleRow, expectRefused, finalEntries, uniqueSlug } from '../support/battle-fixtures.ts';
import { userClaims, withClaims } from '../../src/db/claims.ts';
import { toAppError } from '../../src/db/errors.ts';
import { sha256Hex } from '../../src/core/canonical-json.ts';
import { CHALLENGES } from '../../src/core/challenges/index.ts';
import { addAiContender, addModel, dbOracle, makeWorker, perfectAnswer, startProviders, type Providers } from '../e2e/harness.ts';

let db: TestDb;
let servers: Providers;
let strong: string;
let weak: string;

beforeAll(async () => {
  db = await createTestDb();
  servers = await startProviders({ oracle: dbOracle(db) });
  strong = await addModel(db, servers, 'anthropic', 'writer-strong');
  weak = await addModel(db, servers, 'openai_compatible', 'writer-weak');
});
afterAll(async () => {
  await servers.close();
  await db.destroy();
});

interface ChallengeOut {
  challenge_type: string;
  options: Record<string, unknown>;
  seed_sha256: string;
  ready: boolean;
  prompt: string | null;
  prompt_sha256: string | null;
  seed: string | null;
}

async function challengeBattle(creator: Actor, opts: {
  type: 'math_calculation' | 'writing_contest'; structure?: string; seed?: string; options?: Record<string, unknown>; mode?: string;
}) {
  const id = await creator.rpc<string>('fn_battles_create', {
    title: 'Challenge', slug: uniqueSlug('ch'), task_prompt: 'Sprint round.', task_source: 'challenge',
    contender_structure: opts.structure ?? 'ai_vs_ai', judging_mode: opts.mode ?? 'auto_score', challenge_type: opts.type,
  });
  await creator.rpc('fn_battles_set_judging', {
    battle_id: id, challenge_options: opts.options ?? { difficulty: 'easy', count: 5 }, ...(opts.seed && { challenge_seed: opts.seed }),
  });
  await creator.rpc('fn_publish_battle', { battle_id: id });
  return id;
}

const challenge = (actor: Actor, id: string) => actor.rpc<ChallengeOut>('fn_battle_challenge', { battle_id: id });

describe('seeds', () => {
  it('commits the rule snapshot to the seed by SHA-256, and the same seed gives the same challenge', async () => {
    const creator = await makeUser(db);
    const a = await challengeBattle(creator, { type: 'math_calculation', seed: 'round-7' });
    const b = await challengeBattle(creator, { type: 'math_calculation', seed: 'round-7' });
    const snapshot = (await battleRow(db, a)).rule_snapshot;
    expect(snapshot.judging).toMatchObject({
      protocol: 'challenge_auto_v1',
      challenge: { type: 'math_calculation', options: { difficulty: 'easy', count: 5 }, seed_sha256: sha256Hex('round-7'), generator_version: 1 },
    });
    expect(JSON.stringify(snapshot)).not.toContain('round-7');

    expect((await challenge(creator, a)).ready).toBe(false); // prepared by the worker
    await makeWorker(db).runUntilIdle();
    const [ca, cb] = [await challenge(creator, a), await challenge(creator, b)];
    expect(ca).toMatchObject({ ready: true, challenge_type: 'math_calculation', seed: null });
    expect(ca.prompt).toBe(cb.prompt);
    expect(ca.prompt).toBe(CHALLENGES.math_calculation.generate('round-7', { difficulty: 'easy', count: 5 }).prompt);
    expect(ca.prompt_sha256).toBe(sha256Hex(ca.prompt!));
  });

  it('draws a fresh random seed for each battle whose creator set none', async () => {
    const creator = await makeUser(db);
    const a = await challengeBattle(creator, { type: 'writing_contest', options: {} });
    const b = await challengeBattle(creator, { type: 'writing_contest', options: {} });
    const sha = async (id: string) => (await battleRow(db, id)).rule_snapshot.judging.challenge.seed_sha256;
    expect(await sha(a)).not.toBe(await sha(b));
  });

  it('keeps the answer key and the seed from every user: no grant on either', async () => {
    const creator = await makeUser(db);
    const id = await challengeBattle(creator, { type: 'math_calculation', seed: 'hidden' });
    await makeWorker(db).runUntilIdle();
    const asCreator = (sql: string) => withClaims(db, userClaims(creator.id), (tx) => tx.query(sql, [id]));
    for (const sql of [
      'select answer_key from battles.challenge_instances where battle_id = $1',
      'select seed from battles.challenge_secrets where battle_id = $1',
    ]) {
      const err = await asCreator(sql).then(() => null, (e: unknown) => e as { code?: string });
      expect(err?.code).toBe('42501');
    }
    const { rows } = await asCreator('select prompt from battles.challenge_instances where battle_id = $1');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(await challenge(creator, id))).not.toContain('"answer');
  });

  it('refuses judging settings once the rules are frozen', async () => {
    const creator = await makeUser(db);
    const id = await challengeBattle(creator, { type: 'math_calculation' });
    await expectRefused(creator.rpc('fn_battles_set_judging', { battle_id: id, challenge_seed: 'late' }), 'rules_frozen');
    const other = await makeUser(db);
    const draft = await creator.rpc<string>('fn_battles_create', { title: 'd', slug: uniqueSlug('d'), task_prompt: 'p' });
    const err = toAppError(await other.rpc('fn_battles_set_judging', { battle_id: draft }).catch((e: unknown) => e));
    expect(err.code).toBe('not_found');
  });
});

describe('scoring', () => {
  it('math: AI contenders get the generated problems, answers are checked exactly, and the seed is revealed for replay', async () => {
    const creator = await makeUser(db);
    const id = await challengeBattle(creator, { type: 'math_calculation', seed: 'sprint-42' });
    const contenders: string[] = [];
    for (const model of [weak, strong]) contenders.push(await addAiContender(creator, id, model));
    servers.anthropic.reset();
    await creator.rpc('fn_battle_start_execution', { battle_id: id });
    await makeWorker(db).runUntilIdle();

    const expected = CHALLENGES.math_calculation.generate('sprint-42', { difficulty: 'easy', count: 5 });
    const sent = servers.anthropic.requests[0].body as { messages: { content: string }[] };
    expect(sent.messages[0].content).toBe(`Sprint round.\n\n${expected.prompt}`);

    const row = await battleRow(db, id);
    expect(row).toMatchObject({ status: 'closed', winner_contender_id: contenders[1] });
    const { rows: scores } = await db.query<{ contender_id: string; score: number; details: any[] }>(
      'select contender_id, score, details from battles.challenge_scores where battle_id = $1 order by score', [id]);
    expect(scores.map((s) => [s.contender_id, Number(s.score)])).toEqual([[contenders[0], 0], [contenders[1], 1]]);
    expect(scores[1].details).toHaveLength(5);

    // Results are out: the seed is revealed, in the summary and through the read, and replays.
    const revealed = await challenge(creator, id);
    expect(revealed.seed).toBe('sprint-42');
    expect(row.finalize_summary.judging).toMatchObject({
      mode: 'auto_score', challenge: { seed: 'sprint-42', seed_sha256: sha256Hex('sprint-42') },
    });
    const replay = CHALLENGES.math_calculation.generate(revealed.seed!, revealed.options);
    expect(sha256Hex(replay.prompt)).toBe(revealed.prompt_sha256);
    const entries = await finalEntries(db, id);
    for (const e of entries) {
      const stored = scores.find((s) => s.contender_id === e.contender_id)!;
      expect(CHALLENGES.math_calculation.score(replay.answerKey, e.content_text).score).toBeCloseTo(Number(stored.score), 10);
    }
  });

  it('writing contest between humans: constraints are checked as a weighted rubric and the compliant text wins', async () => {
    const creator = await makeUser(db);
    const id = await challengeBattle(creator, { type: 'writing_contest', structure: 'human_vs_human', options: { difficulty: 'medium' } });
    await makeWorker(db).runUntilIdle(); // prepares the challenge
    const [good, poor] = [await makeUser(db), await makeUser(db)];
    const prompt = (await challenge(good, id)).prompt!;
    expect(prompt).toContain('Constraints:');
    const { rows } = await db.query<{ answer_key: any }>('select answer_key from battles.challenge_instances where battle_id = $1', [id]);
    const cGood = await good.rpc<string>('fn_battles_join', { battle_id: id });
    await poor.rpc<string>('fn_battles_join', { battle_id: id });
    await good.rpc('fn_battles_submit', { battle_id: id, text: perfectAnswer(rows[0].answer_key) });
    await poor.rpc('fn_battles_submit', { battle_id: id, text: 'A few words about nothing.' });
    await creator.rpc('fn_battle_start_execution', { battle_id: id }); // nothing to run: straight on to scoring
    await makeWorker(db).runUntilIdle();
    const row = await battleRow(db, id);
    expect(row).toMatchObject({ status: 'closed', winner_contender_id: cGood });
    const top = row.finalize_summary.judging.scores.find((s: any) => s.contender_id === cGood);
    expect(Number(top.score)).toBe(1);
    expect(top.details.map((d: any) => d.criterionId)).toContain('word_count');
  });
});
