// The wizard's form: what each step edits, how a draft battle maps to it and back (create on the
// first step, POST /draft patches after), and what each step requires before moving on.
import { checkAxes, type ContenderStructure, type JudgingMode, type TaskSource } from '../../../src/core/axes.ts';
import type { Battle, ContentType, CreateBattleArgs, VoterEligibility } from '../api/battles.ts';
import { fromLocalInput, toLocalInput } from '../ui/format.ts';

export const STEPS = [
  { key: 'format', title: 'Format' },
  { key: 'task', title: 'Task' },
  { key: 'rubric', title: 'Judging' },
  { key: 'voting', title: 'Voting' },
  { key: 'contenders', title: 'Contenders' },
  { key: 'publish', title: 'Publish' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

/** The draft is created on step 1, before the task is written; step 2 replaces this. */
export const PLACEHOLDER_PROMPT = 'The task for this battle is still being written.';

export interface CriterionDraft {
  key: string;
  title: string;
  weight: string;
}

export interface DraftForm {
  title: string;
  slug: string;
  inviteOnly: boolean;
  taskSource: TaskSource;
  contenderStructure: ContenderStructure;
  judgingMode: JudgingMode;
  challengeType: string;
  contentType: ContentType;
  taskPrompt: string;
  /** Lens battles: the lens every AI contender runs with ('' none), its version ('' the latest), values by label. */
  lensId: string;
  lensVersionId: string;
  lensValues: Record<string, string>;
  /** The AI judge of ai_judge and rubric_score battles; '' is the server's default judge. */
  judgeModelId: string;
  rubricMode: 'none' | 'existing' | 'new';
  rubricId: string | null;
  rubricTitle: string;
  criteria: CriterionDraft[];
  voterEligibility: VoterEligibility;
  /** datetime-local values in the viewer's zone; '' means not scheduled. */
  votingOpensAt: string;
  votingClosesAt: string;
  maxContenders: string;
}

let keySeq = 0;
export const newCriterion = (title = '', weight = '1'): CriterionDraft => ({ key: `c${++keySeq}`, title, weight });

export function emptyForm(): DraftForm {
  return {
    title: '', slug: '', inviteOnly: false,
    taskSource: 'challenge', contenderStructure: 'human_vs_human', judgingMode: 'community_vote', challengeType: '',
    contentType: 'text', taskPrompt: '', lensId: '', lensVersionId: '', lensValues: {},
    judgeModelId: '', rubricMode: 'none', rubricId: null, rubricTitle: '', criteria: [newCriterion('Correctness', '2'), newCriterion('Clarity', '1')],
    voterEligibility: 'open', votingOpensAt: '', votingClosesAt: '', maxContenders: '2',
  };
}

export function fromBattle(b: Battle): DraftForm {
  return {
    ...emptyForm(),
    title: b.title, slug: b.slug, inviteOnly: b.invite_only,
    taskSource: b.task_source, contenderStructure: b.contender_structure, judgingMode: b.judging_mode,
    challengeType: b.challenge_type ?? '', contentType: b.content_type,
    taskPrompt: b.task_prompt === PLACEHOLDER_PROMPT ? '' : b.task_prompt,
    rubricMode: b.rubric_id ? 'existing' : 'none', rubricId: b.rubric_id,
    voterEligibility: b.voter_eligibility,
    votingOpensAt: toLocalInput(b.voting_opens_at), votingClosesAt: toLocalInput(b.voting_closes_at),
    maxContenders: String(b.max_contenders),
  };
}

/** A URL slug from a title, with a short random tail so two "Haiku battle"s do not collide. */
export function slugFor(title: string): string {
  const base = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  const tail = Math.random().toString(36).slice(2, 6).replace(/[^a-z0-9]/g, 'x').padEnd(4, '0');
  return `${base || 'battle'}-${tail}`;
}

export const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function createArgs(f: DraftForm): CreateBattleArgs {
  return {
    title: f.title.trim(), slug: f.slug, task_prompt: f.taskPrompt.trim() || PLACEHOLDER_PROMPT,
    task_source: f.taskSource, contender_structure: f.contenderStructure, judging_mode: f.judgingMode,
    ...(f.judgingMode === 'auto_score' && f.challengeType ? { challenge_type: f.challengeType } : {}),
    invite_only: f.inviteOnly, content_type: f.contentType, voter_eligibility: f.voterEligibility,
    max_contenders: Number(f.maxContenders) || 2,
  };
}

/** The fields a step saves (POST /api/battles/:id/draft {patch}). */
export function patchFor(step: StepKey, f: DraftForm): Record<string, unknown> | null {
  switch (step) {
    case 'format':
      return { title: f.title.trim(), invite_only: f.inviteOnly, task_source: f.taskSource, contender_structure: f.contenderStructure, judging_mode: f.judgingMode,
        challenge_type: f.judgingMode === 'auto_score' && f.challengeType ? f.challengeType : null };
    case 'task':
      return { task_prompt: f.taskPrompt.trim(), content_type: f.contentType };
    case 'rubric':
      return { rubric_id: f.rubricMode === 'none' ? null : f.rubricId };
    case 'voting':
      return { voter_eligibility: f.voterEligibility, voting_opens_at: fromLocalInput(f.votingOpensAt), voting_closes_at: fromLocalInput(f.votingClosesAt) };
    case 'contenders':
      return { max_contenders: Number(f.maxContenders) };
    case 'publish':
      return null;
  }
}

export type Errors = Partial<Record<string, string>>;

export function validate(step: StepKey, f: DraftForm, now = Date.now()): Errors {
  const e: Errors = {};
  if (step === 'format') {
    if (!f.title.trim()) e.title = 'Give the battle a title.';
    else if (f.title.trim().length > 200) e.title = 'At most 200 characters.';
    if (!SLUG_RE.test(f.slug) || f.slug.length < 3 || f.slug.length > 100) e.slug = '3–100 lowercase letters, digits and single dashes.';
    const axes = checkAxes({ taskSource: f.taskSource, contenderStructure: f.contenderStructure, judgingMode: f.judgingMode, challengeType: f.challengeType || null });
    if (!axes.ok) e[axes.code.startsWith('auto_score_needs_auto') ? 'challengeType' : 'axes'] = axes.message;
  }
  if (step === 'task') {
    if (!f.taskPrompt.trim()) e.taskPrompt = 'Write the task contenders will answer.';
    else if (f.taskPrompt.length > 50_000) e.taskPrompt = 'At most 50,000 characters.';
  }
  if (step === 'rubric') {
    if (f.judgingMode === 'rubric_score' && f.rubricMode === 'none') e.rubric = 'Rubric-scored battles need a rubric.';
    if (f.rubricMode === 'existing' && !f.rubricId) e.rubric = 'Pick a rubric.';
    if (f.rubricMode === 'new') {
      if (!f.rubricTitle.trim()) e.rubricTitle = 'Name the rubric.';
      const filled = f.criteria.filter((c) => c.title.trim());
      if (!filled.length) e.criteria = 'Add at least one criterion.';
      for (const c of f.criteria) {
        const w = Number(c.weight);
        if (c.title.trim() && !(w > 0 && w <= 1000)) e[`weight-${c.key}`] = 'A weight above 0, at most 1000.';
      }
    }
  }
  if (step === 'voting') {
    const opens = fromLocalInput(f.votingOpensAt);
    const closes = fromLocalInput(f.votingClosesAt);
    if (closes && Date.parse(closes) <= now) e.votingClosesAt = 'The close must be in the future.';
    if (opens && closes && Date.parse(opens) >= Date.parse(closes)) e.votingClosesAt = 'Voting must open before it closes.';
  }
  if (step === 'contenders') {
    const n = Number(f.maxContenders);
    if (!Number.isInteger(n) || n < 2 || n > 26) e.maxContenders = 'Between 2 and 26.';
  }
  return e;
}
