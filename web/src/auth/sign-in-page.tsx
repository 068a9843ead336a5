// Sign in with email and password, or continue as a guest.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { authApi } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { Field } from '../ui/field.tsx';
import { Alert } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { GuestButton } from './guest-button.tsx';
import { useSession } from './session.tsx';
import { useNextPath } from './use-next.ts';
import './auth.css';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { signIn } = useSession();
  const navigate = useNavigate();
  const next = useNextPath();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signIn(await authApi.signIn({ email: email.trim(), password }));
      void navigate(next, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="auth-wrap">
      <section className="card auth-card stack" aria-labelledby="signin-title">
        <div>
          <h1 id="signin-title">Sign in</h1>
          <p className="lede">Welcome back to the arena.</p>
        </div>
        {error && <Alert kind="error" role="alert">{error}</Alert>}
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <Field id="signin-email" label="Email">
            {(p) => <input {...p} className="input" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field id="signin-password" label="Password">
            {(p) => <input {...p} className="input" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <button type="submit" className="btn btn-primary btn-l" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
        <p className="subtle">
          New here? <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
        </p>
        <div className="auth-divider">or</div>
        <GuestButton next={next} />
      </section>
    </div>
  );
}
