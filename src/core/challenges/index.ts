// Registry of auto-scorable challenges: generate a task from a seed, score a submission against the hidden answer key.
//
// Keyed by battles.challenge_type. The keys are exactly AUTO_SCORED_CHALLENGES from axes.ts (the
// type below makes a missing or extra entry a compile error). Answer keys are stored as JSON, so
// score() validates the key before trusting it.
import type { ZodType } from 'zod';
import type { AutoScoredChallenge } from '../axes.ts';
import {
  generateMathProblems,
  mathAnswerKey,
  mathAnswerKeySchema,
  mathPrompt,
  scoreMath,
  type MathOptions,
} from './math-calculation.ts';
import {
  checkWriting,
  generateWritingKey,
  writingAnswerKeySchema,
  writingPrompt,
  type WritingOptions,
} from './writing-contest.ts';

export interface GeneratedChallenge {
  /** The task text shown to contenders (battles.task_prompt). */
  prompt: string;
  /** Hidden from contenders; plain JSON, stored with the battle and passed back to score(). */
  answerKey: unknown;
}

export interface ChallengeScore {
  /** Between 0 and 1. */
  score: number;
  details: unknown;
}

export interface Challenge {
  /** Options come from stored JSON and are validated with zod; a bad difficulty or count throws a ZodError. */
  generate(seed: string | number, options?: unknown): GeneratedChallenge;
  /** Throws ChallengeKeyError when the stored answer key is not one this challenge wrote. */
  score(answerKey: unknown, submissionText: string): ChallengeScore;
}

export class ChallengeKeyError extends Error {
  readonly code = 'challenge_answer_key_invalid';

  constructor(challenge: string, issues: string) {
    super(`Answer key is not a valid ${challenge} key: ${issues}`);
    this.name = 'ChallengeKeyError';
  }
}

function parseKey<T>(challenge: string, schema: ZodType<T>, key: unknown): T {
  const parsed = schema.safeParse(key);
  if (!parsed.success) throw new ChallengeKeyError(challenge, parsed.error.message);
  return parsed.data;
}

export const CHALLENGES: Record<AutoScoredChallenge, Challenge> = {
  math_calculation: {
    generate(seed, options) {
      const problems = generateMathProblems(seed, (options ?? {}) as MathOptions);
      return { prompt: mathPrompt(problems), answerKey: mathAnswerKey(problems) };
    },
    score(answerKey, submissionText) {
      return scoreMath(parseKey('math_calculation', mathAnswerKeySchema, answerKey), submissionText);
    },
  },
  writing_contest: {
    generate(seed, options) {
      const key = generateWritingKey(seed, (options ?? {}) as WritingOptions);
      return { prompt: writingPrompt(key), answerKey: key };
    },
    score(answerKey, submissionText) {
      return checkWriting(parseKey('writing_contest', writingAnswerKeySchema, answerKey), submissionText);
    },
  },
};

/** The challenge for a challenge_type, or null when it cannot be scored automatically. */
export function getChallenge(challengeType: string): Challenge | null {
  return Object.hasOwn(CHALLENGES, challengeType) ? CHALLENGES[challengeType as AutoScoredChallenge] : null;
}
