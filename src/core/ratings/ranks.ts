// Leaderboard ranks from confidence intervals: an entity is only placed below those it is clearly behind.
//
//   rank_i = 1 + #{ j : lower_j > upper_i }
// i.e. one plus the number of entities whose whole interval lies above this entity's interval.
// Entities with overlapping intervals can share a rank; ranks need not be consecutive (as in
// FastChat's leaderboard). Sorting the lower bounds makes it O(N log N).

/** Rank of each entity given interval bounds `lower[i] <= upper[i]`. */
export function ranksFromIntervals(lower: ArrayLike<number>, upper: ArrayLike<number>): Int32Array {
  const n = lower.length;
  if (upper.length !== n) throw new RangeError('lower and upper must have equal lengths');
  const sortedLower = Float64Array.from(lower).sort();
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // First index whose lower bound is > upper[i]; everything from there on is strictly above.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedLower[mid] > upper[i]) hi = mid;
      else lo = mid + 1;
    }
    ranks[i] = 1 + (n - lo);
  }
  return ranks;
}
