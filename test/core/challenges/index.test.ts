// The challenge registry: one entry per auto-scored challenge type, generate → score round trips through JSON.
import { describe, expect, it } from 'vitest';
import { AUTO_SCORED_CHALLENGES } from '../../../src/core/axes.ts';
import { CHALLENGES, ChallengeKeyError, getChallenge } from '../../../src/core/challenges/index.ts';

describe('CHALLENGES', () => {
  it('has exactly one entry per AUTO_SCORED_CHALLENGES type', () => {
    expect(Object.keys(CHALLENGES).sort()).toEqual([...AUTO_SCORED_CHALLENGES].sort());
  });

  it.each(AUTO_SCORED_CHALLENGES)('%s generates the same prompt and key for the same seed', (type) => {
    expect(CHALLENGES[type].generate('seed-1')).toEqual(CHALLENGES[type].generate('seed-1'));
    expect(CHALLENGES[type].generate('seed-1').prompt).not.toBe(CHALLENGES[type].generate('seed-2').prompt);
  });

  it.each(AUTO_SCORED_CHALLENGES)('%s answer keys survive a JSON round trip and score a blank reply 0', (type) => {
    const { answerKey } = CHALLENGES[type].generate('round-trip', { difficulty: 'hard' });
    const stored: unknown = JSON.parse(JSON.stringify(answerKey));
    expect(stored).toEqual(answerKey);
    expect(CHALLENGES[type].score(stored, '').score).toBe(0);
  });

  it('scores a correct math reply 1', () => {
    const { answerKey } = CHALLENGES.math_calculation.generate(7, { difficulty: 'easy', count: 3 });
    const answers = (answerKey as { problems: { answer: string }[] }).problems.map((p, i) => `${i + 1}. ${p.answer}`);
    const result = CHALLENGES.math_calculation.score(answerKey, answers.join('\n'));
    expect(result.score).toBe(1);
    expect(result.details).toHaveLength(3);
  });

  it('scores writing between 0 and 1 with one detail per constraint', () => {
    const { answerKey } = CHALLENGES.writing_contest.generate('w', { difficulty: 'easy' });
    const result = CHALLENGES.writing_contest.score(answerKey, 'A short text.\n\nAnother paragraph here.');
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(1);
    expect(Array.isArray(result.details)).toBe(true);
  });

  it.each([
    ['math_calculation', { challenge: 'math_calculation', version: 1, problems: [] }],
    ['math_calculation', { challenge: 'math_calculation', version: 1, problems: [{ id: 'p1', answer: '1/0' }] }],
    ['math_calculation', { challenge: 'writing_contest', version: 1, problems: [{ id: 'p1', answer: '1' }] }],
    ['writing_contest', { challenge: 'writing_contest', version: 2 }],
    ['writing_contest', null],
  ] as const)('%s refuses the malformed answer key %j with challenge_answer_key_invalid', (type, key) => {
    let caught: unknown;
    try {
      CHALLENGES[type].score(key, '1. 1');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ChallengeKeyError);
    expect((caught as ChallengeKeyError).code).toBe('challenge_answer_key_invalid');
  });

  it('refuses bad generation options', () => {
    expect(() => CHALLENGES.math_calculation.generate('x', { difficulty: 'nightmare' })).toThrow();
    expect(() => CHALLENGES.writing_contest.generate('x', { difficulty: 3 })).toThrow();
  });
});

describe('getChallenge', () => {
  it('finds registered challenges and returns null for others, including inherited names', () => {
    expect(getChallenge('math_calculation')).toBe(CHALLENGES.math_calculation);
    expect(getChallenge('trivia')).toBeNull();
    expect(getChallenge('toString')).toBeNull();
  });
});
