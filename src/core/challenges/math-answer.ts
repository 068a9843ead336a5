// Reading numeric answers out of free text and comparing them exactly, for the math_calculation challenge.
//
// Which number is the answer: if a line is labelled `answer:` (or `answer =`, `Final answer:`, with
// optional Markdown such as `**Answer:**`), the last number-like token on the last such line (or on
// the next non-empty line when the label stands alone); otherwise the last number-like token in the
// whole text. So "x = 42", "The answer is 42." and "Answer: 42" all read 42.
//
// Number-like tokens: integers "42", "-7" (also with the Unicode minus "−"); decimals "3.5", ".5";
// thousands separators "1,234,567.5" (commas in groups of three only, so "1,23" is no number);
// fractions "7/2"; mixed numbers "3 1/2" = 7/2 (one space, numerator below the denominator — as
// written in schools; otherwise "3 5/2" reads as two numbers, the last being 5/2). A sign only
// counts after a non-digit, so "5-3" holds 5 and 3. No exponents ("1e5" is no number) and no decimal
// commas. A token glued to letters ("x2", "2x") is not a number.
//
// Correct when (1) the value equals the exact answer, or (2) it is within 1e-9·max(1, |exact|) of
// it — so a long decimal of a fraction such as 0.3333333333 for 1/3 counts — or (3) the problem
// asks for rounding to d decimals and the value equals the exact answer rounded half away from
// zero to d decimals.
import { Rational } from '../rational.ts';

const TOKEN =
  /(?<![\p{L}\p{N}_.,/])[-−]?(?:\d+ \d+\/\d+|\d+\/\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\p{L}\p{N}_/]|[.,]\d)/gu;

const ANSWER_LABEL = /^[\s>*#_-]*(?:final\s+)?answer\b[^:=\n\p{L}\p{N}]*[:=](.*)$/imu;

export interface ParsedAnswer {
  value: Rational;
  /** The token as written, for showing contenders what was read. */
  raw: string;
}

/** The value of one number-like token, or null (zero denominator). */
export function tokenValue(raw: string): Rational | null {
  const negative = raw.startsWith('-') || raw.startsWith('−');
  const body = (negative ? raw.slice(1) : raw).replace(/,/g, '');
  let value: Rational | null;
  const mixed = /^(\d+) (\d+)\/(\d+)$/.exec(body);
  if (mixed) {
    const fraction = Rational.parse(`${mixed[2]}/${mixed[3]}`);
    if (!fraction) return null;
    // Only a proper fraction makes a mixed number; "3 5/2" is read as its last number, 5/2.
    value = fraction.compare(Rational.of(1)) < 0 ? Rational.parse(mixed[1])!.add(fraction) : fraction;
  } else {
    value = Rational.parse(body);
  }
  return value && negative ? value.neg() : value;
}

function lastToken(text: string): string | null {
  let last: string | null = null;
  for (const match of text.matchAll(TOKEN)) last = match[0];
  return last;
}

/** The answer read from a piece of text by the rule in the header, or null when there is none. */
export function parseAnswer(text: string): ParsedAnswer | null {
  const lines = text.split(/\r?\n/);
  let raw: string | null = null;
  for (let i = lines.length - 1; i >= 0 && raw === null; i--) {
    const label = ANSWER_LABEL.exec(lines[i]);
    if (!label) continue;
    raw = lastToken(label[1]);
    if (raw === null && label[1].trim().replace(/[*_]/g, '') === '') {
      const next = lines.slice(i + 1).find((line) => line.trim() !== '');
      raw = next === undefined ? null : lastToken(next);
    }
    // A labelled line without a number falls through to an earlier label, then to the whole text.
  }
  raw ??= lastToken(text);
  if (raw === null) return null;
  const value = tokenValue(raw);
  return value ? { value, raw } : null;
}

const TOLERANCE = Rational.of(1, 1_000_000_000);

/** Whether `given` answers a problem whose exact answer is `exact` (rules in the header). */
export function isCorrect(given: Rational, exact: Rational, decimals?: number): boolean {
  if (given.equals(exact)) return true;
  const bound = TOLERANCE.mul(exact.abs().compare(Rational.of(1)) > 0 ? exact.abs() : Rational.of(1));
  if (given.sub(exact).abs().compare(bound) <= 0) return true;
  return decimals !== undefined && given.equals(exact.round(decimals));
}

// "1. 42", "1) 42", "Q1: 42", "Problem 1: 42", "**1.** 42" — but not "3.5", which is a number.
const NUMBERED_LINE = /^[\s>*#_-]*(?:(?:problem|question|q)\s*)?#?(\d+)\s*(?:[):]|\.(?!\d))(.*)$/i;

/**
 * Splits a reply into the text answering each problem: a line starting with a problem number opens
 * that problem's part, which runs until the next numbered line. A number given twice keeps its last
 * part (the contender's final word).
 */
export function splitNumberedAnswers(text: string): Map<number, string> {
  const parts = new Map<number, string>();
  let current: number | null = null;
  let buffer: string[] = [];
  const flush = () => {
    if (current !== null) parts.set(current, buffer.join('\n'));
  };
  for (const line of text.split(/\r?\n/)) {
    const numbered = NUMBERED_LINE.exec(line);
    if (numbered) {
      flush();
      current = Number(numbered[1]);
      buffer = [numbered[2]];
    } else if (current !== null) {
      buffer.push(line);
    }
  }
  flush();
  return parts;
}
