// A labelled form field: the label, an optional hint and an error, wired to the control with
// htmlFor / aria-describedby / aria-invalid so screen readers announce all three.
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function Field({ id, label, hint, error, optional, children }: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="subtle"> (optional)</span>}
      </label>
      {children({ id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="error-text" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

/** Field errors from an API error's details ({path, message}), keyed by field name. */
export function fieldErrors(details: Array<{ path: string; message: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details ?? []) if (d.path && !out[d.path]) out[d.path] = d.message;
  return out;
}
