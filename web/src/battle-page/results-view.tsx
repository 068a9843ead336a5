// A finished battle: the winner (or a draw), the ranking, the vote split, judging read-outs, and the
// entries with their names.
import { useMemo } from 'react';
import type { Battle } from '../api/battles.ts';
import { JUDGING_LABELS } from '../battles/labels.ts';
import { percent, plural } from '../ui/format.ts';
import { TrophyIcon } from '../ui/icons.tsx';
import { Alert } from '../ui/states.tsx';
import { awaitingPublication } from './battle-refresh.ts';
import { ContenderName, EntryCard, toneFor } from './entry-card.tsx';
import { JudgingSections } from './judging-sections.tsx';
import { PublishResultsNotice } from './results-publication.tsx';
import { VoteSplitChart, type SplitRow } from './vote-split-chart.tsx';

export function ResultsView({ battle, viewer, onChanged }: {
  battle: Battle;
  /** Who is looking: the creator may publish the results; contenders see them before everyone. */
  viewer: 'creator' | 'contender' | 'other';
  onChanged: () => Promise<void> | void;
}) {
  const names = useMemo(() => new Map(battle.contenders.map((c) => [c.id, c])), [battle.contenders]);
  const slotOrder = useMemo(() => [...battle.contenders].sort((a, b) => a.slot.localeCompare(b.slot)), [battle.contenders]);
  const results = battle.results;
  const byContender = new Map(results.map((r) => [r.contender_id, r]));
  const draws = results[0]?.draw_count ?? 0;
  const total = battle.total_vote_count;
  const winner = battle.winner_contender_id ? names.get(battle.winner_contender_id) : undefined;
  const winnerVotes = battle.winner_contender_id ? byContender.get(battle.winner_contender_id)?.raw_vote_count ?? 0 : 0;
  const byVotes = battle.judging_mode === 'community_vote';
  // How the result was computed (fn_rank_and_close): the score of each contender under the judging mode.
  const scores = new Map(((battle.finalize_summary?.scores ?? []) as Array<{ contender_id: string; score: number }>).map((x) => [x.contender_id, Number(x.score)]));
  const mode = JUDGING_LABELS[battle.judging_mode]?.label ?? battle.judging_mode;
  // An operator's correction (reputation.fn_correct_battle_result) replaces winner and ranks; say so and why.
  const correction = battle.finalize_summary?.correction as { reason: string; corrected_at: string } | undefined;

  const split: SplitRow[] = [
    ...slotOrder.map((c, i) => ({ key: c.id, label: c.display_name, votes: byContender.get(c.id)?.raw_vote_count ?? 0, tone: toneFor(i), winner: c.id === battle.winner_contender_id })),
    { key: 'draw', label: 'Draw', votes: draws, tone: 'draw' as const },
  ];
  const ranked = [...results].sort((a, b) => (a.rank_position ?? 99) - (b.rank_position ?? 99));
  const entries = [...battle.entries].sort((a, b) =>
    (byContender.get(a.contender_id)?.rank_position ?? 99) - (byContender.get(b.contender_id)?.rank_position ?? 99));

  if (!results.length) {
    return (
      <section className="panel" aria-labelledby="results-heading">
        <h2 id="results-heading">Results</h2>
        <p className="muted">{battle.cancelled_at ? 'This battle was cancelled before it was decided.' : 'This battle ended without results.'}</p>
      </section>
    );
  }

  return (
    <section className="stack results" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      {awaitingPublication(battle) && <PublishResultsNotice battle={battle} viewer={viewer} onChanged={onChanged} />}
      <div className={`winner-banner${winner ? '' : ' is-draw'}`} data-testid="winner">
        <TrophyIcon className="winner-icon" />
        <div>
          <p className="eyebrow">{winner ? 'Winner' : 'No single winner'}</p>
          <p className="winner-name">{winner ? winner.display_name : 'A draw'}</p>
          <p className="muted">
            {!byVotes ? `Decided by ${mode}${winner && scores.has(winner.id) ? ` · score ${scores.get(winner.id)}` : ''}${winner ? '' : '; first place is shared.'}`
              : winner ? `${plural(winnerVotes, 'vote')} of ${total} (${percent(winnerVotes, total)})` : `${plural(total, 'vote')} cast; first place is shared.`}
            {byVotes && draws > 0 && ` · ${plural(draws, 'draw vote')}`}
          </p>
        </div>
      </div>
      {correction && (
        <div data-testid="result-correction">
          <Alert kind="warning" title="Result corrected by an operator">
            On {new Date(correction.corrected_at).toLocaleDateString()}: {correction.reason}. The winner and ranking
            shown are the corrected ones; ratings were adjusted to match.
          </Alert>
        </div>
      )}
      <div className="results-grid">
        <section className="panel" aria-labelledby="ranking-heading">
          <h3 id="ranking-heading" className="panel-title">Ranking</h3>
          <div className="table-wrap">
            <table className="table" data-testid="ranking">
              <thead><tr><th scope="col">Rank</th><th scope="col">Contender</th>{!byVotes && <th scope="col" className="num">Score</th>}<th scope="col" className="num">Votes</th><th scope="col" className="num">Share</th></tr></thead>
              <tbody>
                {ranked.map((r) => {
                  const c = names.get(r.contender_id);
                  return (
                    <tr key={r.contender_id}>
                      <td><span className={`rank-pill${r.rank_position === 1 ? ' is-first' : ''}`}>{r.rank_position ?? '–'}</span></td>
                      <td>{c ? <span className="cluster"><ContenderName contender={c} />{c.contender_status !== 'active' && c.contender_status !== 'accepted' && <span className="chip">{c.contender_status}</span>}</span> : 'Unknown'}</td>
                      {!byVotes && <td className="num">{scores.get(r.contender_id) ?? '–'}</td>}
                      <td className="num">{r.raw_vote_count}</td>
                      <td className="num">{percent(r.raw_vote_count, total)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
        <section className="panel" aria-labelledby="split-heading">
          {/* The AI judge's verdicts are stored as AI votes (is_ai_vote), so they are in these counts. */}
          <h3 id="split-heading" className="panel-title">{byVotes ? 'Vote split' : battle.judging_mode === 'ai_judge' ? 'Votes, the AI judge\'s included' : 'Community votes'}</h3>
          {byVotes || total > 0 ? <VoteSplitChart rows={split} total={total} />
            : <p className="muted">This battle was decided by {mode}; nobody voted on it.</p>}
        </section>
      </div>
      <JudgingSections battle={battle} names={names} order={ranked.map((r) => r.contender_id)} scores={scores} />
      <section className="stack" aria-labelledby="final-entries-heading">
        <h3 id="final-entries-heading" className="section-title">Entries</h3>
        <div className={`entries-grid count-${Math.min(entries.length, 3)}`}>
          {entries.map((e) => {
            const i = slotOrder.findIndex((c) => c.id === e.contender_id);
            const rank = byContender.get(e.contender_id)?.rank_position;
            return (
              <EntryCard key={e.id} entry={e} letter={rank ? `#${rank}` : '–'} tone={toneFor(i)} contender={names.get(e.contender_id)} revealed
                contentType={battle.content_type} highlight={e.contender_id === battle.winner_contender_id}
                footer={battle.my_vote?.voted_contender_id === e.contender_id ? <span className="your-vote">Your vote</span> : undefined} />
            );
          })}
        </div>
      </section>
    </section>
  );
}
