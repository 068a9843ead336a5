// Rubric scoring and the shared ranking rule: weighted scores, competition ranks, draws, no-score and exclusions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RESULT_VALUES,
  ScoringError,
  rankByScore,
  scoreRubric,
  weightedScore,
  type RankEntry,
  type Scorecard,
  type ScorecardResult,
} from '../../src/core/scoring.ts';

const card = (contenderId: string, criterionId: string, result: ScorecardResult): Scorecard => ({
  contenderId,
  criterionId,
  result,
});

describe('rankByScore', () => {
  it('ranks by score, highest first, and names the single best as winner', () => {
    const ranking = rankByScore([
      { id: 'a', score: 0.2 },
      { id: 'b', score: 0.9 },
      { id: 'c', score: 0.5 },
    ]);
    expect([...ranking.ranks]).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
    expect(ranking.order).toEqual(['b', 'c', 'a']);
    expect(ranking).toMatchObject({ winnerId: 'b', tie: false });
  });

  it('uses competition ranking: two tied at the top share rank 1 and the next is 3', () => {
    const ranking = rankByScore([
      { id: 'a', score: 1 },
      { id: 'b', score: 0.5 },
      { id: 'c', score: 1 },
    ]);
    expect(Object.fromEntries(ranking.ranks)).toEqual({ a: 1, c: 1, b: 3 });
    expect(ranking.order).toEqual(['a', 'c', 'b']);
  });

  it('declares a draw with no winner when the top score is shared', () => {
    expect(rankByScore([{ id: 'a', score: 3 }, { id: 'b', score: 3 }])).toMatchObject({ winnerId: null, tie: true });
  });

  it('keeps a winner when the tie is below the top', () => {
    const ranking = rankByScore([
      { id: 'a', score: 2 },
      { id: 'b', score: 1 },
      { id: 'c', score: 1 },
      { id: 'd', score: 0 },
    ]);
    expect(Object.fromEntries(ranking.ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
    expect(ranking).toMatchObject({ winnerId: 'a', tie: false });
  });

  it('treats scores equal up to floating-point noise as tied (0.1 + 0.2 ties with 0.3)', () => {
    const ranking = rankByScore([
      { id: 'a', score: 0.1 + 0.2 },
      { id: 'b', score: 0.3 },
    ]);
    expect(ranking).toMatchObject({ winnerId: null, tie: true });
    expect(ranking.order).toEqual(['a', 'b']);
  });

  it('does not tie scores that differ by more than the tolerance', () => {
    expect(rankByScore([{ id: 'a', score: 0.3 }, { id: 'b', score: 0.300001 }]).winnerId).toBe('b');
  });

  it('scales the tolerance with large scores such as weighted vote sums', () => {
    expect(rankByScore([{ id: 'a', score: 1e12 }, { id: 'b', score: 1e12 + 0.5 }]).tie).toBe(true);
    expect(rankByScore([{ id: 'a', score: 1e12 }, { id: 'b', score: 1e12 + 10_000 }]).winnerId).toBe('b');
  });

  it('measures a tie against the tier leader so near-equal chains do not merge', () => {
    const ranking = rankByScore([
      { id: 'a', score: 1 },
      { id: 'b', score: 1 - 0.9e-9 },
      { id: 'c', score: 1 - 1.8e-9 },
    ]);
    expect(Object.fromEntries(ranking.ranks)).toEqual({ a: 1, b: 1, c: 3 });
  });

  it('ranks entries without a score after every scored entry, sharing one rank', () => {
    const ranking = rankByScore([
      { id: 'n1', score: null },
      { id: 'a', score: 0 },
      { id: 'n2', score: null },
    ]);
    expect(Object.fromEntries(ranking.ranks)).toEqual({ a: 1, n1: 2, n2: 2 });
    expect(ranking.winnerId).toBe('a');
  });

  it('ranks excluded entries last whatever their score, after entries without a score', () => {
    const ranking = rankByScore([
      { id: 'dq', score: 100, excluded: true },
      { id: 'a', score: 1 },
      { id: 'none', score: null },
      { id: 'gone', score: null, excluded: true },
      { id: 'b', score: 0.5 },
    ]);
    expect(ranking.order).toEqual(['a', 'b', 'none', 'dq', 'gone']);
    expect(Object.fromEntries(ranking.ranks)).toEqual({ a: 1, b: 2, none: 3, dq: 4, gone: 4 });
    expect(ranking.winnerId).toBe('a');
  });

  it('has no winner and no tie when nobody has a score', () => {
    const ranking = rankByScore([{ id: 'a', score: null }, { id: 'b', score: 5, excluded: true }]);
    expect(ranking).toMatchObject({ winnerId: null, tie: false });
    expect(Object.fromEntries(ranking.ranks)).toEqual({ a: 1, b: 2 });
  });

  it('returns an empty ranking for no entries', () => {
    expect(rankByScore([])).toEqual({ ranks: new Map(), order: [], winnerId: null, tie: false });
  });

  it('handles negative scores', () => {
    expect(rankByScore([{ id: 'a', score: -2 }, { id: 'b', score: -1 }]).winnerId).toBe('b');
  });

  it.each([NaN, Infinity, -Infinity])('refuses the score %s', (score) => {
    expect(() => rankByScore([{ id: 'a', score }])).toThrow(ScoringError);
  });

  it('refuses duplicate ids', () => {
    expect(() => rankByScore([{ id: 'a', score: 1 }, { id: 'a', score: 2 }])).toThrow(/Duplicate entry/);
  });

  it('gives the same ranks whatever the input order (property)', () => {
    const entry = fc.record({
      score: fc.option(fc.integer({ min: -5, max: 5 }).map((n) => n / 4)),
      excluded: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, fc.nat()), { maxLength: 8 }), (raw) => {
        const keyed = raw.map(([e, key], i) => ({ entry: { id: `c${i}`, ...e } as RankEntry, key }));
        const entries = keyed.map((k) => k.entry);
        // Reorder by the random keys: a permutation of the same entries.
        const shuffled = [...keyed].sort((x, y) => x.key - y.key).map((k) => k.entry);
        const a = rankByScore(entries);
        const b = rankByScore(shuffled);
        expect(Object.fromEntries(b.ranks)).toEqual(Object.fromEntries(a.ranks));
        expect(b.winnerId).toBe(a.winnerId);
        expect(b.tie).toBe(a.tie);
        // Competition ranking: an entry's rank is 1 + the number of entries strictly ahead of it.
        for (const id of a.order) {
          const rank = a.ranks.get(id)!;
          expect([...a.ranks.values()].filter((r) => r < rank)).toHaveLength(rank - 1);
        }
      }),
    );
  });
});

describe('weightedScore', () => {
  const criteria = [
    { id: 'c1', weight: 2 },
    { id: 'c2', weight: 1 },
    { id: 'c3', weight: 1 },
  ];

  it('values pass as 1, partial as 0.5 and fail as 0', () => {
    expect(RESULT_VALUES).toEqual({ pass: 1, partial: 0.5, fail: 0 });
  });

  it('divides the weighted sum by the total weight', () => {
    const results = new Map<string, ScorecardResult>([
      ['c1', 'pass'],
      ['c2', 'partial'],
      ['c3', 'fail'],
    ]);
    expect(weightedScore(criteria, results)).toBeCloseTo((2 + 0.5) / 4, 12);
  });

  it('drops skipped and missing criteria from the denominator', () => {
    expect(weightedScore(criteria, new Map([['c1', 'pass'], ['c2', 'skipped']]))).toBe(1);
  });

  it('is null when every criterion is skipped', () => {
    expect(weightedScore(criteria, new Map([['c1', 'skipped'], ['c2', 'skipped'], ['c3', 'skipped']]))).toBeNull();
  });

  it('is null when only zero-weight criteria were assessed', () => {
    expect(weightedScore([{ id: 'z', weight: 0 }], new Map([['z', 'pass']]))).toBeNull();
  });

  it('lets zero-weight criteria count for nothing next to weighted ones', () => {
    const mixed = [
      { id: 'z', weight: 0 },
      { id: 'w', weight: 1.5 },
    ];
    expect(weightedScore(mixed, new Map([['z', 'fail'], ['w', 'pass']]))).toBe(1);
  });
});

describe('scoreRubric', () => {
  const criteria = [
    { id: 'accuracy', weight: 3 },
    { id: 'style', weight: 1 },
  ];

  it('scores every contender and ranks them', () => {
    const { scores, ranking } = scoreRubric({
      criteria,
      scorecards: [
        card('A', 'accuracy', 'pass'),
        card('A', 'style', 'fail'),
        card('B', 'accuracy', 'partial'),
        card('B', 'style', 'pass'),
      ],
    });
    expect(Object.fromEntries(scores)).toEqual({ A: 0.75, B: 0.625 });
    expect(ranking).toMatchObject({ winnerId: 'A', tie: false });
  });

  it('declares a draw when both contenders reach the same score by different routes', () => {
    const { ranking } = scoreRubric({
      criteria: [
        { id: 'x', weight: 1 },
        { id: 'y', weight: 1 },
      ],
      scorecards: [card('A', 'x', 'pass'), card('A', 'y', 'fail'), card('B', 'x', 'partial'), card('B', 'y', 'partial')],
    });
    expect(ranking).toMatchObject({ winnerId: null, tie: true });
  });

  it('gives a contender without scorecards a null score and ranks it last', () => {
    const { scores, ranking } = scoreRubric({
      criteria,
      scorecards: [card('A', 'style', 'fail')],
      contenderIds: ['B', 'A'],
    });
    expect(Object.fromEntries(scores)).toEqual({ B: null, A: 0 });
    expect(ranking.order).toEqual(['A', 'B']);
    expect(ranking.winnerId).toBe('A');
  });

  it('gives an all-skipped contender a null score', () => {
    const { scores } = scoreRubric({ criteria, scorecards: [card('A', 'accuracy', 'skipped'), card('A', 'style', 'skipped')] });
    expect(scores.get('A')).toBeNull();
  });

  it('ranks excluded contenders last even with the best score', () => {
    const { ranking } = scoreRubric({
      criteria,
      scorecards: [card('A', 'accuracy', 'pass'), card('B', 'accuracy', 'fail')],
      excludedIds: ['A'],
    });
    expect(ranking.order).toEqual(['B', 'A']);
    expect(ranking.winnerId).toBe('B');
  });

  it.each([
    ['a negative weight', { criteria: [{ id: 'x', weight: -1 }], scorecards: [] }, /weight/],
    ['a non-finite weight', { criteria: [{ id: 'x', weight: NaN }], scorecards: [] }, /weight/],
    ['a duplicate criterion', { criteria: [{ id: 'x', weight: 1 }, { id: 'x', weight: 1 }], scorecards: [] }, /Duplicate criterion/],
    ['an unknown criterion', { criteria, scorecards: [card('A', 'nope', 'pass')] }, /unknown criterion/],
    ['an unknown contender', { criteria, scorecards: [card('Z', 'style', 'pass')], contenderIds: ['A'] }, /unknown contender/],
    ['a duplicate contender', { criteria, scorecards: [], contenderIds: ['A', 'A'] }, /Duplicate contender/],
    [
      'two scorecards for one contender and criterion',
      { criteria, scorecards: [card('A', 'style', 'pass'), card('A', 'style', 'fail')] },
      /Two scorecards/,
    ],
    ['an unknown result', { criteria, scorecards: [card('A', 'style', 'great' as ScorecardResult)] }, /not one of/],
  ])('refuses %s with scoring_invalid_input', (_name, input, message) => {
    let caught: unknown;
    try {
      scoreRubric(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScoringError);
    expect((caught as ScoringError).code).toBe('scoring_invalid_input');
    expect((caught as ScoringError).message).toMatch(message);
  });

  it('keeps every score within [0, 1] (property)', () => {
    const result = fc.constantFrom<ScorecardResult>('pass', 'fail', 'partial', 'skipped');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), result), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const crit = rows.map(([weight], i) => ({ id: `k${i}`, weight }));
          const { scores } = scoreRubric({ criteria: crit, scorecards: rows.map(([, r], i) => card('A', `k${i}`, r)) });
          const score = scores.get('A');
          if (score !== null && score !== undefined) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
    );
  });
});
