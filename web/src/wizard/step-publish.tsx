// Step 6: review, publish, and the frozen rules with their SHA-256 (fn_publish_battle's answer).
import { Link } from 'react-router';
import type { PublishResult } from '../api/battles.ts';
import { CONTENT_TYPE_LABELS, ELIGIBILITY_LABELS, JUDGING_LABELS, STRUCTURE_LABELS, TASK_SOURCE_LABELS } from '../battles/labels.ts';
import { RuleSnapshotFacts } from '../battles/rule-snapshot.tsx';
import { Markdown } from '../markdown/markdown.tsx';
import { formatDate, fromLocalInput } from '../ui/format.ts';
import { Alert } from '../ui/states.tsx';
import type { DraftForm, StepKey } from './draft-form.ts';

export function StepPublish({ form, published, slug, rubricTitle, judgeName, onEdit }: {
  form: DraftForm;
  published: PublishResult | null;
  slug: string;
  rubricTitle: string | null;
  judgeName: string | null;
  onEdit: (step: StepKey) => void;
}) {
  if (published) {
    return (
      <div className="stack" data-testid="published">
        <Alert kind="success" title="Published: your battle is open for entries" role="status">
          The rules below are frozen. Anyone can check them against this SHA-256.
        </Alert>
        <RuleSnapshotFacts snapshot={published.rule_snapshot} sha256={published.rule_snapshot_sha256} />
        <div className="cluster">
          <Link className="btn btn-primary" to={`/b/${slug}`}>Go to the battle</Link>
          <Link className="btn" to="/new">Create another</Link>
        </div>
      </div>
    );
  }
  const opens = fromLocalInput(form.votingOpensAt);
  const closes = fromLocalInput(form.votingClosesAt);
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
