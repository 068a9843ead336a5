// Reading answers from free text and judging them exactly, with the tolerance and rounding rules.
import { describe, expect, it } from 'vitest';
import { isCorrect, parseAnswer, splitNumberedAnswers, tokenValue } from '../../../src/core/challenges/math-answer.ts';
import { Rational } from '../../../src/core/rational.ts';

const read = (text: string) => parseAnswer(text)?.value.toString() ?? null;

describe('parseAnswer', () => {
  it.each([
    ['42', '42'],
    ['-3.5', '-7/2'],
    ['7/2', '7/2'],
    ['3 1/2', '7/2'],
    ['-3 1/2', '-7/2'],
    ['x = 42', '42'],
    ['x=-3', '-3'],
    ['The answer is 42.', '42'],
    ['About −12 (Unicode minus)', '-12'],
    ['.5', '1/2'],
    ['1,234,567.5', '2469135/2'],
    ['$1,234', '1234'],
    ['15%', '15'],
    ['First 3, then 4, so 12', '12'],
  ])('reads %j as %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('prefers the line labelled answer over later numbers', () => {
    expect(read('Answer: 42\nI checked it 3 times.')).toBe('42');
  });

  it.each([
    ['answer = 9', '9'],
    ['Final answer: 10', '10'],
    ['**Answer:** 11', '11'],
    ['**Answer**: 12', '12'],
    ['> ANSWER: 13', '13'],
    ['- answer : 14', '14'],
  ])('recognises the label in %j', (text, expected) => {
    expect(read(`Work: 1 + 2 + 3\n${text}\nDone in 5 steps.`)).toBe(expected);
  });

  it('takes the last number on the labelled line', () => {
    expect(read('Answer: 6 × 7 = 42')).toBe('42');
  });

  it('takes the last labelled line when there are several', () => {
    expect(read('Answer: 41\nWait, no.\nAnswer: 42\nok 7')).toBe('42');
  });

  it('reads the next non-empty line when the label stands alone', () => {
    expect(read('Answer:\n\n  42\nchecked twice')).toBe('42');
    expect(read('**Answer:**\n43')).toBe('43');
  });

  it('falls back to the last number when the labelled line has no number', () => {
    expect(read('It is 42.\nAnswer: see above')).toBe('42');
  });

  it('falls back when a standalone label is the last line', () => {
    expect(read('It is 5.\nAnswer:')).toBe('5');
  });

  it('does not treat "answers" or "the answer is" as a label', () => {
    expect(read('answers: 1\nthe answer is: 2\n7')).toBe('7');
  });

  it('does not take a sign after a digit: 5-3 holds 5 and 3', () => {
    expect(read('5-3')).toBe('3');
  });

  it('ignores numbers glued to letters', () => {
    expect(read('it is 12 not x2')).toBe('12');
    expect(read('7 apples and 2x')).toBe('7');
  });

  it('reads "3 5/2" as its last number, 5/2 (only proper fractions make mixed numbers)', () => {
    expect(read('3 5/2')).toBe('5/2');
  });

  it('reads no number in "1,23" (not thousands) or "1e5" (no exponents)', () => {
    expect(read('1,23')).toBeNull();
    expect(read('1e5')).toBeNull();
  });

  it('returns null for text without numbers and for a zero denominator', () => {
    expect(parseAnswer('no idea')).toBeNull();
    expect(parseAnswer('')).toBeNull();
    expect(parseAnswer('7/0')).toBeNull();
    expect(parseAnswer('3 1/0')).toBeNull();
  });

  it('keeps the raw token for display', () => {
    expect(parseAnswer('so x = -3 1/2.')?.raw).toBe('-3 1/2');
  });

  it('values tokens exactly', () => {
    expect(tokenValue('-1,000.25')?.toString()).toBe('-4001/4');
    expect(tokenValue('−2/4')?.toString()).toBe('-1/2');
  });
});

describe('isCorrect', () => {
  const R = (n: number, d = 1) => Rational.of(n, d);

  it('accepts any exact form of the answer', () => {
    for (const text of ['7/2', '3.5', '3 1/2', '14/4', '3.50']) {
      expect(isCorrect(parseAnswer(text)!.value, R(7, 2))).toBe(true);
    }
  });

  it('accepts a decimal within 1e-9 relative of a non-terminating answer', () => {
    expect(isCorrect(Rational.parse('0.3333333333')!, R(1, 3))).toBe(true);
    expect(isCorrect(Rational.parse('0.33333')!, R(1, 3))).toBe(false);
  });

  it('measures the tolerance relative to large answers and absolute below 1', () => {
    expect(isCorrect(Rational.parse('1000000.0001')!, R(1_000_000))).toBe(true);
    expect(isCorrect(Rational.parse('1000000.01')!, R(1_000_000))).toBe(false);
    expect(isCorrect(Rational.parse('0.000000001')!, R(0))).toBe(true);
    expect(isCorrect(Rational.parse('0.000000002')!, R(0))).toBe(false);
  });

  it('accepts the answer rounded to the requested decimals, half away from zero', () => {
    expect(isCorrect(Rational.parse('3.14')!, R(22, 7), 2)).toBe(true);
    expect(isCorrect(Rational.parse('3.140')!, R(22, 7), 2)).toBe(true);
    expect(isCorrect(Rational.parse('-0.67')!, R(-2, 3), 2)).toBe(true);
    expect(isCorrect(Rational.parse('3.1')!, R(22, 7), 2)).toBe(false);
    expect(isCorrect(Rational.parse('3.15')!, R(22, 7), 2)).toBe(false);
  });

  it('does not accept rounding when the problem does not ask for it', () => {
    expect(isCorrect(Rational.parse('3.14')!, R(22, 7))).toBe(false);
  });

  it('rejects a wrong sign', () => {
    expect(isCorrect(R(-42), R(42))).toBe(false);
  });
});

describe('splitNumberedAnswers', () => {
  it('splits "1. x", "2) y", "Q3: z", "Problem 4: w" and "**5.** v" lines', () => {
    const parts = splitNumberedAnswers('1. 42\n2) 7/2\nQ3: -1\nProblem 4: 8\n**5.** 9');
    expect([...parts.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(parts.get(2)).toBe(' 7/2');
    expect(parts.get(5)).toBe('** 9');
  });

  it('keeps continuation lines with the problem above them', () => {
    const parts = splitNumberedAnswers('intro line\n1. Work: 6 × 7\nAnswer: 42\n2. 5');
    expect(parseAnswer(parts.get(1)!)?.raw).toBe('42');
    expect(parts.has(0)).toBe(false);
  });

  it('does not mistake a decimal at the start of a line for a problem number', () => {
    expect([...splitNumberedAnswers('3.5\n1.25').keys()]).toEqual([]);
  });

  it('keeps the last part when a number repeats', () => {
    expect(splitNumberedAnswers('1. 10\n1. 11').get(1)).toBe(' 11');
  });

  it('handles Windows line endings', () => {
    expect(splitNumberedAnswers('1. 10\r\n2. 20').get(2)).toBe(' 20');
  });
});
