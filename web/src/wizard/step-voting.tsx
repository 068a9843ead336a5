// Step 4: who may vote, and the voting window (optional: without it the creator opens and closes
// voting by hand).
import type { VoterEligibility } from '../api/battles.ts';
import { ELIGIBILITY_LABELS } from '../battles/labels.ts';
import { Field } from '../ui/field.tsx';
import type { DraftForm, Errors } from './draft-form.ts';

const ELIGIBILITIES = Object.keys(ELIGIBILITY_LABELS) as VoterEligibility[];

export function StepVoting({ form, set, errors }: { form: DraftForm; set: (patch: Partial<DraftForm>) => void; errors: Errors }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="stack stack-l">
      {form.judgingMode !== 'community_vote' && (
        <p className="muted">This battle is decided by {form.judgingMode.replace('_', ' ')}; community votes, if any, are shown beside the result.</p>
      )}
      <fieldset className="stack stack-s">
        <legend className="field-label">Who may vote</legend>
        <div className="options">
          {ELIGIBILITIES.map((v) => (
            <label key={v} className="option" htmlFor={`eligibility-${v}`}>
              <input type="radio" id={`eligibility-${v}`} name="eligibility" checked={form.voterEligibility === v} onChange={() => set({ voterEligibility: v })} />
              <span><span className="option-title">{ELIGIBILITY_LABELS[v].label}</span><span className="option-desc">{ELIGIBILITY_LABELS[v].desc}</span></span>
            </label>
          ))}
        </div>
        <p className="subtle">Contenders never vote in their own battle, and each person votes once.</p>
      </fieldset>
      <fieldset className="stack stack-s">
        <legend className="field-label">Voting window</legend>
        <p className="subtle">Optional. Leave empty to open and close voting yourself. Times are in your zone ({zone}).</p>
        <div className="form-grid">
          <Field id="voting-opens" label="Voting opens" optional error={errors.votingOpensAt}>
            {(p) => <input {...p} className="input" type="datetime-local" value={form.votingOpensAt} onChange={(e) => set({ votingOpensAt: e.target.value })} />}
          </Field>
          <Field id="voting-closes" label="Voting closes" optional error={errors.votingClosesAt}>
            {(p) => <input {...p} className="input" type="datetime-local" value={form.votingClosesAt} onChange={(e) => set({ votingClosesAt: e.target.value })} />}
          </Field>
        </div>
      </fieldset>
    </div>
  );
}
