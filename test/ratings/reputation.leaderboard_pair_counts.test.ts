// The stored leaderboard pair counts (0018_leaderboards.sql): kept in the transaction of every change
// that affects them, and always equal to a full recount over the votes and ranks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/ratings/random.ts';
import { correctBattleResult, excludeVote, reverseBattleElo } from '../../src/ratings/operator-actions.ts';
import { makeUser, type Actor } from '../support/actors.ts';
import { battleRow } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { aiMember, humanMember, playBattle, type Member, type PlayedBattle } from './support.ts';

let db: TestDb;
let operator: Actor;
let humans: Member[];
let ais: Member[];

beforeAll(async () => {
  db = await createTestDb();
  operator = await makeUser(db, undefined, { operator: true });
  humans = await Promise.all(Array.from({ length: 5 }, () => humanMember(db)));
  ais = await Promise.all(Array.from({ length: 3 }, () => aiMember(db)));
});
afterAll(async () => {
  await db.destroy();
});

type Row = Record<string, unknown>;
const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

/** The stored counts, or (`_recount`) the same three reads recounted from the votes and ranks. */
async function counts(suffix: '' | '_recount' = '') {
  const read = async (fn: string) => sorted((await db.query<Row>(`select * from reputation.${fn}${suffix}()`)).rows);
  return {
    pairs: await read('fn_leaderboard_pair_counts'),
    coverage: await read('fn_leaderboard_coverage'),
    excluded: await read('fn_leaderboard_excluded_votes'),
  };
}
const stored = () => counts();
const recount = () => counts('_recount');

/** The SQLSTATE of running `sql` as an API role (undefined when it is allowed). */
async function sqlStateAs(role: string, sql: string): Promise<string | undefined> {
  try {
    await db.transaction(async (tx) => {
      await tx.query(`select set_config('role', $1, true)`, [role]);
      await tx.query(sql);
    });
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

/**
 * The overall board counted here from the raw pairwise outcomes: the stored counts and the recount
 * both sum the same per-battle view, so this is the check of that view's counting.
 */
async function expectOverallCountedFromOutcomes() {
  const { rows: outcomes } = await db.query<{ entity_kind: string; a_id: string; b_id: string; score_a: number }>(
    'select entity_kind, a_id, b_id, score_a from reputation.v_pairwise_outcomes');
  const byPair = new Map<string, { first_wins: number; second_wins: number; ties: number }>();
  for (const o of outcomes) {
    const [first, second] = o.a_id < o.b_id ? [o.a_id, o.b_id] : [o.b_id, o.a_id];
    const key = `${o.entity_kind} ${first} ${second}`;
    const c = byPair.get(key) ?? { first_wins: 0, second_wins: 0, ties: 0 };
    if (Number(o.score_a) === 0.5) c.ties++;
    else if ((Number(o.score_a) === 1) === (o.a_id === first)) c.first_wins++;
    else c.second_wins++;
    byPair.set(key, c);
  }
  const { rows: board } = await db.query<{ entity_kind: string; first_id: string; second_id: string; first_wins: string; second_wins: string; ties: string }>(
    `select * from reputation.fn_leaderboard_pair_counts(array['overall'])`);
  const stored = new Map(board.map((r) => [`${r.entity_kind} ${r.first_id} ${r.second_id}`,
    { first_wins: Number(r.first_wins), second_wins: Number(r.second_wins), ties: Number(r.ties) }]));
  expect(stored.size).toBeGreaterThan(0);
  expect(stored).toEqual(byPair);
}

async function expectStoredEqualsRecount(step: string) {
  expect(await stored(), step).toEqual(await recount());
}

describe('stored leaderboard pair counts', () => {
  it('a decided battle counts nowhere until its results are published, then at once', async () => {
    const before = await stored();
    const b = await playBattle(db, [humans[0], humans[1]], [0, 0, 1], { unpublished: true });
    expect((await battleRow(db, b.id)).status).toBe('closed');
    expect(await stored()).toEqual(before);
    await expectStoredEqualsRecount('closed');
    await b.creator.rpc('fn_battles_publish_results', { battle_id: b.id });
    const { rows } = await db.query<{ first_wins: string; second_wins: string; ties: string }>(
      `select first_wins, second_wins, ties from reputation.fn_leaderboard_pair_counts(array['overall'])
        where entity_kind = 'lenser' and first_id = least($1::uuid, $2::uuid) and second_id = greatest($1::uuid, $2::uuid)`,
      [humans[0].profileId, humans[1].profileId],
    );
    const zeroFirst = humans[0].profileId < humans[1].profileId;
    expect(rows.map((r) => [Number(r.first_wins), Number(r.second_wins), Number(r.ties)])).toEqual([zeroFirst ? [2, 1, 0] : [1, 2, 0]]);
    await expectStoredEqualsRecount('published');
    const published = await stored();
    // Archiving a published battle keeps its results public: it still counts, as it did.
    await b.creator.rpc('fn_battles_archive', { battle_id: b.id });
    await expectStoredEqualsRecount('archived');
    expect(await stored()).toEqual(published);
    expect((await db.query('select 1 from reputation.leaderboard_battles where battle_id = $1', [b.id])).rows).toHaveLength(1);
  });

  it('equal a full recount after every step of a random sequence of publications, exclusions, overturns and corrections', async () => {
    const random = createRandom(2024);
    const pick = <T,>(xs: T[]): T => xs[random.nextInt(xs.length)];
    const battles: Array<PlayedBattle & { published: boolean; reversed: boolean }> = [];
    const creates = [{}, { content_type: 'code' }, { challenge_type: 'writing_contest' }];
    for (let t = 0; t < 12; t++) {
      const pool = t % 4 === 3 ? ais : humans;
      const n = 2 + random.nextInt(Math.min(3, pool.length - 1));
      const members = [...pool].sort(() => random.nextFloat() - 0.5).slice(0, n);
      const votes = Array.from({ length: 1 + random.nextInt(5) }, () => (random.nextInt(5) === 0 ? ('draw' as const) : random.nextInt(n)));
      const b = await playBattle(db, members, votes, { create: pick(creates), unpublished: true });
      battles.push({ ...b, published: false, reversed: false });
    }
    await expectStoredEqualsRecount('start');
    const counts = { publish: 0, exclude: 0, overturn: 0, correct: 0 };
    for (let step = 0; step < 40; step++) {
      const live = battles.filter((b) => !b.reversed);
      const op = pick(['publish', 'publish', 'exclude', 'exclude', 'overturn', 'correct', 'correct'] as const);
      if (op === 'publish') {
        const b = live.filter((x) => !x.published);
        if (!b.length) continue;
        const target = pick(b);
        await target.creator.rpc('fn_battles_publish_results', { battle_id: target.id });
        target.published = true;
      } else if (op === 'exclude') {
        const target = pick(battles.filter((b) => b.voteIds.length));
        await excludeVote(db, operator.claims, pick(target.voteIds), `step ${step}`);
      } else if (op === 'overturn') {
        if (live.length < 6) continue;
        const target = pick(live);
        await reverseBattleElo(db, operator.claims, target.id, `step ${step}`);
        target.reversed = true;
      } else {
        const target = pick(live);
        const ranks = Object.fromEntries(target.contenderIds.map((c) => [c, 1 + random.nextInt(target.contenderIds.length)]));
        await correctBattleResult(db, operator.claims, target.id, `step ${step}`, { ranks });
      }
      counts[op]++;
      await expectStoredEqualsRecount(`step ${step}: ${op}`);
    }
    // The sequence did each kind of change, and left something on the boards.
    expect(Object.values(counts).every((n) => n > 0), JSON.stringify(counts)).toBe(true);
    expect((await stored()).pairs.length).toBeGreaterThan(10);
    const { rows } = await db.query<{ battle_id: string }>('select battle_id from reputation.leaderboard_battles where battle_id = any($1::uuid[])', [
      battles.map((b) => b.id),
    ]);
    expect(rows.map((r) => r.battle_id).sort()).toEqual(battles.filter((b) => b.published && !b.reversed).map((b) => b.id).sort());
    await expectOverallCountedFromOutcomes();
  });

  it('are written by their maintenance function only: API roles have no grant on the tables', async () => {
    for (const role of ['authenticated', 'service_role']) {
      expect(await sqlStateAs(role, "update reputation.leaderboard_pair_counts set first_wins = first_wins + 1 where category = 'overall'"), role).toBe('42501');
      expect(await sqlStateAs(role, 'select reputation.fn_leaderboard_sync_battle(gen_random_uuid())'), role).toBe('42501');
    }
  });
});
