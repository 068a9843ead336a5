// Canonical JSON (RFC 8785, JSON Canonicalization Scheme) and SHA-256, so hashes and signatures over JSON are stable.
//
// JCS in short: no whitespace; object keys sorted by their UTF-16 code units (which is what the
// default JS string sort compares, so no custom comparator is needed); numbers written the way
// ECMAScript writes them (JSON.stringify already does: 1e+21, 1e-7, -0 → 0); strings escaped as
// JSON.stringify escapes them. We refuse, rather than silently change, anything JSON cannot carry.
import { createHash } from 'node:crypto';

export class CanonicalJsonError extends Error {
  readonly code = 'canonical_json_invalid';
  /** JSON-pointer-like path to the offending value, e.g. "/items/2". */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`Cannot canonicalize value at ${path || '/'}: ${problem}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

// In a /u regex a surrogate range matches only unpaired halves: I-JSON (RFC 7493), which JCS
// builds on, forbids them, and two different byte sequences must never hash the same.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(path, 'string contains an unpaired surrogate');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      // undefined, bigint, function, symbol: JSON has no such value.
      throw new CanonicalJsonError(path, `${typeof value} is not a JSON value`);
  }

  const object = value as object;
  // Honour toJSON like JSON.stringify does, so a Date becomes its ISO string.
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(object), path, ancestors);
  if (ancestors.has(object)) throw new CanonicalJsonError(path, 'circular reference');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      // Unlike JSON.stringify we do not turn undefined into null: that would hash a different document.
      return `[${object.map((item, i) => write(item, pointer(path, i), ancestors)).join(',')}]`;
    }
    if (!isPlainObject(object)) {
      // A Map or class instance would serialize as {} and lose its content without a word.
      throw new CanonicalJsonError(path, `${object.constructor?.name ?? 'object'} is not a plain object`);
    }
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      // Like JSON.stringify, a property whose value is undefined is absent.
      if (member === undefined) continue;
      if (LONE_SURROGATE.test(key)) throw new CanonicalJsonError(path, 'key contains an unpaired surrogate');
      members.push(`${JSON.stringify(key)}:${write(member, pointer(path, key), ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

/** The RFC 8785 canonical form of a JSON value; throws CanonicalJsonError for values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  return write(value, '', new Set());
}

/** Lower-case hex SHA-256 of a string (encoded as UTF-8) or of raw bytes. */
export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}

/** SHA-256 of the canonical JSON of a value: the hash used for integrity fields and signatures. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
