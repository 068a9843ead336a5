// The feed as pages on the keyset cursor: the first page when the tab or filters change, the next
// page (cursor of the last row) on demand. Responses for an older tab/filter set are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { battlesApi, FEED_PAGE_SIZE, type FeedFilters, type FeedRow, type FeedTab } from '../api/battles.ts';
import { ApiError } from '../api/client.ts';
import { arrivedFeed, feedKey, takePrefetchedFeed } from './feed-query.ts';

interface FeedState {
  items: FeedRow[];
  loading: boolean;
  done: boolean;
  error: ApiError | null;
  /** True once the first page (or its error) is in. */
  settled: boolean;
}

const INITIAL: FeedState = { items: [], loading: true, done: false, error: null, settled: false };

export function useFeed(tab: FeedTab, filters: FeedFilters) {
  const key = feedKey(tab, filters);
  // When the head-start page is already here, the very first render shows the cards.
  const [state, setState] = useState<FeedState>(() => {
    const rows = arrivedFeed(key);
    return rows ? { items: rows, loading: false, done: rows.length < FEED_PAGE_SIZE, error: null, settled: true } : INITIAL;
  });
  const current = useRef(key);
  const startedWith = useRef<string | null>(state.settled ? key : null);
  const inFlight = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback(async (forKey: string, cursor: string | undefined) => {
    inFlight.current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const [t, f] = JSON.parse(forKey) as [FeedTab, FeedFilters];
      const rows = await ((!cursor && takePrefetchedFeed(forKey)) || battlesApi.feed(t, f, cursor));
      if (current.current !== forKey) return;
      setState((s) => ({
        items: cursor ? [...s.items, ...rows.filter((r) => !s.items.some((x) => x.id === r.id))] : rows,
        loading: false,
        done: rows.length < FEED_PAGE_SIZE,
        error: null,
        settled: true,
      }));
    } catch (err) {
      if (current.current !== forKey) return;
      const e = err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err));
      setState((s) => ({ ...s, loading: false, error: e, settled: true }));
    } finally {
      if (current.current === forKey) inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    current.current = key;
    inFlight.current = false;
    if (startedWith.current === key) {
      startedWith.current = null;
      void takePrefetchedFeed(key); // used by the first render; drop it
      return;
    }
    setState(INITIAL);
    void fetchPage(key, undefined);
  }, [key, fetchPage]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (inFlight.current || s.done || s.error || !s.items.length) return;
    void fetchPage(current.current, s.items[s.items.length - 1].cursor);
  }, [fetchPage]);

  const retry = useCallback(() => {
    const s = stateRef.current;
    void fetchPage(current.current, s.items.length ? s.items[s.items.length - 1].cursor : undefined);
  }, [fetchPage]);

  return { ...state, loadMore, retry };
}
