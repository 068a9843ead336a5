// "Continue as guest": a guest session may vote in battles open to anyone, nothing more.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { authApi } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { useSession } from './session.tsx';

export function GuestButton({ next }: { next: string }) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function go() {
    setBusy(true);
    setError(null);
    try {
      signIn(await authApi.guest());
      void navigate(next, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }
  return (
    <div className="stack stack-s">
      <button type="button" className="btn" onClick={() => void go()} disabled={busy}>Continue as guest</button>
      <p className="subtle">Guests can vote in battles open to anyone. Sign up to create and contend.</p>
      {error && <p className="error-text" role="alert">{error}</p>}
    </div>
  );
}
