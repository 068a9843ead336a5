// Exact rational numbers over bigint, so generated answers and their comparison never suffer rounding.

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`Rational parts must be safe integers, got ${value}.`);
  return BigInt(value);
}

/** An immutable fraction num/den in lowest terms with den > 0. */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = toBigInt(num);
    let d = toBigInt(den);
    if (d === 0n) throw new RangeError('Rational denominator must not be zero.');
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d); // never 0: d is not 0
    return new Rational(n / g, d / g);
  }

  /** Parses "n", "-n/d" or a plain decimal "-12.034"; null for anything else or a zero denominator. */
  static parse(text: string): Rational | null {
    const fraction = /^(-?\d+)(?:\/(\d+))?$/.exec(text);
    if (fraction) {
      const den = BigInt(fraction[2] ?? '1');
      return den === 0n ? null : Rational.of(BigInt(fraction[1]), den);
    }
    const decimal = /^(-?)(\d*)\.(\d+)$/.exec(text);
    if (!decimal) return null;
    const digits = BigInt(`${decimal[2] || '0'}${decimal[3]}`);
    return Rational.of(decimal[1] ? -digits : digits, 10n ** BigInt(decimal[3].length));
  }

  add(other: Rational): Rational {
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  div(other: Rational): Rational {
    if (other.num === 0n) throw new RangeError('Division by zero.');
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than other. */
  compare(other: Rational): number {
    const diff = this.num * other.den - other.num * this.den;
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** True when the decimal expansion ends (the denominator has no prime factor but 2 and 5). */
  terminates(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /** Rounded to `places` decimals, halves away from zero (the school rule). */
  round(places: number): Rational {
    const scale = 10n ** BigInt(places);
    const scaled = this.abs().num * scale;
    const rounded = (2n * scaled + this.den) / (2n * this.den);
    return Rational.of(this.num < 0n ? -rounded : rounded, scale);
  }

  /** Exact decimal text of a terminating value ("3.5", "-0.125"); null if the expansion never ends. */
  toDecimal(): string | null {
    if (!this.terminates()) return null;
    let places = 0;
    while ((10n ** BigInt(places)) % this.den !== 0n) places++;
    const digits = (this.abs().num * 10n ** BigInt(places)) / this.den;
    const text = digits.toString().padStart(places + 1, '0');
    const body = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
    return this.num < 0n ? `-${body}` : body;
  }

  /** "n" for integers, else "n/d": the form stored in answer keys. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
}
