// Create a lens without leaving the wizard: a name, a template with [[param]] tokens (found with the
// renderer's own extractParams), and for each token whether it is required and its default.
// POST /api/lenses creates it with its first version published.
import { useState, type FormEvent } from 'react';
import { extractParams, type LensParam } from '../../../src/core/lens-render.ts';
import { errorMessage } from '../api/client.ts';
import { lensesApi } from '../api/lenses.ts';
import { Field } from '../ui/field.tsx';
import { slugFor } from './draft-form.ts';

type ParamDraft = { required: boolean; default: string };

export function LensCreate({ onCreated }: { onCreated: (lensId: string) => Promise<void> | void }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const [drafts, setDrafts] = useState<Record<string, ParamDraft>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labels = extractParams(body);
  const draftOf = (label: string): ParamDraft => drafts[label] ?? { required: true, default: '' };
  const setDraft = (label: string, patch: Partial<ParamDraft>) => setDrafts((d) => ({ ...d, [label]: { ...draftOf(label), ...patch } }));

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!title.trim() || !body.trim()) {
      setError('Give the lens a name and a template.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const params: LensParam[] = labels.map((label) => {
        const d = draftOf(label);
        return { label, required: d.required, ...(d.default.trim() ? { default: d.default } : {}) };
      });
      const made = await lensesApi.create({ slug: slugFor(title), title: title.trim(), template_body: body, params, is_public: isPublic });
      await onCreated(made.lens_id);
      setTitle('');
      setBody('');
      setDrafts({});
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="lens-create" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Create a lens</summary>
      <form className="stack" onSubmit={(e) => void create(e)} noValidate>
        <Field id="new-lens-title" label="Lens name">
          {(p) => <input {...p} className="input" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="new-lens-template" label="Template" hint="Write [[name]] where a value goes, e.g. “Answer as a [[role]] would.” Write \[[ for literal brackets.">
          {(p) => <textarea {...p} className="textarea mono" rows={5} maxLength={50_000} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        {labels.length > 0 && (
          <fieldset className="stack stack-s">
            <legend className="field-label">Parameters found in the template</legend>
            <ul role="list" className="stack stack-s">
              {labels.map((label) => (
                <li key={label} className="lens-param-row">
                  <code>{label}</code>
                  <label className="check" htmlFor={`new-lens-req-${label}`}>
                    <input type="checkbox" id={`new-lens-req-${label}`} checked={draftOf(label).required}
                      onChange={(e) => setDraft(label, { required: e.target.checked })} /> Required
                  </label>
                  <label className="sr-only" htmlFor={`new-lens-default-${label}`}>Default for {label}</label>
                  <input id={`new-lens-default-${label}`} className="input" placeholder="Default (optional)" value={draftOf(label).default}
                    onChange={(e) => setDraft(label, { default: e.target.value })} />
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <label className="check" htmlFor="new-lens-public">
          <input type="checkbox" id="new-lens-public" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} /> Anyone may use this lens
        </label>
        {error && <p className="error-text" role="alert">{error}</p>}
        <div><button type="submit" className="btn" disabled={busy}>{busy ? 'Creating…' : 'Create lens'}</button></div>
      </form>
    </details>
  );
}
