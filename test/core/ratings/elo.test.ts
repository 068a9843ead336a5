import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_K,
  DEFAULT_PROVISIONAL_K,
  DEFAULT_START_RATING,
  FORMULA_VERSION,
  applyEloRows,
  eloStream,
  expectedScore,
  rateBattle,
  replayEloLog,
  type EloLogRow,
  type EloStanding,
} from '../../../src/core/ratings/elo.ts';
import { createRandom } from '../../../src/core/ratings/random.ts';

/** Standings for established entities (past the provisional period), so K = 32. */
function established(ratings: Record<string, number>): Map<string, EloStanding> {
  return new Map(Object.entries(ratings).map(([id, rating]) => [id, { rating, games: 10 }]));
}

function deltas(rows: EloLogRow[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.entityId, r.delta]));
}

describe('expectedScore', () => {
  it('is one half between equal ratings and 10/11 for a 400-point favourite', () => {
    expect(expectedScore(1000, 1000)).toBe(0.5);
    expect(expectedScore(1400, 1000)).toBeCloseTo(10 / 11, 12);
    expect(expectedScore(1000, 1400)).toBeCloseTo(1 / 11, 12);
  });

  it('gives complementary expectations to the two sides', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3000, noNaN: true }), fc.double({ min: 0, max: 3000, noNaN: true }), (ra, rb) => {
        expect(expectedScore(ra, rb) + expectedScore(rb, ra)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('rateBattle with two contenders', () => {
  it('moves two established 1000-rated players by 16 points, K = 32', () => {
    const rows = rateBattle(established({ a: 1000, b: 1000 }), [
      { entityId: 'a', rank: 1 },
      { entityId: 'b', rank: 2 },
    ]);
    expect(deltas(rows)).toEqual({ a: 16, b: -16 });
    expect(rows[0]).toEqual({
      entityId: 'a',
      ratingBefore: 1000,
      ratingAfter: 1016,
      delta: 16,
      k: DEFAULT_K,
      expectedScore: 0.5,
      outcome: 1,
      formulaVersion: FORMULA_VERSION,
    });
  });

  it('starts newcomers at 1000 with the provisional K = 64', () => {
    const rows = rateBattle(new Map(), [
      { entityId: 'a', rank: 2 },
      { entityId: 'b', rank: 1 },
    ]);
    expect(rows.map((r) => [r.ratingBefore, r.k, r.delta])).toEqual([
      [DEFAULT_START_RATING, DEFAULT_PROVISIONAL_K, -32],
      [DEFAULT_START_RATING, DEFAULT_PROVISIONAL_K, 32],
    ]);
  });

  it('uses the provisional K for the first 9 battles and K = 32 from the 10th on', () => {
    const standings = new Map([
      ['nine', { rating: 1000, games: 9 }],
      ['ten', { rating: 1000, games: 10 }],
    ]);
    const rows = rateBattle(standings, [
      { entityId: 'nine', rank: 1 },
      { entityId: 'ten', rank: 2 },
    ]);
    expect(rows.map((r) => r.k)).toEqual([64, 32]);
  });

  it('rewards an underdog win by K times its unexpected share (1000 beats 1200: +24.31)', () => {
    const rows = rateBattle(established({ fav: 1200, dog: 1000 }), [
      { entityId: 'fav', rank: 2 },
      { entityId: 'dog', rank: 1 },
    ]);
    const e = 1 / (1 + 10 ** (200 / 400)); // 0.2402530733520421
    expect(rows[1].expectedScore).toBeCloseTo(e, 12);
    expect(rows[1].delta).toBeCloseTo(32 * (1 - e), 10);
    expect(rows[1].delta).toBeCloseTo(24.3119, 4);
    expect(rows[0].delta).toBeCloseTo(-24.3119, 4);
  });

  it('scores a draw as 0.5: nothing moves between equals, the favourite loses 8.31 to a 200-point underdog', () => {
    const equal = rateBattle(established({ a: 1000, b: 1000 }), [
      { entityId: 'a', rank: 1 },
      { entityId: 'b', rank: 1 },
    ]);
    expect(equal.map((r) => [r.outcome, r.delta])).toEqual([
      [0.5, 0],
      [0.5, 0],
    ]);
    const uneven = rateBattle(established({ fav: 1200, dog: 1000 }), [
      { entityId: 'fav', rank: 1 },
      { entityId: 'dog', rank: 1 },
    ]);
    expect(uneven[0].delta).toBeCloseTo(-8.3119, 4);
    expect(uneven[1].delta).toBeCloseTo(8.3119, 4);
  });

  it('is zero-sum when both sides use the same K', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.constantFrom(1, 2),
        fc.constantFrom(1, 2),
        fc.boolean(),
        (ra, rb, rankA, rankB, provisional) => {
          const games = provisional ? 0 : 20;
          const standings = new Map([
            ['a', { rating: ra, games }],
            ['b', { rating: rb, games }],
          ]);
          const rows = rateBattle(standings, [
            { entityId: 'a', rank: rankA },
            { entityId: 'b', rank: rankB },
          ]);
          expect(rows[0].delta + rows[1].delta).toBeCloseTo(0, 9);
        },
      ),
    );
  });

  it('mirrors the result when the contenders are listed the other way round', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.constantFrom(1, 2),
        (ra, rb, rankA) => {
          const standings = established({ a: ra, b: rb });
          const forward = rateBattle(standings, [
            { entityId: 'a', rank: rankA },
            { entityId: 'b', rank: 3 - rankA },
          ]);
          const backward = rateBattle(standings, [
            { entityId: 'b', rank: 3 - rankA },
            { entityId: 'a', rank: rankA },
          ]);
          expect(backward[1].delta).toBeCloseTo(forward[0].delta, 9);
          expect(backward[0].delta).toBeCloseTo(forward[1].delta, 9);
        },
      ),
    );
  });

  it('refuses a battle with one contender or a contender listed twice', () => {
    expect(() => rateBattle(new Map(), [{ entityId: 'a', rank: 1 }])).toThrow(RangeError);
    expect(() =>
      rateBattle(new Map(), [
        { entityId: 'a', rank: 1 },
        { entityId: 'a', rank: 2 },
      ]),
    ).toThrow(/twice/);
  });
});

describe('rateBattle with more than two contenders', () => {
  it('scores every pair by rank and divides K by the number of opponents', () => {
    const rows = rateBattle(established({ a: 1000, b: 1000, c: 1000, d: 1000 }), [
      { entityId: 'a', rank: 1 },
      { entityId: 'b', rank: 2 },
      { entityId: 'c', rank: 3 },
      { entityId: 'd', rank: 4 },
    ]);
    // b beat c and d, lost to a: S = 2/3, E = 1/2, delta = 32 · (2/3 - 1/2) = 5.333
    expect(rows.map((r) => r.outcome)).toEqual([1, 2 / 3, 1 / 3, 0]);
    expect(rows.map((r) => r.delta)).toEqual([16, 32 * (2 / 3 - 0.5), 32 * (1 / 3 - 0.5), -16]);
  });

  it('counts shared ranks as draws between those contenders', () => {
    const rows = rateBattle(established({ a: 1000, b: 1000, c: 1000 }), [
      { entityId: 'a', rank: 1 },
      { entityId: 'b', rank: 2 },
      { entityId: 'c', rank: 2 },
    ]);
    // b: lost to a (0), drew with c (0.5): S = 0.25, delta = 32 · (0.25 - 0.5) = -8
    expect(deltas(rows)).toEqual({ a: 16, b: -8, c: -8 });
  });

  it('moves nobody when everyone shares rank 1 at equal ratings', () => {
    const rows = rateBattle(established({ a: 1000, b: 1000, c: 1000 }), [
      { entityId: 'a', rank: 1 },
      { entityId: 'b', rank: 1 },
      { entityId: 'c', rank: 1 },
    ]);
    expect(rows.every((r) => r.delta === 0 && r.outcome === 0.5)).toBe(true);
  });

  it('keeps delta = k · (outcome - expectedScore) and ratingAfter = ratingBefore + delta on every row', () => {
    const rows = rateBattle(established({ a: 1130, b: 990, c: 870, d: 1010, e: 1000 }), [
      { entityId: 'a', rank: 3 },
      { entityId: 'b', rank: 1 },
      { entityId: 'c', rank: 2 },
      { entityId: 'd', rank: 2 },
      { entityId: 'e', rank: 5 },
    ]);
    for (const r of rows) {
      expect(r.delta).toBe(r.k * (r.outcome - r.expectedScore));
      expect(r.ratingAfter).toBe(r.ratingBefore + r.delta);
    }
    expect(rows.reduce((sum, r) => sum + r.delta, 0)).toBeCloseTo(0, 9);
  });
});

/** 300 seeded battles of 2–5 contenders among 12 entities, rated one after the other. */
function playSeason(seed: number): { rows: EloLogRow[]; standings: Map<string, EloStanding> } {
  const random = createRandom(seed);
  const standings = new Map<string, EloStanding>();
  const rows: EloLogRow[] = [];
  for (let battle = 0; battle < 300; battle++) {
    const size = 2 + random.nextInt(4);
    const ids = new Set<string>();
    while (ids.size < size) ids.add(`e${random.nextInt(12)}`);
    const placements = [...ids].map((entityId) => ({ entityId, rank: 1 + random.nextInt(size) }));
    const battleRows = rateBattle(standings, placements);
    applyEloRows(standings, battleRows);
    rows.push(...battleRows);
  }
  return { rows, standings };
}

describe('replayEloLog', () => {
  it('starts each entity at its first row, so entities first rated under different start ratings replay exactly', () => {
    const standings = new Map<string, EloStanding>();
    const first = rateBattle(standings, [{ entityId: 'a', rank: 1 }, { entityId: 'b', rank: 2 }], { startRating: 1200 });
    applyEloRows(standings, first);
    const second = rateBattle(standings, [{ entityId: 'b', rank: 1 }, { entityId: 'c', rank: 2 }]);
    applyEloRows(standings, second);
    expect(second[1].ratingBefore).toBe(1000);
    expect(replayEloLog([...first, ...second])).toEqual(standings);
  });


  it('rebuilds every rating and game count exactly from the log rows, also after a JSON round trip', () => {
    const { rows, standings } = playSeason(7);
    expect(replayEloLog(rows)).toEqual(standings);
    const stored = JSON.parse(JSON.stringify(rows)) as EloLogRow[];
    const replayed = replayEloLog(stored);
    for (const [id, standing] of standings) expect(replayed.get(id)).toStrictEqual(standing);
  });

  it('throws when a row after an entity\'s first is missing from the log', () => {
    const { rows } = playSeason(8);
    const gap = rows.findIndex(
      (r, i) =>
        r.delta !== 0 &&
        rows.slice(0, i).some((earlier) => earlier.entityId === r.entityId) &&
        rows.slice(i + 1).some((later) => later.entityId === r.entityId),
    );
    expect(gap).toBeGreaterThanOrEqual(0);
    const withGap = rows.filter((_, i) => i !== gap);
    expect(() => replayEloLog(withGap)).toThrow(/gap/);
  });
});

describe('eloStream', () => {
  it('gives bit-identical ratings to rating each outcome as a two-contender battle', () => {
    const random = createRandom(3);
    const length = 2000;
    const a = new Int32Array(length);
    const b = new Int32Array(length);
    const outcome = new Float32Array(length);
    const standings = new Map<string, EloStanding>();
    for (let t = 0; t < length; t++) {
      a[t] = random.nextInt(6);
      b[t] = (a[t] + 1 + random.nextInt(5)) % 6;
      outcome[t] = [0, 0.5, 1][random.nextInt(3)];
      const rows = rateBattle(standings, [
        { entityId: String(a[t]), rank: outcome[t] === 1 ? 1 : 2 },
        { entityId: String(b[t]), rank: outcome[t] === 0 ? 1 : 2 },
      ]);
      applyEloRows(standings, rows);
    }
    const state = eloStream(a, b, outcome, 6);
    for (let i = 0; i < 6; i++) {
      expect(state.ratings[i]).toBe(standings.get(String(i))!.rating);
      expect(state.games[i]).toBe(standings.get(String(i))!.games);
    }
  });

  it('gives the same ratings when a and b are swapped and each outcome x becomes 1 - x', () => {
    const random = createRandom(4);
    const length = 1000;
    const a = Int32Array.from({ length }, () => random.nextInt(5));
    const b = a.map((x) => (x + 1 + random.nextInt(4)) % 5);
    const outcome = Float32Array.from({ length }, () => [0, 0.5, 1][random.nextInt(3)]);
    const forward = eloStream(a, b, outcome, 5);
    const swapped = eloStream(b, a, outcome.map((x) => 1 - x), 5);
    for (let i = 0; i < 5; i++) expect(swapped.ratings[i]).toBeCloseTo(forward.ratings[i], 9);
  });

  it('continues from an earlier state as if the two streams were one', () => {
    const a = Int32Array.from([0, 1, 2, 0]);
    const b = Int32Array.from([1, 2, 0, 2]);
    const outcome = Float32Array.from([1, 0.5, 0, 1]);
    const whole = eloStream(a, b, outcome, 3);
    const first = eloStream(a.subarray(0, 2), b.subarray(0, 2), outcome.subarray(0, 2), 3);
    const rest = eloStream(a.subarray(2), b.subarray(2), outcome.subarray(2), 3, { initial: first });
    expect(rest).toEqual(whole);
  });

  it('refuses an entity index out of range, a self-pair and a score outside [0, 1]', () => {
    const one = (x: number, y: number, s: number) =>
      eloStream(Int32Array.of(x), Int32Array.of(y), Float32Array.of(s), 3);
    expect(() => one(0, 3, 1)).toThrow(RangeError);
    expect(() => one(-1, 1, 1)).toThrow(RangeError);
    expect(() => one(1, 1, 1)).toThrow(RangeError);
    expect(() => one(0, 1, 2)).toThrow(RangeError);
    expect(() => one(0, 1, NaN)).toThrow(RangeError);
  });
});
