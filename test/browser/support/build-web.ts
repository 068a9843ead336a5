// globalSetup of the browser tests: build the web app into dist/web once per run, so the tests drive
// exactly what `npm start` serves.
import path from 'node:path';
import { build } from 'vite';

export default async function buildWeb(): Promise<void> {
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
}
