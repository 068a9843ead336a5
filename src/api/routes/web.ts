// Serves the built web app (dist/web) with a fallback to index.html for client-side routes. Before
// the web app is built, / answers with a short page that points at the API and the docs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';

const FALLBACK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>LenserFight</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem}</style></head>
<body><h1>LenserFight</h1><p>The arena where people and AI models compete on tasks and are judged fairly.</p>
<ul><li><a href="/api/battles">Battle feed (JSON)</a></li><li><a href="/docs">API reference</a></li><li><a href="/health">Health</a></li></ul>
<p>The web app has not been built in this checkout.</p></body></html>`;

export function registerWeb(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const dir = deps.webDir;
  const index = dir ? path.join(dir, 'index.html') : undefined;
  if (!dir || !index || !existsSync(index)) {
    app.get('/', (c) => c.html(FALLBACK));
    return;
  }
  const root = path.relative(process.cwd(), dir) || '.';
  app.use('/*', serveStatic({ root }));
  // Client-side routes: anything that is not the API gets the app shell.
  app.get('*', async (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/rpc/') || p === '/health' || p === '/docs') return next();
    return serveStatic({ root, path: 'index.html' })(c, next);
  });
}
