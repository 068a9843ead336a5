// Personal API tokens for the CLI: create one (shown once, with the `lf auth login --token` command),
// see which exist and when they were last used, revoke them.
import { useState, type FormEvent } from 'react';
import { authApi } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { CopyBox } from '../ui/copy-button.tsx';
import { Field } from '../ui/field.tsx';
import { formatDate, relativeTime } from '../ui/format.ts';
import { Alert, ErrorState, PageLoading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useResource } from '../ui/use-resource.ts';

export function TokensPage() {
  useDocumentTitle('API tokens');
  const tokens = useResource((s) => authApi.tokens(s), []);
  const [name, setName] = useState('lf-cli');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Name the token, e.g. after the machine it is for.');
      return;
    }
    setBusy('create');
    setError(null);
    try {
      const t = await authApi.createToken(name.trim());
      setCreated({ name: t.name, token: t.token });
      setStatus(`Token ${t.name} created.`);
      await tokens.reload({ silent: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function revoke(id: string, tokenName: string) {
    setBusy(id);
    setError(null);
    try {
      await authApi.revokeToken(id);
      setConfirming(null);
      setStatus(`Token ${tokenName} revoked.`);
      await tokens.reload({ silent: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  const command = created ? `lf auth login --api-url ${window.location.origin} --token ${created.token}` : '';
  return (
    <div className="stack stack-l" style={{ maxWidth: '48rem' }}>
      <div className="page-head" style={{ marginBottom: 0 }}>
        <div>
          <p className="eyebrow">Settings</p>
          <h1>API tokens</h1>
          <p className="lede">Personal tokens let the <code>lf</code> command line act as you. Treat them like passwords; revoke any you no longer use.</p>
        </div>
      </div>
      <section className="panel stack" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" className="panel-title">Create a token</h2>
        <form className="inline-form" onSubmit={(e) => void create(e)} noValidate>
          <Field id="token-name" label="Token name" hint="Say where it is used, e.g. laptop or CI.">
            {(p) => <input {...p} className="input" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={busy === 'create'}>{busy === 'create' ? 'Creating…' : 'Create token'}</button>
        </form>
        {error && <Alert kind="error" role="alert">{error}</Alert>}
        {created && (
          <div className="stack token-created" data-testid="new-token">
            <Alert kind="warning" title="Copy it now: this token is shown only once.">It is not stored in readable form; if you lose it, create a new one.</Alert>
            <div className="field"><span className="field-label">Token “{created.name}”</span><CopyBox value={created.token} label="Copy token" testId="token-value" /></div>
            <div className="field"><span className="field-label">Sign the CLI in with it</span><CopyBox value={command} label="Copy command" testId="token-command" /></div>
            <div><button type="button" className="btn btn-s" onClick={() => setCreated(null)}>Done, hide it</button></div>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="panel-title">Your tokens</h2>
        {tokens.loading ? <PageLoading label="Loading your tokens" />
          : tokens.error ? <ErrorState error={tokens.error} onRetry={() => void tokens.reload()} />
          : !tokens.data?.length ? <p className="muted">No tokens yet.</p>
          : (
            <div className="table-wrap">
              <table className="table" data-testid="token-list">
                <thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
                <tbody>
                  {tokens.data.map((t) => (
                    <tr key={t.id}>
                      <td><strong>{t.name}</strong></td>
                      <td>{formatDate(t.created_at)}</td>
                      <td>{t.last_used_at ? relativeTime(t.last_used_at) : 'Never'}</td>
                      <td className="num">
                        {confirming === t.id ? (
                          <span className="cluster" role="group" aria-label={`Revoke ${t.name}`} style={{ justifyContent: 'flex-end' }}>
                            <button type="button" className="btn btn-danger-solid btn-s" onClick={() => void revoke(t.id, t.name)} disabled={busy === t.id} autoFocus>Revoke</button>
                            <button type="button" className="btn btn-s" onClick={() => setConfirming(null)}>Keep</button>
                          </span>
                        ) : <button type="button" className="btn btn-danger btn-s" onClick={() => setConfirming(t.id)}>Revoke<span className="sr-only"> {t.name}</span></button>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
      </section>
      <p className="sr-only" role="status" aria-live="polite">{status}</p>
    </div>
  );
}
