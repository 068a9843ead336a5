// The parts of a resumed draft that come with their own reads after the battle (its lens, its judging
// settings). Until a part is in, its fields wait and its step is not saved: the form holds defaults
// there, and saving them would overwrite what the draft has stored.
import { Alert, Spinner } from '../ui/states.tsx';
import type { Resource } from '../ui/use-resource.ts';

export interface DraftPart {
  /** What the part is, after "the": "saved lens". */
  name: string;
  state: 'loading' | 'failed' | 'ready';
  retry: () => void;
}

/**
 * The part read by `resource`, written into the form once `loadedFor` is the draft's id. It waits for
 * the draft's own read too (`battle`), so a failure of either is a failure with a retry of both.
 */
export function draftPart(name: string, battleId: string | undefined, loadedFor: string | null,
  resource: Resource<unknown>, battle: Resource<unknown>): DraftPart {
  const state = !battleId || loadedFor === battleId ? 'ready' : resource.error || battle.error ? 'failed' : 'loading';
  const retry = () => {
    if (battle.error) void battle.reload();
    if (resource.error) void resource.reload();
  };
  return { name, state, retry };
}

/** Why a step that saves this part was not saved; null once the part is in. */
export function notSavedReason(part: DraftPart): string | null {
  if (part.state === 'loading') return `Still loading the draft's ${part.name}; this step was not saved.`;
  if (part.state === 'failed') return `Could not load the draft's ${part.name}, so this step was not saved: it would have replaced what is stored with defaults. Load it again, then save.`;
  return null;
}

/** What the part's fields show until it is in: a spinner, or the failure with a way to load it again. */
export function DraftPartWait({ part }: { part: DraftPart }) {
  if (part.state === 'loading') return <Spinner label={`Loading the ${part.name}`} />;
  return (
    <Alert kind="error" role="alert" title={`The ${part.name} could not be loaded`}>
      <div className="stack stack-s">
        <p>This step is not saved until it loads, so what the draft holds is kept.</p>
        <div><button type="button" className="btn btn-s" onClick={part.retry}>Load it again</button></div>
      </div>
    </Alert>
  );
}
