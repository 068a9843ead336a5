// `npm start`: migrate, seed demo data on the first embedded start, serve API + web.
import { serve } from '@hono/node-server';
import { createApp } from './api/app.ts';
import { loadConfig } from './config/config.ts';
import { resolveJwtSecret } from './config/jwt-secret.ts';
import { EMBEDDED_MAINTENANCE_JOB_NAME } from './db/embedded-maintenance.ts';
import { migrate } from './db/migrate.ts';
import { openDb } from './db/open.ts';
import { TokenSigner } from './identity/tokens.ts';
import { createLogger } from './logging/logger.ts';
import { startScheduler } from './ops/scheduler.ts';
import { serverJobs } from './ops/server-jobs.ts';
import { providerSource, startExecutionWorker } from './battles/index.ts';
import { DEMO_LOGIN, seedDemo } from '../db/seed/demo.ts';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize, settings: config.settings });
const applied = await migrate(db);
if (applied.length) logger.info({ applied }, 'migrations applied');

const embedded = !config.databaseUrl;
// One transaction that re-checks its marker under a lock: a failed seed leaves nothing and runs again
// on the next start; a finished one never runs twice.
if (config.demoSeed && (await seedDemo(db))) logger.info('demo data seeded');

const app = createApp({ db, signer: new TokenSigner(resolveJwtSecret(config)), logger, webDir: config.webDir });
const scheduler = startScheduler(serverJobs(db, logger), logger);
// Where serverJobs schedules it (embedded): what the migrations and the demo seed wrote gets its
// statistics before the first request.
if (scheduler.jobNames.includes(EMBEDDED_MAINTENANCE_JOB_NAME)) await scheduler.runNow(EMBEDDED_MAINTENANCE_JOB_NAME);
const worker = config.worker.enabled
  ? startExecutionWorker({ db, logger, providers: providerSource(config.providerKeys, { logger, allowScripted: config.demoSeed }),
      concurrency: config.worker.concurrency, pollMs: config.worker.pollMs })
  : null;
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const url = `http://${config.host}:${info.port}`;
  logger.info({ url, database: embedded ? `embedded (${config.dataDir})` : 'postgres' }, 'LenserFight is up');
  console.log(`\nLenserFight is running at ${url}\n  API reference: ${url}/docs\n` +
    (config.demoSeed ? `  Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n` : ''));
});

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close();
  await worker?.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
