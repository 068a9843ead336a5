// Step 3: the rubric — none, one you may use (public or yours), or a new one built here with
// weighted criteria (created with POST /api/rubrics when the step is saved).
import type { Model, Rubric } from '../api/lensers.ts';
import { Field } from '../ui/field.tsx';
import { Alert, Spinner } from '../ui/states.tsx';
import { newCriterion, type DraftForm, type Errors } from './draft-form.ts';
import { JudgingPanel, type JudgesProps } from './judging-panel.tsx';

export function StepRubric({ form, set, errors, rubrics, rubricsLoading, models, battleId, ...judging }: JudgesProps & {
  form: DraftForm;
  set: (patch: Partial<DraftForm>) => void;
  errors: Errors;
  rubrics: Rubric[];
  rubricsLoading: boolean;
  models: Model[];
  battleId: string | undefined;
}) {
  const required = form.judgingMode === 'rubric_score';
  const total = form.criteria.reduce((s, c) => s + (c.title.trim() && Number(c.weight) > 0 ? Number(c.weight) : 0), 0);
  const chosen = rubrics.find((r) => r.id === form.rubricId);
  const setCriterion = (key: string, patch: Partial<{ title: string; weight: string }>) =>
    set({ criteria: form.criteria.map((c) => (c.key === key ? { ...c, ...patch } : c)) });

  const judged = form.judgingMode === 'ai_judge' || form.judgingMode === 'rubric_score';
  return (
    <div className="stack stack-l">
      {judged && <JudgingPanel form={form} set={set} models={models} battleId={battleId} {...judging} />}
      <p className="muted">
        {required ? 'This battle is decided by rubric score, so it needs a rubric: each entry is scored on every criterion and the weighted sum wins.'
          : 'A rubric is optional here. Voters and judges see it as guidance for what a good entry is.'}
      </p>
      <fieldset className="stack stack-s">
        <legend className="field-label">Rubric</legend>
        <div className="options">
          {([['none', 'No rubric', 'Judge on the task alone.'], ['existing', 'Use a rubric', 'Pick a public rubric or one of yours.'], ['new', 'Build a rubric', 'Weighted criteria, created now.']] as const).map(([v, title, desc]) => (
            <label key={v} className="option" htmlFor={`rubric-mode-${v}`}>
              <input type="radio" id={`rubric-mode-${v}`} name="rubric-mode" checked={form.rubricMode === v} disabled={v === 'none' && required}
                onChange={() => set({ rubricMode: v })} />
              <span><span className="option-title">{title}</span><span className="option-desc">{desc}{v === 'none' && required && <span className="option-reason">Rubric score needs a rubric</span>}</span></span>
            </label>
          ))}
        </div>
      </fieldset>
      {errors.rubric && <p className="error-text" role="alert">{errors.rubric}</p>}

      {form.rubricMode === 'existing' && (
        rubricsLoading ? <Spinner label="Loading rubrics" /> : !rubrics.length ? (
          <Alert kind="info">There are no rubrics you can use yet. Build one instead.</Alert>
        ) : (
          <div className="stack">
            <Field id="rubric-select" label="Rubric">
              {(p) => (
                <select {...p} className="select" value={form.rubricId ?? ''} onChange={(e) => set({ rubricId: e.target.value || null })}>
                  <option value="">Choose a rubric</option>
                  {rubrics.map((r) => <option key={r.id} value={r.id}>{r.title}{r.is_mine ? ' (yours)' : ''}</option>)}
                </select>
              )}
            </Field>
            {chosen && <WeightBars criteria={chosen.criteria.map((c) => ({ key: c.id, title: c.title, weight: Number(c.weight) }))} />}
          </div>
        )
      )}

      {form.rubricMode === 'new' && (
        <div className="stack rubric-builder">
          <Field id="rubric-title" label="Rubric name" error={errors.rubricTitle}>
            {(p) => <input {...p} className="input" maxLength={200} value={form.rubricTitle} onChange={(e) => set({ rubricTitle: e.target.value })} />}
          </Field>
          <fieldset className="stack stack-s">
            <legend className="field-label">Criteria and weights</legend>
            <div className="criterion-row criterion-head subtle" aria-hidden="true"><span>Criterion</span><span>Weight</span><span>Share</span><span /></div>
            <ol className="criteria-list stack stack-s" role="list">
              {form.criteria.map((c, i) => (
                <li key={c.key} className="criterion-row">
                  <div className="field">
                    <label htmlFor={`criterion-${c.key}`} className="sr-only">Criterion {i + 1}</label>
                    <input id={`criterion-${c.key}`} className="input" placeholder={`Criterion ${i + 1}`} maxLength={200} value={c.title}
                      onChange={(e) => setCriterion(c.key, { title: e.target.value })} />
                  </div>
                  <div className="field criterion-weight">
                    <label htmlFor={`weight-${c.key}`} className="sr-only">Weight of criterion {i + 1}</label>
                    <input id={`weight-${c.key}`} className="input" type="number" min="0.1" max="1000" step="0.5" inputMode="decimal" value={c.weight}
                      aria-invalid={errors[`weight-${c.key}`] ? true : undefined} aria-describedby={errors[`weight-${c.key}`] ? `weight-${c.key}-error` : undefined}
                      onChange={(e) => setCriterion(c.key, { weight: e.target.value })} />
                  </div>
                  <span className="criterion-share subtle" aria-label={`Share of criterion ${i + 1}`}>{total && c.title.trim() ? `${Math.round((Number(c.weight) / total) * 100)}%` : '—'}</span>
                  <button type="button" className="btn btn-ghost btn-s" onClick={() => set({ criteria: form.criteria.filter((x) => x.key !== c.key) })}
                    disabled={form.criteria.length <= 1} aria-label={`Remove criterion ${i + 1}`}>Remove</button>
                  {errors[`weight-${c.key}`] && <p className="error-text criterion-error" id={`weight-${c.key}-error`}>{errors[`weight-${c.key}`]}</p>}
                </li>
              ))}
            </ol>
            {errors.criteria && <p className="error-text">{errors.criteria}</p>}
            <div><button type="button" className="btn btn-s" onClick={() => set({ criteria: [...form.criteria, newCriterion()] })} disabled={form.criteria.length >= 50}>Add criterion</button></div>
          </fieldset>
          <WeightBars criteria={form.criteria.filter((c) => c.title.trim()).map((c) => ({ key: c.key, title: c.title, weight: Number(c.weight) || 0 }))} />
          <p className="subtle">The rubric is created when you continue, and it freezes with the battle's rules when you publish.</p>
        </div>
      )}
    </div>
  );
}

function WeightBars({ criteria }: { criteria: Array<{ key: string; title: string; weight: number }> }) {
  const total = criteria.reduce((s, c) => s + Math.max(0, c.weight), 0);
  if (!criteria.length || !total) return null;
  return (
    <div className="weight-bars" aria-label="How the weights split">
      {criteria.map((c) => (
        <div key={c.key} className="weight-bar" style={{ flexGrow: Math.max(0, c.weight) }} title={`${c.title}: ${Math.round((c.weight / total) * 100)}%`}>
          <span>{c.title} · {Math.round((c.weight / total) * 100)}%</span>
        </div>
      ))}
    </div>
  );
}
