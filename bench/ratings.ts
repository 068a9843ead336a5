// Rating maths at scale: 10M synthetic pairwise outcomes over 200 models, timed against one plain read of them.
//
// (a) read-once: one pass summing a, b and outcome — the floor any computation over the votes pays;
// (b) leaderboard: aggregate counts + Bradley–Terry fit + 100 bootstrap rounds + ranks;
// (c) online ELO over the whole stream, in order.
// Args: [outcomes=10000000] [models=200] [seed=1].
import { performance } from 'node:perf_hooks';
import { aggregatePairs, createRandom, eloStream, generateOutcomes, leaderboardFromCounts } from '../src/core/ratings/index.ts';

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

export async function main(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 10_000_000);
  const models = Number(args[1] ?? 200);
  const seed = Number(args[2] ?? 1);

  // True ratings spread like a real arena: uniform over 700..1300.
  const random = createRandom(seed);
  const truth = Float64Array.from({ length: models }, () => 700 + 600 * random.nextFloat());
  const generated = time(() => generateOutcomes({ ratings: truth, count, seed: seed + 1, tieRate: 0.2 }));
  const outcomes = generated.value;
  console.log(`generated ${count.toLocaleString('en')} outcomes over ${models} models in ${seconds(generated.ms)} s`);

  // Best of five: the pass is short and the floor should not be inflated by a cold cache.
  let readMs = Infinity;
  let checksum = 0;
  for (let run = 0; run < 5; run++) {
    const read = time(() => {
      const { a, b, outcome } = outcomes;
      let sum = 0;
      for (let t = 0; t < outcome.length; t++) sum += a[t] + b[t] + outcome[t];
      return sum;
    });
    readMs = Math.min(readMs, read.ms);
    checksum = read.value;
  }
  console.log(`read-once: ${(readMs).toFixed(1)} ms (checksum ${checksum})`);

  // buildLeaderboard is exactly these two steps; timed apart to show where the time goes.
  const aggregate = time(() => aggregatePairs(outcomes, models));
  const ranked = time(() => leaderboardFromCounts(aggregate.value, { rounds: 100, seed }));
  const leaderboard = { ms: aggregate.ms + ranked.ms };
  const meanTruth = truth.reduce((sum, r) => sum + r, 0) / models;
  const top = ranked.value[0];
  let covered = 0;
  for (const row of ranked.value) {
    const anchored = truth[Number(row.entityId)] - meanTruth + 1000;
    if (row.lower <= anchored && anchored <= row.upper) covered++;
  }
  console.log(
    `leaderboard: ${seconds(leaderboard.ms)} s (aggregate ${aggregate.ms.toFixed(0)} ms, fit + 100 bootstrap rounds + rows ` +
      `${ranked.ms.toFixed(0)} ms); top ${top.entityId} ${top.rating.toFixed(1)} [${top.lower.toFixed(1)}, ${top.upper.toFixed(1)}], ` +
      `true ${(truth[Number(top.entityId)] - meanTruth + 1000).toFixed(1)}; true rating inside the 95% interval for ` +
      `${covered}/${ranked.value.length} models`,
  );

  const elo = time(() => eloStream(outcomes.a, outcomes.b, outcomes.outcome, models));
  let best = 0;
  for (let i = 1; i < models; i++) if (elo.value.ratings[i] > elo.value.ratings[best]) best = i;
  console.log(`online ELO: ${seconds(elo.ms)} s; top ${best} at ${elo.value.ratings[best].toFixed(1)}`);

  console.log(
    `ratings: leaderboard ${seconds(leaderboard.ms)} s (aim < 5 s) = ${(leaderboard.ms / readMs).toFixed(1)}x read-once; ` +
      `online ELO ${seconds(elo.ms)} s (aim < 1 s) = ${(elo.ms / readMs).toFixed(1)}x read-once`,
  );
}
