// The per-file setup of the browser tests: the real server (server.ts) and a chromium (browser.ts),
// started in the file's beforeAll and closed in its afterAll.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

export interface BrowserSuite {
  /** Set once the beforeAll hook has run (read them inside tests and later hooks only). */
  server: TestServer;
  browser: Browser;
}

/** Registers the hooks at the top of a test file; `opts` go to startServer. */
export function useServerAndBrowser(opts: { ai?: boolean } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startServer(opts);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
