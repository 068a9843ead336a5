// Step 6: review, publish, and the frozen rules with their SHA-256 (fn_publish_battle's answer); for
// lens battles, the lens each AI contender runs with and its values.
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { PublishResult } from '../api/battles.ts';
import type { BattleLens, LensSummary, LensVersionSummary } from '../api/lenses.ts';
import { CONTENT_TYPE_LABELS, ELIGIBILITY_LABELS, JUDGING_LABELS, STRUCTURE_LABELS, TASK_SOURCE_LABELS } from '../battles/labels.ts';
import { RuleSnapshotFacts } from '../battles/rule-snapshot.tsx';
import { Markdown } from '../markdown/markdown.tsx';
import { formatDate, fromLocalInput } from '../ui/format.ts';
import { Alert } from '../ui/states.tsx';
import type { DraftForm, StepKey } from './draft-form.ts';
import { lensValuesText } from './lens-choice.ts';

export interface LensReview {
  chosen: LensSummary | null;
  version: LensVersionSummary | null;
  saved: BattleLens | null;
}

export function StepPublish({ form, published, slug, rubricTitle, judgeName, lens, onEdit }: {
  form: DraftForm;
  published: PublishResult | null;
  slug: string;
  rubricTitle: string | null;
  judgeName: string | null;
  lens: LensReview | null;
  onEdit: (step: StepKey) => void;
}) {
  if (published) {
    return (
      <div className="stack" data-testid="published">
        <Alert kind="success" title="Published: your battle is open for entries" role="status">
          The rules below are frozen. Anyone can check them against this SHA-256.
        </Alert>
        <RuleSnapshotFacts snapshot={published.rule_snapshot} sha256={published.rule_snapshot_sha256} />
        {lens?.saved && <LensAssignments saved={lens.saved} />}
        <div className="cluster">
          <Link className="btn btn-primary" to={`/b/${slug}`}>Go to the battle</Link>
          <Link className="btn" to="/new">Create another</Link>
        </div>
      </div>
    );
  }
  const opens = fromLocalInput(form.votingOpensAt);
  const closes = fromLocalInput(form.votingClosesAt);
  const lensValues = lens?.version ? lensValuesText(form.lensValues, lens.version.params) : '';
  const row = (step: StepKey, label: string, value: React.ReactNode) => (
    <><dt>{label}</dt><dd className="spread"><span>{value}</span><button type="button" className="btn btn-ghost btn-s" onClick={() => onEdit(step)} aria-label={`Edit ${label.toLowerCase()}`}>Edit</button></dd></>
  );
  return (
    <div className="stack stack-l">
      <p className="muted">Check everything once more. Publishing freezes the rules: they cannot change while the battle runs.</p>
      <dl className="facts review">
        {row('format', 'Title', form.title)}
        {row('format', 'Format', `${TASK_SOURCE_LABELS[form.taskSource].label} · ${STRUCTURE_LABELS[form.contenderStructure].label} · ${JUDGING_LABELS[form.judgingMode].label}`)}
        {row('task', 'Entries', CONTENT_TYPE_LABELS[form.contentType])}
        {lens && row('task', 'Lens', lens.chosen
          ? `${lens.chosen.title}, ${form.lensVersionId ? `version ${lens.version?.version ?? '?'}` : `latest (now version ${lens.chosen.latest_version})`}${lensValues && ` · ${lensValues}`}`
          : 'None')}
        {row('rubric', 'Rubric', rubricTitle ?? 'None')}
        {(form.judgingMode === 'ai_judge' || form.judgingMode === 'rubric_score') && row('rubric', 'AI judge', judgeName ?? "The server's default judge")}
        {row('voting', 'Who may vote', ELIGIBILITY_LABELS[form.voterEligibility].label)}
        {row('voting', 'Voting window', `${opens ? formatDate(opens) : 'opened by you'} → ${closes ? formatDate(closes) : 'closed by you'}`)}
        {row('contenders', 'Contenders', `Up to ${form.maxContenders}${form.inviteOnly ? ', invite-only' : ''}`)}
      </dl>
      <section className="panel" aria-labelledby="review-task">
        <div className="spread"><h3 id="review-task" className="panel-title">Task</h3><button type="button" className="btn btn-ghost btn-s" onClick={() => onEdit('task')} aria-label="Edit task">Edit</button></div>
        <Markdown source={form.taskPrompt} />
      </section>
    </div>
  );
}

/** What each AI contender runs with, as saved (GET /api/battles/:id/lens). */
function LensAssignments({ saved }: { saved: BattleLens }) {
  const lens = saved.lens;
  if (!lens) return null;
  const values = Object.entries(lens.input_snapshot);
  return (
    <section className="panel stack stack-s" aria-labelledby="lens-assignments-heading" data-testid="lens-assignments">
      <h3 id="lens-assignments-heading" className="panel-title">Lens</h3>
      <p>
        <strong>{lens.title}</strong>, {lens.version_id ? `version ${lens.version}` : 'the latest published version when the battle runs'}.
        {' '}{saved.assignments.length
          ? `Assigned to ${saved.assignments.map((a) => `${a.slot} (${a.display_name})`).join(', ')}.`
          : 'AI contenders get it when they are added.'}
      </p>
      {values.length > 0 ? (
        <dl className="facts">
          {values.map(([k, v]) => <Fragment key={k}><dt><code>{k}</code></dt><dd>{String(v)}</dd></Fragment>)}
        </dl>
      ) : <p className="subtle">No values given: defaults apply.</p>}
    </section>
  );
}
