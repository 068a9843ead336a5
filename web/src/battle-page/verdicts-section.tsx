// The AI judge's verdicts of a finished battle: each pair of entries judged twice, the second time
// in swapped order, with the judge's reasons for both runs and the outcome they combine to (a
// winner only when both runs agree: position bias cancels out).
import type { Contender } from '../api/battles.ts';
import type { PairVerdict, VerdictRun } from '../api/judging.ts';

function RunLine({ run, nameOf }: { run: VerdictRun; nameOf: (id: string | null) => string }) {
  return (
    <div className="verdict-run">
      <dt>{run.order === 'first' ? 'In slot order' : 'Swapped order'} <span className="subtle">({nameOf(run.shown_first_contender_id)} shown first)</span></dt>
      <dd>
        <strong>{run.is_draw ? 'Draw' : `${nameOf(run.winner_contender_id)} wins`}</strong>
        {run.explanation && <> · <span className="muted">{run.explanation}</span></>}
      </dd>
    </div>
  );
}

export function VerdictList({ verdicts, names }: { verdicts: PairVerdict[]; names: Map<string, Contender> }) {
  const nameOf = (id: string | null) => (id ? names.get(id)?.display_name ?? 'Unknown contender' : 'Nobody');
  return (
    <ul role="list" className="stack stack-s" data-testid="verdicts">
      {verdicts.map((v) => (
        <li key={v.id} className="verdict stack stack-s" data-testid="verdict">
          <p>
            <strong>{nameOf(v.contender_a)} vs {nameOf(v.contender_b)}</strong>:{' '}
            {v.is_draw ? 'a draw' : `${nameOf(v.winner_contender_id)} wins`}
            {' '}<span className="chip">{v.agreed ? 'both orders agree' : 'the two orders disagreed'}</span>
          </p>
          <dl className="verdict-runs">
            {v.runs.map((r) => <RunLine key={r.order} run={r} nameOf={nameOf} />)}
          </dl>
          <p className="subtle">Judge: {v.judge.display_name}</p>
        </li>
      ))}
    </ul>
  );
}
