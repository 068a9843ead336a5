// Step 2: the task in markdown with a live preview, the format entries take, and for lens battles
// the lens every AI contender runs with (lens-picker.tsx).
import { Markdown } from '../markdown/markdown.tsx';
import type { ContentType } from '../api/battles.ts';
import type { LensSummary } from '../api/lenses.ts';
import { CONTENT_TYPE_LABELS } from '../battles/labels.ts';
import { Field } from '../ui/field.tsx';
import { Alert } from '../ui/states.tsx';
import type { DraftForm, Errors } from './draft-form.ts';
import type { DraftPart } from './draft-part.tsx';
import { LensPicker } from './lens-picker.tsx';

const CONTENT_TYPES: ContentType[] = ['text', 'markdown', 'code', 'link'];

export function StepTask({ form, set, errors, lenses, savedLens }: {
  form: DraftForm;
  set: (patch: Partial<DraftForm>) => void;
  errors: Errors;
  lenses: { data: LensSummary[] | undefined; loading: boolean; error: string | null; reload: () => Promise<void> };
  savedLens: DraftPart;
}) {
  return (
    <div className="stack stack-l">
      {form.taskSource === 'lens' && (
        <LensPicker form={form} set={set} errors={errors} lenses={lenses.data} loading={lenses.loading} loadError={lenses.error} savedLens={savedLens}
          onCreated={() => lenses.reload()} />
      )}
      {form.taskSource === 'workflow' && (
        <Alert kind="info" title="Workflow selection is coming soon">
          Picking a workflow needs the workflow catalogue, which this server does not offer yet. Describe the task below.
        </Alert>
      )}
      <Field id="content-type" label="Entries are" hint="How contenders submit and how entries are shown to voters.">
        {(p) => (
          <select {...p} className="select" value={form.contentType} onChange={(e) => set({ contentType: e.target.value as ContentType })}>
            {CONTENT_TYPES.map((t) => <option key={t} value={t}>{CONTENT_TYPE_LABELS[t]}</option>)}
          </select>
        )}
      </Field>
      <div className="editor-split">
        <Field id="task-prompt" label="Task" error={errors.taskPrompt} hint="Markdown: **bold**, lists, links, and ```code fences``` with a language.">
          {(p) => <textarea {...p} className="textarea mono task-editor" rows={14} maxLength={50_000} value={form.taskPrompt}
            onChange={(e) => set({ taskPrompt: e.target.value })} />}
        </Field>
        <section className="preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading" className="field-label">Preview</h3>
          <div className="preview-box" data-testid="task-preview">
            {form.taskPrompt.trim() ? <Markdown source={form.taskPrompt} /> : <p className="muted">The rendered task appears here as you type.</p>}
          </div>
        </section>
      </div>
    </div>
  );
}
