// Rubric scoring (weighted pass/partial/fail per criterion) and the ranking rule every judging mode shares.
//
// Score of a contender = Σ weight·value / Σ weight over the criteria it was not skipped on, with
// pass = 1, partial = 0.5, fail = 0. A skipped (or unscored) criterion leaves the denominator, so a
// contender is not punished for a criterion the judge could not assess; if nothing is left the score
// is null ("no score"), which ranks after every real score.
//
// Ranking (rankByScore): higher score is better; competition ranking ("1224"): tied entries share a
// rank and the next rank skips. Scores within SCORE_TIE_EPSILON (relative) are tied, because weighted
// sums of decimal weights are not exact in floating point and 0.1+0.2 must tie with 0.3. Ties are
// never broken by id, time or position: a tie at the top is a draw with no winner. Entries with no
// score rank together after the scored ones, and excluded entries (withdrawn, disqualified) rank
// together after those, whatever their score.

export const SCORECARD_RESULTS = ['pass', 'fail', 'partial', 'skipped'] as const;
export type ScorecardResult = (typeof SCORECARD_RESULTS)[number];

/** The value each assessed result contributes; 'skipped' has none. */
export const RESULT_VALUES: Record<Exclude<ScorecardResult, 'skipped'>, number> = { pass: 1, partial: 0.5, fail: 0 };

/** Relative tolerance under which two scores are a tie: |a − b| ≤ ε·max(1, |a|, |b|). */
export const SCORE_TIE_EPSILON = 1e-9;

export interface RubricCriterion {
  id: string;
  /** battles.rubric_criteria.weight; finite and ≥ 0 (0 makes the criterion informational). */
  weight: number;
}

export interface Scorecard {
  contenderId: string;
  criterionId: string;
  result: ScorecardResult;
}

export interface RankEntry {
  id: string;
  score: number | null;
  /** Withdrawn or disqualified: ranks last whatever its score. */
  excluded?: boolean;
}

export interface Ranking {
  /** id → competition rank (1 is best); iteration order is the ranking order. */
  ranks: Map<string, number>;
  /** ids best first; tied entries keep their input order. */
  order: string[];
  /** The single best scored entry, or null on a draw or when nobody has a score. */
  winnerId: string | null;
  /** True when two or more entries share the top score (a draw). */
  tie: boolean;
}

export class ScoringError extends Error {
  readonly code = 'scoring_invalid_input';

  constructor(message: string) {
    super(message);
    this.name = 'ScoringError';
  }
}

function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_TIE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Competition ranks for entries already grouped into tiers, best tier first. */
function assignRanks(tiers: RankEntry[][], ranks: Map<string, number>, order: string[]): void {
  for (const tier of tiers) {
    const rank = order.length + 1;
    for (const entry of tier) {
      ranks.set(entry.id, rank);
      order.push(entry.id);
    }
  }
}

/** Ranks entries by score (higher is better) with the tie rules in the header. */
export function rankByScore(entries: readonly RankEntry[]): Ranking {
  const position = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (position.has(entry.id)) throw new ScoringError(`Duplicate entry id ${entry.id}.`);
    if (entry.score !== null && !Number.isFinite(entry.score)) {
      throw new ScoringError(`Score of ${entry.id} is ${entry.score}; scores must be finite numbers or null.`);
    }
    position.set(entry.id, i);
  });

  const scored = entries
    .filter((e) => !e.excluded && e.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number) || position.get(a.id)! - position.get(b.id)!);
  // A tier is measured against its first (highest) member so that a chain of near-equal scores
  // cannot drift into one tier: grouping stays deterministic and never depends on input order.
  const tiers: RankEntry[][] = [];
  for (const entry of scored) {
    const tier = tiers[tiers.length - 1];
    if (tier && tied(tier[0].score as number, entry.score as number)) tier.push(entry);
    else tiers.push([entry]);
  }
  for (const tier of tiers) tier.sort((a, b) => position.get(a.id)! - position.get(b.id)!);

  const unscored = entries.filter((e) => !e.excluded && e.score === null);
  const excluded = entries.filter((e) => e.excluded);
  const ranks = new Map<string, number>();
  const order: string[] = [];
  assignRanks([...tiers, unscored, excluded].filter((tier) => tier.length > 0), ranks, order);

  const top = tiers[0] ?? [];
  return { ranks, order, winnerId: top.length === 1 ? top[0].id : null, tie: top.length > 1 };
}

/** Weighted score of one contender from its result per criterion id; null when nothing was assessed. */
export function weightedScore(
  criteria: readonly RubricCriterion[],
  results: ReadonlyMap<string, ScorecardResult>,
): number | null {
  let earned = 0;
  let possible = 0;
  for (const criterion of criteria) {
    const result = results.get(criterion.id);
    if (result === undefined || result === 'skipped') continue;
    earned += criterion.weight * RESULT_VALUES[result];
    possible += criterion.weight;
  }
  // possible is 0 when every assessed criterion has weight 0: there is nothing to divide by.
  return possible > 0 ? earned / possible : null;
}

export interface RubricInput {
  criteria: readonly RubricCriterion[];
  scorecards: readonly Scorecard[];
  /** Every contender to rank, in slot order; defaults to those that appear in the scorecards. */
  contenderIds?: readonly string[];
  /** Withdrawn or disqualified contenders. */
  excludedIds?: readonly string[];
}

/**
 * Scores and ranks contenders on a rubric. Refuses (ScoringError) ambiguous input instead of
 * guessing: a bad weight, a scorecard for an unknown criterion or contender, or two scorecards for
 * the same contender and criterion (combine several judges before scoring).
 */
export function scoreRubric(input: RubricInput): { scores: Map<string, number | null>; ranking: Ranking } {
  const criterionIds = new Set<string>();
  for (const criterion of input.criteria) {
    if (criterionIds.has(criterion.id)) throw new ScoringError(`Duplicate criterion ${criterion.id}.`);
    if (!Number.isFinite(criterion.weight) || criterion.weight < 0) {
      throw new ScoringError(`Criterion ${criterion.id} has weight ${criterion.weight}; weights must be finite and ≥ 0.`);
    }
    criterionIds.add(criterion.id);
  }

  const contenderIds = input.contenderIds ?? [...new Set(input.scorecards.map((card) => card.contenderId))];
  const results = new Map<string, Map<string, ScorecardResult>>();
  for (const id of contenderIds) {
    if (results.has(id)) throw new ScoringError(`Duplicate contender ${id}.`);
    results.set(id, new Map());
  }
  for (const card of input.scorecards) {
    const byCriterion = results.get(card.contenderId);
    if (!byCriterion) throw new ScoringError(`Scorecard for unknown contender ${card.contenderId}.`);
    if (!criterionIds.has(card.criterionId)) throw new ScoringError(`Scorecard for unknown criterion ${card.criterionId}.`);
    if (!(SCORECARD_RESULTS as readonly string[]).includes(card.result)) {
      throw new ScoringError(`Scorecard result ${JSON.stringify(card.result)} is not one of ${SCORECARD_RESULTS.join(', ')}.`);
    }
    if (byCriterion.has(card.criterionId)) {
      throw new ScoringError(`Two scorecards for contender ${card.contenderId} on criterion ${card.criterionId}.`);
    }
    byCriterion.set(card.criterionId, card.result);
  }

  const excluded = new Set(input.excludedIds ?? []);
  const scores = new Map<string, number | null>();
  for (const [id, byCriterion] of results) scores.set(id, weightedScore(input.criteria, byCriterion));
  const ranking = rankByScore([...scores].map(([id, score]) => ({ id, score, excluded: excluded.has(id) })));
  return { scores, ranking };
}
