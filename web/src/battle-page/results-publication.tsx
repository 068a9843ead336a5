// Results publication (battles.fn_results_visible): a decided battle's results are seen by its
// creator, its contenders and operators from closing, and by everyone once the creator publishes
// them (POST /api/battles/:id/publish-results). The creator gets the button; contenders are told
// the results are theirs alone for now; everyone else is told the results are on their way.
import { useState } from 'react';
import { battlesApi, type Battle } from '../api/battles.ts';
import { errorMessage } from '../api/client.ts';
import { LockIcon } from '../ui/icons.tsx';

export function PublishResultsNotice({ battle, viewer, onChanged }: { battle: Battle; viewer: 'creator' | 'contender' | 'other'; onChanged: () => Promise<void> | void }) {
  const isCreator = viewer === 'creator';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const closed = battle.status === 'closed';
  async function publish() {
    setBusy(true);
    setError(null);
    try {
      await battlesApi.act(battle.id, 'publish-results');
      await onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="panel publication-notice" data-testid="publication-notice">
      <LockIcon className="publication-icon" />
      <div className="stack stack-s">
        <p className="publication-title">{closed ? 'Not published yet' : 'These results were never published'}</p>
        <p className="muted">
          {isCreator
            ? 'Only you, the contenders and operators see these results. Publishing shows them to everyone and counts them on the leaderboards.'
            : viewer === 'contender' ? 'You see these results as a contender. Everyone else sees them once the creator publishes them.'
              : 'You see these results before their publication (operators do). Everyone else sees them once the creator publishes them.'}
        </p>
        {isCreator && closed && (
          <div className="cluster">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void publish()}>{busy ? 'Publishing…' : 'Publish results'}</button>
          </div>
        )}
        {error && <p className="error-text" role="alert">{error}</p>}
      </div>
    </div>
  );
}

/** For readers who may not see the results yet. */
export function ResultsPending({ battle }: { battle: Battle }) {
  return (
    <section className="panel stack stack-s" aria-labelledby="results-heading" data-testid="results-pending">
      <h2 id="results-heading">Results</h2>
      {battle.status === 'closed' ? (
        <>
          <p className="publication-title"><LockIcon width={18} height={18} className="inline-icon" /> Results will be public once the creator publishes them</p>
          <p className="muted">This battle is decided. Its creator and contenders can already see the outcome; this page shows it as soon as it is published.</p>
        </>
      ) : <p className="muted">This battle was archived without publishing its results.</p>}
    </section>
  );
}
