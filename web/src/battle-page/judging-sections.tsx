// Judge verdicts, rubric scorecards and rating changes of a finished battle. A server without one of
// their endpoints (404) gets "not available yet" in that section instead of a failure.
import type { Battle, Contender } from '../api/battles.ts';
import { judgingApi } from '../api/judging.ts';
import { lensersApi } from '../api/lensers.ts';
import { ratingsApi } from '../api/ratings.ts';
import { NotAvailable } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ScorecardTables } from './scorecards-section.tsx';
import { VerdictList } from './verdicts-section.tsx';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id} data-testid={id}>
      <h3 id={id} className="panel-title">{title}</h3>
      {children}
    </section>
  );
}

interface RatingChange {
  contender: Contender;
  before: number;
  after: number;
  delta: number;
  reversed: boolean;
}

/**
 * What this battle did to each contender's ELO, read from their change logs (GET
 * /api/ratings/lenser/:id/history): a human is rated as their profile, an AI contender as its persona.
 */
async function ratingChanges(battle: Battle, signal: AbortSignal): Promise<RatingChange[]> {
  const needsAi = battle.contenders.some((c) => !c.profile_id && c.ai_lenser_id);
  const ai = needsAi ? await lensersApi.aiLensers(signal) : [];
  const rows = await Promise.all(battle.contenders.map(async (c) => {
    const entityId = c.profile_id ?? ai.find((a) => a.id === c.ai_lenser_id)?.profile_id;
    if (!entityId) return null;
    const h = await ratingsApi.history('lenser', entityId, signal);
    const mine = h.history.filter((r) => r.battle_id === battle.id);
    const row = mine.find((r) => r.reason === 'battle');
    return row ? { contender: c, before: row.rating_before, after: row.rating_after, delta: row.delta, reversed: mine.some((r) => r.reason === 'reversal') } : null;
  }));
  return rows.filter((r): r is RatingChange => r !== null);
}

const Loading = () => <div className="skeleton" style={{ height: '4rem' }} aria-hidden="true" />;

export function JudgingSections({ battle, names, order, scores }: {
  battle: Battle;
  names: Map<string, Contender>;
  /** Contender ids in ranking order. */
  order: string[];
  /** Each contender's score under the judging mode (finalize summary). */
  scores: Map<string, number>;
}) {
  const judged = battle.judging_mode === 'ai_judge';
  const scored = battle.judging_mode === 'rubric_score' || !!battle.rubric_id;
  const verdicts = useResource(judged ? (s) => judgingApi.verdicts(battle.id, s) : null, [battle.id, judged], { optional: true });
  const scorecards = useResource(scored ? (s) => judgingApi.scorecards(battle.id, s) : null, [battle.id, scored], { optional: true });
  const changes = useResource((s) => ratingChanges(battle, s), [battle.id, battle.contenders.length], { optional: true });

  return (
    <>
      <div className="judging-grid">
        {judged && (
          <Section id="verdicts-heading" title="Judge verdicts">
            {verdicts.loading ? <Loading /> : verdicts.unavailable || verdicts.error ? (
              <NotAvailable compact title="Not available yet">AI judge verdicts appear here once this server runs judges.</NotAvailable>
            ) : !verdicts.data?.length ? <p className="muted">No verdicts were recorded.</p> : <VerdictList verdicts={verdicts.data} names={names} />}
          </Section>
        )}
        <Section id="rating-changes-heading" title="Rating changes">
          {changes.loading ? <Loading /> : changes.unavailable || changes.error ? (
            <NotAvailable compact title="Not available yet">Rating changes appear here once this server computes ratings.</NotAvailable>
          ) : !changes.data?.length ? <p className="muted">This battle changed no ratings.</p> : (
            <div className="table-wrap">
              <table className="table">
                <thead><tr><th scope="col">Contender</th><th scope="col" className="num">ELO before</th><th scope="col" className="num">After</th><th scope="col" className="num">Change</th></tr></thead>
                <tbody>
                  {changes.data.map((c) => (
                    <tr key={c.contender.id}>
                      <td>{c.contender.display_name}{c.reversed && <span className="chip" style={{ marginLeft: 'var(--space-2)' }}>reversed</span>}</td>
                      <td className="num">{Math.round(c.before)}</td>
                      <td className="num">{Math.round(c.after)}</td>
                      <td className={`num delta ${c.delta >= 0 ? 'delta-up' : 'delta-down'}`}>{c.delta >= 0 ? '+' : '−'}{Math.abs(c.delta).toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      </div>
      {scored && (
        <Section id="scorecards-heading" title="Scorecards">
          {scorecards.loading ? <Loading /> : scorecards.unavailable || scorecards.error ? (
            <NotAvailable compact title="Not available yet">Rubric scorecards appear here once this server scores rubrics.</NotAvailable>
          ) : !scorecards.data?.length ? <p className="muted">No scorecards were recorded.</p> : (
            <ScorecardTables cards={scorecards.data} names={names} order={order} scores={scores} />
          )}
        </Section>
      )}
    </>
  );
}
