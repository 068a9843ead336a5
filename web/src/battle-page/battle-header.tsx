// Title, status with a line on what it means, countdown to the voting window, creator and format.
import { Link } from 'react-router';
import type { Battle } from '../api/battles.ts';
import { AxesChips } from '../battles/axes-chips.tsx';
import { Countdown } from '../battles/countdown.tsx';
import { StatusBadge } from '../battles/status-badge.tsx';
import { plural, relativeTime } from '../ui/format.ts';

function statusLine(b: Battle): string {
  switch (b.status) {
    case 'draft': return 'Draft: only you can see it until you publish.';
    case 'open': return 'Open for entries: contenders join and submit until voting opens.';
    case 'executing': return 'AI contenders are producing their entries.';
    case 'voting': return 'Voting is open. Entries are shown blind until you vote.';
    case 'scoring': return 'Voting has closed; the result is being computed.';
    case 'closed': return 'Decided. The results go public when the creator publishes them.';
    case 'published': return 'Final result, published.';
    case 'archived': return b.cancelled_at ? 'This battle was cancelled.' : 'Archived.';
  }
}

export function BattleHeader({ battle }: { battle: Battle }) {
  return (
    <header className="battle-head stack stack-s">
      <div className="cluster battle-head-status">
        <StatusBadge status={battle.status} />
        <Countdown battle={battle} />
      </div>
      <h1 id="battle-title" className="break">{battle.title}</h1>
      <p className="muted" data-testid="status-line">{statusLine(battle)}</p>
      <div className="spread">
        <p className="subtle">
          By <Link to={`/u/${battle.creator.handle}`}>{battle.creator.display_name}</Link> (@{battle.creator.handle}) ·{' '}
          <time dateTime={battle.created_at}>{relativeTime(battle.created_at)}</time> ·{' '}
          {plural(battle.contender_count, 'contender')} · {plural(battle.total_vote_count, 'vote')}
        </p>
        <AxesChips axes={battle} />
      </div>
    </header>
  );
}
