// GET /health: {"status":"ok"} when the database answers, 503 otherwise. Used by probes.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';

const Health = z.object({ status: z.enum(['ok', 'error']), database: z.enum(['up', 'down']) });

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['operations'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
    503: { description: 'Database unreachable', content: { 'application/json': { schema: Health } } },
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    try {
      await deps.db.query('select 1');
      return c.json({ status: 'ok' as const, database: 'up' as const }, 200);
    } catch (err) {
      c.get('logger').error({ err }, 'health check: database unreachable');
      return c.json({ status: 'error' as const, database: 'down' as const }, 503);
    }
  });
}
