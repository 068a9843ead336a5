// createApp(deps) builds the whole HTTP surface and never listens: server.ts serves it, tests call
// app.request() directly.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../core/app-error.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { errorResponse } from './errors.ts';
import { authenticate } from './middleware/auth.ts';
import { requestContext } from './middleware/request-context.ts';
import { registerAuth } from './routes/auth.ts';
import { registerBattleResultRoutes } from './routes/battle-results.ts';
import { registerBattleRoutes } from './routes/battles.ts';
import { registerDocs } from './routes/docs.ts';
import { registerDraftRoutes } from './routes/drafts.ts';
import { registerHealth } from './routes/health.ts';
import { registerLeaderboardRoutes } from './routes/leaderboards.ts';
import { registerLensRoutes } from './routes/lenses.ts';
import { registerRpc } from './routes/rpc.ts';
import { registerWeb } from './routes/web.ts';

export type { AppDeps } from './context.ts';

// Largest JSON body accepted: an entry may be up to 200k characters of text plus metadata.
const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // zod failures on routes with declared schemas become the standard 400 envelope.
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues;
        throw new AppError('invalid_input', issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), 400, {
          details: issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
    },
  });
  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => errorResponse(c, new AppError('not_found', `no route for ${c.req.method} ${c.req.path}`, 404)));

  app.use('*', requestContext(deps.logger));
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', 'request body is too large', 413);
    },
  });
  const auth = authenticate(deps.db, deps.signer);
  for (const prefix of ['/api/*', '/rpc/*']) app.use(prefix, limit, auth);

  registerHealth(app, deps);
  registerAuth(app, deps);
  registerBattleRoutes(app, deps);
  registerBattleResultRoutes(app, deps);
  registerLeaderboardRoutes(app, deps);
  registerLensRoutes(app, deps);
  registerDraftRoutes(app, deps);
  registerRpc(app, deps);
  registerDocs(app, deps);
  registerWeb(app, deps);
  return app;
}
