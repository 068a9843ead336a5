// The feed's tab and filters as they live in the URL, and a head start for its first page: an inline
// script in index.html asks for it while the JavaScript loads (window.__lfFeedHeadStart); failing
// that, the entry module asks before React renders. Either way the request overlaps the first render.
import { battlesApi, feedUrl, type FeedFilters, type FeedRow, type FeedTab } from '../api/battles.ts';

declare global {
  interface Window {
    __lfFeedHeadStart?: { url: string; response: Promise<Response | null> };
  }
}

export const FEED_TABS: readonly FeedTab[] = ['open', 'voting', 'results'];

export function feedQuery(params: URLSearchParams): { tab: FeedTab; filters: FeedFilters } {
  const status = params.get('status');
  return {
    tab: FEED_TABS.includes(status as FeedTab) ? (status as FeedTab) : 'open',
    filters: {
      task_source: params.get('task_source') ?? undefined,
      contender_structure: params.get('contender_structure') ?? undefined,
      judging_mode: params.get('judging_mode') ?? undefined,
    },
  };
}

export function feedKey(tab: FeedTab, filters: FeedFilters): string {
  return JSON.stringify([tab, filters]);
}

let early: { key: string; page: Promise<FeedRow[]>; rows?: FeedRow[] } | null = null;

/**
 * Starts loading the first page of the feed at this URL (call before the first render). Resolves
 * when that page is in, so the caller may hold the first render briefly and show cards at once.
 */
export function prefetchFeed(location: Location): Promise<void> {
  if (location.pathname !== '/') return Promise.resolve();
  const { tab, filters } = feedQuery(new URLSearchParams(location.search));
  const head = window.__lfFeedHeadStart;
  window.__lfFeedHeadStart = undefined;
  const fresh = () => battlesApi.feed(tab, filters, undefined);
  // The inline script's answer is used when it asked for exactly this URL and got a 200; anything
  // else goes through the API client (error envelope, expired sessions).
  const page = head && head.url === feedUrl(tab, filters, undefined)
    ? head.response.then((res) => (res?.ok ? (res.json() as Promise<FeedRow[]>) : fresh()), fresh)
    : fresh();
  const entry: { key: string; page: Promise<FeedRow[]>; rows?: FeedRow[] } = { key: feedKey(tab, filters), page };
  early = entry;
  // An early failure is reported when the page is taken.
  return page.then((rows) => { entry.rows = rows; }, () => {});
}

/** The prefetched first page if it has already arrived, for a first render with cards (a pure read). */
export function arrivedFeed(key: string): FeedRow[] | null {
  return early && early.key === key && early.rows ? early.rows : null;
}

/** The prefetched first page for this tab and filters, once; null when there is none. */
export function takePrefetchedFeed(key: string): Promise<FeedRow[]> | null {
  if (!early || early.key !== key) return null;
  const { page } = early;
  early = null;
  return page;
}
