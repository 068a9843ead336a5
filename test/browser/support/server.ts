// The real app (createApp) over a fresh test database, listening on a free local port and serving
// the built web app from dist/web, as `npm start` does. With `ai`, also what `npm start` runs beside
// the API for AI battles: the execution worker, polling the same database, with provider keys from
// config; its models are served by the local provider servers (the Anthropic and OpenAI-compatible
// wire formats, scripted models: test/e2e/harness.ts), whose base URLs the model rows carry.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../../../src/api/app.ts';
import { providerSource, startExecutionWorker, type ExecutionWorker } from '../../../src/battles/index.ts';
import { TokenSigner } from '../../../src/identity/tokens.ts';
import { silentLogger } from '../../../src/logging/logger.ts';
import { addModel, dbOracle, FAST_RETRY, KEYS, startProviders, type ProviderName, type Providers } from '../../e2e/harness.ts';
import { createTestDb, prepareTemplate, type TestDb } from '../../support/db.ts';

export interface AiBackend {
  providers: Providers;
  worker: ExecutionWorker;
  /** An ai.models row served by a local provider server (e.g. 'judge-scripted', 'writer-strong'). */
  addModel(provider: ProviderName, modelId: string): Promise<string>;
}

export interface TestServer {
  url: string;
  db: TestDb;
  /** Present when started with `ai: true`. */
  ai: AiBackend | null;
  /** An access token for a profile, as /api/auth/login would give (for pages opened signed in). */
  tokenFor(profileId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(opts: { ai?: boolean } = {}): Promise<TestServer> {
  // Idempotent, and quick once the snapshot exists; covers migrations that changed since globalSetup.
  await prepareTemplate();
  const db = await createTestDb();
  const signer = new TokenSigner('b'.repeat(32));
  const app = createApp({ db, signer, logger: silentLogger, webDir: path.resolve('dist/web') });
  let ai: AiBackend | null = null;
  if (opts.ai) {
    const providers = await startProviders({ oracle: dbOracle(db) });
    // As src/server.ts starts it; a short poll and fast retries keep the tests quick.
    const worker = startExecutionWorker({ db, logger: silentLogger, providers: providerSource(KEYS, { retry: FAST_RETRY }),
      concurrency: 4, pollMs: 100, retryDelayMs: () => 50 });
    ai = { providers, worker, addModel: (provider, modelId) => addModel(db, providers, provider, modelId) };
  }
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    ai,
    tokenFor: (profileId) => signer.sign(profileId, 'authenticated'),
    async close() {
      const http = server as ServerType & { closeAllConnections?: () => void };
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        http.closeAllConnections?.();
      });
      await ai?.worker.stop();
      await ai?.providers.close();
      await db.destroy();
    },
  };
}
