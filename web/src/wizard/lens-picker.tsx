// The lens of a lens battle: pick a lens you may use and a version (or always the latest), fill its
// [[param]] fields, and see the rendered lens with the renderer the server runs (src/core/lens-render.ts).
// Saved with the task step as the battle's lens (POST /api/battles/:id/lens), which every AI contender runs.
import { renderLensWithSnapshot } from '../../../src/core/lens-render.ts';
import { lensesApi, type LensSummary } from '../api/lenses.ts';
import { Field } from '../ui/field.tsx';
import { Alert, Spinner } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import type { DraftForm, Errors } from './draft-form.ts';
import { DraftPartWait, type DraftPart } from './draft-part.tsx';
import { chosenVersion, lensErrors, lensSnapshot } from './lens-choice.ts';
import { LensCreate } from './lens-create.tsx';

export function LensPicker({ form, set, errors: saved, lenses, loading, loadError, savedLens, onCreated }: {
  form: DraftForm;
  set: (patch: Partial<DraftForm>) => void;
  errors: Errors;
  lenses: LensSummary[] | undefined;
  loading: boolean;
  loadError: string | null;
  /** The draft's saved lens (GET /api/battles/:id/lens): nothing is picked or created before it is in. */
  savedLens: DraftPart;
  onCreated: (lensId: string) => Promise<void> | void;
}) {
  // Once a save was refused, the lens messages follow the fields as they are filled in.
  const errors = Object.keys(saved).some((k) => k.startsWith('lens')) ? lensErrors(form, lenses) : {};
  const lens = lenses?.find((l) => l.id === form.lensId);
  const version = lenses ? chosenVersion(form, lenses) : undefined;
  const detail = useResource(form.lensId ? (s) => lensesApi.get(form.lensId, s) : null, [form.lensId]);
  const template = detail.data?.versions.find((v) => v.id === version?.id)?.template_body;
  const preview = template !== undefined && version ? renderLensWithSnapshot(template, lensSnapshot(form.lensValues, version.params), version.params) : null;
  const setValue = (label: string, value: string) => set({ lensValues: { ...form.lensValues, [label]: value } });

  const head = (
    <>
      <h3 id="lens-heading" className="field-label axis-legend">Lens</h3>
      <p className="subtle">The lens is the method every AI contender follows (it becomes their system prompt); the task below is the question they all answer.</p>
    </>
  );
  if (savedLens.state !== 'ready') return <section className="stack" aria-labelledby="lens-heading">{head}<DraftPartWait part={savedLens} /></section>;
  return (
    <section className="stack" aria-labelledby="lens-heading">
      {head}
      {loading ? <Spinner label="Loading lenses" /> : loadError ? <Alert kind="error" role="alert">{loadError}</Alert> : (
        <>
          {!lenses?.length && <Alert kind="info">No lenses you can use exist yet. Create one below.</Alert>}
          {!!lenses?.length && (
            <div className="form-grid">
              <Field id="lens-select" label="Lens" error={errors.lens && !form.lensId ? errors.lens : undefined}>
                {(p) => (
                  <select {...p} className="select" value={form.lensId}
                    onChange={(e) => set({ lensId: e.target.value, lensVersionId: '' })}>
                    <option value="">Choose a lens</option>
                    {lenses.map((l) => <option key={l.id} value={l.id}>{l.title}{l.is_mine ? ' (yours)' : l.owner_handle ? ` by @${l.owner_handle}` : ''}</option>)}
                  </select>
                )}
              </Field>
              {lens && (
                <Field id="lens-version" label="Version" hint="Latest follows new versions until the battle runs; a number pins that one.">
                  {(p) => (
                    <select {...p} className="select" value={form.lensVersionId} onChange={(e) => set({ lensVersionId: e.target.value })}>
                      <option value="">Latest (now version {lens.latest_version})</option>
                      {lens.versions.map((v) => <option key={v.id} value={v.id}>Version {v.version}</option>)}
                    </select>
                  )}
                </Field>
              )}
            </div>
          )}
          {lens?.description && <p className="muted">{lens.description}</p>}
          {version && (
            <fieldset className="stack stack-s">
              <legend className="field-label">Parameters</legend>
              {!version.params.length && <p className="subtle">This version has no parameters.</p>}
              {version.params.map((param) => (
                <Field key={param.label} id={`lens-param-${param.label}`} error={errors[`lens-param-${param.label}`]}
                  label={<><code>{param.label}</code>{param.required && !param.default?.trim() ? <span className="subtle"> (required)</span> : <span className="subtle"> (optional)</span>}</>}
                  hint={[param.description, param.default?.trim() ? `Default: ${param.default}` : null].filter(Boolean).join(' · ') || undefined}>
                  {(p) => <input {...p} className="input" value={form.lensValues[param.label] ?? ''} placeholder={param.default ?? ''}
                    aria-required={param.required && !param.default?.trim() ? true : undefined} onChange={(e) => setValue(param.label, e.target.value)} />}
                </Field>
              ))}
              {errors.lens && form.lensId && <p className="error-text" role="alert">{errors.lens}</p>}
            </fieldset>
          )}
          {version && (
            <section className="preview" aria-labelledby="lens-preview-heading">
              <h4 id="lens-preview-heading" className="field-label">Rendered lens</h4>
              <div className="preview-box preview-lens" data-testid="lens-preview">
                {!preview ? <Spinner label="Loading the template" />
                  : preview.ok ? <pre className="lens-text">{preview.text}</pre>
                  : <p className="muted">{preview.message} The rest renders once it is filled in.</p>}
              </div>
            </section>
          )}
        </>
      )}
      <LensCreate onCreated={async (id) => {
        await onCreated(id);
        set({ lensId: id, lensVersionId: '' });
      }} />
    </section>
  );
}
