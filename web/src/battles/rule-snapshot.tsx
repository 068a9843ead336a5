// The frozen rules of a published battle (fn_publish_battle's rule_snapshot) and their SHA-256, as
// facts a person can read, with the raw JSON one click away.
import type { RuleSnapshot } from '../api/battles.ts';
import { CopyBox } from '../ui/copy-button.tsx';
import { formatDate } from '../ui/format.ts';
import { CONTENT_TYPE_LABELS, ELIGIBILITY_LABELS, JUDGING_LABELS, STRUCTURE_LABELS, TASK_SOURCE_LABELS } from './labels.ts';

type Dict = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const label = (table: Record<string, { label: string }>, v: unknown) => table[str(v)]?.label ?? str(v);

export function RuleSnapshotFacts({ snapshot, sha256 }: { snapshot: RuleSnapshot; sha256: string | null }) {
  const axes = (snapshot.axes ?? {}) as Dict;
  const windowRule = (snapshot.voting_window ?? {}) as Dict;
  const rubric = snapshot.rubric as { title?: string; criteria?: Array<{ title: string; weight: number }> } | null;
  const handicap = snapshot.handicap as Dict | undefined;
  const judging = snapshot.judging as { protocol?: string; judge?: { display_name?: string; provider?: string } | null; rubric_scorer?: string | null; judges?: unknown[]; challenge?: { type?: string; seed_sha256?: string } | null } | undefined;
  return (
    <div className="stack stack-s" data-testid="rule-snapshot">
      <dl className="facts">
        <dt>Format</dt>
        <dd>{label(TASK_SOURCE_LABELS, axes.task_source)} · {label(STRUCTURE_LABELS, axes.contender_structure)} · {label(JUDGING_LABELS, axes.judging_mode)}{axes.challenge_type ? ` · ${str(axes.challenge_type)}` : ''}</dd>
        <dt>Who may vote</dt>
        <dd>{label(ELIGIBILITY_LABELS, snapshot.voter_eligibility)}</dd>
        <dt>Voting window</dt>
        <dd>{windowRule.opens_at ? formatDate(str(windowRule.opens_at)) : 'When the creator opens it'} → {windowRule.closes_at ? formatDate(str(windowRule.closes_at)) : 'when the creator closes it'}</dd>
        <dt>Contenders</dt>
        <dd>Up to {str(snapshot.max_contenders)}{snapshot.invite_only ? ', invite-only' : ''}</dd>
        <dt>Entries</dt>
        <dd>{CONTENT_TYPE_LABELS[str(snapshot.content_type) as keyof typeof CONTENT_TYPE_LABELS] ?? str(snapshot.content_type)}</dd>
        <dt>Rubric</dt>
        <dd>{rubric ? <>{rubric.title}: {(rubric.criteria ?? []).map((c) => `${c.title} (×${Number(c.weight)})`).join(', ')}</> : 'None'}</dd>
        {judging && (
          <>
            <dt>Judging</dt>
            <dd>
              <span className="mono">{judging.protocol}</span>
              {judging.judge?.display_name && <> · AI judge {judging.judge.display_name}</>}
              {judging.rubric_scorer === 'human' && <> · {judging.judges?.length ?? 0} named human {judging.judges?.length === 1 ? 'judge' : 'judges'}</>}
            </dd>
            {judging.challenge?.seed_sha256 && (<><dt>Challenge seed SHA-256</dt><dd className="mono">{judging.challenge.seed_sha256}</dd></>)}
          </>
        )}
        {handicap && Object.keys(handicap).length > 0 && (<><dt>Handicap</dt><dd className="mono">{JSON.stringify(handicap)}</dd></>)}
        <dt>Task SHA-256</dt>
        <dd className="mono">{str(snapshot.task_prompt_sha256)}</dd>
      </dl>
      {sha256 && (
        <div className="field">
          <span className="field-label">Rules SHA-256</span>
          <CopyBox value={sha256} label="Copy hash" testId="rules-sha256" />
        </div>
      )}
      <details>
        <summary>Raw rule snapshot (JSON)</summary>
        <pre className="code-block">{JSON.stringify(snapshot, null, 2)}</pre>
      </details>
    </div>
  );
}
