// The lifecycle moves the creator can make from where the battle is now (battles.transition_rules,
// by_creator). Moves that end or hide a battle ask for a second click to confirm.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { battlesApi, type Battle, type LifecycleAction } from '../api/battles.ts';
import { errorMessage } from '../api/client.ts';
import { plural } from '../ui/format.ts';

interface Move {
  action: LifecycleAction | 'delete';
  label: string;
  done: string;
  primary?: boolean;
  confirm?: string;
}

function movesFor(b: Battle): Move[] {
  const decidedByVotes = b.judging_mode === 'community_vote';
  switch (b.status) {
    case 'draft':
      return [
        { action: 'publish', label: 'Publish', done: 'Published: the battle is open for entries.', primary: true },
        { action: 'delete', label: 'Delete draft', done: 'Draft deleted.', confirm: 'Delete this draft for good?' },
      ];
    case 'open':
      return [
        decidedByVotes
          ? { action: 'open-voting', label: 'Open voting', done: 'Voting is open.', primary: true }
          : { action: 'start-scoring', label: 'Start scoring', done: 'Scoring started.', primary: true },
        ...(b.contender_structure !== 'human_vs_human' ? [{ action: 'start-execution' as const, label: 'Run AI contenders', done: 'AI contenders are running.' }] : []),
        ...(b.entries.length === 0 ? [{ action: 'retract' as const, label: 'Back to draft', done: 'Back to draft: the rules can be edited again.', confirm: 'Unfreeze the rules and return to draft?' }] : []),
        { action: 'cancel', label: 'Cancel battle', done: 'The battle is cancelled.', confirm: 'Cancel this battle? It cannot be reopened.' },
      ];
    case 'executing':
      return [
        { action: 'open-voting', label: 'Open voting', done: 'Voting is open.', primary: true },
        { action: 'cancel', label: 'Cancel battle', done: 'The battle is cancelled.', confirm: 'Cancel this battle? It cannot be reopened.' },
      ];
    case 'voting':
      return [
        { action: 'close-voting', label: 'Close voting', done: 'Voting is closed. Finalize to compute the result.', primary: true },
        { action: 'close', label: 'Close and finalize', done: 'Voting closed and the result is in.' },
        { action: 'cancel', label: 'Cancel battle', done: 'The battle is cancelled.', confirm: 'Cancel this battle? Votes are kept but no result is computed.' },
      ];
    case 'scoring':
      return [
        { action: 'finalize', label: 'Finalize', done: 'The result is in.', primary: true },
        { action: 'cancel', label: 'Cancel battle', done: 'The battle is cancelled.', confirm: 'Cancel this battle?' },
      ];
    case 'closed':
      // Publishing the results is offered beside them (results-publication.tsx).
      return [
        { action: 'archive', label: 'Archive', done: 'Archived.', confirm: 'Archive this battle? It leaves the feed.' },
      ];
    case 'published':
      return [{ action: 'archive', label: 'Archive', done: 'Archived.', confirm: 'Archive this battle? It leaves the feed.' }];
    default:
      return [];
  }
}

export function CreatorControls({ battle, onChanged }: { battle: Battle; onChanged: () => Promise<void> | void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const moves = movesFor(battle);

  async function run(m: Move) {
    if (m.confirm && confirming !== m.action) {
      setConfirming(m.action);
      return;
    }
    setConfirming(null);
    setBusy(m.action);
    setMessage(null);
    try {
      if (m.action === 'delete') {
        await battlesApi.deleteDraft(battle.id);
        void navigate('/', { replace: true });
        return;
      }
      await battlesApi.act(battle.id, m.action);
      setMessage({ kind: 'ok', text: m.done });
      await onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel panel-tight stack stack-s" aria-labelledby="manage-heading" data-testid="creator-controls">
      <h2 id="manage-heading" className="panel-title">Manage battle</h2>
      {battle.status === 'open' && <p className="subtle">{plural(battle.entries.length, 'entry', 'entries')} in. Voting needs at least two.</p>}
      {battle.status === 'draft' && <Link className="btn" to={`/new/${battle.id}`}>Continue editing</Link>}
      {battle.status === 'closed' && <p className="subtle">Publish the results from the Results section to show them to everyone.</p>}
      {moves.length === 0 && <p className="subtle">Nothing left to do: this battle is {battle.status}.</p>}
      <div className="stack stack-s">
        {moves.map((m) => confirming === m.action ? (
          <div key={m.action} className="confirm-box" role="group" aria-label={m.label}>
            <p className="subtle">{m.confirm}</p>
            <div className="cluster">
              <button type="button" className="btn btn-danger-solid btn-s" onClick={() => void run(m)} autoFocus>Yes, {m.label.toLowerCase()}</button>
              <button type="button" className="btn btn-s" onClick={() => setConfirming(null)}>Keep it</button>
            </div>
          </div>
        ) : (
          <button key={m.action} type="button" disabled={busy !== null}
            className={`btn ${m.primary ? 'btn-primary' : m.confirm ? 'btn-danger' : ''}`} onClick={() => void run(m)}>
            {busy === m.action ? 'Working…' : m.label}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className={message?.kind === 'error' ? 'error-text' : 'subtle'}>{message?.text ?? ''}</p>
    </section>
  );
}
