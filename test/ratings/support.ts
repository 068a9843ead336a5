// Battles among a chosen pool of lensers, played through the RPCs up to finalization, and superuser
// reads of the ELO tables and the checks against the TS rating code: what the rating tests build on.
import { expect } from 'vitest';
import { applyEloRows, FORMULA_VERSION, rateBattle, type EloStanding } from '../../src/core/ratings/elo.ts';
import type { Db } from '../../src/db/db.ts';
import { actingAs, makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { uniqueSlug } from '../support/battle-fixtures.ts';

/** A lenser that can contend: a human, or an AI persona (acted as by its owner). */
export interface Member {
  actor: Actor;
  /** The rated lenser entity: the human's profile, or the persona's own profile. */
  profileId: string;
  modelId: string | null;
}

export async function humanMember(db: Db): Promise<Member> {
  const actor = await makeUser(db);
  return { actor, profileId: actor.id, modelId: null };
}

/** An AI persona with its own new model, or with `modelId` when given (two personas, one model). */
export async function aiMember(db: Db, modelId?: string): Promise<Member> {
  const owner = await makeUser(db);
  const ai = await makeAiLenser(db, owner);
  if (modelId) await db.query('update agents.ai_lensers set model_id = $1 where id = $2', [modelId, ai.ai_lenser_id]);
  return { actor: actingAs(db, owner, ai.ai_lenser_id), profileId: ai.profile_id, modelId: modelId ?? ai.model_id };
}

export interface PlayedBattle {
  id: string;
  creator: Actor;
  /** Contender ids, in the order of the members. */
  contenderIds: string[];
  /** Vote ids in the order of `votes`. */
  voteIds: string[];
}

export interface PlayOptions {
  /** fn_battles_create arguments (e.g. content_type, challenge_type). */
  create?: Record<string, unknown>;
  /** Stop with voting open (default: close voting, finalize and publish the results). */
  keepVoting?: boolean;
  /** Finalize but do not publish the results (they do not count on leaderboards, mint no XP). */
  unpublished?: boolean;
  /** Members (by index) who withdraw after submitting, before voting opens. */
  withdraw?: number[];
}

function structureOf(members: Member[]): string {
  const ai = members.filter((m) => m.modelId).length;
  return ai === 0 ? 'human_vs_human' : ai === members.length ? 'ai_vs_ai' : 'human_vs_ai';
}

/**
 * A community-vote battle among `members` (each joins and submits), with one fresh voter per entry
 * of `votes`: a member's index, or 'draw'. Finalized by its creator and its results published,
 * unless keepVoting or unpublished.
 */
export async function playBattle(db: Db, members: Member[], votes: Array<number | 'draw'>, opts: PlayOptions = {}): Promise<PlayedBattle> {
  const creator = await makeUser(db);
  const id = await creator.rpc<string>('fn_battles_create', {
    title: 'Rated battle',
    slug: uniqueSlug('elo'),
    task_prompt: 'Write a haiku about rain',
    contender_structure: structureOf(members),
    max_contenders: members.length,
    ...opts.create,
  });
  await creator.rpc('fn_publish_battle', { battle_id: id });
  const contenderIds: string[] = [];
  for (const m of members) {
    contenderIds.push(await m.actor.rpc<string>('fn_battles_join', { battle_id: id }));
    await m.actor.rpc('fn_battles_submit', { battle_id: id, text: `entry of ${m.profileId}` });
  }
  for (const i of opts.withdraw ?? []) await members[i].actor.rpc('fn_battles_withdraw', { battle_id: id });
  await creator.rpc('fn_battle_open_voting', { battle_id: id });
  const voteIds: string[] = [];
  for (const v of votes) {
    const voter = await makeUser(db);
    const res = await voter.rpc<{ vote_id: string }>(
      'fn_submit_vote',
      v === 'draw' ? { battle_id: id, is_draw: true } : { battle_id: id, voted_contender_id: contenderIds[v] },
    );
    voteIds.push(res.vote_id);
  }
  if (!opts.keepVoting) {
    await creator.rpc('fn_battle_close_voting', { battle_id: id });
    await creator.rpc('fn_battles_finalize', { battle_id: id });
    if (!opts.unpublished) await creator.rpc('fn_battles_publish_results', { battle_id: id });
  }
  return { id, creator, contenderIds, voteIds };
}

/** Final ranks of a battle's contenders, in the order given. */
export async function ranksOf(db: Db, battleId: string, contenderIds: string[]): Promise<number[]> {
  const { rows } = await db.query<{ contender_id: string; rank_position: number }>(
    'select contender_id, rank_position from battles.vote_aggregates where battle_id = $1',
    [battleId],
  );
  const by = new Map(rows.map((r) => [r.contender_id, r.rank_position]));
  return contenderIds.map((c) => by.get(c)!);
}

export interface LogRow {
  id: number;
  battle_id: string;
  entity_kind: 'lenser' | 'model';
  entity_id: string;
  rating_before: number;
  rating_after: number;
  delta: number;
  k: number;
  expected_score: number;
  outcome: number;
  opponents: number;
  formula_version: string;
  reason: 'battle' | 'reversal' | 'correction';
  reverses_log_id: number | null;
  correction_id: number | null;
}

export async function logRows(db: Db, battleId?: string): Promise<LogRow[]> {
  const { rows } = await db.query<LogRow>(
    `select id, battle_id, entity_kind, entity_id, rating_before, rating_after, delta, k, expected_score, outcome,
            opponents, formula_version, reason, reverses_log_id, correction_id
       from reputation.elo_battle_log where $1::uuid is null or battle_id = $1::uuid order by id`,
    [battleId ?? null],
  );
  return rows;
}

export async function ratings(db: Db, kind: 'lenser' | 'model' = 'lenser'): Promise<Map<string, { rating: number; games: number }>> {
  const { rows } = await db.query<{ entity_id: string; rating: number; games: number }>(
    'select entity_id, rating, games from reputation.elo_ratings where entity_kind = $1',
    [kind],
  );
  return new Map(rows.map((r) => [r.entity_id, { rating: r.rating, games: r.games }]));
}

/** Runs statements as the superuser in one transaction (for setting up states the RPCs cannot reach yet). */
export async function asSuperuser<T>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return db.transaction(async (tx) => (await tx.query<T>(sql, params)).rows);
}

/** SQL floats against the TS formulas: equal to 1e-9. */
export function expectClose(x: number, y: number): void {
  expect(Math.abs(x - y), `${x} vs ${y}`).toBeLessThan(1e-9);
}

/**
 * The battle's log rows of one entity kind are what rateBattle gives for `ids` placed at `ranks`
 * from `standings` (fresh entities by default), which are then updated for the next battle.
 */
export function expectRatedLikeTs(rows: LogRow[], kind: 'lenser' | 'model', ids: string[], ranks: number[],
  standings = new Map<string, EloStanding>()): void {
  const want = rateBattle(standings, ids.map((entityId, i) => ({ entityId, rank: ranks[i] })));
  const mine = rows.filter((r) => r.entity_kind === kind);
  expect(mine.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
  for (const w of want) {
    const got = mine.find((r) => r.entity_id === w.entityId)!;
    expect(got).toMatchObject({ reason: 'battle', rating_before: w.ratingBefore, k: w.k, opponents: ids.length - 1, formula_version: FORMULA_VERSION });
    expectClose(got.expected_score, w.expectedScore);
    expectClose(got.outcome, w.outcome);
    expectClose(got.delta, w.delta);
    expect(got.rating_after).toBe(got.rating_before + got.delta);
  }
  applyEloRows(standings, want);
}

/** The SQL replay of the whole log (fn_elo_replay) is consistent and equals elo_ratings exactly. */
export async function expectSqlReplayConsistent(db: Db): Promise<void> {
  const { rows: stored } = await db.query<{ entity_kind: string; entity_id: string; rating: number; games: number }>(
    'select entity_kind, entity_id, rating, games from reputation.elo_ratings order by entity_kind, entity_id');
  const { rows: replay } = await db.query<{ entity_kind: string; entity_id: string; rating: number; games: number; consistent: boolean }>(
    'select * from reputation.fn_elo_replay() order by entity_kind, entity_id');
  expect(replay.every((r) => r.consistent)).toBe(true);
  expect(replay.map(({ consistent: _, ...r }) => r)).toEqual(stored);
}
