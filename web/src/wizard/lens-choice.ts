// The lens of a lens battle as the wizard holds it: which lens and version (or the latest), the
// parameter values, what is still missing (the renderer's own rule, src/core/lens-render.ts, so the
// wizard refuses exactly what a run would), and the snapshot that is saved.
import { renderLensWithSnapshot, type LensParam } from '../../../src/core/lens-render.ts';
import type { BattleLens, LensSummary, LensValues, LensVersionSummary } from '../api/lenses.ts';
import type { DraftForm, Errors } from './draft-form.ts';

/** The version the battle would run now: the pinned one, or the newest published. */
export function chosenVersion(f: Pick<DraftForm, 'lensId' | 'lensVersionId'>, lenses: LensSummary[]): LensVersionSummary | undefined {
  const lens = lenses.find((l) => l.id === f.lensId);
  if (!lens) return undefined;
  return f.lensVersionId ? lens.versions.find((v) => v.id === f.lensVersionId) : lens.versions[0];
}

/** The values of the declared parameters that are filled in; blank ones are left out (defaults apply). */
export function lensSnapshot(values: LensValues, params: LensParam[]): LensValues {
  const out: LensValues = {};
  for (const p of params) {
    const v = values[p.label];
    if (v !== undefined && v.trim() !== '') out[p.label] = v;
  }
  return out;
}

/** The saved values as the review lists them ("audience: kids, tone: dry"); '' when none is given. */
export function lensValuesText(values: LensValues, params: LensParam[]): string {
  // Through lensSnapshot: values typed for another lens or version stay in the form but are not saved.
  return Object.entries(lensSnapshot(values, params)).map(([k, v]) => `${k}: ${v}`).join(', ');
}

/** Why the task step of a lens battle cannot be saved yet (none: it can). */
export function lensErrors(f: DraftForm, lenses: LensSummary[] | undefined): Errors {
  if (f.taskSource !== 'lens') return {};
  if (!lenses) return { lens: 'The lenses are still loading; try again in a moment.' };
  if (!f.lensId) return { lens: 'Pick the lens the AI contenders run with.' };
  const version = chosenVersion(f, lenses);
  if (!version) return { lens: 'That lens or version is not available to you; pick another.' };
  const check = renderLensWithSnapshot('', lensSnapshot(f.lensValues, version.params), version.params);
  if (check.ok) return {};
  const e: Errors = { lens: check.message };
  for (const label of check.missing) e[`lens-param-${label}`] = `${label} is required.`;
  return e;
}

/** The form fields of a saved battle lens (GET /api/battles/:id/lens). */
export function fromBattleLens(b: BattleLens): Pick<DraftForm, 'lensId' | 'lensVersionId' | 'lensValues'> {
  if (!b.lens) return { lensId: '', lensVersionId: '', lensValues: {} };
  const values: LensValues = {};
  for (const [k, v] of Object.entries(b.lens.input_snapshot)) values[k] = v === null ? '' : String(v);
  return { lensId: b.lens.lens_id, lensVersionId: b.lens.version_id ?? '', lensValues: values };
}
