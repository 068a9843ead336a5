// The three axes as radio cards. An option that would make an invalid combination with the other two
// current choices is disabled and says why; the rules come from src/core/axes.ts, the same table the
// database enforces.
import {
  AUTO_SCORED_CHALLENGES, checkAxes, CONTENDER_STRUCTURES, JUDGING_MODES, TASK_SOURCES,
  type Axes, type AxesErrorCode,
} from '../../../src/core/axes.ts';
import { CHALLENGE_TYPE_LABELS, JUDGING_LABELS, STRUCTURE_LABELS, TASK_SOURCE_LABELS } from '../battles/labels.ts';
import { Field } from '../ui/field.tsx';

const WHY_NOT: Partial<Record<AxesErrorCode, string>> = {
  auto_score_needs_challenge: 'Auto score works only for challenges',
  lens_needs_ai_contender: 'A lens battle needs an AI side',
  workflow_needs_ai_vs_ai: 'Workflows are AI vs AI only',
};

type AxisKey = keyof Axes;

function reasonIfInvalid(axes: Axes): string | null {
  // The challenge type is chosen after the axes, so it does not disable anything here.
  const r = checkAxes({ ...axes, challengeType: AUTO_SCORED_CHALLENGES[0] });
  return r.ok ? null : WHY_NOT[r.code] ?? r.message;
}

function AxisGroup<V extends string>({ axis, legend, values, labels, axes, onChange }: {
  axis: AxisKey;
  legend: string;
  values: readonly V[];
  labels: Record<V, { label: string; desc: string }>;
  axes: Axes;
  onChange: (next: Axes) => void;
}) {
  return (
    <fieldset className="stack stack-s">
      <legend className="field-label axis-legend">{legend}</legend>
      <div className="options">
        {values.map((v) => {
          const candidate = { ...axes, [axis]: v } as Axes;
          const reason = axes[axis] === v ? null : reasonIfInvalid(candidate);
          const id = `axis-${axis}-${v}`;
          return (
            <label key={v} className="option" htmlFor={id}>
              <input type="radio" id={id} name={`axis-${axis}`} value={v} checked={axes[axis] === v} disabled={!!reason}
                onChange={() => onChange(candidate)} aria-describedby={`${id}-desc`} />
              <span>
                <span className="option-title">{labels[v].label}</span>
                <span className="option-desc" id={`${id}-desc`}>{labels[v].desc}{reason && <span className="option-reason">{reason}</span>}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function AxesPicker({ axes, challengeType, onChange, onChallengeType, error, challengeError }: {
  axes: Axes;
  challengeType: string;
  onChange: (next: Axes) => void;
  onChallengeType: (v: string) => void;
  error?: string;
  challengeError?: string;
}) {
  const check = checkAxes({ ...axes, challengeType: challengeType || null });
  return (
    <div className="stack">
      <AxisGroup axis="taskSource" legend="What is the battle about?" values={TASK_SOURCES} labels={TASK_SOURCE_LABELS} axes={axes} onChange={onChange} />
      <AxisGroup axis="contenderStructure" legend="Who competes?" values={CONTENDER_STRUCTURES} labels={STRUCTURE_LABELS} axes={axes} onChange={onChange} />
      <AxisGroup axis="judgingMode" legend="How is the winner decided?" values={JUDGING_MODES} labels={JUDGING_LABELS} axes={axes} onChange={onChange} />
      {axes.judgingMode === 'auto_score' && (
        <Field id="challenge-type" label="Challenge type" hint="Auto score needs a challenge the system can check." error={challengeError}>
          {(p) => (
            <select {...p} className="select" value={challengeType} onChange={(e) => onChallengeType(e.target.value)}>
              <option value="">Choose a challenge type</option>
              {AUTO_SCORED_CHALLENGES.map((c) => <option key={c} value={c}>{CHALLENGE_TYPE_LABELS[c] ?? c}</option>)}
            </select>
          )}
        </Field>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      {check.ok && <p className="subtle">Battle type: <code>{check.battleType}</code></p>}
    </div>
  );
}
