// The wizard's steps as an ordered list; steps already reached can be revisited.
import { CheckIcon } from '../ui/icons.tsx';
import { STEPS } from './draft-form.ts';

export function Stepper({ current, reached, onGo }: { current: number; reached: number; onGo: (i: number) => void }) {
  return (
    <nav aria-label="Steps" className="stepper">
      <ol role="list">
        {STEPS.map((s, i) => {
          const state = i === current ? 'current' : i < reached || i < current ? 'done' : 'todo';
          const canGo = i <= reached && i !== current;
          return (
            <li key={s.key} className={`step step-${state}`}>
              <button type="button" className="step-button" onClick={() => onGo(i)} disabled={!canGo} aria-current={i === current ? 'step' : undefined}>
                <span className="step-num" aria-hidden="true">{state === 'done' ? <CheckIcon width={14} height={14} /> : i + 1}</span>
                <span className="step-title">{s.title}</span>
                {state === 'done' && <span className="sr-only"> (done)</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
