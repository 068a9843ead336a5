// Leaderboards per category: rank, rating with its confidence interval, games and win rate, and a
// rating history chart for a chosen entry. The ratings API (issue 4) may not be on the server yet;
// then the page says so.
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LEADERBOARD_CATEGORIES, ratingsApi, type LeaderboardRow } from '../api/ratings.ts';
import { formatDate, percent } from '../ui/format.ts';
import { Field } from '../ui/field.tsx';
import { EmptyState, ErrorState, NotAvailable, PageLoading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useResource } from '../ui/use-resource.ts';
import { CiBar } from './ci-bar.tsx';
import './leaderboards.css';

const RatingHistoryChart = lazy(() => import('./rating-history-chart.tsx').then((m) => ({ default: m.RatingHistoryChart })));

export function LeaderboardPage() {
  const { category = 'overall' } = useParams();
  const navigate = useNavigate();
  const info = LEADERBOARD_CATEGORIES.find((c) => c.key === category);
  useDocumentTitle(`Leaderboard: ${info?.label ?? category}`);
  const board = useResource((s) => ratingsApi.leaderboard(category, s), [category], { optional: true });
  const [selected, setSelected] = useState<LeaderboardRow | null>(null);
  const groups = [...new Set(LEADERBOARD_CATEGORIES.map((c) => c.group))];

  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">Ratings</p>
          <h1>Leaderboards</h1>
          <p className="lede">Bradley–Terry ratings from every decided battle, with 95% confidence intervals. Ranks only separate lensers whose intervals do not overlap.</p>
        </div>
        <Field id="leaderboard-category" label="Category">
          {(p) => (
            <select {...p} className="select" value={category} onChange={(e) => { setSelected(null); navigate(`/leaderboards/${e.target.value}`); }}>
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {LEADERBOARD_CATEGORIES.filter((c) => c.group === g).map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      </div>
      {board.loading ? <PageLoading label="Loading the leaderboard" />
        : board.unavailable ? (
          <NotAvailable title="Leaderboards are not available yet">
            This server does not compute ratings yet. Once it does, every decided battle moves the ratings and the rankings appear here.
            {' '}Meanwhile, <Link to="/?status=results">browse the results</Link>.
          </NotAvailable>
        ) : board.error ? <ErrorState error={board.error} onRetry={() => void board.reload()} />
        : !board.data?.rows.length ? <EmptyState title="No ratings in this category yet">Ratings appear after the first decided battles.</EmptyState>
        : <Board rows={board.data.rows} computedAt={board.data.computed_at} method={board.data.method} excluded={board.data.excluded_votes} selected={selected} onSelect={setSelected} category={category} />}
    </>
  );
}

function Board({ rows, computedAt, method, excluded, selected, onSelect, category }: {
  rows: LeaderboardRow[]; computedAt: string; method: string; excluded?: number; selected: LeaderboardRow | null; onSelect: (r: LeaderboardRow) => void; category: string;
}) {
  const min = Math.min(...rows.map((r) => r.ci_low));
  const max = Math.max(...rows.map((r) => r.ci_high));
  return (
    <div className="stack stack-l">
      <section className="panel" aria-labelledby="board-heading">
        <div className="spread">
          <h2 id="board-heading" className="panel-title">Ranking</h2>
          <p className="subtle">{method} · computed {formatDate(computedAt)}{excluded ? ` · ${excluded} votes excluded` : ''}</p>
        </div>
        <div className="table-wrap">
          <table className="table leaderboard" data-testid="leaderboard">
            <thead>
              <tr><th scope="col" className="num">Rank</th><th scope="col">Lenser</th><th scope="col" className="num">Rating</th><th scope="col" className="ci-col">95% interval</th><th scope="col" className="num">Games</th><th scope="col" className="num">Win rate</th><th scope="col"><span className="sr-only">History</span></th></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.entity_kind}:${r.entity_id}`} aria-selected={selected?.entity_id === r.entity_id || undefined}>
                  <td className="num"><span className={`rank-pill${r.rank === 1 ? ' is-first' : ''}`}>{r.rank}</span></td>
                  <td>
                    {r.handle ? <Link to={`/u/${r.handle}`}>{r.display_name}</Link> : r.display_name}
                    {r.entity_kind !== 'human' && <span className="chip" style={{ marginLeft: 'var(--space-2)' }}>{r.entity_kind === 'model' ? 'Model' : 'AI'}</span>}
                  </td>
                  <td className="num"><strong>{Math.round(r.rating)}</strong> <span className="subtle">±{Math.round((r.ci_high - r.ci_low) / 2)}</span></td>
                  <td className="ci-col"><CiBar rating={r.rating} low={r.ci_low} high={r.ci_high} min={min} max={max} /></td>
                  <td className="num">{r.games}</td>
                  <td className="num">{percent(r.win_rate * 100, 100)}</td>
                  <td><button type="button" className="btn btn-ghost btn-s" onClick={() => onSelect(r)} aria-pressed={selected?.entity_id === r.entity_id}>History<span className="sr-only"> of {r.display_name}</span></button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {selected && <History row={selected} category={category} />}
    </div>
  );
}

function History({ row, category }: { row: LeaderboardRow; category: string }) {
  const history = useResource((s) => ratingsApi.history(row.entity_kind, row.entity_id, category, s), [row.entity_kind, row.entity_id, category], { optional: true });
  return (
    <section className="panel" aria-labelledby="history-heading" data-testid="rating-history">
      <h2 id="history-heading" className="panel-title">Rating history: {row.display_name}</h2>
      {history.loading ? <PageLoading label="Loading the history" />
        : history.unavailable || history.error ? <NotAvailable compact title="Rating history is not available yet">This server does not serve rating histories yet.</NotAvailable>
        : <Suspense fallback={<PageLoading label="Drawing the chart" />}><RatingHistoryChart points={history.data?.points ?? []} label={row.display_name} /></Suspense>}
    </section>
  );
}
