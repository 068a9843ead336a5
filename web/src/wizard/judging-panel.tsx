// Who judges an ai_judge or rubric_score battle: the AI judge model (POST /api/battles/:id/judging,
// saved with the step) and, for rubric score, the human judges the creator names
// (POST /api/battles/:id/judges, at once) or takes back (DELETE /api/battles/:id/judges/:profile_id).
import { useState, type FormEvent } from 'react';
import { battlesApi } from '../api/battles.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { lensersApi, type Model } from '../api/lensers.ts';
import { Field } from '../ui/field.tsx';
import type { DraftForm } from './draft-form.ts';
import { DraftPartWait, type DraftPart } from './draft-part.tsx';

/** A human judge named on the draft. */
export interface NamedJudge {
  profile_id: string;
  handle: string;
}

export interface JudgesProps {
  judges: NamedJudge[];
  /** The draft's saved judge model and judges (GET /api/battles/:id/judging); the fields wait for them. */
  savedJudging: DraftPart;
  onJudgeNamed: (judge: NamedJudge) => void;
  onJudgeRemoved: (profileId: string) => void;
}

export function JudgingPanel({ form, set, models, battleId, judges, savedJudging, onJudgeNamed, onJudgeRemoved }: JudgesProps & {
  form: DraftForm;
  set: (patch: Partial<DraftForm>) => void;
  models: Model[];
  battleId: string | undefined;
}) {
  const [handle, setHandle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function nameJudge(e: FormEvent) {
    e.preventDefault();
    const h = handle.trim().replace(/^@/, '').toLowerCase();
    if (!battleId || !h) return;
    setBusy(true);
    setError(null);
    try {
      const profile = await lensersApi.profile(h);
      await battlesApi.nameJudge(battleId, profile.id);
      onJudgeNamed({ profile_id: profile.id, handle: profile.handle });
      setHandle('');
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? `No lenser is called @${h}.` : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function removeJudge(judge: NamedJudge) {
    if (!battleId) return;
    setBusy(true);
    setError(null);
    try {
      await battlesApi.removeJudge(battleId, judge.profile_id);
      onJudgeRemoved(judge.profile_id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const heading = <h3 id="judges-heading" className="field-label axis-legend">Judges</h3>;
  if (savedJudging.state !== 'ready') return <section className="stack" aria-labelledby="judges-heading">{heading}<DraftPartWait part={savedJudging} /></section>;
  return (
    <section className="stack" aria-labelledby="judges-heading">
      {heading}
      <Field id="judge-model" label="AI judge model" hint="Judges every pair of entries twice, in both orders; a disagreement counts as a draw.">
        {(p) => (
          <select {...p} className="select" value={form.judgeModelId} onChange={(e) => set({ judgeModelId: e.target.value })}>
            <option value="">The server's default judge</option>
            {models.map((m) => <option key={m.id} value={m.id}>{m.display_name} ({m.provider})</option>)}
          </select>
        )}
      </Field>
      {form.judgingMode === 'rubric_score' && (
        <div className="stack stack-s">
          <p className="subtle">Rubric scores come from the AI judge, or from people you name: each named judge scores every entry on every criterion while the battle is scoring.</p>
          <form className="inline-form" onSubmit={(e) => void nameJudge(e)} noValidate>
            <Field id="judge-handle" label="Name a human judge" hint="Their handle, e.g. @ada." error={error}>
              {(p) => <input {...p} className="input" autoCapitalize="none" spellCheck={false} value={handle} onChange={(e) => setHandle(e.target.value)} />}
            </Field>
            <button type="submit" className="btn" disabled={busy || !handle.trim() || !battleId}>{busy ? 'Adding…' : 'Add judge'}</button>
          </form>
          {judges.length > 0 && (
            <ul role="list" className="cluster" aria-label="Named judges">
              {judges.map((j) => (
                <li key={j.profile_id} className="chip">
                  @{j.handle}
                  <button type="button" className="chip-remove" aria-label={`Remove judge @${j.handle}`} disabled={busy}
                    onClick={() => void removeJudge(j)}>×</button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
