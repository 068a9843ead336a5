// The math_calculation challenge: seeded, reproducible arithmetic problems with exact answers, and their scoring.
//
// The same (seed, difficulty, count) always yields the same problems, so a battle can be re-run or
// audited from its stored seed. Answers are exact rationals; decimals appear in questions only
// where every answer still terminates, except the "round to 2 decimal places" division problems,
// which say so. Reading and comparing answers: see math-answer.ts.
import { z } from 'zod';
import { seededRandom, type SeededRandom } from '../random.ts';
import { Rational } from '../rational.ts';
import { isCorrect, parseAnswer, splitNumberedAnswers } from './math-answer.ts';

export const MATH_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type MathDifficulty = (typeof MATH_DIFFICULTIES)[number];

export const mathOptionsSchema = z.object({
  difficulty: z.enum(MATH_DIFFICULTIES).default('medium'),
  count: z.number().int().min(1).max(50).default(10),
});
export type MathOptions = z.input<typeof mathOptionsSchema>;

export interface MathProblem {
  id: string;
  kind: string;
  /** What the contender reads. */
  question: string;
  /** The same computation in ASCII JavaScript syntax (tests evaluate it as an independent check). */
  expression: string;
  answer: Rational;
  /** Decimal places the question asks to round to, if any. */
  decimals?: number;
}

export const mathAnswerKeySchema = z.object({
  challenge: z.literal('math_calculation'),
  version: z.literal(1),
  problems: z
    .array(
      z.object({
        id: z.string(),
        answer: z.string().refine((s) => Rational.parse(s) !== null, 'answer must be "n" or "n/d"'),
        decimals: z.number().int().min(0).max(12).optional(),
      }),
    )
    .min(1),
});
export type MathAnswerKey = z.infer<typeof mathAnswerKeySchema>;

type Maker = (rng: SeededRandom) => Omit<MathProblem, 'id'>;
const R = (n: number, d = 1) => Rational.of(n, d);
const signed = (n: number) => (n < 0 ? `(${n})` : `${n}`);
const frac = (n: number, d: number) => `${n}/${d}`;

function make(kind: string, question: string, expression: string, answer: Rational, decimals?: number) {
  return decimals === undefined ? { kind, question, expression, answer } : { kind, question, expression, answer, decimals };
}

/** A decimal with exactly `places` digits after the point, as text and as an exact value. */
function decimal(rng: SeededRandom, maxInt: number, places: number): [string, Rational] {
  const scale = 10 ** places;
  const units = rng.int(1, maxInt * scale - 1);
  // Built from integers, not toFixed, so the text is exactly the value.
  const text = `${Math.floor(units / scale)}.${String(units % scale).padStart(places, '0')}`;
  return [text, R(units, scale)];
}

const MAKERS: Record<MathDifficulty, Maker[]> = {
  easy: [
    (rng) => {
      const a = rng.int(10, 99), b = rng.int(10, 99);
      return make('add', `${a} + ${b}`, `${a} + ${b}`, R(a + b));
    },
    (rng) => {
      const a = rng.int(10, 99), b = rng.int(10, 99);
      return make('subtract', `${a} - ${b}`, `${a} - ${b}`, R(a - b));
    },
    (rng) => {
      const a = rng.int(2, 9), b = rng.int(11, 99);
      return make('multiply', `${a} × ${b}`, `${a} * ${b}`, R(a * b));
    },
    (rng) => {
      const d = rng.int(2, 12), q = rng.int(2, 20);
      return make('divide', `${d * q} ÷ ${d}`, `${d * q} / ${d}`, R(q));
    },
  ],
  medium: [
    (rng) => {
      const a = rng.int(12, 99), b = rng.int(12, 99);
      return make('multiply', `${a} × ${b}`, `${a} * ${b}`, R(a * b));
    },
    (rng) => {
      const a = rng.int(2, 50), b = rng.int(2, 12), c = rng.int(2, 12), d = rng.int(1, 60);
      return make('order_of_operations', `${a} + ${b} × ${c} - ${d}`, `${a} + ${b} * ${c} - ${d}`, R(a + b * c - d));
    },
    (rng) => {
      const b = rng.int(2, 9), d = rng.int(2, 9), a = rng.int(1, b - 1), c = rng.int(1, d - 1);
      const op = rng.pick(['+', '-'] as const);
      const answer = op === '+' ? R(a, b).add(R(c, d)) : R(a, b).sub(R(c, d));
      return make('fraction_add', `${frac(a, b)} ${op} ${frac(c, d)}`, `${a} / ${b} ${op} ${c} / ${d}`, answer);
    },
    (rng) => {
      // Percent of a multiple of 4 at a multiple of 5: the answer has at most one decimal place.
      const p = 5 * rng.int(1, 19), n = 4 * rng.int(5, 60);
      return make('percent', `${p}% of ${n}`, `${p} / 100 * ${n}`, R(p * n, 100));
    },
    (rng) => {
      const [x, xv] = decimal(rng, 50, 2), [y, yv] = decimal(rng, 50, 1);
      return make('decimal_add', `${x} + ${y}`, `${x} + ${y}`, xv.add(yv));
    },
  ],
  hard: [
    (rng) => {
      const b = rng.int(2, 12), d = rng.int(2, 12), a = rng.int(1, 15), c = rng.int(1, 15);
      const op = rng.pick(['×', '÷'] as const);
      const answer = op === '×' ? R(a, b).mul(R(c, d)) : R(a, b).div(R(c, d));
      return make('fraction_multiply', `${frac(a, b)} ${op} ${frac(c, d)}`, `(${a} / ${b}) ${op === '×' ? '*' : '/'} (${c} / ${d})`, answer);
    },
    (rng) => {
      const a = rng.pick([-9, -7, -5, -4, -3, -2, 2, 3, 4, 5, 7, 9]), b = rng.int(-30, 30), c = rng.int(-60, 60);
      const bText = b < 0 ? `- ${-b}` : `+ ${b}`;
      return make('linear_equation', `Solve for x: ${a}x ${bText} = ${c}`, `(${c} - ${signed(b)}) / ${signed(a)}`, R(c - b, a));
    },
    (rng) => {
      const [x, xv] = decimal(rng, 30, 2), [y, yv] = decimal(rng, 20, 1);
      return make('decimal_multiply', `${x} × ${y}`, `${x} * ${y}`, xv.mul(yv));
    },
    (rng) => {
      const b = rng.pick([3, 7, 9, 11, 13]), a = rng.int(b + 1, 20 * b);
      const question = `${a} ÷ ${b}, rounded to 2 decimal places`;
      return make('divide_rounded', question, `${a} / ${b}`, R(a, b), 2);
    },
    (rng) => {
      const a = rng.int(-15, 15), b = rng.int(2, 9), c = rng.int(2, 40);
      return make('powers', `${signed(a)}² - ${b}³ + ${c}`, `${signed(a)} ** 2 - ${b} ** 3 + ${c}`, R(a * a - b ** 3 + c));
    },
  ],
};

/** The problems for a seed; problem i uses the generator's i-th draws, so a prefix never changes with count. */
export function generateMathProblems(seed: string | number, options: MathOptions = {}): MathProblem[] {
  const { difficulty, count } = mathOptionsSchema.parse(options);
  const rng = seededRandom(`math_calculation:${difficulty}:${seed}`);
  const makers = MAKERS[difficulty];
  return Array.from({ length: count }, (_, i) => ({ id: `p${i + 1}`, ...rng.pick(makers)(rng) }));
}

/** The task text shown to contenders. */
export function mathPrompt(problems: readonly MathProblem[]): string {
  return [
    'Solve each problem. Reply with one line per problem in the form "<number>. <answer>", for example "1. 42".',
    'Give exact answers: an integer, a fraction such as 7/2 (or the mixed number 3 1/2), or a decimal.',
    'Where a problem asks for rounding, round to that many decimal places.',
    '',
    ...problems.map((p, i) => `${i + 1}. ${p.question}`),
  ].join('\n');
}

export function mathAnswerKey(problems: readonly MathProblem[]): MathAnswerKey {
  return {
    challenge: 'math_calculation',
    version: 1,
    problems: problems.map((p) => ({ id: p.id, answer: p.answer.toString(), ...(p.decimals !== undefined && { decimals: p.decimals }) })),
  };
}

export interface MathProblemResult {
  id: string;
  expected: string;
  /** The token read from the submission, or null when none was found. */
  given: string | null;
  correct: boolean;
}

/** Fraction of problems answered correctly. A single-problem reply may skip the numbering. */
export function scoreMath(answerKey: MathAnswerKey, submissionText: string): { score: number; details: MathProblemResult[] } {
  const parts = splitNumberedAnswers(submissionText);
  if (answerKey.problems.length === 1 && !parts.has(1)) parts.set(1, submissionText);
  const details = answerKey.problems.map((problem, i) => {
    const exact = Rational.parse(problem.answer)!;
    const part = parts.get(i + 1);
    const parsed = part === undefined ? null : parseAnswer(part);
    return {
      id: problem.id,
      expected: problem.answer,
      given: parsed?.raw ?? null,
      correct: parsed !== null && isCorrect(parsed.value, exact, problem.decimals),
    };
  });
  return { score: details.filter((d) => d.correct).length / details.length, details };
}
