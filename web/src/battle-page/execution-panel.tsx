// AI work behind a battle: contender runs and judging jobs (GET /api/battles/:id/execution), their
// failures, tokens and cost; the creator can queue failed work again (POST /retry-runs) or cancel.
import { useState } from 'react';
import { battlesApi, type Battle } from '../api/battles.ts';
import { errorMessage } from '../api/client.ts';
import { plural } from '../ui/format.ts';
import { Alert } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';

const KIND_LABELS: Record<string, string> = {
  contender_run: 'AI entry', judge_pair: 'Judge (pair)', judge_rubric: 'Rubric scoring', auto_score: 'Auto score', advance: 'Next step',
};

export function ExecutionPanel({ battle, isCreator, onChanged }: { battle: Battle; isCreator: boolean; onChanged: () => Promise<void> | void }) {
  const exec = useResource((s) => battlesApi.execution(battle.id, s), [battle.id, battle.status, battle.updated_at], { optional: true });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const e = exec.data;
  if (!e || !e.jobs.length) return null;
  const open = e.jobs.filter((j) => j.status === 'queued' || j.status === 'running').length;
  async function retry() {
    setBusy(true);
    setMessage(null);
    try {
      await battlesApi.retryRuns(battle.id);
      setMessage('Queued again.');
      await exec.reload({ silent: true });
      await onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel panel-tight stack stack-s" aria-labelledby="execution-heading" data-testid="execution">
      <h2 id="execution-heading" className="panel-title">AI work</h2>
      {e.failed && (
        <Alert kind="error" title="Some AI work failed">
          {isCreator ? 'Queue it again, or cancel the battle.' : 'The creator can queue it again.'}
        </Alert>
      )}
      <ul role="list" className="stack stack-s">
        {e.jobs.slice(0, 8).map((j) => (
          <li key={j.id} className="job-row">
            <div className="spread">
              <span>{KIND_LABELS[j.kind] ?? j.kind}{j.slot ? ` · ${j.slot}` : ''}</span>
              <span className={`chip job-${j.status}`}>{j.status}{j.attempts > 1 ? ` (${j.attempts}/${j.max_attempts})` : ''}</span>
            </div>
            {(j.status === 'failed' || j.status === 'dead') && j.error_message && <p className="subtle">{j.error_code}: {j.error_message}</p>}
          </li>
        ))}
      </ul>
      {e.totals && <p className="subtle">{plural(e.totals.runs, 'model call')} · {(e.totals.input_tokens + e.totals.output_tokens).toLocaleString('en')} tokens · ${Number(e.totals.cost_usd).toFixed(4)}{open ? ` · ${open} in progress` : ''}</p>}
      {isCreator && e.failed && <button type="button" className="btn btn-primary btn-s" onClick={() => void retry()} disabled={busy}>{busy ? 'Queuing…' : 'Retry failed work'}</button>}
      <p role="status" aria-live="polite" className="subtle">{message ?? ''}</p>
    </section>
  );
}
