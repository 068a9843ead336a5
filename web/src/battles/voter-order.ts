// Blind voting shows entries in an order of their own to every voter, so position bias averages out
// across voters; the order is seeded by voter and battle, so a reload shows the same order.

/** FNV-1a, 32 bits: a small, fast, well-spread hash of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The entries sorted by hash(seed, entry id): a stable permutation per seed. */
export function orderForViewer<T extends { id: string }>(items: readonly T[], seed: string): T[] {
  return [...items]
    .map((item) => ({ item, key: hash32(`${seed}:${item.id}`) }))
    .sort((a, b) => a.key - b.key || (a.item.id < b.item.id ? -1 : 1))
    .map((x) => x.item);
}

const VISITOR_KEY = 'lf.visitor';

/** A stable id for a signed-out visitor (only used to seed the order they see). */
export function visitorId(): string {
  try {
    let v = localStorage.getItem(VISITOR_KEY);
    if (!v) {
      v = crypto.randomUUID();
      localStorage.setItem(VISITOR_KEY, v);
    }
    return v;
  } catch {
    return 'anonymous';
  }
}

/** Display letters for positions: A, B, C… (positions on screen, not the contenders' slots). */
export function positionLetter(i: number): string {
  return String.fromCharCode(65 + i);
}
