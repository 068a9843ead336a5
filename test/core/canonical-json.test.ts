// Canonical JSON follows RFC 8785 (including its published test vectors) and refuses what JSON cannot carry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalHash, canonicalJson, sha256Hex } from '../../src/core/canonical-json.ts';

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function refusal(value: unknown): CanonicalJsonError {
  try {
    canonicalJson(value);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return error;
    throw error;
  }
  throw new Error('expected canonicalJson to throw');
}

describe('canonicalJson', () => {
  it('reproduces the RFC 8785 section 3.2.3 example', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units as in the RFC 8785 section 3.2.3 sorting example', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the order from the text: JSON.parse would move the integer-like key "1" first again.
    const text = canonicalJson(input);
    const positions = Object.values(input).map((v) => [v, text.indexOf(v)] as const);
    expect(positions.sort((a, b) => a[1] - b[1]).map(([v]) => v)).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('writes the IEEE-754 number 0x%s as %s (RFC 8785 appendix B)', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  it.each(['7fffffffffffffff', '7ff0000000000000'])('refuses the non-finite number 0x%s', (bits) => {
    expect(() => canonicalJson(fromBits(bits))).toThrow(CanonicalJsonError);
  });

  it('writes nested structures without whitespace and sorts keys at every level', () => {
    expect(canonicalJson({ b: [1, { z: true, a: null }], a: { y: 'x', c: [] }, '': {} })).toBe(
      '{"":{},"a":{"c":[],"y":"x"},"b":[1,{"a":null,"z":true}]}',
    );
  });

  it('gives the same text for objects that differ only in key order', () => {
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('writes primitives at the top level', () => {
    expect([null, true, false, 'x', -1.5].map(canonicalJson)).toEqual(['null', 'true', 'false', '"x"', '-1.5']);
  });

  it('escapes control characters in lower-case hex and leaves other unicode as is', () => {
    expect(canonicalJson('\u0001\u001f\t\b\f"\\ é 😀 \u2028')).toBe('"\\u0001\\u001f\\t\\b\\f\\"\\\\ é 😀 \u2028"');
  });

  it('omits object properties whose value is undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('uses toJSON, so a Date becomes its ISO string', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) })).toBe('{"at":"2024-01-02T03:04:05.000Z"}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = 1;
    expect(canonicalJson(bare)).toBe('{"k":1}');
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, { shared }])).toBe('[{"x":1},{"shared":{"x":1}}]');
  });

  it.each([
    ['NaN', { a: NaN }, '/a'],
    ['Infinity', [1, Infinity], '/1'],
    ['-Infinity', -Infinity, ''],
    ['undefined in an array', [1, undefined], '/1'],
    ['undefined at the top', undefined, ''],
    ['a bigint', { n: 1n }, '/n'],
    ['a function', { f: () => 1 }, '/f'],
    ['a symbol', [Symbol('s')], '/0'],
    ['a Map', { m: new Map([[1, 2]]) }, '/m'],
    ['a class instance', { c: new (class Thing {})() }, '/c'],
    ['a lone surrogate in a string', { s: 'a\ud800b' }, '/s'],
    ['a lone surrogate in a key', { ['\udc00']: 1 }, ''],
    ['a nested path with escaped pointer characters', { 'a/b': { 'c~d': [NaN] } }, '/a~1b/c~0d/0'],
  ])('refuses %s with canonical_json_invalid and the path', (_name, value, path) => {
    const error = refusal(value);
    expect(error.code).toBe('canonical_json_invalid');
    expect(error.path).toBe(path);
    expect(error.message).toContain('Cannot canonicalize');
  });

  it('refuses circular references', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(refusal(loop).message).toContain('circular');
    const arrayLoop: unknown[] = [];
    arrayLoop.push(arrayLoop);
    expect(refusal(arrayLoop).path).toBe('/0');
  });

  it('round-trips through JSON.parse to an equal value and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reparsed: unknown = JSON.parse(text);
        expect(canonicalJson(reparsed)).toBe(text);
        expect(reparsed).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes strings as UTF-8, the same as their bytes', () => {
    const text = 'héllo 😀';
    expect(sha256Hex(text)).toBe(sha256Hex(new TextEncoder().encode(text)));
    expect(sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sha256Hex('abc'));
  });

  it('canonicalHash hashes the canonical text, so key order does not change it', () => {
    expect(canonicalHash({ b: 1, a: [true] })).toBe(sha256Hex('{"a":[true],"b":1}'));
    expect(canonicalHash({ a: [true], b: 1 })).toBe(canonicalHash({ b: 1, a: [true] }));
  });
});
