// `tsx scripts/migrate.ts`: applies pending migrations to DATABASE_URL or the embedded data directory.
import { loadConfig } from '../src/config/config.ts';
import { openDb } from '../src/db/open.ts';
import { migrate } from '../src/db/migrate.ts';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date');
} finally {
  await db.close();
}
