// A battle: the task, who is in it and the frozen rules; blind voting while it is voting; the result
// once it is decided; the creator's controls and the contender's entry. Live battles, and closed
// ones whose results the reader awaits, refresh every few seconds while the tab is visible.
import { useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { battlesApi, type Battle } from '../api/battles.ts';
import { useSession } from '../auth/session.tsx';
import { visitorId } from '../battles/voter-order.ts';
import { Markdown } from '../markdown/markdown.tsx';
import { ErrorState } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useResource } from '../ui/use-resource.ts';
import { ContendersList, RulesPanel } from './battle-aside.tsx';
import { BattleHeader } from './battle-header.tsx';
import { ContenderPanel } from './contender-panel.tsx';
import { CreatorControls } from './creator-controls.tsx';
import { EntryCard, toneFor } from './entry-card.tsx';
import { ExecutionPanel } from './execution-panel.tsx';
import { pollsForChanges, resultsHiddenFromReader } from './battle-refresh.ts';
import { ResultsPending } from './results-publication.tsx';
import { ResultsView } from './results-view.tsx';
import { VotingBoard } from './voting-board.tsx';
import './battle.css';

const POLL_MS = 10_000;

function isDecided(b: Battle): boolean {
  return b.status === 'closed' || b.status === 'published' || (b.status === 'archived' && (b.finalized_at !== null || b.cancelled_at !== null));
}

export function BattlePage() {
  const { slug = '' } = useParams();
  const { profile } = useSession();
  const battle = useResource((s) => battlesApi.bySlug(slug, s), [slug, profile?.id]);
  const b = battle.data;
  const eligibility = useResource(
    b && b.status === 'voting' ? (s) => battlesApi.eligibility(b.id, s) : null,
    [b?.id, b?.status, profile?.id, b?.my_vote?.vote_id],
  );
  useDocumentTitle(b?.title ?? 'Battle');

  const { reload } = battle;
  useEffect(() => {
    if (!b || !pollsForChanges(b)) return;
    const t = window.setInterval(() => {
      if (document.visibilityState === 'visible') void reload({ silent: true });
    }, POLL_MS);
    return () => window.clearInterval(t);
  }, [b?.status, b?.published_at, b?.results.length, reload]); // eslint-disable-line react-hooks/exhaustive-deps

  const viewerKey = useMemo(() => profile?.id ?? visitorId(), [profile?.id]);

  if (!b) {
    if (battle.error?.status === 404) {
      return (
        <div className="state">
          <h1 className="section-title">Battle not found</h1>
          <p>There is no battle at this address, or it is invite-only and you are not invited{profile ? '' : ' (sign in if you are)'}.</p>
          <Link className="btn btn-primary" to="/">Browse battles</Link>
        </div>
      );
    }
    if (battle.error) return <ErrorState error={battle.error} title="This battle could not be loaded" onRetry={() => void battle.reload()} />;
    return <BattleSkeleton />;
  }

  const refresh = () => battle.reload({ silent: true });
  const isCreator = profile?.id === b.creator.id;
  const myContender = profile ? b.contenders.find((c) => c.profile_id === profile.id) : undefined;
  const names = new Map(b.contenders.map((c) => [c.id, c]));
  const showEntriesSoFar = !isDecided(b) && b.status !== 'voting' && isCreator && b.entries.length > 0;

  return (
    <article className="battle stack stack-l" aria-labelledby="battle-title" data-status={b.status}>
      <BattleHeader battle={b} />
      <div className="battle-layout">
        <div className="stack stack-l battle-main">
          <section className="panel" aria-labelledby="task-heading">
            <h2 id="task-heading" className="panel-title">The task</h2>
            <Markdown source={b.task_prompt} />
          </section>
          <ContenderPanel battle={b} profile={profile} myContender={myContender} onChanged={refresh} />
        </div>
        <aside className="stack battle-side" aria-label="About this battle">
          {isCreator && <CreatorControls battle={b} onChanged={refresh} />}
          {(b.contender_structure !== 'human_vs_human' || b.judging_mode !== 'community_vote') && b.status !== 'draft' && (
            <ExecutionPanel battle={b} isCreator={isCreator} onChanged={refresh} />
          )}
          <ContendersList battle={b} />
          <RulesPanel battle={b} />
        </aside>
      </div>
      {b.status === 'voting' && (
        <VotingBoard battle={b} eligibility={eligibility.data} viewerKey={viewerKey} onVoted={async () => { await refresh(); await eligibility.reload({ silent: true }); }} />
      )}
      {b.status === 'scoring' && <section className="panel" aria-labelledby="scoring-heading"><h2 id="scoring-heading" className="panel-title">Scoring</h2><p className="muted">Voting has closed. The result appears here once the battle is finalized.</p></section>}
      {isDecided(b) && (resultsHiddenFromReader(b) ? <ResultsPending battle={b} />
        : <ResultsView battle={b} viewer={isCreator ? 'creator' : myContender ? 'contender' : 'other'} onChanged={refresh} />)}
      {showEntriesSoFar && (
        <section className="stack" aria-labelledby="entries-so-far">
          <h2 id="entries-so-far">Entries so far</h2>
          <p className="subtle">Only you (the creator) see entries before voting opens.</p>
          <div className={`entries-grid count-${Math.min(b.entries.length, 3)}`}>
            {b.entries.map((e, i) => (
              <EntryCard key={e.id} entry={e} letter={names.get(e.contender_id)?.slot ?? '?'} tone={toneFor(i)} contender={names.get(e.contender_id)} revealed contentType={b.content_type} />
            ))}
          </div>
        </section>
      )}
    </article>
  );
}

function BattleSkeleton() {
  return (
    <div className="stack stack-l" aria-busy="true" aria-label="Loading the battle">
      <div className="stack stack-s">
        <div className="skeleton" style={{ width: '8rem', height: '1.4rem' }} />
        <div className="skeleton" style={{ width: '70%', height: '2.4rem' }} />
        <div className="skeleton" style={{ width: '45%', height: '1.2rem' }} />
      </div>
      <div className="battle-layout">
        <div className="skeleton" style={{ height: '12rem' }} />
        <div className="skeleton" style={{ height: '12rem' }} />
      </div>
    </div>
  );
}
