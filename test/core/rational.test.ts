// Exact rationals: normalisation, arithmetic, parsing, rounding and decimal expansion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/core/rational.ts';

const R = (n: number, d = 1) => Rational.of(n, d);

describe('Rational', () => {
  it('normalises to lowest terms with a positive denominator', () => {
    expect(R(6, -4).toString()).toBe('-3/2');
    expect(R(0, -5).toString()).toBe('0');
    expect(R(10, 5).isInteger()).toBe(true);
  });

  it('refuses a zero denominator and unsafe integers', () => {
    expect(() => R(1, 0)).toThrow(RangeError);
    expect(() => R(0.5)).toThrow(RangeError);
    expect(() => R(2 ** 60)).toThrow(RangeError);
    expect(Rational.of(2n ** 80n).toString()).toBe((2n ** 80n).toString());
  });

  it('adds, subtracts, multiplies and divides exactly', () => {
    expect(R(1, 3).add(R(1, 6)).toString()).toBe('1/2');
    expect(R(1, 3).sub(R(1, 2)).toString()).toBe('-1/6');
    expect(R(2, 3).mul(R(9, 4)).toString()).toBe('3/2');
    expect(R(2, 3).div(R(-4, 9)).toString()).toBe('-3/2');
    expect(() => R(1).div(R(0))).toThrow(/Division by zero/);
  });

  it('compares and tests equality by value', () => {
    expect(R(1, 3).compare(R(2, 6))).toBe(0);
    expect(R(-1, 2).compare(R(1, 3))).toBe(-1);
    expect(R(1, 2).compare(R(1, 3))).toBe(1);
    expect(R(2, 4).equals(R(1, 2))).toBe(true);
    expect(R(-2, 3).abs().toString()).toBe('2/3');
    expect(R(2, 3).abs().toString()).toBe('2/3');
  });

  it.each([
    ['42', '42'],
    ['-7', '-7'],
    ['14/4', '7/2'],
    ['-3/6', '-1/2'],
    ['3.50', '7/2'],
    ['-0.125', '-1/8'],
    ['.5', '1/2'],
    ['-.5', '-1/2'],
    ['00012', '12'],
  ])('parses %j as %s', (text, expected) => {
    expect(Rational.parse(text)?.toString()).toBe(expected);
  });

  it.each(['', '1/0', '1.', 'abc', '1/-2', '+3', '1 1/2', '1e5', '--1'])('does not parse %j', (text) => {
    expect(Rational.parse(text)).toBeNull();
  });

  it('knows which values have a terminating decimal expansion', () => {
    expect(R(7, 40).terminates()).toBe(true);
    expect(R(1, 3).terminates()).toBe(false);
    expect(R(1, 6).terminates()).toBe(false);
  });

  it.each([
    [R(7, 2), '3.5'],
    [R(-1, 8), '-0.125'],
    [R(3, 100), '0.03'],
    [R(42), '42'],
    [R(-1, 50), '-0.02'],
  ])('writes %s as the exact decimal %s', (value, expected) => {
    expect(value.toDecimal()).toBe(expected);
  });

  it('has no exact decimal for a repeating expansion', () => {
    expect(R(2, 3).toDecimal()).toBeNull();
  });

  it('rounds half away from zero', () => {
    expect(R(22, 7).round(2).toDecimal()).toBe('3.14');
    expect(R(2, 3).round(2).toDecimal()).toBe('0.67');
    expect(R(5, 1000).round(2).toDecimal()).toBe('0.01');
    expect(R(-5, 1000).round(2).toDecimal()).toBe('-0.01');
    expect(R(-2, 3).round(0).toString()).toBe('-1');
    expect(R(1, 4).round(0).toString()).toBe('0');
  });

  it('converts to a float', () => {
    expect(R(-7, 4).toNumber()).toBe(-1.75);
  });

  it('obeys field laws on random values (property)', () => {
    const rational = fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
      .map(([n, d]) => R(n, d));
    fc.assert(
      fc.property(rational, rational, rational, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.sub(b).add(b).equals(a)).toBe(true);
        if (b.num !== 0n) expect(a.div(b).mul(b).equals(a)).toBe(true);
        expect(Math.abs(a.toNumber() - Number(a.num) / Number(a.den))).toBe(0);
      }),
    );
  });
});
