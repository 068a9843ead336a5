import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_K,
  DEFAULT_PROVISIONAL_GAMES,
  DEFAULT_PROVISIONAL_K,
  DEFAULT_START_RATING,
  FORMULA_VERSION,
  rateBattle,
  type EloStanding,
} from '../../src/core/ratings/elo.ts';
import { createRandom } from '../../src/core/ratings/random.ts';
import { clearSetting, setSetting } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { expectClose } from './support.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

interface SqlRow {
  entity_id: string;
  rating_before: number;
  k: number;
  expected_score: number;
  outcome: number;
  delta: number;
  opponents: number;
}

async function rateInSql(ids: string[], ranks: number[], standings: EloStanding[]): Promise<SqlRow[]> {
  const { rows } = await db.query<SqlRow>(
    `select * from reputation.fn_elo_rate($1::uuid[], $2::float8[], $3::float8[], $4::int[], $5, $6, $7)`,
    [ids, ranks, standings.map((s) => s.rating), standings.map((s) => s.games), DEFAULT_K, DEFAULT_PROVISIONAL_K, DEFAULT_PROVISIONAL_GAMES],
  );
  return rows;
}

describe('reputation.fn_elo_rate (the SQL twin of rateBattle)', () => {
  it('uses the same defaults and formula version as src/core/ratings/elo.ts', async () => {
    const { rows } = await db.query<{ k: number; provisional_k: number; provisional_games: number; start_rating: number }>(
      'select * from reputation.fn_elo_settings()',
    );
    expect(rows[0]).toEqual({
      k: DEFAULT_K,
      provisional_k: DEFAULT_PROVISIONAL_K,
      provisional_games: DEFAULT_PROVISIONAL_GAMES,
      start_rating: DEFAULT_START_RATING,
    });
    const fn = await db.query<{ src: string }>(
      "select prosrc as src from pg_proc where proname = 'fn_elo_rate_placements'",
    );
    expect(fn.rows[0].src).toContain(`'${FORMULA_VERSION}'`);
  });

  it('reads K, provisional K, provisional games and the start rating from settings', async () => {
    await setSetting(db, 'app.elo_k_factor', '24');
    await setSetting(db, 'app.elo_provisional_k_factor', '40.5');
    await setSetting(db, 'app.elo_provisional_games', '3');
    await setSetting(db, 'app.elo_start_rating', '1500');
    try {
      const { rows } = await db.query('select * from reputation.fn_elo_settings()');
      expect(rows[0]).toEqual({ k: 24, provisional_k: 40.5, provisional_games: 3, start_rating: 1500 });
      await setSetting(db, 'app.elo_k_factor', '0');
      await expect(db.query('select * from reputation.fn_elo_settings()')).rejects.toMatchObject({ detail: 'lf_invalid_setting' });
    } finally {
      for (const k of ['app.elo_k_factor', 'app.elo_provisional_k_factor', 'app.elo_provisional_games', 'app.elo_start_rating']) {
        await clearSetting(db, k);
      }
    }
  });

  it('agrees with rateBattle to 1e-9 on 400 random battles (2 to 8 contenders, ties, provisional and established)', async () => {
    const random = createRandom(20240611);
    for (let t = 0; t < 400; t++) {
      const n = 2 + random.nextInt(7);
      const ids = Array.from({ length: n }, () => randomUUID());
      // Few distinct ranks so ties are common; a rank-1 tie for everyone happens too.
      const distinct = 1 + random.nextInt(n);
      const ranks = ids.map(() => 1 + random.nextInt(distinct));
      const standings = ids.map(() => ({ rating: 600 + random.nextFloat() * 1400, games: random.nextInt(25) }));
      const ts = rateBattle(new Map(ids.map((id, i) => [id, standings[i]])), ids.map((id, i) => ({ entityId: id, rank: ranks[i] })));
      const sql = await rateInSql(ids, ranks, standings);
      expect(sql.map((r) => r.entity_id)).toEqual(ids);
      sql.forEach((row, i) => {
        const want = ts[i];
        expect(row.rating_before).toBe(want.ratingBefore);
        expect(row.k).toBe(want.k);
        expect(row.opponents).toBe(n - 1);
        expectClose(row.expected_score, want.expectedScore);
        expectClose(row.outcome, want.outcome);
        expectClose(row.delta, want.delta);
      });
    }
  });

  it('matches hand-computed cases: a 2-contender win, a 3-way tie, a 400-point favourite losing', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const est = (rating: number) => ({ rating, games: 20 });
    const win = await rateInSql([a, b], [1, 2], [est(1000), est(1000)]);
    expect(win.map((r) => r.delta)).toEqual([16, -16]);
    const tie = await rateInSql([a, b, c], [1, 1, 1], [est(1000), est(1000), est(1000)]);
    expect(tie.map((r) => r.delta)).toEqual([0, 0, 0]);
    const upset = await rateInSql([a, b], [2, 1], [est(1400), est(1000)]);
    // E = 10/11 for the favourite; K = 32: -32·10/11 and +32·10/11.
    expect(upset[0].delta).toBeCloseTo((-32 * 10) / 11, 10);
    expect(upset[1].delta).toBeCloseTo((32 * 10) / 11, 10);
    const provisional = await rateInSql([a, b], [1, 2], [{ rating: 1000, games: 0 }, est(1000)]);
    expect(provisional.map((r) => r.delta)).toEqual([32, -16]);
  });
});
