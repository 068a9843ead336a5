// The math_calculation challenge: reproducible problems with exact answers, and scoring of replies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MATH_DIFFICULTIES,
  generateMathProblems,
  mathAnswerKey,
  mathPrompt,
  scoreMath,
  type MathProblem,
} from '../../../src/core/challenges/math-calculation.ts';

// Independent check: evaluate the ASCII expression with JavaScript floats.
const evaluate = (expression: string) => Function(`"use strict"; return (${expression});`)() as number;

const allProblems = (difficulty: (typeof MATH_DIFFICULTIES)[number]) =>
  Array.from({ length: 40 }, (_, seed) => generateMathProblems(seed, { difficulty, count: 10 })).flat();

describe('generateMathProblems', () => {
  it('gives the same problems for the same seed and options', () => {
    expect(generateMathProblems('battle-1', { difficulty: 'hard' })).toEqual(generateMathProblems('battle-1', { difficulty: 'hard' }));
  });

  it('gives different problems for different seeds and difficulties', () => {
    const questions = (p: MathProblem[]) => p.map((x) => x.question);
    expect(questions(generateMathProblems('a'))).not.toEqual(questions(generateMathProblems('b')));
    expect(questions(generateMathProblems('a', { difficulty: 'easy' }))).not.toEqual(questions(generateMathProblems('a')));
  });

  it('pins the problems of a known seed so stored battles stay reproducible', () => {
    expect(generateMathProblems('pinned', { difficulty: 'medium', count: 3 }).map((p) => `${p.question} = ${p.answer}`))
      .toMatchInlineSnapshot(`
        [
          "39.75 + 25.3 = 1301/20",
          "50 × 78 = 3900",
          "32.88 + 17.6 = 1262/25",
        ]
      `);
  });

  it('keeps a prefix stable when the count grows', () => {
    const five = generateMathProblems('prefix', { count: 5 });
    expect(generateMathProblems('prefix', { count: 12 }).slice(0, 5)).toEqual(five);
  });

  it('defaults to 10 medium problems with ids p1..p10', () => {
    const problems = generateMathProblems('defaults');
    expect(problems.map((p) => p.id)).toEqual(Array.from({ length: 10 }, (_, i) => `p${i + 1}`));
    expect(problems).toEqual(generateMathProblems('defaults', { difficulty: 'medium', count: 10 }));
  });

  it.each([{ count: 0 }, { count: 51 }, { count: 2.5 }, { difficulty: 'insane' }])('refuses the options %j', (options) => {
    expect(() => generateMathProblems('x', options as never)).toThrow();
  });

  it.each(MATH_DIFFICULTIES)('gives %s answers that match an independent evaluation of the expression', (difficulty) => {
    for (const problem of allProblems(difficulty)) {
      expect(problem.answer.toNumber()).toBeCloseTo(evaluate(problem.expression), 9);
    }
  });

  it.each([
    ['easy', ['add', 'divide', 'multiply', 'subtract']],
    ['medium', ['decimal_add', 'fraction_add', 'multiply', 'order_of_operations', 'percent']],
    ['hard', ['decimal_multiply', 'divide_rounded', 'fraction_multiply', 'linear_equation', 'powers']],
  ] as const)('uses every %s problem kind', (difficulty, kinds) => {
    expect([...new Set(allProblems(difficulty).map((p) => p.kind))].sort()).toEqual(kinds);
  });

  it('keeps easy answers integers', () => {
    for (const problem of allProblems('easy')) expect(problem.answer.isInteger()).toBe(true);
  });

  it('uses decimals only where the answer terminates, unless the question asks for rounding', () => {
    for (const problem of MATH_DIFFICULTIES.flatMap(allProblems)) {
      if (problem.decimals !== undefined) {
        expect(problem.question).toContain(`rounded to ${problem.decimals} decimal places`);
      } else if (/\d\.\d/.test(problem.question) || problem.kind === 'percent') {
        expect(problem.answer.terminates()).toBe(true);
      }
    }
  });

  it('states linear equations whose solution is the answer', () => {
    const equations = allProblems('hard').filter((p) => p.kind === 'linear_equation');
    expect(equations.length).toBeGreaterThan(0);
    for (const p of equations) {
      const [, a, sign, b, c] = /^Solve for x: (-?\d+)x ([+-]) (\d+) = (-?\d+)$/.exec(p.question)!;
      const x = p.answer.toNumber();
      expect(Number(a) * x + (sign === '-' ? -1 : 1) * Number(b)).toBeCloseTo(Number(c), 9);
    }
  });
});

describe('mathPrompt and mathAnswerKey', () => {
  const problems = generateMathProblems('prompt', { difficulty: 'hard', count: 4 });

  it('numbers the questions and explains the answer format', () => {
    const prompt = mathPrompt(problems);
    expect(prompt).toContain('"<number>. <answer>"');
    problems.forEach((p, i) => expect(prompt).toContain(`\n${i + 1}. ${p.question}`));
  });

  it('stores answers as exact "n" or "n/d" text and keeps the rounding request', () => {
    const key = mathAnswerKey(problems);
    expect(key.challenge).toBe('math_calculation');
    expect(key.problems.map((p) => p.answer)).toEqual(problems.map((p) => p.answer.toString()));
    const rounded = mathAnswerKey(generateMathProblems(3, { difficulty: 'hard', count: 30 })).problems.filter((p) => p.decimals);
    expect(rounded.length).toBeGreaterThan(0);
    expect(rounded.every((p) => p.decimals === 2)).toBe(true);
  });
});

describe('scoreMath', () => {
  const key = {
    challenge: 'math_calculation' as const,
    version: 1 as const,
    problems: [
      { id: 'p1', answer: '42' },
      { id: 'p2', answer: '7/2' },
      { id: 'p3', answer: '22/7', decimals: 2 },
      { id: 'p4', answer: '-5' },
    ],
  };

  it('scores a fully correct reply 1 and shows what was read', () => {
    const result = scoreMath(key, '1. 42\n2. 3 1/2\n3. 3.14\n4. -5');
    expect(result.score).toBe(1);
    expect(result.details).toEqual([
      { id: 'p1', expected: '42', given: '42', correct: true },
      { id: 'p2', expected: '7/2', given: '3 1/2', correct: true },
      { id: 'p3', expected: '22/7', given: '3.14', correct: true },
      { id: 'p4', expected: '-5', given: '-5', correct: true },
    ]);
  });

  it('scores the fraction of problems answered correctly', () => {
    expect(scoreMath(key, '1. 42\n2. 3.4\n3. 3.142857142857\n4. 5').score).toBe(0.5);
  });

  it('counts unanswered problems as wrong with nothing read', () => {
    const result = scoreMath(key, '2. 7/2');
    expect(result.score).toBe(0.25);
    expect(result.details[0]).toEqual({ id: 'p1', expected: '42', given: null, correct: false });
  });

  it('reads worked answers with an answer label inside each part', () => {
    const reply = '1. 6 × 7\nAnswer: 42\n\n2. 7 ÷ 2 = 3.5\n3. 22 ÷ 7 ≈ 3.14\n4. x = -5';
    expect(scoreMath(key, reply).score).toBe(1);
  });

  it('scores 0 for an empty or numberless reply', () => {
    expect(scoreMath(key, '').score).toBe(0);
    expect(scoreMath(key, 'I refuse.').score).toBe(0);
  });

  it('accepts an unnumbered reply when there is a single problem', () => {
    const single = { ...key, problems: [{ id: 'p1', answer: '42' }] };
    expect(scoreMath(single, 'The answer is 42.').score).toBe(1);
    expect(scoreMath(single, '1. 41\n1. 42').score).toBe(1);
  });

  it('scores generated problems answered with their own exact answers as 1 (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...MATH_DIFFICULTIES), fc.integer({ min: 1, max: 12 }), (seed, difficulty, count) => {
        const problems = generateMathProblems(seed, { difficulty, count });
        const reply = problems.map((p, i) => `${i + 1}. ${p.answer.toDecimal() ?? p.answer.toString()}`).join('\n');
        expect(scoreMath(mathAnswerKey(problems), reply).score).toBe(1);
      }),
      { numRuns: 50 },
    );
  });
});
