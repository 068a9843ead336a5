// Builds the migrated snapshot (PGlite) or template database (Postgres) once per run.
import { prepareTemplate } from './db.ts';

export default async function setup(): Promise<void> {
  await prepareTemplate();
}
