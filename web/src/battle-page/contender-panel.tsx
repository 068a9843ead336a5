// The contender's view: join (when the battle takes contenders), then submit and revise an entry and
// see its status; withdraw while entries are open.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import type { Profile } from '../api/auth.ts';
import { battlesApi, type Battle, type Contender, type Entry } from '../api/battles.ts';
import { errorMessage } from '../api/client.ts';
import { EntryContent } from '../battles/entry-content.tsx';
import { CONTENT_TYPE_LABELS } from '../battles/labels.ts';
import { relativeTime } from '../ui/format.ts';
import { AlertIcon, CheckIcon, ClockIcon } from '../ui/icons.tsx';
import { Alert } from '../ui/states.tsx';

const LINK_TYPES = new Set(['link', 'image', 'video', 'audio']);

export function ContenderPanel({ battle, profile, myContender, onChanged }: {
  battle: Battle;
  profile: Profile | null;
  myContender: Contender | undefined;
  onChanged: () => Promise<void> | void;
}) {
  if (myContender) return <MyEntry battle={battle} contender={myContender} onChanged={onChanged} />;
  if (battle.status !== 'open') return null;
  return <JoinPanel battle={battle} profile={profile} onChanged={onChanged} />;
}

function JoinPanel({ battle, profile, onChanged }: { battle: Battle; profile: Profile | null; onChanged: () => Promise<void> | void }) {
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = `?next=${encodeURIComponent(location.pathname)}`;
  const full = battle.contender_count >= battle.max_contenders;
  let body: React.ReactNode;
  if (!profile) {
    body = <><p className="muted">Sign up to enter this battle with your own entry.</p><div className="cluster"><Link className="btn btn-primary" to={`/signup${next}`}>Sign up to contend</Link><Link className="btn" to={`/signin${next}`}>Sign in</Link></div></>;
  } else if (profile.is_anonymous) {
    body = <><p className="muted">Guests can vote but not contend.</p><Link className="btn btn-primary" to={`/signup${next}`}>Create an account</Link></>;
  } else if (battle.contender_structure === 'ai_vs_ai') {
    body = <p className="muted">This is an AI vs AI battle: the creator adds AI lensers as contenders.</p>;
  } else if (full) {
    body = <p className="muted">This battle is full ({battle.max_contenders} contenders).</p>;
  } else {
    body = (
      <>
        <p className="muted">{battle.max_contenders - battle.contender_count} of {battle.max_contenders} places left{battle.invite_only ? ' (invite-only: you are invited)' : ''}. You can revise your entry until voting opens.</p>
        <button type="button" className="btn btn-primary btn-l" disabled={busy} onClick={() => {
          setBusy(true);
          setError(null);
          battlesApi.join(battle.id).then(() => onChanged(), (err: unknown) => setError(errorMessage(err))).finally(() => setBusy(false));
        }}>{busy ? 'Joining…' : 'Join as contender'}</button>
      </>
    );
  }
  return (
    <section className="panel stack stack-s" aria-labelledby="join-heading" data-testid="join-panel">
      <h2 id="join-heading" className="panel-title">Take part</h2>
      {body}
      {error && <p className="error-text" role="alert">{error}</p>}
    </section>
  );
}

function MyEntry({ battle, contender, onChanged }: { battle: Battle; contender: Contender; onChanged: () => Promise<void> | void }) {
  const entry = battle.entries.find((e) => e.contender_id === contender.id);
  const accepting = battle.status === 'open' || battle.status === 'executing';
  const linkOnly = LINK_TYPES.has(battle.content_type);
  const [text, setText] = useState(entry?.content_text ?? '');
  const [url, setUrl] = useState(entry?.content_url ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  useEffect(() => {
    setText(entry?.content_text ?? '');
    setUrl(entry?.content_url ?? '');
  }, [entry?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await battlesApi.submit(battle.id, { ...(text.trim() ? { text } : {}), ...(url.trim() ? { url: url.trim() } : {}) });
      setMessage({ kind: 'ok', text: entry ? 'Revision submitted. It replaces your earlier entry.' : 'Entry submitted.' });
      await onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    setBusy(true);
    try {
      await battlesApi.withdraw(battle.id);
      await onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
      setConfirmWithdraw(false);
    }
  }

  const withdrawn = contender.contender_status === 'withdrawn' || contender.contender_status === 'disqualified';
  return (
    <section className="panel stack" aria-labelledby="my-entry-heading" data-testid="my-entry">
      <div className="spread">
        <h2 id="my-entry-heading" className="panel-title" style={{ margin: 0 }}>Your entry</h2>
        <span className="chip">Contender {contender.slot} · {contender.contender_status}</span>
      </div>
      <div className="entry-status" data-testid="entry-status">
        {withdrawn ? <Alert kind="warning">You are {contender.contender_status} from this battle.</Alert>
          : entry ? <EntryStatus entry={entry} /> : (
            <p className="muted">{accepting ? 'No entry yet. Submit before voting opens.' : battle.status === 'draft' ? 'Entries open when the creator publishes the battle.' : 'You did not submit an entry.'}</p>
          )}
      </div>
      {accepting && !withdrawn ? (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          {!linkOnly && (
            <div className="field">
              <label htmlFor="entry-text">{entry ? 'Revise your entry' : 'Your entry'} <span className="subtle">({CONTENT_TYPE_LABELS[battle.content_type]})</span></label>
              <textarea id="entry-text" className={`textarea${battle.content_type === 'code' ? ' mono' : ''}`} rows={8} maxLength={200000} value={text} onChange={(e) => setText(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor="entry-url">Link {!linkOnly && <span className="subtle">(optional)</span>}</label>
            <input id="entry-url" className="input" type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
          </div>
          <div className="cluster">
            <button type="submit" className="btn btn-primary" disabled={busy || (!text.trim() && !url.trim())}>{entry ? 'Submit revision' : 'Submit entry'}</button>
            {confirmWithdraw ? (
              <span className="cluster" role="group" aria-label="Withdraw">
                <button type="button" className="btn btn-danger-solid btn-s" onClick={() => void withdraw()} autoFocus>Yes, withdraw</button>
                <button type="button" className="btn btn-s" onClick={() => setConfirmWithdraw(false)}>Stay in</button>
              </span>
            ) : <button type="button" className="btn btn-ghost" onClick={() => setConfirmWithdraw(true)} disabled={busy}>Withdraw</button>}
          </div>
        </form>
      ) : entry ? (
        <details>
          <summary>Show your entry</summary>
          <div className="entry-preview"><EntryContent entry={entry} contentType={battle.content_type} /></div>
        </details>
      ) : null}
      {battle.status === 'voting' && <p className="subtle">Voting is open. Contenders cannot vote in their own battle.</p>}
      <p role="status" aria-live="polite" className={message?.kind === 'error' ? 'error-text' : 'success-text'}>{message?.text ?? ''}</p>
    </section>
  );
}

// The entry's moderation state (v_battle_full entries[].status, submission_status_enum).
const ENTRY_STATES: Record<Entry['status'], { label: string; note?: string; tone: 'ok' | 'wait' | 'bad' }> = {
  submitted: { label: 'Submitted', tone: 'ok' },
  pending: { label: 'Awaiting review', note: 'A moderator checks this entry before it can be judged.', tone: 'wait' },
  streaming: { label: 'Being written', note: 'The entry is still arriving from its AI run.', tone: 'wait' },
  withdrawn: { label: 'Withdrawn', note: 'This entry was withdrawn and does not take part.', tone: 'bad' },
  disqualified: { label: 'Disqualified', note: 'A moderator disqualified this entry: it does not count in the result.', tone: 'bad' },
};

function EntryStatus({ entry }: { entry: Entry }) {
  const state = ENTRY_STATES[entry.status];
  const Icon = state.tone === 'ok' ? CheckIcon : state.tone === 'wait' ? ClockIcon : AlertIcon;
  return (
    <div className="stack stack-s" data-entry-status={entry.status}>
      <p className="cluster"><Icon width={18} height={18} className={`entry-status-icon is-${state.tone}`} />
        <span><strong>{state.label}</strong>
          {entry.submitted_at && <> · {relativeTime(entry.submitted_at)}</>}{entry.revision_of_id && ' · revised'}
          <span className="subtle mono"> · {entry.integrity_hash.slice(0, 12)}</span></span>
      </p>
      {state.note && <p className={state.tone === 'bad' ? 'error-text' : 'subtle'}>{state.note}</p>}
    </div>
  );
}
