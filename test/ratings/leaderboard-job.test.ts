import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLeaderboard, createRandom, type LeaderboardRow } from '../../src/core/ratings/index.ts';
import { excludeVote, reverseBattleElo } from '../../src/ratings/operator-actions.ts';
import { leaderboardOptions, leaderboardParams, recomputeLeaderboards } from '../../src/ratings/leaderboard-job.ts';
import { getLeaderboard, type SnapshotRow } from '../../src/ratings/snapshots.ts';
import { makeUser, systemActor } from '../support/actors.ts';
import { battleRow, expectRefused, uniqueSlug } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { addModel, makeWorker, startProviders, STRONG_TEXT, type Providers } from '../e2e/harness.ts';
import { aiMember, humanMember, playBattle, ranksOf, type Member } from './support.ts';

let db: TestDb;
let servers: Providers;
let judge: string;

/** What the test knows about each battle it played: enough to derive the outcomes on its own. */
interface Played {
  id: string;
  members: Member[];
  votes: Array<number | 'draw'>;
  voteIds: string[];
  /** Final ranks for a judged battle (votes are not used then). */
  ranks?: number[];
  /** Finalized with its results published and not overturned: what leaderboards count. */
  counts: boolean;
  categories: string[];
}
const played: Played[] = [];
const excluded = new Set<string>();

function categoriesOf(create: Record<string, unknown>): string[] {
  return [
    'overall',
    `judging_mode:${create.judging_mode ?? 'community_vote'}`,
    `task_source:${create.task_source ?? 'challenge'}`,
    ...(create.challenge_type ? [`challenge_type:${create.challenge_type}`] : []),
    `content_type:${create.content_type ?? 'text'}`,
  ];
}

/** A community-vote battle: 'published' (counts), 'unpublished' (finalized, results not public) or 'voting'. */
async function play(members: Member[], votes: Array<number | 'draw'>, create: Record<string, unknown> = {},
  state: 'published' | 'unpublished' | 'voting' = 'published') {
  const b = await playBattle(db, members, votes, { create, keepVoting: state === 'voting', unpublished: state === 'unpublished' });
  played.push({ id: b.id, members, votes, voteIds: b.voteIds, counts: state === 'published', categories: categoriesOf(create) });
}

/**
 * An ai_judge battle among humans, judged for real by the scripted judge model (it prefers the
 * longer entry and, on equal lengths, slot A — a bias the swapped second order cancels into a
 * draw), finalized by the worker through fn_battles_finalize and its results published.
 */
async function playJudged(members: Member[], texts: string[]) {
  const creator = await makeUser(db);
  const create = { judging_mode: 'ai_judge' };
  const id = await creator.rpc<string>('fn_battles_create', {
    title: 'Judged', slug: uniqueSlug('judged'), task_prompt: 'Describe rain.', max_contenders: members.length, ...create,
  });
  await creator.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: judge });
  await creator.rpc('fn_publish_battle', { battle_id: id });
  const contenders: string[] = [];
  for (const [i, m] of members.entries()) {
    contenders.push(await m.actor.rpc<string>('fn_battles_join', { battle_id: id }));
    await m.actor.rpc('fn_battles_submit', { battle_id: id, text: texts[i] });
  }
  await creator.rpc('fn_battle_start_scoring', { battle_id: id });
  await makeWorker(db).runUntilIdle();
  expect((await battleRow(db, id)).status).toBe('closed');
  await creator.rpc('fn_battles_publish_results', { battle_id: id });
  const ranks = await ranksOf(db, id, contenders);
  played.push({ id, members, votes: [], voteIds: [], ranks, counts: true, categories: categoriesOf(create) });
  return ranks;
}

/** The outcomes of a leaderboard derived from what the test played, independently of the SQL. */
function expectedOutcomes(category: string, kind: 'lenser' | 'model') {
  const pairs: Array<[string, string, number]> = [];
  const idOf = (m: Member) => (kind === 'lenser' ? m.profileId : m.modelId);
  for (const p of played) {
    if (!p.counts || !p.categories.includes(category)) continue;
    const n = p.members.length;
    if (p.ranks) {
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const [a, b] = [idOf(p.members[i]), idOf(p.members[j])];
          if (a && b && a !== b) pairs.push([a, b, p.ranks[i] < p.ranks[j] ? 1 : p.ranks[i] === p.ranks[j] ? 0.5 : 0]);
        }
      }
      continue;
    }
    p.votes.forEach((v, k) => {
      if (excluded.has(p.voteIds[k])) return;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j || (v === 'draw' ? i > j : i !== v)) continue;
          const [a, b] = [idOf(p.members[i]), idOf(p.members[j])];
          if (a && b && a !== b) pairs.push([a, b, v === 'draw' ? 0.5 : 1]);
        }
      }
    });
  }
  const ids = [...new Set(pairs.flatMap(([a, b]) => [a, b]))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    ids,
    count: pairs.length,
    outcomes: {
      a: Int32Array.from(pairs.map(([a]) => index.get(a)!)),
      b: Int32Array.from(pairs.map(([, b]) => index.get(b)!)),
      outcome: Float64Array.from(pairs.map(([, , s]) => s)),
    },
  };
}

function camel(r: SnapshotRow): LeaderboardRow {
  return {
    entityId: r.entity_id, rating: r.rating, lower: r.lower, upper: r.upper, rank: r.rank, games: r.games,
    wins: r.wins, losses: r.losses, ties: r.ties, winRate: r.win_rate,
  };
}

async function expectMatchesBuildLeaderboard(category: string, kind: 'lenser' | 'model') {
  const board = await db.transaction((tx) => getLeaderboard(tx, category, kind));
  expect(board, `${category}/${kind}`).not.toBeNull();
  const want = expectedOutcomes(category, kind);
  expect(board!.outcomes_count).toBe(want.count);
  const rows = want.ids.length ? buildLeaderboard(want.outcomes, want.ids.length, leaderboardOptions(leaderboardParams(), want.ids)) : [];
  expect(board!.rows.map((r) => camel(r))).toEqual(rows);
  return board!;
}

let human: Member[];
let ai: Member[];

beforeAll(async () => {
  db = await createTestDb();
  servers = await startProviders();
  judge = await addModel(db, servers, 'anthropic', 'judge-scripted');
  human = await Promise.all(Array.from({ length: 5 }, () => humanMember(db)));
  ai = await Promise.all(Array.from({ length: 3 }, () => aiMember(db)));
  const random = createRandom(99);
  for (let t = 0; t < 8; t++) {
    const n = 2 + random.nextInt(3);
    const members = [...human].sort(() => random.nextFloat() - 0.5).slice(0, n);
    const votes = Array.from({ length: 2 + random.nextInt(6) }, () => (random.nextInt(6) === 0 ? ('draw' as const) : random.nextInt(n)));
    const create = t % 3 === 0 ? { content_type: 'code' } : t % 3 === 1 ? { challenge_type: 'writing_contest' } : {};
    await play(members, votes, create);
  }
  await play(ai, [0, 0, 1, 'draw', 2, 0]);
  await play([ai[1], ai[2]], [1, 1, 0]);
  await play([human[0], ai[0]], [0, 1, 1]);
  await play([human[1], human[2]], [0, 0, 0], {}, 'voting'); // still voting: does not count
  await play([human[3], human[4]], [1, 1, 1], {}, 'unpublished'); // decided, results not public: does not count
  // Eight words, the long text, eight other words: the long one wins both pairs, the other pair is a draw.
  expect(await playJudged([human[2], human[3], human[4]], ['The rain came down on the old town.', STRONG_TEXT,
    'The sea went grey under the low sky.'])).toEqual([2, 1, 2]);
});
afterAll(async () => {
  await servers.close();
  await db.destroy();
});

describe('recomputeLeaderboards', () => {
  it('fits every category from SQL pair counts exactly as buildLeaderboard does on the same outcomes', async () => {
    const results = await recomputeLeaderboards(db);
    const names = [...new Set(results.map((r) => r.category))].sort();
    expect(names).toEqual([
      'challenge_type:writing_contest',
      'content_type:code',
      'content_type:text',
      'judging_mode:ai_judge',
      'judging_mode:community_vote',
      'overall',
      'task_source:challenge',
    ]);
    expect(results.every((r) => r.stored)).toBe(true);
    for (const name of names) {
      for (const kind of ['lenser', 'model'] as const) await expectMatchesBuildLeaderboard(name, kind);
    }
    const overall = await expectMatchesBuildLeaderboard('overall', 'lenser');
    expect(overall.rows.length).toBe(5 + 3);
    expect(overall.method).toBe('bradley_terry');
    expect(overall.excluded_votes).toBe(0);
    expect(overall.params).toMatchObject({ bootstrap_rounds: 100, seed: 42, level: 0.95, prior_games: 1 });
    const models = await expectMatchesBuildLeaderboard('overall', 'model');
    expect(models.rows.map((r) => r.entity_id).sort()).toEqual(ai.map((m) => m.modelId).sort());
  });

  it('shows names and the current online ELO beside each fitted row', async () => {
    const board = (await db.transaction((tx) => getLeaderboard(tx, 'overall', 'lenser')))!;
    const { rows } = await db.query<{ entity_id: string; rating: number; games: number; handle: string }>(
      `select e.entity_id, e.rating, e.games, p.handle from reputation.elo_ratings e join lensers.profiles p on p.id = e.entity_id
        where e.entity_kind = 'lenser'`,
    );
    const by = new Map(rows.map((r) => [r.entity_id, r]));
    for (const r of board.rows) {
      expect(r.handle).toBe(by.get(r.entity_id)!.handle);
      expect(r.elo).toBe(by.get(r.entity_id)!.rating);
      expect(r.elo_games).toBe(by.get(r.entity_id)!.games);
    }
    const model = (await db.transaction((tx) => getLeaderboard(tx, 'overall', 'model')))!;
    expect(model.rows.every((r) => typeof r.display_name === 'string' && r.elo !== null)).toBe(true);
  });

  it('stores a snapshot only when its inputs changed, unless forced; snapshots refuse update, delete and truncate', async () => {
    const again = await recomputeLeaderboards(db, { categories: ['overall'] });
    expect(again.map((r) => r.stored)).toEqual([false, false]);
    const forced = await recomputeLeaderboards(db, { categories: ['overall'], entityKinds: ['lenser'], force: true });
    expect(forced).toHaveLength(1);
    expect(forced[0].stored).toBe(true);
    expect(forced[0].snapshotId).not.toBe(again[0].snapshotId);
    await expectRefused(db.query('update reputation.leaderboard_snapshots set rows = $1', ['[]']), 'append_only');
    await expectRefused(db.query('delete from reputation.leaderboard_snapshots'), 'append_only');
    await expectRefused(db.query('truncate reputation.leaderboard_snapshots'), 'append_only');
    const { rows } = await db.query<{ n: number }>("select count(*)::int as n from reputation.leaderboard_snapshots where category = 'overall'");
    expect(rows[0].n).toBe(3);
  });

  it('excluded votes stop counting and each leaderboard says how many were excluded', async () => {
    const op = await makeUser(db, undefined, { operator: true });
    const codeBattle = played.find((p) => p.categories.includes('content_type:code') && p.voteIds.length >= 2)!;
    const aiBattle = played.find((p) => p.members === ai)!;
    const unfinished = played.find((p) => !p.counts)!;
    for (const voteId of [codeBattle.voteIds[0], aiBattle.voteIds[1], unfinished.voteIds[0]]) {
      expect(await excludeVote(db, op.claims, voteId, 'sock puppet')).toMatchObject({ vote_id: voteId, already_excluded: false });
      excluded.add(voteId);
    }
    expect(await excludeVote(db, systemActor(db).claims, codeBattle.voteIds[0], 'again')).toMatchObject({ already_excluded: true });

    const results = await recomputeLeaderboards(db);
    const excludedBy = new Map(results.map((r) => [`${r.category}/${r.entityKind}`, r.excludedVotes]));
    expect(excludedBy.get('overall/lenser')).toBe(2); // the unfinished battle's vote is not one a leaderboard would count
    expect(excludedBy.get('overall/model')).toBe(2);
    expect(excludedBy.get('content_type:code/lenser')).toBe(1);
    expect(excludedBy.get('judging_mode:ai_judge/lenser')).toBe(0);
    for (const r of results) await expectMatchesBuildLeaderboard(r.category, r.entityKind);
    expect(results.find((r) => r.category === 'judging_mode:ai_judge')!.stored).toBe(false);
    expect((await db.transaction((tx) => getLeaderboard(tx, 'overall', 'lenser')))!.excluded_votes).toBe(2);
  });

  it('only operators and the system may exclude votes; a reason is required; excluded votes stay in battles.votes', async () => {
    const user = await makeUser(db);
    const voteId = played[0].voteIds[0];
    await expectRefused(excludeVote(db, user.claims, voteId, 'I disagree'), 'forbidden');
    await expectRefused(excludeVote(db, systemActor(db).claims, voteId, ' '), 'invalid_input');
    await expectRefused(excludeVote(db, systemActor(db).claims, '00000000-0000-4000-8000-000000000000', 'x'), 'not_found');
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from battles.votes where id = any($1::uuid[])', [[...excluded]]);
    expect(rows[0].n).toBe(excluded.size);
    await expectRefused(db.query('delete from battles.vote_exclusions'), 'append_only');
  });

  it('a reversed battle leaves the leaderboards', async () => {
    const judged = played.find((p) => p.ranks)!;
    await reverseBattleElo(db, systemActor(db).claims, judged.id, 'overturned');
    judged.counts = false;
    const results = await recomputeLeaderboards(db, { categories: ['overall', 'judging_mode:ai_judge'] });
    expect(results.find((r) => r.category === 'judging_mode:ai_judge' && r.entityKind === 'lenser')).toMatchObject({ stored: true, entities: 0, outcomesCount: 0 });
    await expectMatchesBuildLeaderboard('overall', 'lenser');
  });
});
