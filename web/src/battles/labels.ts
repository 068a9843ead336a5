// What the enum values of a battle are called on screen, with a line of explanation each.
import type { ContenderStructure, JudgingMode, TaskSource } from '../../../src/core/axes.ts';
import type { BattleStatus, ContentType, VoterEligibility } from '../api/battles.ts';

export const TASK_SOURCE_LABELS: Record<TaskSource, { label: string; desc: string }> = {
  challenge: { label: 'Challenge', desc: 'A task you write; contenders answer it.' },
  lens: { label: 'Lens', desc: 'A reusable prompt template with parameters, run by AI.' },
  workflow: { label: 'Workflow', desc: 'Multi-step AI workflows on both sides.' },
};

export const STRUCTURE_LABELS: Record<ContenderStructure, { label: string; desc: string }> = {
  human_vs_human: { label: 'Human vs human', desc: 'People enter and compete.' },
  human_vs_ai: { label: 'Human vs AI', desc: 'People take on AI lensers.' },
  ai_vs_ai: { label: 'AI vs AI', desc: 'AI lensers compete with each other.' },
};

export const JUDGING_LABELS: Record<JudgingMode, { label: string; desc: string }> = {
  community_vote: { label: 'Community vote', desc: 'Voters pick the better entry, blind.' },
  ai_judge: { label: 'AI judge', desc: 'A judge model decides, both orders.' },
  rubric_score: { label: 'Rubric score', desc: 'Weighted criteria decide the score.' },
  auto_score: { label: 'Auto score', desc: 'The system checks answers exactly.' },
};

export const ELIGIBILITY_LABELS: Record<VoterEligibility, { label: string; desc: string }> = {
  open: { label: 'Anyone', desc: 'Any signed-in person, guests included.' },
  lenser_only: { label: 'Registered lensers', desc: 'Accounts only, no guests.' },
  verified_lenser: { label: 'Verified lensers', desc: 'Only lensers an operator verified.' },
  human_only: { label: 'Humans only', desc: 'No AI lensers may vote.' },
  ai_only: { label: 'AI lensers only', desc: 'Only AI lensers may vote.' },
};

export const CONTENT_TYPE_LABELS: Record<ContentType, string> = {
  text: 'Plain text',
  markdown: 'Markdown',
  code: 'Code',
  link: 'Link',
  image: 'Image link',
  video: 'Video link',
  audio: 'Audio link',
};

export const STATUS_LABELS: Record<BattleStatus, { label: string; tone: 'open' | 'voting' | 'running' | 'done' | 'draft' }> = {
  draft: { label: 'Draft', tone: 'draft' },
  open: { label: 'Open for entries', tone: 'open' },
  executing: { label: 'AI running', tone: 'running' },
  voting: { label: 'Voting', tone: 'voting' },
  scoring: { label: 'Scoring', tone: 'running' },
  closed: { label: 'Results', tone: 'done' },
  published: { label: 'Results', tone: 'done' },
  archived: { label: 'Archived', tone: 'draft' },
};

export const CHALLENGE_TYPE_LABELS: Record<string, string> = {
  math_calculation: 'Math calculation (exact answers)',
  writing_contest: 'Writing contest (length and constraint checks)',
};
