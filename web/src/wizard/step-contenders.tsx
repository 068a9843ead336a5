// Step 5: how many contenders, invitations by email (each gives a link to share; those sent in an
// earlier visit are listed with their status and can get a new link), and AI lensers for battles with
// an AI side.
import { useState, type FormEvent } from 'react';
import { battlesApi, type Battle, type Invitation } from '../api/battles.ts';
import { errorMessage } from '../api/client.ts';
import type { AiLenser } from '../api/lensers.ts';
import { CopyBox } from '../ui/copy-button.tsx';
import { Field } from '../ui/field.tsx';
import { Alert, Spinner } from '../ui/states.tsx';
import type { DraftForm, Errors } from './draft-form.ts';

/** Links by invitation id: known only in the visit that created (or renewed) them. */
export type InviteLinks = Record<string, string>;

const STATUS_LABEL: Record<Invitation['status'], string> = { pending: 'Not accepted yet', accepted: 'Accepted', expired: 'Expired' };

export function StepContenders({ form, set, errors, battle, aiLensers, aiLoading, invitations, links, onLink, onContendersChanged }: {
  form: DraftForm;
  set: (patch: Partial<DraftForm>) => void;
  errors: Errors;
  battle: Battle | undefined;
  aiLensers: AiLenser[];
  aiLoading: boolean;
  invitations: Invitation[] | undefined;
  links: InviteLinks;
  /** A link was made (new invitation or renewed): remember it and reload the list. */
  onLink: (invitationId: string, link: string) => Promise<void> | void;
  onContendersChanged: () => Promise<void> | void;
}) {
  const [email, setEmail] = useState('');
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [aiError, setAiError] = useState<string | null>(null);
  const aiSide = form.contenderStructure !== 'human_vs_human';
  const joinedAi = new Set((battle?.contenders ?? []).map((c) => c.ai_lenser_id).filter(Boolean));

  async function invite(e: FormEvent) {
    e.preventDefault();
    if (!battle || !/^\S+@\S+\.\S+$/.test(email.trim())) {
      setInviteError('Enter an email address.');
      return;
    }
    setBusy('invite');
    setInviteError(null);
    try {
      const [row] = await battlesApi.invite(battle.id, email.trim());
      await onLink(row.invitation_id, linkFor(row.token, battle.slug));
      setEmail('');
    } catch (err) {
      setInviteError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function renew(invitationId: string) {
    if (!battle) return;
    setBusy(invitationId);
    setInviteError(null);
    try {
      const row = await battlesApi.renewInvitation(battle.id, invitationId);
      await onLink(row.invitation_id, linkFor(row.token, battle.slug));
    } catch (err) {
      setInviteError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function addAi(id: string) {
    if (!battle) return;
    setBusy(id);
    setAiError(null);
    try {
      await battlesApi.addAiContender(battle.id, id);
      await onContendersChanged();
    } catch (err) {
      setAiError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="stack stack-l">
      <Field id="max-contenders" label="Maximum contenders" error={errors.maxContenders}
        hint="Two is a duel. Community votes compare entries side by side, so most battles have two.">
        {(p) => <input {...p} className="input input-narrow" type="number" min={2} max={26} step={1} value={form.maxContenders}
          onChange={(e) => set({ maxContenders: e.target.value })} />}
      </Field>
      <p className="subtle">Entry: <strong>{form.inviteOnly ? 'invite-only' : 'anyone can join'}</strong> (set in the first step, until you publish).</p>

      <section className="stack stack-s" aria-labelledby="invites-heading">
        <h3 id="invites-heading" className="field-label">Invite contenders</h3>
        <p className="subtle">Each invitation gives a link; send it to the person. {form.inviteOnly ? 'Only invited people can join.' : 'Anyone can join anyway; an invitation just brings someone in.'}</p>
        <form className="inline-form" onSubmit={(e) => void invite(e)} noValidate>
          <Field id="invite-email" label="Email" error={inviteError}>
            {(p) => <input {...p} className="input" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <button type="submit" className="btn" disabled={busy === 'invite' || !battle}>{busy === 'invite' ? 'Inviting…' : 'Create invitation'}</button>
        </form>
        {!!invitations?.length && (
          <ul role="list" className="stack stack-s" aria-label="Invitations">
            {invitations.map((i) => (
              <li key={i.invitation_id} className="stack stack-s invite-row" data-testid="invitation">
                <span className="spread">
                  <span className="invite-email">{i.email}</span>
                  <span className={`chip invite-${i.status}`}>{STATUS_LABEL[i.status]}{i.accepted_handle ? ` by @${i.accepted_handle}` : ''}</span>
                </span>
                {links[i.invitation_id] ? <CopyBox value={links[i.invitation_id]} label="Copy link" />
                  : i.status !== 'accepted' && (
                    <span className="cluster">
                      <span className="subtle">The link was shown when it was made.</span>
                      <button type="button" className="btn btn-s" onClick={() => void renew(i.invitation_id)} disabled={busy !== null}
                        aria-label={`New link for ${i.email}`}>{busy === i.invitation_id ? 'Making…' : 'New link'}</button>
                    </span>
                  )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {aiSide && (
        <section className="stack stack-s" aria-labelledby="ai-heading">
          <h3 id="ai-heading" className="field-label">AI contenders</h3>
          <p className="subtle">{form.contenderStructure === 'ai_vs_ai' ? 'Add the AI lensers that compete.' : 'Add the AI lenser that takes on the human side.'}</p>
          {aiError && <Alert kind="error" role="alert">{aiError}</Alert>}
          {aiLoading ? <Spinner label="Loading AI lensers" /> : !aiLensers.length ? (
            <p className="muted">No AI lensers exist on this server yet.</p>
          ) : (
            <ul role="list" className="ai-list">
              {aiLensers.map((a) => (
                <li key={a.id} className="ai-row">
                  <span><strong>{a.display_name}</strong> <span className="subtle">@{a.handle} · {a.model_display_name}</span></span>
                  {joinedAi.has(a.id) ? <span className="chip">Added</span>
                    : <button type="button" className="btn btn-s" onClick={() => void addAi(a.id)} disabled={busy !== null}>{busy === a.id ? 'Adding…' : 'Add'}</button>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {battle && battle.contenders.length > 0 && (
        <section aria-labelledby="joined-heading" className="stack stack-s">
          <h3 id="joined-heading" className="field-label">Contenders so far</h3>
          <ul role="list" className="cluster">
            {battle.contenders.map((c) => <li key={c.id} className="chip">{c.slot} · {c.display_name}</li>)}
          </ul>
        </section>
      )}
    </div>
  );
}

function linkFor(token: string, slug: string): string {
  return `${window.location.origin}/invite/${token}?b=${encodeURIComponent(slug)}`;
}
