// Leaderboards per category: rank, Bradley–Terry rating with its 95% interval, games, record and
// win rate, current ELO, and an ELO history chart for a chosen entry (src/api/routes/leaderboards.ts).
// A server without the ratings API gets a "not available yet" state; a category nobody has computed
// yet gets an empty state.
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { historyPoints, LEADERBOARD_CATEGORIES, ratingsApi, type EntityKind, type Leaderboard, type LeaderboardRow } from '../api/ratings.ts';
import { Field } from '../ui/field.tsx';
import { formatDate, percent, plural } from '../ui/format.ts';
import { EmptyState, ErrorState, NotAvailable, PageLoading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useResource } from '../ui/use-resource.ts';
import { CiBar } from './ci-bar.tsx';
import './leaderboards.css';

const RatingHistoryChart = lazy(() => import('./rating-history-chart.tsx').then((m) => ({ default: m.RatingHistoryChart })));

export function LeaderboardPage() {
  const { category = 'overall' } = useParams();
  const [params, setParams] = useSearchParams();
  const entity: EntityKind = params.get('entity') === 'model' ? 'model' : 'lenser';
  const navigate = useNavigate();
  const info = LEADERBOARD_CATEGORIES.find((c) => c.key === category);
  useDocumentTitle(`Leaderboard: ${info?.label ?? category}`);
  const board = useResource((s) => ratingsApi.leaderboard(category, entity, s), [category, entity], { optional: true });
  const [selected, setSelected] = useState<LeaderboardRow | null>(null);
  const groups = [...new Set(LEADERBOARD_CATEGORIES.map((c) => c.group))];

  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">Ratings</p>
          <h1>Leaderboards</h1>
          <p className="lede">Bradley–Terry ratings fitted over every decided battle, with 95% confidence intervals. A rank only separates entries whose intervals do not overlap.</p>
        </div>
        <div className="leaderboard-controls">
          <Field id="leaderboard-category" label="Category">
            {(p) => (
              <select {...p} className="select" value={category} onChange={(e) => { setSelected(null); void navigate(`/leaderboards/${e.target.value}${entity === 'model' ? '?entity=model' : ''}`); }}>
                {!info && <option value={category}>{category}</option>}
                {groups.map((g) => (
                  <optgroup key={g} label={g}>
                    {LEADERBOARD_CATEGORIES.filter((c) => c.group === g).map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <span className="field-label" id="entity-label">Rated</span>
            <div className="segmented" role="group" aria-labelledby="entity-label">
              {(['lenser', 'model'] as const).map((k) => (
                <button key={k} type="button" className="btn btn-s" aria-pressed={entity === k}
                  onClick={() => { setSelected(null); setParams(k === 'model' ? { entity: 'model' } : {}); }}>{k === 'lenser' ? 'Lensers' : 'Models'}</button>
              ))}
            </div>
          </div>
        </div>
      </div>
      {board.loading ? <PageLoading label="Loading the leaderboard" />
        : board.unavailable ? (
          <NotAvailable title="Leaderboards are not available yet">
            This server does not publish ratings yet. Meanwhile, <Link to="/?status=results">browse the results</Link>.
          </NotAvailable>
        ) : board.error ? <ErrorState error={board.error} onRetry={() => void board.reload()} />
        : !board.data ? <EmptyState title="Not computed yet">This leaderboard is computed after the first decided battles in its category (every few minutes).</EmptyState>
        : !board.data.rows.length ? <EmptyState title="No ratings in this category yet">Ratings appear after the first decided battles.</EmptyState>
        : <Board board={board.data} selected={selected} onSelect={setSelected} />}
    </>
  );
}

function Board({ board, selected, onSelect }: { board: Leaderboard; selected: LeaderboardRow | null; onSelect: (r: LeaderboardRow) => void }) {
  const min = Math.min(...board.rows.map((r) => r.lower));
  const max = Math.max(...board.rows.map((r) => r.upper));
  const method = board.method === 'bradley_terry' ? 'Bradley–Terry' : board.method;
  return (
    <div className="stack stack-l">
      <section className="panel" aria-labelledby="board-heading">
        <div className="spread">
          <h2 id="board-heading" className="panel-title">Ranking</h2>
          <p className="subtle">
            {method} over {plural(board.outcomes_count, 'outcome')} · computed {formatDate(board.computed_at)}
            {board.excluded_votes ? ` · ${plural(board.excluded_votes, 'vote')} excluded` : ''}
          </p>
        </div>
        <div className="table-wrap">
          <table className="table leaderboard" data-testid="leaderboard">
            <thead>
              <tr>
                <th scope="col" className="num">Rank</th><th scope="col">{board.entity_kind === 'model' ? 'Model' : 'Lenser'}</th>
                <th scope="col" className="num">Rating</th><th scope="col" className="ci-col">95% interval</th>
                <th scope="col" className="num">Games</th><th scope="col" className="num">W–L–T</th><th scope="col" className="num">Win rate</th>
                <th scope="col" className="num">ELO</th><th scope="col"><span className="sr-only">History</span></th>
              </tr>
            </thead>
            <tbody>
              {board.rows.map((r) => {
                const name = r.display_name ?? r.handle ?? r.entity_id.slice(0, 8);
                return (
                  <tr key={r.entity_id} aria-selected={selected?.entity_id === r.entity_id || undefined}>
                    <td className="num"><span className={`rank-pill${r.rank === 1 ? ' is-first' : ''}`}>{r.rank}</span></td>
                    <td>{r.handle && board.entity_kind === 'lenser' ? <Link to={`/u/${r.handle}`}>{name}</Link> : name}</td>
                    <td className="num"><strong>{Math.round(r.rating)}</strong> <span className="subtle">±{Math.round((r.upper - r.lower) / 2)}</span></td>
                    <td className="ci-col"><CiBar rating={r.rating} low={r.lower} high={r.upper} min={min} max={max} /></td>
                    <td className="num">{r.games}</td>
                    <td className="num">{r.wins}–{r.losses}–{r.ties}</td>
                    <td className="num">{percent(r.win_rate * 100, 100)}</td>
                    <td className="num">{r.elo === null ? '–' : Math.round(r.elo)}</td>
                    <td><button type="button" className="btn btn-ghost btn-s" onClick={() => onSelect(r)} aria-pressed={selected?.entity_id === r.entity_id}>History<span className="sr-only"> of {name}</span></button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {selected && <History row={selected} kind={board.entity_kind} />}
    </div>
  );
}

function History({ row, kind }: { row: LeaderboardRow; kind: EntityKind }) {
  const name = row.display_name ?? row.handle ?? 'This entry';
  const history = useResource((s) => ratingsApi.history(kind, row.entity_id, s), [kind, row.entity_id], { optional: true });
  return (
    <section className="panel" aria-labelledby="history-heading" data-testid="rating-history">
      <h2 id="history-heading" className="panel-title">ELO history: {name}</h2>
      {history.loading ? <PageLoading label="Loading the history" />
        : history.unavailable ? <NotAvailable compact title="Rating history is not available yet">This server does not serve rating histories yet.</NotAvailable>
        : history.error ? <ErrorState error={history.error} onRetry={() => void history.reload()} />
        : <Suspense fallback={<PageLoading label="Drawing the chart" />}><RatingHistoryChart points={historyPoints(history.data!)} label={name} /></Suspense>}
    </section>
  );
}
