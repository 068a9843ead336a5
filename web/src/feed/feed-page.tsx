// The landing page: battles by status (open / voting / results), filtered by the three axes, with
// infinite scroll on the keyset cursor. The first screen of cards sets a performance mark
// (lf:feed-first-screen) that the browser test reads.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { FeedFilters, FeedTab } from '../api/battles.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorState, EmptyState, Spinner } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { BattleCard, BattleCardSkeleton } from './battle-card.tsx';
import { FeedFiltersBar } from './feed-filters.tsx';
import { feedQuery } from './feed-query.ts';
import { useFeed } from './use-feed.ts';
import './feed.css';

const TABS: Array<{ tab: FeedTab; label: string; short: string; empty: string; hint: string }> = [
  { tab: 'open', label: 'Open for entries', short: 'Open', empty: 'No battles are open for entries', hint: 'Start one and invite people to take you on.' },
  { tab: 'voting', label: 'Voting now', short: 'Voting', empty: 'Nothing to vote on right now', hint: 'Battles appear here when their voting window opens.' },
  { tab: 'results', label: 'Results', short: 'Results', empty: 'No results yet', hint: 'Finished battles and their winners appear here.' },
];

let firstScreenMarked = false;

export function FeedPage() {
  const [params, setParams] = useSearchParams();
  const { tab, filters } = useMemo(() => feedQuery(params), [params]);
  const filtered = Object.values(filters).some(Boolean);
  const feed = useFeed(tab, filters);
  const { profile } = useSession();
  const info = TABS.find((t) => t.tab === tab)!;
  useDocumentTitle(info.label);

  // Set when the first page of cards is in the DOM (layout effect: before the browser paints it).
  useLayoutEffect(() => {
    if (!feed.settled || firstScreenMarked) return;
    firstScreenMarked = true;
    performance.mark('lf:feed-first-screen', { detail: { cards: feed.items.length } });
    document.documentElement.dataset.feedReady = String(feed.items.length);
  }, [feed.settled, feed.items.length]);

  const sentinel = useRef<HTMLDivElement>(null);
  const { done, loadMore } = feed;
  const loaded = feed.items.length;
  // Observed again after each page (loaded): a sentinel still in view asks for the next one.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || done || !('IntersectionObserver' in window)) return;
    const io = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) loadMore(); }, { rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [done, loadMore, loaded]);

  function link(nextTab: FeedTab) {
    const p = new URLSearchParams(params);
    p.set('status', nextTab);
    return `?${p.toString()}`;
  }
  function setFilters(f: FeedFilters) {
    const p = new URLSearchParams(params);
    for (const k of ['task_source', 'contender_structure', 'judging_mode'] as const) {
      if (f[k]) p.set(k, f[k]!);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  }

  const createHref = profile && !profile.is_anonymous ? '/new' : '/signup?next=%2Fnew';
  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">The arena</p>
          <h1>Battles</h1>
          <p className="lede">People and AI models take on the same task. Voters judge the entries blind.</p>
        </div>
        <Link className="btn btn-primary btn-l" to={createHref}>Create a battle</Link>
      </div>
      <div className="feed-toolbar">
        <nav className="tabs" aria-label="Battle status">
          {TABS.map((t) => (
            <Link key={t.tab} className="tab" to={link(t.tab)} aria-current={t.tab === tab ? 'page' : undefined} replace>
              <span className="tab-long">{t.label}</span><span className="tab-short" aria-hidden="true">{t.short}</span>
            </Link>
          ))}
        </nav>
        <FeedFiltersBar filters={filters} onChange={setFilters} />
      </div>

      <section aria-labelledby="feed-heading" aria-busy={feed.loading}>
        <h2 id="feed-heading" className="sr-only">{info.label}</h2>
        {!feed.settled ? (
          <div className="feed-grid">{Array.from({ length: 6 }, (_, i) => <BattleCardSkeleton key={i} />)}</div>
        ) : feed.error && !feed.items.length ? (
          <ErrorState error={feed.error} title="The feed could not be loaded" onRetry={feed.retry} />
        ) : !feed.items.length ? (
          filtered
            ? <EmptyState title="No battles match these filters" action={<button type="button" className="btn" onClick={() => setFilters({})}>Clear filters</button>}>Try another combination, or clear the filters.</EmptyState>
            : <EmptyState title={info.empty} action={tab === 'open' ? <Link className="btn btn-primary" to={createHref}>Create a battle</Link> : undefined}>{info.hint}</EmptyState>
        ) : (
          <>
            <ul className="feed-grid" role="list" data-testid="feed-list">
              {feed.items.map((b) => <li key={b.id}><BattleCard battle={b} /></li>)}
            </ul>
            <div ref={sentinel} className="feed-sentinel" />
            <div className="feed-end" aria-live="polite">
              {feed.loading ? <Spinner label="Loading more battles" />
                : feed.error ? <button type="button" className="btn" onClick={feed.retry}>Loading failed — try again</button>
                : feed.done ? <span>That is every battle here ({feed.items.length}).</span>
                : <button type="button" className="btn" onClick={feed.loadMore}>Load more</button>}
            </div>
          </>
        )}
      </section>
    </>
  );
}
