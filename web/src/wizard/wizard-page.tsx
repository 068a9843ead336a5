// The creation wizard. Step 1 creates the draft (POST /api/battles); every later step saves its
// fields with POST /api/battles/:id/draft, so a draft can be left and resumed at /new/<id>; the last
// step publishes and shows the frozen rules.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { battlesApi, type PublishResult } from '../api/battles.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { lensersApi } from '../api/lensers.ts';
import { lensesApi } from '../api/lenses.ts';
import { Alert, ErrorState, PageLoading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useResource } from '../ui/use-resource.ts';
import { createArgs, emptyForm, fromBattle, patchFor, STEPS, validate, type DraftForm, type Errors, type StepKey } from './draft-form.ts';
import { draftPart, notSavedReason, type DraftPart } from './draft-part.tsx';
import { chosenVersion, fromBattleLens, lensErrors, lensSnapshot } from './lens-choice.ts';
import { StepContenders, type InviteLinks } from './step-contenders.tsx';
import { StepFormat } from './step-format.tsx';
import { StepPublish } from './step-publish.tsx';
import { StepRubric } from './step-rubric.tsx';
import type { NamedJudge } from './judging-panel.tsx';
import { StepTask } from './step-task.tsx';
import { StepVoting } from './step-voting.tsx';
import { Stepper } from './stepper.tsx';
import './wizard.css';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

export function WizardPage() {
  const { battleId } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const stepIndex = Math.min(Math.max(Number(params.get('step') ?? '1') - 1, 0), STEPS.length - 1);
  const step = STEPS[battleId ? stepIndex : 0].key;

  const [form, setForm] = useState<DraftForm>(emptyForm);
  const [errors, setErrors] = useState<Errors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [reached, setReached] = useState(0);
  const [published, setPublished] = useState<PublishResult | null>(null);
  const [links, setLinks] = useState<InviteLinks>({});
  const createdHere = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const [refusals, setRefusals] = useState(0);

  const battle = useResource(battleId ? (s) => battlesApi.byId(battleId, s) : null, [battleId]);
  const rubrics = useResource((s) => lensersApi.rubrics(s), []);
  const aiLensers = useResource((s) => lensersApi.aiLensers(s), []);
  const models = useResource((s) => lensersApi.models(s), []);
  const lenses = useResource(form.taskSource === 'lens' ? (s) => lensesApi.list(s) : null, [form.taskSource === 'lens']);
  const battleLens = useResource(battleId ? (s) => lensesApi.battleLens(battleId, s) : null, [battleId]);
  const invitations = useResource(battleId ? (s) => battlesApi.invitations(battleId, s) : null, [battleId]);
  const judging = useResource(battleId ? (s) => battlesApi.judging(battleId, s) : null, [battleId]);
  const [judges, setJudges] = useState<NamedJudge[]>([]);
  useDocumentTitle(battleId ? `Edit draft${form.title ? `: ${form.title}` : ''}` : 'Create a battle');

  // A resumed draft fills the form once, in the render that first has it (so no empty form shows);
  // a draft created by this page keeps the form it already has.
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  if (battle.data && loadedFor !== battle.data.id) {
    setLoadedFor(battle.data.id);
    if (createdHere.current !== battle.data.id) {
      createdHere.current = battle.data.id;
      setForm(fromBattle(battle.data));
      setReached(STEPS.length - 1);
    }
  }
  // The parts of a resumed draft that have their own reads arrive after the battle. Not while they
  // load: the page stays mounted from one draft to the next, and the last draft's data is still held.
  const [lensLoadedFor, setLensLoadedFor] = useState<string | null>(null);
  if (battleLens.data && !battleLens.loading && battleId && lensLoadedFor !== battleId && loadedFor === battleId) {
    setLensLoadedFor(battleId);
    if (battleLens.data.lens) setForm((f) => ({ ...f, ...fromBattleLens(battleLens.data!) }));
  }
  const [judgingLoadedFor, setJudgingLoadedFor] = useState<string | null>(null);
  if (judging.data && !judging.loading && battleId && judgingLoadedFor !== battleId && loadedFor === battleId) {
    setJudgingLoadedFor(battleId);
    const settings = judging.data;
    setForm((f) => ({ ...f, judgeModelId: settings.judge_model_id ?? '' }));
    setJudges(settings.judges.map(({ profile_id, handle }) => ({ profile_id, handle })));
  }
  // Until they are in, their fields wait (a choice made earlier would be overwritten by them) and
  // their steps are not saved (the form's defaults would overwrite them).
  const savedLens = draftPart('saved lens', battleId, lensLoadedFor, battleLens, battle);
  const savedJudging = draftPart('judging settings', battleId, judgingLoadedFor, judging, battle);
  const judged = form.judgingMode === 'ai_judge' || form.judgingMode === 'rubric_score';
  const unreadPart = (key: StepKey): DraftPart | null =>
    key === 'task' && form.taskSource === 'lens' && savedLens.state !== 'ready' ? savedLens
      : key === 'rubric' && judged && savedJudging.state !== 'ready' ? savedJudging : null;

  useEffect(() => {
    heading.current?.focus();
  }, [step]);
  // A refused step puts focus on its first marked field, where the refusal is read and fixed.
  useEffect(() => {
    if (refusals) panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const set = (patch: Partial<DraftForm>) => setForm((f) => ({ ...f, ...patch }));
  const goTo = (i: number) => setParams({ step: String(i + 1) });

  async function saveStep(key: StepKey): Promise<boolean> {
    const unread = unreadPart(key);
    if (unread) {
      setSave({ kind: 'error', message: notSavedReason(unread)! });
      return false;
    }
    const errs = { ...validate(key, form), ...(key === 'task' ? lensErrors(form, lenses.data) : {}) };
    setErrors(errs);
    if (Object.keys(errs).length) {
      setRefusals((n) => n + 1);
      return false;
    }
    setSave({ kind: 'saving' });
    try {
      if (!battleId) {
        const id = await battlesApi.create(createArgs(form));
        createdHere.current = id;
        setSave({ kind: 'saved', at: new Date() });
        setReached(1);
        void navigate(`/new/${id}?step=2`, { replace: true });
        return false;
      }
      let f = form;
      if (key === 'rubric' && f.rubricMode === 'new') {
        const id = await lensersApi.createRubric({
          title: f.rubricTitle.trim(),
          criteria: f.criteria.filter((c) => c.title.trim()).map((c) => ({ title: c.title.trim(), weight: Number(c.weight) })),
        });
        f = { ...f, rubricMode: 'existing', rubricId: id };
        setForm(f);
        await rubrics.reload({ silent: true });
      }
      const patch = patchFor(key, f);
      if (patch) await battlesApi.saveDraft(battleId, patch);
      if (key === 'task' && f.taskSource === 'lens') {
        const version = chosenVersion(f, lenses.data ?? []);
        await lensesApi.setBattleLens(battleId, f.lensId, f.lensVersionId || null, lensSnapshot(f.lensValues, version?.params ?? []));
        await battleLens.reload({ silent: true });
      } else if (key === 'task' && battleLens.data?.lens) {
        await lensesApi.setBattleLens(battleId, null, null, {});
        await battleLens.reload({ silent: true });
      }
      if (key === 'rubric' && judged) {
        await battlesApi.setJudging(battleId, f.judgeModelId || null);
      }
      setSave({ kind: 'saved', at: new Date() });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'slug_taken') setErrors({ slug: 'That address is taken; try another.' });
      else if (err instanceof ApiError && err.code === 'invalid_axes') setErrors({ axes: errorMessage(err) });
      setSave({ kind: 'error', message: errorMessage(err) });
      return false;
    }
  }

  async function next() {
    if (await saveStep(step)) {
      setReached((r) => Math.max(r, stepIndex + 1));
      goTo(stepIndex + 1);
    }
  }

  async function back() {
    if (battleId && step !== 'publish' && Object.keys(validate(step, form)).length === 0) await saveStep(step);
    goTo(stepIndex - 1);
  }

  async function publish() {
    if (!battleId) return;
    setSave({ kind: 'saving' });
    try {
      const result = await battlesApi.publish(battleId);
      await battleLens.reload({ silent: true });
      setPublished(result);
      setSave({ kind: 'idle' });
    } catch (err) {
      setSave({ kind: 'error', message: errorMessage(err) });
    }
  }

  if (battleId && !battle.data && createdHere.current !== battleId) {
    if (battle.error) return <ErrorState error={battle.error} title="This draft could not be loaded" onRetry={() => void battle.reload()} />;
    return <PageLoading label="Loading your draft" />;
  }
  if (battle.data && battle.data.status !== 'draft' && !published) {
    return (
      <div className="state">
        <h1 className="section-title">This battle is already published</h1>
        <p>Its rules are frozen. Open it to manage it.</p>
        <Link className="btn btn-primary" to={`/b/${battle.data.slug}`}>Open the battle</Link>
      </div>
    );
  }

  const current = battleId ? stepIndex : 0;
  const rubricTitle = form.rubricMode === 'none' ? null : rubrics.data?.find((r) => r.id === form.rubricId)?.title ?? null;
  return (
    <div className="wizard">
      <div className="page-head">
        <div>
          <p className="eyebrow">{published ? 'Published' : battleId ? 'Draft' : 'New battle'}</p>
          <h1>{published ? 'Battle published' : 'Create a battle'}</h1>
        </div>
        <p className={`save-state save-${save.kind}`} role="status" aria-live="polite" data-testid="save-state">
          {save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? `Draft saved ${save.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
            : save.kind === 'error' || published ? '' : battleId ? 'Draft — saved at every step' : 'Nothing saved yet'}
        </p>
      </div>
      {!published && <Stepper current={current} reached={Math.max(reached, current)} onGo={(i) => (battleId ? goTo(i) : undefined)} />}
      <section ref={panel} className="panel wizard-panel" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={heading} tabIndex={-1} className="wizard-step-title">
          <span className="subtle">Step {current + 1} of {STEPS.length}</span> {STEPS[current].title}
        </h2>
        {save.kind === 'error' && <Alert kind="error" role="alert" title="Not saved">{save.message}</Alert>}
        {step === 'format' && <StepFormat form={form} set={set} errors={errors} created={!!battleId} />}
        {step === 'task' && (
          <StepTask form={form} set={set} errors={errors}
            lenses={{ data: lenses.data, loading: lenses.loading, error: lenses.error ? errorMessage(lenses.error) : null, reload: () => lenses.reload({ silent: true }) }} savedLens={savedLens} />
        )}
        {step === 'rubric' && (
          <StepRubric form={form} set={set} errors={errors} rubrics={rubrics.data ?? []} rubricsLoading={rubrics.loading}
            models={models.data ?? []} battleId={battleId} judges={judges} savedJudging={savedJudging}
            onJudgeNamed={(j) => setJudges((l) => (l.some((x) => x.profile_id === j.profile_id) ? l : [...l, j]))}
            onJudgeRemoved={(id) => setJudges((l) => l.filter((x) => x.profile_id !== id))} />
        )}
        {step === 'voting' && <StepVoting form={form} set={set} errors={errors} />}
        {step === 'contenders' && (
          <StepContenders form={form} set={set} errors={errors} battle={battle.data} aiLensers={aiLensers.data ?? []} aiLoading={aiLensers.loading}
            invitations={invitations.data} links={links} onContendersChanged={() => battle.reload({ silent: true })}
            onLink={async (invitationId, link) => {
              setLinks((l) => ({ ...l, [invitationId]: link }));
              await invitations.reload({ silent: true });
            }} />
        )}
        {step === 'publish' && <StepPublish form={form} published={published} slug={form.slug} rubricTitle={rubricTitle} judgeName={models.data?.find((m) => m.id === form.judgeModelId)?.display_name ?? null}
          lens={form.taskSource === 'lens' ? { chosen: lenses.data?.find((l) => l.id === form.lensId) ?? null, version: chosenVersion(form, lenses.data ?? []) ?? null, saved: battleLens.data ?? null } : null} onEdit={(k) => goTo(STEPS.findIndex((s) => s.key === k))} />}
        {!published && (
          <div className="wizard-nav">
            {current > 0 ? <button type="button" className="btn" onClick={() => void back()}>Back</button> : <span />}
            {step === 'publish'
              ? <button type="button" className="btn btn-primary btn-l" onClick={() => void publish()} disabled={save.kind === 'saving'}>Publish battle</button>
              : <button type="button" className="btn btn-primary btn-l" onClick={() => void next()}
                  disabled={save.kind === 'saving' || unreadPart(step)?.state === 'loading'}>
                  {save.kind === 'saving' ? 'Saving…' : battleId ? 'Save and continue' : 'Create draft and continue'}
                </button>}
          </div>
        )}
      </section>
    </div>
  );
}
