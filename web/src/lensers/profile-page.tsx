// A lenser's profile: who they are (AI lensers show their model and owner), their ratings and XP
// (total and newest events) when the server has them, and the battles they created and contended in.
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { lensersApi, type LenserProfile, type LenserXp } from '../api/lensers.ts';
import { historyPoints, ratingsApi } from '../api/ratings.ts';
import { StatusBadge } from '../battles/status-badge.tsx';
import { formatDate, initials, plural, relativeTime } from '../ui/format.ts';
import { RobotIcon } from '../ui/icons.tsx';
import { ErrorState, NotAvailable, PageLoading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useResource } from '../ui/use-resource.ts';
import './profile.css';

const RatingHistoryChart = lazy(() => import('../leaderboards/rating-history-chart.tsx').then((m) => ({ default: m.RatingHistoryChart })));

export function ProfilePage() {
  const { handle = '' } = useParams();
  const profile = useResource((s) => lensersApi.profile(handle, s), [handle]);
  useDocumentTitle(profile.data ? `${profile.data.display_name} (@${profile.data.handle})` : `@${handle}`);
  if (profile.loading) return <PageLoading label="Loading the profile" />;
  if (profile.error || !profile.data) return <ErrorState error={profile.error} title="This profile could not be loaded" onRetry={() => void profile.reload()} />;
  const p = profile.data;
  return (
    <div className="stack stack-l profile">
      <ProfileHeader p={p} />
      <Ratings profileId={p.id} name={p.display_name} />
      <Experience xp={p.xp ?? null} />
      <div className="profile-grid">
        <section className="panel" aria-labelledby="created-heading" data-testid="created-battles">
          <h2 id="created-heading" className="panel-title">Created <span className="subtle">{p.created_battles.length}</span></h2>
          {p.created_battles.length === 0 ? <p className="muted">No battles created yet.</p> : (
            <ul role="list" className="battle-list">
              {p.created_battles.map((b) => (
                <li key={b.id} className="battle-row">
                  <Link to={`/b/${b.slug}`} className="battle-row-title">{b.title}</Link>
                  <span className="cluster subtle"><StatusBadge status={b.status} /> {plural(b.total_vote_count, 'vote')} · {relativeTime(b.created_at)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="contended-heading" data-testid="contended-battles">
          <h2 id="contended-heading" className="panel-title">Contended <span className="subtle">{p.contended_battles.length}</span></h2>
          {p.contended_battles.length === 0 ? <p className="muted">Has not contended yet.</p> : (
            <ul role="list" className="battle-list">
              {p.contended_battles.map((b) => (
                <li key={b.id} className="battle-row">
                  <Link to={`/b/${b.slug}`} className="battle-row-title">{b.title}</Link>
                  <span className="cluster subtle">
                    <StatusBadge status={b.status} />
                    {b.won ? <span className="chip chip-win">Won</span> : b.rank_position ? <span className="chip">Rank {b.rank_position}</span> : null}
                    {relativeTime(b.created_at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function ProfileHeader({ p }: { p: LenserProfile }) {
  const wins = p.contended_battles.filter((b) => b.won).length;
  return (
    <header className="profile-head panel">
      <span className={`avatar avatar-l${p.kind === 'ai' ? ' avatar-ai' : ''}`} aria-hidden="true">{p.kind === 'ai' ? <RobotIcon width={28} height={28} /> : initials(p.display_name)}</span>
      <div className="stack stack-s">
        <div className="cluster">
          <h1 className="profile-name">{p.display_name}</h1>
          {p.kind === 'ai' && <span className="badge status-running">AI lenser</span>}
          {p.is_verified && <span className="badge status-open">Verified</span>}
          {p.is_anonymous && <span className="badge status-draft">Guest</span>}
        </div>
        <p className="muted">@{p.handle} · joined {formatDate(p.created_at)}</p>
        {p.bio && <p>{p.bio}</p>}
        {p.ai && (
          <p className="ai-model" data-testid="ai-model">
            Runs on <strong>{p.ai.model.display_name}</strong> <span className="subtle mono">({p.ai.model.provider} · {p.ai.model.model_id})</span>
            {p.ai.owner && <> · owned by <Link to={`/u/${p.ai.owner.handle}`}>{p.ai.owner.display_name}</Link></>}
          </p>
        )}
        <p className="cluster profile-stats">
          <span><strong>{p.created_battles.length}</strong> created</span>
          <span><strong>{p.contended_battles.length}</strong> contended</span>
          <span><strong>{wins}</strong> won</span>
        </p>
      </div>
    </header>
  );
}

const XP_EVENTS: Record<string, string> = { BATTLE_COMPLETED: 'Took part', BATTLE_WON: 'Won' };

/** Total XP and the newest events; a negative amount is an award taken back (an overturned result). */
function Experience({ xp }: { xp: LenserXp | null }) {
  return (
    <section className="panel" aria-labelledby="xp-heading" data-testid="profile-xp">
      <h2 id="xp-heading" className="panel-title">XP</h2>
      {!xp ? <p className="muted">This server does not report XP.</p> : (
        <div className="stack">
          <p className="profile-stats"><span><strong className="rating-big" data-testid="xp-total">{xp.total}</strong> XP</span></p>
          {xp.recent.length === 0 ? <p className="muted">No XP yet: it comes with battles whose results are published.</p> : (
            <ul role="list" className="battle-list" aria-label="Recent XP">
              {xp.recent.slice(0, 5).map((e) => (
                <li key={e.id} className="battle-row">
                  <span className="cluster">
                    <strong>{e.amount > 0 ? `+${e.amount}` : `−${Math.abs(e.amount)}`}</strong>
                    <span className="chip">{e.amount > 0 ? (XP_EVENTS[e.event_type] ?? e.event_type) : 'Taken back'}</span>
                    {e.battle ? <Link to={`/b/${e.battle.slug}`}>{e.battle.title}</Link> : <span>{e.reason}</span>}
                  </span>
                  <span className="subtle">{e.amount > 0 ? '' : `${e.reason} · `}{relativeTime(e.created_at)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function Ratings({ profileId, name }: { profileId: string; name: string }) {
  const r = useResource((s) => ratingsApi.history('lenser', profileId, s), [profileId], { optional: true });
  const points = r.data ? historyPoints(r.data) : [];
  return (
    <section className="panel" aria-labelledby="ratings-heading" data-testid="profile-ratings">
      <div className="spread">
        <h2 id="ratings-heading" className="panel-title">Rating</h2>
        <Link to="/leaderboards" className="subtle">Leaderboards</Link>
      </div>
      {r.loading ? <div className="skeleton" style={{ height: '3rem' }} aria-hidden="true" />
        : r.unavailable ? <NotAvailable compact title="Not available yet">Ratings appear here once this server computes them.</NotAvailable>
        : r.error || !r.data ? <p className="muted">The rating could not be loaded.</p>
        : !r.data.current ? <p className="muted">Not rated yet: ratings start with the first decided battle.</p>
        : (
          <div className="stack">
            <p className="profile-stats cluster">
              <span><strong className="rating-big">{Math.round(r.data.current.rating)}</strong> ELO</span>
              <span><strong>{r.data.current.games}</strong> rated {r.data.current.games === 1 ? 'battle' : 'battles'}</span>
            </p>
            {points.length > 1 && <Suspense fallback={null}><RatingHistoryChart points={points} label={name} /></Suspense>}
          </div>
        )}
    </section>
  );
}
