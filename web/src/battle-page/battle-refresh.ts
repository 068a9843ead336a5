// What a battle's page shows of its results and when the page refreshes itself: live battles change
// under the reader, and a closed battle's results may still be published (battles.fn_results_visible).
import type { Battle, BattleStatus } from '../api/battles.ts';

type BattleState = Pick<Battle, 'status' | 'finalized_at' | 'published_at' | 'results'>;

const LIVE: ReadonlySet<BattleStatus> = new Set(['open', 'executing', 'voting', 'scoring']);

/** Decided, and its results not published (yet): only its creator, contenders and operators see them. */
export function awaitingPublication(b: BattleState): boolean {
  return b.finalized_at !== null && b.published_at === null && (b.status === 'closed' || b.status === 'archived');
}

/** Awaiting publication, and this reader is not one of those who see the results before it. */
export function resultsHiddenFromReader(b: BattleState): boolean {
  return awaitingPublication(b) && b.results.length === 0;
}

/**
 * Whether the page should poll: while the battle is live, or closed with its results hidden from this
 * reader (the creator may publish them). An archived battle can no longer be published, so its page
 * would wait forever.
 */
export function pollsForChanges(b: BattleState): boolean {
  return LIVE.has(b.status) || (b.status === 'closed' && resultsHiddenFromReader(b));
}
