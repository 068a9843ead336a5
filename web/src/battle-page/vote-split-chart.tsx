// How the votes split: one SVG bar per contender and one for draws, with counts and shares as text
// (the numbers are also in the ranking table next to it).
import { percent, plural } from '../ui/format.ts';

export interface SplitRow {
  key: string;
  label: string;
  votes: number;
  tone: 'a' | 'b' | 'other' | 'draw';
  winner?: boolean;
}

export function VoteSplitChart({ rows, total }: { rows: SplitRow[]; total: number }) {
  const max = Math.max(1, ...rows.map((r) => r.votes));
  const summary = rows.map((r) => `${r.label}: ${plural(r.votes, 'vote')} (${percent(r.votes, total)})`).join('; ');
  return (
    <figure className="split-chart" data-testid="vote-split">
      <figcaption className="sr-only">Vote split. {summary}.</figcaption>
      <ul role="list" className="split-rows" aria-hidden="true">
        {rows.map((r) => (
          <li key={r.key} className={`split-row tone-${r.tone}`}>
            <div className="split-label">
              <span className="split-name">{r.label}{r.winner ? ' — winner' : ''}</span>
              <span className="split-value">{plural(r.votes, 'vote')} · {percent(r.votes, total)}</span>
            </div>
            <svg className="split-bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
              <rect x="0" y="0" width="100" height="10" rx="2" className="split-track" />
              <rect x="0" y="0" width={Math.max(r.votes ? 1.5 : 0, (r.votes / max) * 100)} height="10" rx="2" className="split-fill" />
            </svg>
          </li>
        ))}
      </ul>
    </figure>
  );
}
