// Ratings services: online ELO reads and operator moves, and the global leaderboards (fit, snapshots, job).
export * from './categories.ts';
export * from './elo-history.ts';
export * from './operator-actions.ts';
export * from './leaderboard-inputs.ts';
export * from './leaderboard-job.ts';
export * from './snapshots.ts';
