import { describe, expect, it } from 'vitest';
import { buildLeaderboard } from '../../../src/core/ratings/leaderboard.ts';
import type { PairwiseOutcomes } from '../../../src/core/ratings/pairs.ts';
import { generateOutcomes } from '../../../src/core/ratings/synthetic.ts';

function outcomes(rows: Array<[number, number, number]>): PairwiseOutcomes {
  return {
    a: Int32Array.from(rows.map((r) => r[0])),
    b: Int32Array.from(rows.map((r) => r[1])),
    outcome: Float32Array.from(rows.map((r) => r[2])),
  };
}

describe('buildLeaderboard', () => {
  it('ranks clearly separated models 1, 2, 3 with their records and intervals around their ratings', () => {
    const rows = buildLeaderboard(
      generateOutcomes({ ratings: [900, 1300, 1100], count: 6000, seed: 3, tieRate: 0.2 }),
      3,
      { entityIds: ['small', 'large', 'medium'] },
    );
    expect(rows.map((r) => [r.entityId, r.rank])).toEqual([
      ['large', 1],
      ['medium', 2],
      ['small', 3],
    ]);
    for (const row of rows) {
      expect(row.lower).toBeLessThanOrEqual(row.rating);
      expect(row.rating).toBeLessThanOrEqual(row.upper);
      expect(row.wins + row.losses + row.ties).toBe(row.games);
      expect(row.winRate).toBeCloseTo((row.wins + row.ties / 2) / row.games, 12);
    }
    expect(rows.reduce((sum, r) => sum + r.games, 0)).toBe(2 * 6000);
    expect(rows.reduce((sum, r) => sum + r.rating, 0) / 3).toBeCloseTo(1000, 9);
  });

  it('shares rank 1 between models it cannot tell apart', () => {
    const rows = buildLeaderboard(generateOutcomes({ ratings: [1000, 1001], count: 200, seed: 4 }), 2);
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('counts wins, losses and ties per model and lists only models that played', () => {
    const rows = buildLeaderboard(
      outcomes([
        [0, 1, 1],
        [0, 1, 1],
        [1, 0, 0.5],
        [2, 0, 1],
      ]),
      4,
      { entityIds: ['a', 'b', 'c', 'idle'] },
    );
    const byId = Object.fromEntries(rows.map((r) => [r.entityId, r]));
    expect(Object.keys(byId).sort()).toEqual(['a', 'b', 'c']);
    expect(byId.a).toMatchObject({ games: 4, wins: 2, losses: 1, ties: 1, winRate: 2.5 / 4 });
    expect(byId.b).toMatchObject({ games: 3, wins: 0, losses: 2, ties: 1, winRate: 0.5 / 3 });
    expect(byId.c).toMatchObject({ games: 1, wins: 1, losses: 0, ties: 0, winRate: 1 });
  });

  it('refuses entity ids that do not match the entity count', () => {
    expect(() => buildLeaderboard(outcomes([[0, 1, 1]]), 2, { entityIds: ['only-one'] })).toThrow(RangeError);
  });
});
