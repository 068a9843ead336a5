// Blind voting. Entries side by side in an order of this voter's own, without names; the voter picks
// one (or a draw) with the buttons or the keys 1, 2 … and 0, adds an optional reason, and casts with
// the button or Enter. Names appear only after the vote, in space reserved for them from the start.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { battlesApi, type Battle, type Eligibility } from '../api/battles.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { orderForViewer, positionLetter } from '../battles/voter-order.ts';
import { CheckIcon } from '../ui/icons.tsx';
import { Alert } from '../ui/states.tsx';
import { EntryCard, toneFor } from './entry-card.tsx';

export function VotingBoard({ battle, eligibility, viewerKey, onVoted }: {
  battle: Battle;
  eligibility: Eligibility | undefined;
  viewerKey: string;
  onVoted: () => Promise<void> | void;
}) {
  const order = useMemo(() => orderForViewer(battle.entries, `${viewerKey}:${battle.id}`), [battle.entries, battle.id, viewerKey]);
  const names = useMemo(() => new Map(battle.contenders.map((c) => [c.id, c])), [battle.contenders]);
  const revealed = battle.contenders.length > 0;
  const myVote = battle.my_vote;
  const canVote = !myVote && eligibility?.can_vote === true;
  const [choice, setChoice] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const location = useLocation();

  const letterOf = useCallback((contenderId: string | null) => {
    const i = order.findIndex((e) => e.contender_id === contenderId);
    return i < 0 ? '?' : positionLetter(i);
  }, [order]);

  const cast = useCallback(async () => {
    if (!choice || busy) return;
    setBusy(true);
    setError(null);
    try {
      const reason = rationale.trim() ? { rationale: rationale.trim() } : {};
      await battlesApi.vote(battle.id, choice === 'draw' ? { is_draw: true, ...reason } : { voted_contender_id: choice, ...reason });
      setAnnouncement(choice === 'draw' ? 'Your vote is recorded: a draw.' : `Your vote is recorded: entry ${letterOf(choice)}.`);
      await onVoted();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already_voted') await onVoted();
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }, [choice, busy, rationale, battle.id, letterOf, onVoted]);

  const castRef = useRef(cast);
  castRef.current = cast;
  const choiceRef = useRef(choice);
  choiceRef.current = choice;

  useEffect(() => {
    if (!canVote) return;
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (e.key === '0') {
        e.preventDefault();
        setChoice('draw');
      } else if (/^[1-9]$/.test(e.key) && order[Number(e.key) - 1]) {
        e.preventDefault();
        setChoice(order[Number(e.key) - 1].contender_id);
      } else if (e.key === 'Enter' && choiceRef.current && !target?.closest('button, a, summary')) {
        e.preventDefault();
        void castRef.current();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canVote, order]);

  // Once names are revealed after a vote, say who was who.
  useEffect(() => {
    if (!myVote || !revealed || !announcement || announcement.includes('revealed')) return;
    const who = order.map((e, i) => `${positionLetter(i)} was ${names.get(e.contender_id)?.display_name ?? 'unknown'}`).join(', ');
    setAnnouncement((a) => `${a} Names are revealed: ${who}.`);
  }, [myVote, revealed, announcement, order, names]);

  const footerFor = (contenderId: string, i: number) => {
    if (canVote) {
      return (
        <button type="button" className="btn vote-choice" aria-pressed={choice === contenderId} onClick={() => setChoice(contenderId)}>
          Choose {positionLetter(i)} <kbd aria-hidden="true">{i + 1}</kbd>
        </button>
      );
    }
    if (myVote) {
      return myVote.voted_contender_id === contenderId
        ? <span className="your-vote"><CheckIcon width={16} height={16} /> Your vote</span>
        : <span className="your-vote-placeholder" aria-hidden="true" />;
    }
    return undefined;
  };

  const signInNext = `?next=${encodeURIComponent(location.pathname)}`;
  return (
    <section className="stack voting" aria-labelledby="voting-heading">
      <div className="spread">
        <h2 id="voting-heading">Vote</h2>
        {!revealed && <p className="subtle">Blind: names are hidden and the order is shuffled for you.</p>}
      </div>
      <div className={`entries-grid count-${Math.min(order.length, 3)}`}>
        {order.map((entry, i) => (
          <EntryCard key={entry.id} entry={entry} letter={positionLetter(i)} tone={toneFor(i)} contender={names.get(entry.contender_id)}
            revealed={revealed} contentType={battle.content_type} footer={footerFor(entry.contender_id, i)}
            highlight={choice === entry.contender_id || myVote?.voted_contender_id === entry.contender_id} />
        ))}
      </div>

      <div className="panel vote-panel">
        {myVote ? (
          <div className="vote-done stack stack-s">
            <p className="vote-done-title"><CheckIcon /> {myVote.is_draw ? 'You voted: a draw.' : `You voted for ${letterOf(myVote.voted_contender_id)}${revealed && myVote.voted_contender_id ? ` — ${names.get(myVote.voted_contender_id)?.display_name ?? ''}` : ''}.`}</p>
            <p className="muted">Thanks for judging. Results are shown to everyone once the creator closes the battle and publishes them.</p>
          </div>
        ) : canVote ? (
          <form className="stack" onSubmit={(e) => { e.preventDefault(); void cast(); }}>
            {/* The draw is a choice like the entries: it comes right after them in the focus order. */}
            <div className="vote-draw">
              <button type="button" className="btn" aria-pressed={choice === 'draw'} onClick={() => setChoice('draw')}>It's a draw <kbd aria-hidden="true">0</kbd></button>
              <span className="subtle">when neither entry is better</span>
            </div>
            <div className="field">
              <label htmlFor="vote-rationale">Why? <span className="subtle">(optional, shown with the results)</span></label>
              <textarea id="vote-rationale" className="textarea" rows={2} maxLength={5000} value={rationale} onChange={(e) => setRationale(e.target.value)} />
            </div>
            <div className="vote-actions">
              <button type="submit" className="btn btn-primary" disabled={!choice || busy}>
                {busy ? 'Casting…' : choice ? (choice === 'draw' ? 'Cast vote: draw' : `Cast vote for ${letterOf(choice)}`) : 'Choose an entry first'}
                {choice && !busy && <kbd aria-hidden="true">Enter</kbd>}
              </button>
            </div>
            <p className="subtle" id="vote-keys">Keyboard: {order.map((_, i) => `${i + 1} chooses ${positionLetter(i)}`).join(', ')}, 0 a draw, Enter casts the vote.</p>
            {error && <p className="error-text" role="alert">{error}</p>}
          </form>
        ) : eligibility ? (
          <Ineligible code={eligibility.code} message={eligibility.message} signInNext={signInNext} />
        ) : (
          <p className="muted">Checking whether you can vote…</p>
        )}
      </div>
      <p className="sr-only" role="status" aria-live="polite" data-testid="vote-announcement">{announcement}</p>
    </section>
  );
}

function Ineligible({ code, message, signInNext }: { code: string | null; message: string | null; signInNext: string }) {
  const text = message ? message.charAt(0).toUpperCase() + message.slice(1) + '.' : 'You cannot vote in this battle.';
  if (code === 'not_authenticated') {
    return (
      <div className="stack stack-s" data-testid="ineligible">
        <p className="vote-done-title">Sign in to vote.</p>
        <p className="muted">Votes are one per person. Guests may vote in battles open to anyone.</p>
        <div className="cluster">
          <Link className="btn btn-primary" to={`/signin${signInNext}`}>Sign in</Link>
          <Link className="btn" to={`/signup${signInNext}`}>Sign up</Link>
        </div>
      </div>
    );
  }
  return <div data-testid="ineligible"><Alert kind="warning" title="You can't vote in this battle">{text}</Alert></div>;
}
