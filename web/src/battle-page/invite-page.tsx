// An invitation link (/invite/<token>?b=<slug>): sign in, accept, and land on the battle.
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { battlesApi } from '../api/battles.ts';
import { errorMessage } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { Alert } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';

export function InvitePage() {
  useDocumentTitle('Invitation');
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const slug = params.get('b');
  const { profile } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const here = encodeURIComponent(`/invite/${token}${slug ? `?b=${slug}` : ''}`);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      await battlesApi.acceptInvitation(token);
      void navigate(slug ? `/b/${slug}` : '/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <section className="panel stack" style={{ maxWidth: '34rem', margin: '0 auto' }} aria-labelledby="invite-title">
      <h1 id="invite-title" className="section-title">You're invited to a battle</h1>
      <p className="muted">Accepting makes you a contender{slug ? <> in <Link to={`/b/${slug}`}>this battle</Link></> : ''}. You can then submit your entry.</p>
      {error && <Alert kind="error" role="alert">{error}</Alert>}
      {!profile || profile.is_anonymous ? (
        <div className="cluster">
          <Link className="btn btn-primary" to={`/signup?next=${here}`}>Sign up to accept</Link>
          <Link className="btn" to={`/signin?next=${here}`}>Sign in</Link>
        </div>
      ) : (
        <button type="button" className="btn btn-primary btn-l" onClick={() => void accept()} disabled={busy}>{busy ? 'Accepting…' : 'Accept invitation'}</button>
      )}
    </section>
  );
}
