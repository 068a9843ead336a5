import { describe, expect, it } from 'vitest';
import type { BattleStatus } from '../../web/src/api/battles.ts';
import { pollsForChanges, resultsHiddenFromReader } from '../../web/src/battle-page/battle-refresh.ts';

const decided = '2025-01-01T00:00:00Z';

function battle(status: BattleStatus, opts: { finalized?: boolean; published?: boolean; results?: number } = {}) {
  return {
    status,
    finalized_at: opts.finalized ? decided : null,
    published_at: opts.published ? decided : null,
    results: Array.from({ length: opts.results ?? 0 }) as never[],
  };
}

describe('battle page refresh', () => {
  it('polls live battles, and a closed battle whose results the reader waits for', () => {
    for (const s of ['open', 'executing', 'voting', 'scoring'] as const) expect(pollsForChanges(battle(s)), s).toBe(true);
    expect(pollsForChanges(battle('closed', { finalized: true }))).toBe(true);
  });

  it('stops once nothing can change for the reader: results seen, published, or archived unpublished', () => {
    expect(pollsForChanges(battle('closed', { finalized: true, results: 2 }))).toBe(false);
    expect(pollsForChanges(battle('published', { finalized: true, published: true, results: 2 }))).toBe(false);
    // Archived without publication: results can no longer be published, so waiting would never end.
    const archived = battle('archived', { finalized: true });
    expect(resultsHiddenFromReader(archived)).toBe(true);
    expect(pollsForChanges(archived)).toBe(false);
    expect(pollsForChanges(battle('draft'))).toBe(false);
  });

  it('hides the results from a reader who got none while they await publication', () => {
    expect(resultsHiddenFromReader(battle('closed', { finalized: true }))).toBe(true);
    expect(resultsHiddenFromReader(battle('closed', { finalized: true, results: 2 }))).toBe(false);
    expect(resultsHiddenFromReader(battle('archived', { finalized: true, published: true }))).toBe(false);
    expect(resultsHiddenFromReader(battle('archived'))).toBe(false); // cancelled: never decided
  });
});
