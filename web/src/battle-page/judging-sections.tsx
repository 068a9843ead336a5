// Judge verdicts, rubric scorecards and rating changes of a finished battle. Their endpoints come with
// the judging and ratings work; until a server has them each section says so instead of failing.
import type { Battle, Contender } from '../api/battles.ts';
import { ratingsApi } from '../api/ratings.ts';
import { NotAvailable } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id} data-testid={id}>
      <h3 id={id} className="panel-title">{title}</h3>
      {children}
    </section>
  );
}

const Loading = () => <div className="skeleton" style={{ height: '4rem' }} aria-hidden="true" />;

export function JudgingSections({ battle, names }: { battle: Battle; names: Map<string, Contender> }) {
  const judged = battle.judging_mode === 'ai_judge' || battle.judging_mode === 'rubric_score';
  const scored = battle.judging_mode === 'rubric_score' || !!battle.rubric_id;
  const verdicts = useResource(judged ? (s) => ratingsApi.verdicts(battle.id, s) : null, [battle.id, judged], { optional: true });
  const scorecards = useResource(scored ? (s) => ratingsApi.scorecards(battle.id, s) : null, [battle.id, scored], { optional: true });
  const changes = useResource((s) => ratingsApi.ratingChanges(battle.id, s), [battle.id], { optional: true });
  const nameOf = (id: string | null) => (id ? names.get(id)?.display_name ?? 'Unknown contender' : 'Draw');

  return (
    <div className="judging-grid">
      {judged && (
        <Section id="verdicts-heading" title="Judge verdicts">
          {verdicts.loading ? <Loading /> : verdicts.unavailable || verdicts.error ? (
            <NotAvailable compact title="Not available yet">AI judge verdicts appear here once this server runs judges.</NotAvailable>
          ) : !verdicts.data?.length ? <p className="muted">No verdicts were recorded.</p> : (
            <ul role="list" className="stack stack-s">
              {verdicts.data.map((v) => (
                <li key={v.id} className="verdict">
                  <p><strong>{v.judge.display_name}</strong>: {v.is_draw ? 'draw' : `${nameOf(v.winner_contender_id)} wins`}{v.order_swapped ? ' (order swapped)' : ''}</p>
                  {v.explanation && <p className="muted">{v.explanation}</p>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      {scored && (
        <Section id="scorecards-heading" title="Scorecards">
          {scorecards.loading ? <Loading /> : scorecards.unavailable || scorecards.error ? (
            <NotAvailable compact title="Not available yet">Rubric scorecards appear here once this server scores rubrics.</NotAvailable>
          ) : !scorecards.data?.length ? <p className="muted">No scorecards were recorded.</p> : (
            <div className="table-wrap">
              <table className="table">
                <thead><tr><th scope="col">Contender</th><th scope="col">Criterion</th><th scope="col" className="num">Weight</th><th scope="col">Result</th></tr></thead>
                <tbody>
                  {scorecards.data.map((s, i) => (
                    <tr key={i}><td>{nameOf(s.contender_id)}</td><td>{s.criterion_title}</td><td className="num">{s.weight}</td><td>{s.result}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
      <Section id="rating-changes-heading" title="Rating changes">
        {changes.loading ? <Loading /> : changes.unavailable || changes.error ? (
          <NotAvailable compact title="Not available yet">Rating changes appear here once this server computes ratings.</NotAvailable>
        ) : !changes.data?.length ? <p className="muted">This battle changed no ratings.</p> : (
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th scope="col">Who</th><th scope="col" className="num">Before</th><th scope="col" className="num">After</th><th scope="col" className="num">Change</th></tr></thead>
              <tbody>
                {changes.data.map((c, i) => (
                  <tr key={i}>
                    <td>{c.display_name}</td>
                    <td className="num">{Math.round(c.rating_before)}</td>
                    <td className="num">{Math.round(c.rating_after)}</td>
                    <td className={`num delta ${c.delta >= 0 ? 'delta-up' : 'delta-down'}`}>{c.delta >= 0 ? '+' : '−'}{Math.abs(Math.round(c.delta))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
