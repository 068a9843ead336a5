// Step 1: title, address, who can enter, and the three axes. Saving this step creates the draft.
import type { Axes } from '../../../src/core/axes.ts';
import { Field } from '../ui/field.tsx';
import { AxesPicker } from './axes-picker.tsx';
import { slugFor, type DraftForm, type Errors } from './draft-form.ts';

export function StepFormat({ form, set, errors, created }: {
  form: DraftForm;
  set: (patch: Partial<DraftForm>) => void;
  errors: Errors;
  created: boolean;
}) {
  const axes: Axes = { taskSource: form.taskSource, contenderStructure: form.contenderStructure, judgingMode: form.judgingMode };
  return (
    <div className="stack stack-l">
      <div className="stack">
        <Field id="battle-title" label="Title" error={errors.title} hint="Say what the battle is, in a line.">
          {(p) => <input {...p} className="input input-l" maxLength={200} value={form.title} autoFocus={!created}
            onChange={(e) => set({ title: e.target.value, ...(created ? {} : { slug: e.target.value.trim() ? slugFor(e.target.value) : '' }) })} />}
        </Field>
        <Field id="battle-slug" label="Address" error={errors.slug}
          hint={created ? 'The address is fixed once the draft exists.' : 'Lowercase letters, digits and dashes. Filled in from the title.'}>
          {(p) => (
            <div className="input-prefixed">
              <span aria-hidden="true">/b/</span>
              <input {...p} className="input" value={form.slug} readOnly={created} spellCheck={false} autoCapitalize="none"
                onChange={(e) => set({ slug: e.target.value.toLowerCase() })} />
            </div>
          )}
        </Field>
        <fieldset className="stack stack-s">
          <legend className="field-label">Who can enter</legend>
          <div className="options">
            {([[false, 'Anyone', 'Any signed-up lenser can join.'], [true, 'Invite-only', 'Only people you invite by email.']] as const).map(([v, title, desc]) => (
              <label key={String(v)} className="option" htmlFor={`entry-${v}`}>
                <input type="radio" id={`entry-${v}`} name="entry-mode" checked={form.inviteOnly === v} onChange={() => set({ inviteOnly: v })} />
                <span><span className="option-title">{title}</span><span className="option-desc">{desc}</span></span>
              </label>
            ))}
          </div>
          {created && <p className="subtle">You can change this until you publish; invitations already sent stay valid.</p>}
        </fieldset>
      </div>
      <AxesPicker axes={axes} challengeType={form.challengeType} error={errors.axes} challengeError={errors.challengeType}
        onChange={(a) => set({ ...a })} onChallengeType={(v) => set({ challengeType: v })} />
    </div>
  );
}
