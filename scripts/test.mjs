// `npm test`: the whole suite — every database, API, CLI and core test (vitest.config.ts), then the
// browser tests in Debian chromium (vitest.browser.config.ts) when chromium is installed. With file
// or filter arguments only the first run gets them (a developer aiming at a few tests).
// `.ci/run` runs the same two configurations, on PGlite and on Postgres, and installs chromium first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.LF_CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const vitest = (extra) => spawnSync('npx', ['vitest', 'run', ...extra], { stdio: 'inherit' }).status ?? 1;

let status = vitest(args);
if (args.length === 0) {
  if (existsSync(chromium)) {
    status = vitest(['--config', 'vitest.browser.config.ts']) || status;
  } else {
    console.warn(`\nbrowser tests skipped: no chromium at ${chromium} (Debian: apt-get install chromium; or set LF_CHROMIUM_PATH)`);
  }
}
process.exit(status);
