// How a finished battle was judged (src/api/routes/battle-results.ts): the AI judge's pairwise
// verdicts and the rubric scorecards. Both answer an empty list while the battle's results are not
// visible to the reader; pages load them with useResource `optional`, so a server without these
// routes (404) renders "not available yet".
import type { ScorecardResult } from '../../../src/core/scoring.ts';
import { battlePath } from './battles.ts';
import { get } from './client.ts';

/** One run of a pair: the entries in slot order ('first') or the other way round ('swapped'). */
export interface VerdictRun {
  order: 'first' | 'swapped';
  shown_first_contender_id: string;
  winner_contender_id: string | null;
  is_draw: boolean;
  /** The judge's words; "A" is the entry it was shown first in this run. */
  explanation: string | null;
}

/** A pair judged twice (pairwise_swapped_v1): a winner only when both runs agree, else a draw. */
export interface PairVerdict {
  id: string;
  judge: { model_id: string; model: string; display_name: string };
  contender_a: string;
  contender_b: string;
  winner_contender_id: string | null;
  is_draw: boolean;
  agreed: boolean;
  runs: [VerdictRun, VerdictRun];
  created_at: string;
}

/**
 * One criterion's result for one entry by one scorer. 'rubric' cards make the rubric score;
 * 'pairwise' cards are what an AI judge said about each entry of a pair (verdict_id).
 */
export interface Scorecard {
  id: string;
  contender_id: string;
  kind: 'rubric' | 'pairwise';
  criterion_id: string | null;
  criterion_title: string | null;
  ordinal: number | null;
  weight: number | null;
  result: ScorecardResult;
  explanation: string | null;
  scorer: { kind: 'model' | 'lenser'; id: string; display_name: string; handle: string | null };
  verdict_id: string | null;
  created_at: string;
}

export const judgingApi = {
  verdicts: (battleId: string, signal?: AbortSignal) => get<PairVerdict[]>(`${battlePath(battleId)}/verdicts`, signal),
  scorecards: (battleId: string, signal?: AbortSignal) => get<Scorecard[]>(`${battlePath(battleId)}/scorecards`, signal),
};
