// Create an account: email, password, handle (3–30 lowercase letters, digits, underscores), name.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { authApi } from '../api/auth.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { Field, fieldErrors } from '../ui/field.tsx';
import { Alert } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useSession } from './session.tsx';
import { useNextPath } from './use-next.ts';
import './auth.css';

const HANDLE = /^[a-z0-9_]{3,30}$/;

export function SignUpPage() {
  useDocumentTitle('Sign up');
  const { signIn } = useSession();
  const navigate = useNavigate();
  const next = useNextPath();
  const [form, setForm] = useState({ email: '', password: '', handle: '', display_name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) out.email = 'Enter an email address.';
    if (form.password.length < 8) out.password = 'At least 8 characters.';
    if (!HANDLE.test(form.handle)) out.handle = '3–30 lowercase letters, digits or underscores.';
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validate();
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      signIn(await authApi.signUp({
        email: form.email.trim(), password: form.password, handle: form.handle,
        ...(form.display_name.trim() ? { display_name: form.display_name.trim() } : {}),
      }));
      void navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'handle_taken') setErrors({ handle: 'That handle is taken.' });
      else if (err instanceof ApiError && err.code === 'email_taken') setErrors({ email: 'That email already has an account.' });
      else if (err instanceof ApiError && err.details) setErrors(fieldErrors(err.details));
      else setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="auth-wrap">
      <section className="card auth-card stack" aria-labelledby="signup-title">
        <div>
          <h1 id="signup-title">Create your account</h1>
          <p className="lede">Create battles, contend, vote, and climb the leaderboards.</p>
        </div>
        {error && <Alert kind="error" role="alert">{error}</Alert>}
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <Field id="signup-email" label="Email" error={errors.email}>
            {(p) => <input {...p} className="input" type="email" autoComplete="email" required value={form.email} onChange={set('email')} />}
          </Field>
          <Field id="signup-password" label="Password" hint="At least 8 characters." error={errors.password}>
            {(p) => <input {...p} className="input" type="password" autoComplete="new-password" required value={form.password} onChange={set('password')} />}
          </Field>
          <Field id="signup-handle" label="Handle" hint="Your public name in URLs: lowercase letters, digits, underscores." error={errors.handle}>
            {(p) => <input {...p} className="input" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={form.handle}
              onChange={(e) => setForm((f) => ({ ...f, handle: e.target.value.toLowerCase() }))} />}
          </Field>
          <Field id="signup-name" label="Display name" optional error={errors.display_name}>
            {(p) => <input {...p} className="input" autoComplete="name" value={form.display_name} onChange={set('display_name')} />}
          </Field>
          <button type="submit" className="btn btn-primary btn-l" disabled={busy}>{busy ? 'Creating account…' : 'Sign up'}</button>
        </form>
        <p className="subtle">
          Already have an account? <Link to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>
        </p>
      </section>
    </div>
  );
}
