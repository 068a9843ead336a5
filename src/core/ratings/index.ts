// Rating maths: online ELO, pair aggregation, Bradley–Terry, bootstrap intervals, ranks, leaderboard.
export * from './elo.ts';
export * from './pairs.ts';
export * from './bradley-terry.ts';
export * from './bootstrap.ts';
export * from './ranks.ts';
export * from './leaderboard.ts';
export * from './random.ts';
export * from './binomial.ts';
export * from './synthetic.ts';
