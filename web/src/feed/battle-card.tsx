// One battle in the feed: status, title (the link), format, creator, contenders, votes, countdown.
import { Link } from 'react-router';
import type { FeedRow } from '../api/battles.ts';
import { AxesChips } from '../battles/axes-chips.tsx';
import { Countdown } from '../battles/countdown.tsx';
import { StatusBadge } from '../battles/status-badge.tsx';
import { plural, relativeTime } from '../ui/format.ts';
import { BallotIcon, UsersIcon } from '../ui/icons.tsx';

export function BattleCard({ battle }: { battle: FeedRow }) {
  return (
    <article className="card battle-card" data-testid="battle-card">
      <div className="spread battle-card-top">
        <StatusBadge status={battle.status} />
        <Countdown battle={battle} compact />
      </div>
      <h2 className="battle-card-title">
        <Link className="stretched-link" to={`/b/${battle.slug}`}>{battle.title}</Link>
      </h2>
      <AxesChips axes={battle} />
      <div className="battle-card-meta">
        <span className="battle-card-creator">@{battle.creator_handle} · <time dateTime={battle.created_at}>{relativeTime(battle.created_at)}</time></span>
        <span className="cluster battle-card-counts">
          <span className="cluster" title="Contenders"><UsersIcon width={16} height={16} />{plural(battle.contender_count, 'contender')}</span>
          <span className="cluster" title="Votes"><BallotIcon width={16} height={16} />{plural(battle.total_vote_count, 'vote')}</span>
        </span>
      </div>
    </article>
  );
}

export function BattleCardSkeleton() {
  return (
    <div className="card battle-card" aria-hidden="true">
      <div className="skeleton" style={{ width: '7rem', height: '1.2rem' }} />
      <div className="skeleton" style={{ width: '85%', height: '1.5rem' }} />
      <div className="skeleton" style={{ width: '60%', height: '1.2rem' }} />
      <div className="skeleton" style={{ width: '70%', height: '1rem' }} />
    </div>
  );
}
