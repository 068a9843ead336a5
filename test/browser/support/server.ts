// The real app (createApp) over a fresh test database, listening on a free local port and serving
// the built web app from dist/web, as `npm start` does.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../../../src/api/app.ts';
import { TokenSigner } from '../../../src/identity/tokens.ts';
import { silentLogger } from '../../../src/logging/logger.ts';
import { createTestDb, prepareTemplate, type TestDb } from '../../support/db.ts';

export interface TestServer {
  url: string;
  db: TestDb;
  /** An access token for a profile, as /api/auth/login would give (for pages opened signed in). */
  tokenFor(profileId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  // Idempotent, and quick once the snapshot exists; covers migrations that changed since globalSetup.
  await prepareTemplate();
  const db = await createTestDb();
  const signer = new TokenSigner('b'.repeat(32));
  const app = createApp({ db, signer, logger: silentLogger, webDir: path.resolve('dist/web') });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    tokenFor: (profileId) => signer.sign(profileId, 'authenticated'),
    async close() {
      const http = server as ServerType & { closeAllConnections?: () => void };
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        http.closeAllConnections?.();
      });
      await db.destroy();
    },
  };
}
