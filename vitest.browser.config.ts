// Browser tests (test/browser): the real server on a fresh database, the built web app, and Debian
// chromium driven by playwright-core. One worker: each file starts a server and a browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts', 'test/browser/support/build-web.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
