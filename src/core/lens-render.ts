// Renders a lens template by substituting [[param]] tokens from a frozen input snapshot (battles.contender_lens_assignments).
//
// Token syntax (this comment is its definition; the CLI and web wizard collect values for the same labels):
// - `[[label]]`: label is one or more Unicode letters, marks, digits, `_`, `-` or `.`; spaces and tabs
//   just inside the brackets are trimmed, so `[[ topic ]]` is `[[topic]]`. Labels are case-sensitive.
//   Anything else between the brackets (inner spaces, newlines, brackets, nothing) is not a token and
//   stays as written.
// - `\[[` is an escape: it renders a literal `[[` and does not start a token. No other backslash is
//   special (templates often contain code, whose backslashes must survive untouched).
// - Substitution is one left-to-right pass: a value is inserted verbatim and never re-scanned, so a
//   value containing `[[x]]` stays literal — a snapshot cannot inject tokens.
// - `[[[x]]]` renders as `[` + value + `]` (the token is the innermost `[[x]]`); an unclosed `[[x`
//   stays as written.

export interface LensParam {
  label: string;
  required: boolean;
  default?: string;
  description?: string;
}

export interface RenderReport {
  /** Labels of tokens in the template that no parameter declares; left verbatim in the text. */
  unknownTokens: string[];
  /** Snapshot keys that no parameter declares (sorted); their values are not used. */
  extraValues: string[];
  /** Declared parameters rendered from their default because the snapshot had no usable value. */
  defaultsUsed: string[];
}

export type RenderResult =
  | { ok: true; text: string; report: RenderReport }
  | { ok: false; code: 'lens_param_missing'; missing: string[]; message: string };

// Alternation order matters: the escape is matched first so `\[[x]]` is never read as a token.
const TOKEN = /\\\[\[|\[\[[ \t]*([\p{L}\p{M}\p{N}_.-]+)[ \t]*\]\]/gu;

/** Token labels in order of first appearance, without duplicates; escaped `\[[` never counts. */
export function extractParams(templateBody: string): string[] {
  const seen = new Set<string>();
  for (const match of templateBody.matchAll(TOKEN)) {
    if (match[1] !== undefined) seen.add(match[1]);
  }
  return [...seen];
}

/**
 * A snapshot value as text, or null when it counts as absent. Blank strings count as absent
 * because a required parameter filled with nothing visible is still missing.
 */
function valueText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // Objects and arrays (the snapshot is jsonb) are shown as compact JSON.
  // Functions and symbols cannot come from jsonb; String() keeps the type honest if they ever do.
  return JSON.stringify(value) ?? String(value);
}

/**
 * Substitutes every declared token. A declared parameter takes its snapshot value, else its
 * default, else — if optional — the empty string; a required one with neither blocks rendering.
 */
export function renderLensWithSnapshot(
  templateBody: string,
  inputSnapshot: Record<string, unknown>,
  versionParams: LensParam[],
): RenderResult {
  const values = new Map<string, string>();
  const missing: string[] = [];
  const defaultsUsed: string[] = [];
  const declared = new Set<string>();
  for (const param of versionParams) {
    const label = param.label.trim();
    if (declared.has(label)) continue; // a label declared twice: the first declaration wins
    declared.add(label);
    const given = Object.hasOwn(inputSnapshot, label) ? valueText(inputSnapshot[label]) : null;
    if (given !== null) {
      values.set(label, given);
    } else if (param.default !== undefined && param.default.trim() !== '') {
      values.set(label, param.default);
      defaultsUsed.push(label);
    } else if (param.required) {
      missing.push(label);
    } else {
      values.set(label, '');
    }
  }
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'parameter' : 'parameters';
    return {
      ok: false,
      code: 'lens_param_missing',
      missing,
      message: `Missing value for required lens ${noun}: ${missing.join(', ')}.`,
    };
  }

  const unknown = new Set<string>();
  const text = templateBody.replace(TOKEN, (whole: string, label: string | undefined) => {
    if (label === undefined) return '[['; // the escape \[[
    const value = values.get(label);
    if (value === undefined) {
      unknown.add(label);
      return whole;
    }
    return value;
  });

  const extraValues = Object.keys(inputSnapshot)
    .filter((key) => !declared.has(key))
    .sort();
  return { ok: true, text, report: { unknownTokens: [...unknown], extraValues, defaultsUsed } };
}
