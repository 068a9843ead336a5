// Seeded pseudo-random numbers for reproducible generated content (challenge problems, prompts).
//
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand): 128 bits of state,
// 32-bit integer arithmetic only. The seed string is hashed to the state with cyrb128 so that any
// text — a battle id, "42", a date — is a seed and nearby seeds give unrelated streams. A numeric
// seed is used through its decimal string, so 42 and "42" give the same sequence on purpose: seeds
// are stored as text and must mean the same thing after a round trip.
// (src/core/ratings has its own generator for simulations; the two are deliberately independent.)

export interface SeededRandom {
  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive; exact (rejection sampling, no modulo bias). */
  int(min: number, max: number): number;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** cyrb128: four 32-bit hashes of a string, a good-enough seed mixer (not cryptographic). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator whose whole sequence is fixed by the seed. */
export function seededRandom(seed: string | number): SeededRandom {
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new RangeError(`Seed must be finite, got ${seed}.`);
  let [a, b, c, d] = cyrb128(String(seed));

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // Discard the first outputs: sfc32's state needs a few rounds to mix, as its author recommends.
  for (let i = 0; i < 12; i++) nextUint32();

  function int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min || max - min >= 2 ** 32) {
      throw new RangeError(`int(${min}, ${max}) needs integers with 0 <= max - min < 2^32.`);
    }
    const span = max - min + 1;
    // Accept only draws below the largest multiple of span, so every value is equally likely.
    const limit = 2 ** 32 - (2 ** 32 % span);
    let draw = nextUint32();
    while (draw >= limit) draw = nextUint32();
    return min + (draw % span);
  }

  return {
    nextUint32,
    next: () => nextUint32() / 2 ** 32,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs at least one item.');
      return items[int(0, items.length - 1)];
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}
