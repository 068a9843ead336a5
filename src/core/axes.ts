// Battle axes: which (task_source, contender_structure, judging_mode) combinations are allowed, and their legacy battle_type.
//
// The database enforces the same table (see docs/axes.md, generated from listCombinations()); a
// DB-agreement test compares the two on all 36 rows, so change both together or neither.

export const TASK_SOURCES = ['lens', 'workflow', 'challenge'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const CONTENDER_STRUCTURES = ['ai_vs_ai', 'human_vs_human', 'human_vs_ai'] as const;
export type ContenderStructure = (typeof CONTENDER_STRUCTURES)[number];

export const JUDGING_MODES = ['community_vote', 'ai_judge', 'rubric_score', 'auto_score'] as const;
export type JudgingMode = (typeof JUDGING_MODES)[number];

/** battle_type_enum. 'lenser_battle' is kept for old rows; no combination of axes maps to it. */
export const LEGACY_BATTLE_TYPES = [
  'ai_vs_ai',
  'human_vs_human_ai_votes',
  'human_vs_human_open_votes',
  'human_vs_ai',
  'workflow_battle',
  'lenser_battle',
] as const;
export type LegacyBattleType = (typeof LEGACY_BATTLE_TYPES)[number];

/** Challenge types that a machine can score; judging_mode=auto_score needs one of these. */
export const AUTO_SCORED_CHALLENGES = ['math_calculation', 'writing_contest'] as const;
export type AutoScoredChallenge = (typeof AUTO_SCORED_CHALLENGES)[number];

/** Reasons a combination of axes is refused by the table itself (rules a, b, c). */
export type AxesRuleCode = 'auto_score_needs_challenge' | 'lens_needs_ai_contender' | 'workflow_needs_ai_vs_ai';
/** Every reason checkAxes can refuse with. */
export type AxesErrorCode = AxesRuleCode | 'auto_score_needs_auto_scored_challenge' | 'unknown_axis_value';

export interface Axes {
  taskSource: TaskSource;
  contenderStructure: ContenderStructure;
  judgingMode: JudgingMode;
}

export interface AxesInput extends Axes {
  /** battles.challenge_type; only consulted when judgingMode is auto_score. */
  challengeType?: string | null;
}

export type AxesCheck =
  | { ok: true; battleType: LegacyBattleType }
  | { ok: false; code: AxesErrorCode; message: string };

export type AxesRow = Axes &
  ({ valid: true; battleType: LegacyBattleType } | { valid: false; code: AxesRuleCode; message: string });

const RULE_MESSAGES: Record<AxesRuleCode, string> = {
  auto_score_needs_challenge: 'auto_score judging is only available for challenge battles (task_source=challenge).',
  lens_needs_ai_contender: 'A lens battle runs a lens, so at least one side must be AI: human_vs_human is not allowed.',
  workflow_needs_ai_vs_ai: 'A workflow battle runs workflows on both sides, so it must be ai_vs_ai.',
};

/**
 * The table itself. When a combination breaks several rules the first in this order is reported:
 * (a) auto_score, (b) lens, (c) workflow — so every invalid row has one stable code.
 */
function ruleViolation(axes: Axes): AxesRuleCode | null {
  if (axes.judgingMode === 'auto_score' && axes.taskSource !== 'challenge') return 'auto_score_needs_challenge';
  if (axes.taskSource === 'lens' && axes.contenderStructure === 'human_vs_human') return 'lens_needs_ai_contender';
  if (axes.taskSource === 'workflow' && axes.contenderStructure !== 'ai_vs_ai') return 'workflow_needs_ai_vs_ai';
  return null;
}

/** The battle_type written alongside the axes for clients that still read the old column. */
function legacyBattleType(axes: Axes): LegacyBattleType {
  if (axes.taskSource === 'workflow') return 'workflow_battle';
  if (axes.contenderStructure === 'ai_vs_ai') return 'ai_vs_ai';
  if (axes.contenderStructure === 'human_vs_ai') return 'human_vs_ai';
  // human_vs_human: only a community vote is "open votes"; every machine-decided mode is "ai votes".
  return axes.judgingMode === 'community_vote' ? 'human_vs_human_open_votes' : 'human_vs_human_ai_votes';
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Checks a battle's axes (and, for auto_score, its challenge type); values may come from untrusted JSON. */
export function checkAxes(input: AxesInput): AxesCheck {
  const { taskSource, contenderStructure, judgingMode, challengeType } = input;
  for (const [name, list, value] of [
    ['task_source', TASK_SOURCES, taskSource],
    ['contender_structure', CONTENDER_STRUCTURES, contenderStructure],
    ['judging_mode', JUDGING_MODES, judgingMode],
  ] as const) {
    if (!isOneOf(list, value)) {
      return {
        ok: false,
        code: 'unknown_axis_value',
        message: `Unknown ${name} ${JSON.stringify(value)}; expected one of ${list.join(', ')}.`,
      };
    }
  }
  const violation = ruleViolation(input);
  if (violation) return { ok: false, code: violation, message: RULE_MESSAGES[violation] };
  if (judgingMode === 'auto_score' && !isOneOf(AUTO_SCORED_CHALLENGES, challengeType)) {
    return {
      ok: false,
      code: 'auto_score_needs_auto_scored_challenge',
      message:
        `auto_score needs a challenge_type that can be scored automatically (${AUTO_SCORED_CHALLENGES.join(', ')}); ` +
        `got ${challengeType == null ? 'none' : JSON.stringify(challengeType)}.`,
    };
  }
  return { ok: true, battleType: legacyBattleType(input) };
}

/** All 36 combinations in enum order (task_source, then contender_structure, then judging_mode). */
export function listCombinations(): AxesRow[] {
  const rows: AxesRow[] = [];
  for (const taskSource of TASK_SOURCES) {
    for (const contenderStructure of CONTENDER_STRUCTURES) {
      for (const judgingMode of JUDGING_MODES) {
        const axes: Axes = { taskSource, contenderStructure, judgingMode };
        const code = ruleViolation(axes);
        rows.push(
          code
            ? { ...axes, valid: false, code, message: RULE_MESSAGES[code] }
            : { ...axes, valid: true, battleType: legacyBattleType(axes) },
        );
      }
    }
  }
  return rows;
}
