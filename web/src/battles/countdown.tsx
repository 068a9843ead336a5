// Live countdown to the voting window for a battle ("Voting closes in 3h 12m"), ticking each second.
import { useEffect, useState } from 'react';
import type { BattleStatus } from '../api/battles.ts';
import { formatDate, formatDuration } from '../ui/format.ts';
import { ClockIcon } from '../ui/icons.tsx';

interface Window {
  status: BattleStatus;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
}

/** What the next moment of the voting window is, if there is one ahead. */
export function nextMoment(b: Window, now: number): { label: string; at: string } | null {
  const opens = b.voting_opens_at ? Date.parse(b.voting_opens_at) : NaN;
  const closes = b.voting_closes_at ? Date.parse(b.voting_closes_at) : NaN;
  if ((b.status === 'open' || b.status === 'executing' || b.status === 'voting') && opens > now && b.voting_opens_at) {
    return { label: 'Voting opens', at: b.voting_opens_at };
  }
  if ((b.status === 'voting' || b.status === 'open' || b.status === 'executing') && closes > now && b.voting_closes_at) {
    return { label: 'Voting closes', at: b.voting_closes_at };
  }
  return null;
}

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function Countdown({ battle, compact }: { battle: Window; compact?: boolean }) {
  const now = useNow(compact ? 30_000 : 1000);
  const next = nextMoment(battle, now);
  if (!next) return null;
  const left = formatDuration(Date.parse(next.at) - now);
  return (
    <span className="countdown" title={formatDate(next.at)}>
      <ClockIcon width={16} height={16} />
      <span>
        {next.label} in <span role="timer" aria-live="off" className="countdown-value">{left}</span>
      </span>
    </span>
  );
}
