// Reads what leaderboards are fitted on: pair counts per (category, entity kind), plus what each
// leaderboard covers and how many votes were excluded. All three are stored tables kept up to date
// in the transaction that changes them (reputation.fn_leaderboard_sync_battle, 0018_leaderboards.sql),
// so this reads O(pairs) rows, never the votes. Run it in one repeatable-read transaction so the
// three reads agree.
import { emptyCounts, type PairCounts } from '../core/ratings/index.ts';
import type { Queryable } from '../db/db.ts';
import { ENTITY_KINDS, type EntityKind } from './categories.ts';

export interface PairCountRow {
  first_id: string;
  second_id: string;
  first_wins: number;
  second_wins: number;
  ties: number;
}

export interface LeaderboardInput {
  category: string;
  entityKind: EntityKind;
  /** Entity ids in index order: ascending, the order a test feeding buildLeaderboard uses too. */
  entityIds: string[];
  /** Pairs in (first, second) index order with first < second, as aggregatePairs returns them. */
  counts: PairCounts;
  /** The same counts keyed by id, in the same order: what the inputs hash covers. */
  pairs: PairCountRow[];
  outcomesCount: number;
  battlesCount: number;
  dataThrough: Date | null;
  excludedVotes: number;
}

/**
 * Indexes entities by ascending id and lays the pairs out exactly as aggregatePairs would: first <
 * second, sorted by (first, second). Equal counts in equal order give bit-equal fits and bootstraps.
 */
export function pairCountsFromRows(rows: readonly PairCountRow[]): { entityIds: string[]; counts: PairCounts; pairs: PairCountRow[] } {
  const entityIds = [...new Set(rows.flatMap((r) => [r.first_id, r.second_id]))].sort();
  const index = new Map(entityIds.map((id, i) => [id, i]));
  const oriented = rows.map((r) => {
    const i = index.get(r.first_id)!;
    const j = index.get(r.second_id)!;
    return i < j
      ? { i, j, row: r }
      : { i: j, j: i, row: { first_id: r.second_id, second_id: r.first_id, first_wins: r.second_wins, second_wins: r.first_wins, ties: r.ties } };
  });
  oriented.sort((x, y) => x.i - y.i || x.j - y.j);
  const counts = emptyCounts(entityIds.length, oriented.length);
  oriented.forEach(({ i, j, row }, p) => {
    counts.first[p] = i;
    counts.second[p] = j;
    counts.firstWins[p] = Number(row.first_wins);
    counts.secondWins[p] = Number(row.second_wins);
    counts.ties[p] = Number(row.ties);
  });
  return { entityIds, counts, pairs: oriented.map((o) => o.row) };
}

interface PairRow extends PairCountRow {
  category: string;
  entity_kind: EntityKind;
}

/**
 * Inputs for the requested categories (null: every category with data, and always 'overall'), for
 * the requested entity kinds; a requested leaderboard without data comes back empty.
 */
export async function readLeaderboardInputs(
  q: Queryable,
  categories: readonly string[] | null,
  entityKinds: readonly EntityKind[] = ENTITY_KINDS,
): Promise<LeaderboardInput[]> {
  const filter = categories ? [...categories] : null;
  const pairs = await q.query<PairRow>(
    `select category, entity_kind, first_id, second_id, first_wins, second_wins, ties
       from reputation.fn_leaderboard_pair_counts($1::text[])`,
    [filter],
  );
  const coverage = await q.query<{ category: string; entity_kind: EntityKind; outcomes_count: number; battles_count: number; data_through: Date | null }>(
    `select category, entity_kind, outcomes_count, battles_count, data_through
       from reputation.fn_leaderboard_coverage($1::text[])`,
    [filter],
  );
  const excluded = await q.query<{ category: string; excluded_votes: number }>(
    `select category, excluded_votes from reputation.fn_leaderboard_excluded_votes($1::text[])`,
    [filter],
  );

  const names = new Set<string>(filter ?? ['overall']);
  if (!filter) for (const r of [...pairs.rows, ...coverage.rows, ...excluded.rows]) names.add(r.category);
  const excludedBy = new Map(excluded.rows.map((r) => [r.category, Number(r.excluded_votes)]));
  const key = (category: string, kind: string) => `${category}\u0000${kind}`;
  const coverageBy = new Map(coverage.rows.map((r) => [key(r.category, r.entity_kind), r]));
  const pairsBy = new Map<string, PairRow[]>();
  for (const r of pairs.rows) {
    const k = key(r.category, r.entity_kind);
    if (!pairsBy.has(k)) pairsBy.set(k, []);
    pairsBy.get(k)!.push(r);
  }

  const inputs: LeaderboardInput[] = [];
  for (const category of [...names].sort()) {
    for (const entityKind of entityKinds) {
      const k = key(category, entityKind);
      const cov = coverageBy.get(k);
      inputs.push({
        category,
        entityKind,
        ...pairCountsFromRows(pairsBy.get(k) ?? []),
        outcomesCount: Number(cov?.outcomes_count ?? 0),
        battlesCount: Number(cov?.battles_count ?? 0),
        dataThrough: cov?.data_through ? new Date(cov.data_through) : null,
        excludedVotes: excludedBy.get(category) ?? 0,
      });
    }
  }
  return inputs;
}
