// The side column of a battle: who is in it, and the rules that were frozen when it was published.
import { Link } from 'react-router';
import type { Battle } from '../api/battles.ts';
import { RuleSnapshotFacts } from '../battles/rule-snapshot.tsx';
import { formatDate, initials, plural } from '../ui/format.ts';
import { EyeOffIcon, LockIcon } from '../ui/icons.tsx';

export function ContendersList({ battle }: { battle: Battle }) {
  const hidden = battle.status === 'voting' && battle.contenders.length === 0;
  return (
    <section className="panel panel-tight" aria-labelledby="contenders-heading">
      <h2 id="contenders-heading" className="panel-title">Contenders <span className="subtle">{battle.contender_count} of {battle.max_contenders}</span></h2>
      {hidden ? (
        // One row per contender, the height of a named row: revealing the names moves nothing.
        <ul role="list" className="stack stack-s contender-list" aria-label="Names are hidden until you vote">
          {Array.from({ length: battle.contender_count }, (_, i) => (
            <li key={i} className="contender-row is-hidden">
              <span className="avatar" aria-hidden="true"><EyeOffIcon width={14} height={14} /></span>
              <span className="contender-row-name muted">Hidden until you vote</span>
              <span />
            </li>
          ))}
        </ul>
      ) : battle.contenders.length === 0 ? (
        <p className="muted">Nobody has joined yet.</p>
      ) : (
        <ul role="list" className="stack stack-s contender-list">
          {battle.contenders.map((c) => (
            <li key={c.id} className="contender-row">
              <span className={`avatar${c.contender_type !== 'human' ? ' avatar-ai' : ''}`} aria-hidden="true">{initials(c.display_name)}</span>
              {c.handle
                ? <Link className="contender-row-name contender-link" to={`/u/${encodeURIComponent(c.handle)}`}>{c.display_name}</Link>
                : <span className="contender-row-name">{c.display_name}</span>}
              <span className="subtle">{c.contender_type === 'human' ? 'Human' : 'AI'}{c.contender_status !== 'active' && c.contender_status !== 'accepted' ? ` · ${c.contender_status}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      {battle.invite_only && <p className="subtle cluster" style={{ marginTop: 'var(--space-3)' }}><LockIcon width={14} height={14} /> Invite-only</p>}
    </section>
  );
}

export function RulesPanel({ battle }: { battle: Battle }) {
  const snapshot = battle.rule_snapshot;
  return (
    <section className="panel panel-tight" aria-labelledby="rules-heading">
      <h2 id="rules-heading" className="panel-title">Rules</h2>
      {snapshot ? (
        <div className="stack stack-s">
          <p className="subtle"><LockIcon width={14} height={14} className="inline-icon" /> Frozen {battle.rules_frozen_at ? formatDate(battle.rules_frozen_at) : ''}; they cannot change while the battle runs.</p>
          <p className="subtle">SHA-256 <code className="mono">{battle.rule_snapshot_sha256?.slice(0, 16)}…</code></p>
          <details>
            <summary>All rules and hashes</summary>
            <div style={{ marginTop: 'var(--space-3)' }}>
              <RuleSnapshotFacts snapshot={snapshot} sha256={battle.rule_snapshot_sha256} />
            </div>
          </details>
        </div>
      ) : (
        <p className="muted">Draft: the rules freeze when the battle is published. {plural(battle.max_contenders, 'contender')} max.</p>
      )}
    </section>
  );
}
