// Rubric scorecards of a finished battle, one table per contender in ranking order: each criterion
// with its weight, the result and the scorer's explanation. Cards an AI judge gave while comparing a
// pair are marked as such (they explain the verdict; only rubric cards make a rubric score).
import type { ScorecardResult } from '../../../src/core/scoring.ts';
import type { Contender } from '../api/battles.ts';
import type { Scorecard } from '../api/judging.ts';

const RESULT_LABELS: Record<ScorecardResult, string> = { pass: 'Pass', partial: 'Partial', fail: 'Fail', skipped: 'Skipped' };

export function ScorecardTables({ cards, names, order, scores }: {
  cards: Scorecard[];
  names: Map<string, Contender>;
  /** Contender ids in the order to show them (ranking). */
  order: string[];
  scores: Map<string, number>;
}) {
  const byContender = new Map<string, Scorecard[]>();
  for (const c of cards) byContender.set(c.contender_id, [...(byContender.get(c.contender_id) ?? []), c]);
  const ids = [...order.filter((id) => byContender.has(id)), ...[...byContender.keys()].filter((id) => !order.includes(id))];
  const severalScorers = new Set(cards.map((c) => c.scorer.id)).size > 1;
  return (
    <div className="stack">
      {ids.map((id) => {
        const name = names.get(id)?.display_name ?? 'Unknown contender';
        const headingId = `scorecard-${id}`;
        return (
          <section key={id} aria-labelledby={headingId} data-testid="scorecard">
            <h4 id={headingId} className="scorecard-title">{name}{scores.has(id) && <span className="subtle"> · score {scores.get(id)}</span>}</h4>
            <div className="table-wrap">
              <table className="table scorecard-table">
                <thead>
                  <tr><th scope="col">Criterion</th><th scope="col" className="num">Weight</th><th scope="col">Result</th><th scope="col">Why</th>{severalScorers && <th scope="col">Scored by</th>}</tr>
                </thead>
                <tbody>
                  {byContender.get(id)!.map((c) => (
                    <tr key={c.id}>
                      <td>{c.criterion_title ?? '–'}{c.kind === 'pairwise' && <span className="chip scorecard-kind">pair verdict</span>}</td>
                      <td className="num">{c.weight === null ? '–' : `×${c.weight}`}</td>
                      <td><span className={`result-pill result-${c.result}`}>{RESULT_LABELS[c.result]}</span></td>
                      <td className="scorecard-why">{c.explanation ?? <span className="subtle">No explanation given</span>}</td>
                      {severalScorers && <td>{c.scorer.display_name}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
