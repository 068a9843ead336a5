// Step 2: the task in markdown with a live preview, and the format entries take.
import { Markdown } from '../markdown/markdown.tsx';
import type { ContentType } from '../api/battles.ts';
import { CONTENT_TYPE_LABELS } from '../battles/labels.ts';
import { Field } from '../ui/field.tsx';
import { Alert } from '../ui/states.tsx';
import type { DraftForm, Errors } from './draft-form.ts';

const CONTENT_TYPES: ContentType[] = ['text', 'markdown', 'code', 'link'];

export function StepTask({ form, set, errors }: { form: DraftForm; set: (patch: Partial<DraftForm>) => void; errors: Errors }) {
  return (
    <div className="stack stack-l">
      {form.taskSource !== 'challenge' && (
        <Alert kind="info" title={form.taskSource === 'lens' ? 'Lens selection is coming soon' : 'Workflow selection is coming soon'}>
          {form.taskSource === 'lens'
            ? 'Picking a published lens and filling its [[param]] fields needs the lens catalogue, which this server does not offer yet. Write the task below; it is what contenders see.'
            : 'Picking a workflow needs the workflow catalogue, which this server does not offer yet. Describe the task below.'}
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
