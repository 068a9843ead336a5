// A battle's status as a coloured badge with a text label (colour is never the only signal).
import type { BattleStatus } from '../api/battles.ts';
import { STATUS_LABELS } from './labels.ts';

export function StatusBadge({ status }: { status: BattleStatus }) {
  const s = STATUS_LABELS[status];
  return <span className={`badge badge-dot status-${s.tone}`} data-status={status}>{s.label}</span>;
}
