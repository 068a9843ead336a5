// The AI judge's verdict: extraction from messy replies, schema validation, and swapped-order combination.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineSwapped,
  parseJudgeVerdict,
  unswapVerdict,
  type JudgeVerdict,
  type VerdictWinner,
} from '../../src/core/judge-verdict.ts';

const verdictJson = JSON.stringify({
  winner: 'A',
  criteria: [{ criterionId: 'accuracy', resultA: 'pass', resultB: 'partial', explanation: 'A is exact.' }],
  explanation: 'A answers the task; B drifts.',
});

function parsed(reply: string): JudgeVerdict {
  const result = parseJudgeVerdict(reply);
  if (!result.ok) throw new Error(`${result.reason}: ${result.issues.join('; ')}`);
  return result.verdict;
}

describe('parseJudgeVerdict', () => {
  it('accepts a bare JSON verdict', () => {
    expect(parsed(verdictJson)).toEqual(JSON.parse(verdictJson));
  });

  it('accepts a verdict without criteria', () => {
    expect(parsed('{"winner":"draw","explanation":"Equal."}')).toEqual({ winner: 'draw', explanation: 'Equal.' });
  });

  it('extracts the verdict from ```json fences', () => {
    expect(parsed('```json\n' + verdictJson + '\n```').winner).toBe('A');
  });

  it('extracts the verdict from fences without a language tag and prose around them', () => {
    expect(parsed('Here is my verdict:\n```\n' + verdictJson + '\n```\nThanks!').winner).toBe('A');
  });

  it('extracts the verdict from surrounding prose without fences', () => {
    expect(parsed(`After comparing both, ${verdictJson} — that is final.`).winner).toBe('A');
  });

  it('skips braces in prose that are not JSON', () => {
    expect(parsed(`Both used {placeholders} and {braces}. Verdict: ${verdictJson}`).winner).toBe('A');
  });

  it('ignores braces inside JSON strings when finding the object', () => {
    const reply = '{"winner":"B","explanation":"A left a stray } and \\"{\\" in its code"}';
    expect(parsed(`text ${reply} text`)).toEqual({ winner: 'B', explanation: 'A left a stray } and "{" in its code' });
  });

  it('takes the last valid verdict when the reply contains several', () => {
    const draft = '{"winner":"A","explanation":"first thought"}';
    const final = '{"winner":"B","explanation":"on reflection"}';
    expect(parsed(`Draft: ${draft}\nFinal: ${final}`).winner).toBe('B');
  });

  it('prefers a valid verdict over a later invalid object', () => {
    expect(parsed(`${verdictJson} and also {"note": 1}`).winner).toBe('A');
  });

  it.each([
    ['a', 'A'],
    [' b ', 'B'],
    ['DRAW', 'draw'],
    ['Draw', 'draw'],
  ])('forgives case and padding in the winner %j', (winner, expected) => {
    expect(parsed(JSON.stringify({ winner, explanation: '' })).winner).toBe(expected);
  });

  it('refuses a reply without any JSON object as judge_bad_json / no_json_object', () => {
    expect(parseJudgeVerdict('I think A is better.')).toEqual({
      ok: false,
      code: 'judge_bad_json',
      reason: 'no_json_object',
      message: "The judge's reply contains no JSON object.",
      issues: [],
    });
  });

  it('refuses an empty reply as no_json_object', () => {
    expect(parseJudgeVerdict('')).toMatchObject({ ok: false, reason: 'no_json_object' });
  });

  it('refuses an unclosed object as no_json_object', () => {
    expect(parseJudgeVerdict('{"winner": "A", "explanation": "cut off')).toMatchObject({ reason: 'no_json_object' });
  });

  it('refuses malformed JSON (trailing comma, single quotes) as invalid_json', () => {
    expect(parseJudgeVerdict('{"winner":"A","explanation":"x",}')).toMatchObject({ code: 'judge_bad_json', reason: 'invalid_json' });
    expect(parseJudgeVerdict("{'winner':'A'}")).toMatchObject({ reason: 'invalid_json' });
  });

  it.each([
    ['an unknown winner', { winner: 'C', explanation: '' }, 'winner'],
    ['a tie spelled "tie"', { winner: 'tie', explanation: '' }, 'winner'],
    ['a missing explanation', { winner: 'A' }, 'explanation'],
    ['a non-string winner', { winner: 1, explanation: '' }, 'winner'],
    [
      'a bad criterion result',
      { winner: 'A', explanation: '', criteria: [{ criterionId: 'c', resultA: 'great', resultB: 'fail', explanation: '' }] },
      'criteria.0.resultA',
    ],
    [
      'an empty criterion id',
      { winner: 'A', explanation: '', criteria: [{ criterionId: '', resultA: 'pass', resultB: 'fail', explanation: '' }] },
      'criteria.0.criterionId',
    ],
    [
      'a repeated criterion id',
      {
        winner: 'A',
        explanation: '',
        criteria: [
          { criterionId: 'c', resultA: 'pass', resultB: 'fail', explanation: '' },
          { criterionId: 'c', resultA: 'fail', resultB: 'pass', explanation: '' },
        ],
      },
      'criteria',
    ],
  ])('refuses %s as schema_mismatch, naming the field', (_name, value, field) => {
    const result = parseJudgeVerdict(`Verdict: ${JSON.stringify(value)}`);
    expect(result).toMatchObject({ ok: false, code: 'judge_bad_json', reason: 'schema_mismatch' });
    if (!result.ok) expect(result.issues.some((issue) => issue.startsWith(`${field}:`))).toBe(true);
  });

  it('reports the problems of the outermost object, not of a nested item', () => {
    const value = { winner: 'X', explanation: '', criteria: [{ criterionId: 'c', resultA: 'pass', resultB: 'fail', explanation: '' }] };
    const result = parseJudgeVerdict(JSON.stringify(value));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([expect.stringMatching(/^winner:/)]);
  });

  it('refuses a JSON array whose items are not verdicts as schema_mismatch', () => {
    expect(parseJudgeVerdict('[{"winner":"A"}]')).toMatchObject({ reason: 'schema_mismatch' });
  });

  it('gives up quickly on a reply full of braces', () => {
    const started = performance.now();
    expect(parseJudgeVerdict('{'.repeat(20_000)).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(typeof parseJudgeVerdict(text).ok).toBe('boolean');
      }),
    );
  });
});

describe('unswapVerdict', () => {
  it('swaps the winner and each criterion\u2019s results back to the original order', () => {
    const swapped: JudgeVerdict = {
      winner: 'A',
      criteria: [{ criterionId: 'c', resultA: 'pass', resultB: 'fail', explanation: 'e' }],
      explanation: 'x',
    };
    expect(unswapVerdict(swapped)).toEqual({
      winner: 'B',
      criteria: [{ criterionId: 'c', resultA: 'fail', resultB: 'pass', explanation: 'e' }],
      explanation: 'x',
    });
  });

  it('keeps a draw a draw and leaves absent criteria absent', () => {
    expect(unswapVerdict({ winner: 'draw', explanation: '' })).toEqual({ winner: 'draw', explanation: '' });
  });
});

describe('combineSwapped', () => {
  const v = (winner: VerdictWinner): JudgeVerdict => ({ winner, explanation: '' });

  it.each([
    // first run, swapped run (as reported, where A is the original B), combined
    ['A', 'B', 'A', true],
    ['B', 'A', 'B', true],
    ['draw', 'draw', 'draw', true],
    ['A', 'A', 'draw', false],
    ['B', 'B', 'draw', false],
    ['A', 'draw', 'draw', false],
    ['draw', 'B', 'draw', false],
    ['B', 'draw', 'draw', false],
    ['draw', 'A', 'draw', false],
  ] as const)('first %s, swapped %s → %s (agreed: %s)', (first, swapped, winner, agreed) => {
    expect(combineSwapped(v(first), v(swapped))).toMatchObject({ winner, agreed });
  });

  it('reports both runs in the original orientation', () => {
    expect(combineSwapped(v('A'), v('A'))).toEqual({ winner: 'draw', agreed: false, firstWinner: 'A', swappedWinner: 'B' });
  });

  it('lets a judge that always picks the first slot decide nothing', () => {
    expect(combineSwapped(v('A'), v('A')).winner).toBe('draw');
    expect(combineSwapped(v('B'), v('B')).winner).toBe('draw');
  });
});
