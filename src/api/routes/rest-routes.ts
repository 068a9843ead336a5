// REST routes over the catalogued RPCs, from a table: each row names its RPC; path parameters and the
// JSON body (or query, for reads) are merged into the RPC's arguments, which the catalogue validates.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { rpcDefinition } from '../../battles/rpc-catalog.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { parseArgsBody, respondWithRpc } from './rpc.ts';
import { Anything, errorResponses } from './schemas.ts';

export interface RestRoute {
  method: 'get' | 'post' | 'delete';
  path: string;
  rpc: string;
  /** Arguments read from the query string (GET); values are coerced by queryArgs. */
  query?: boolean;
  created?: boolean;
  /** OpenAPI tag; default 'battles'. */
  tag?: string;
  /** The documented summary; default the catalogue's, with the RPC's name. */
  summary?: string;
  /** The documented body; default the RPC's arguments less the path parameters. */
  body?: z.ZodType;
  /** The documented answer (a schemas.ts `ok`); default any JSON value, or 204 for a void RPC. */
  response?: { description: string; content: { 'application/json': { schema: z.ZodType } } };
}

const INTEGER_QUERY = new Set(['limit', 'offset']);
const BOOLEAN_QUERY = new Set(['owned_only']);
const ARRAY_QUERY = new Set(['statuses']);

/** Query strings are text: numbers and comma lists become what the RPC schema expects. */
function queryArgs(query: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) {
    if (INTEGER_QUERY.has(k)) out[k] = /^-?\d+$/.test(v) ? Number(v) : v;
    else if (ARRAY_QUERY.has(k)) out[k] = v.split(',').filter(Boolean);
    else if (BOOLEAN_QUERY.has(k)) out[k] = v === 'true' ? true : v === 'false' ? false : v;
    else out[k] = v;
  }
  // "results" is the feed's shorthand for finished battles.
  if (out.status === 'results') {
    delete out.status;
    out.statuses = ['closed', 'published'];
  }
  return out;
}

function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

export function registerRestRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps, routes: readonly RestRoute[]): void {
  for (const r of routes) {
    const def = rpcDefinition(r.rpc);
    const params = pathParams(r.path);
    const paramSchema = z.object(Object.fromEntries(params.map((p) => [p, def.body.shape[p] as z.ZodType])));
    const rest = def.body.omit(Object.fromEntries(params.map((p) => [p, true])) as never);
    const status = r.created ? 201 : 200;
    const route = createRoute({
      method: r.method,
      path: r.path,
      tags: [r.tag ?? 'battles'],
      summary: r.summary ?? `${def.summary} (${def.name})`,
      request: {
        ...(params.length ? { params: paramSchema } : {}),
        ...(r.query ? { query: z.object(Object.fromEntries(Object.keys(rest.shape).map((k) => [k, z.string().optional()]))) } : {}),
        ...(!r.query && r.method === 'post' ? { body: { content: { 'application/json': { schema: r.body ?? rest } }, required: false } } : {}),
      },
      responses: r.response
        ? { [status]: r.response, ...errorResponses }
        : {
            [status]: { description: 'Result', content: { 'application/json': { schema: Anything } } },
            204: { description: 'Done' },
            ...errorResponses,
          },
    });
    app.openapi(route, (async (c: Parameters<Parameters<typeof app.openapi>[1]>[0]) => {
      const fromPath = c.req.param() as Record<string, string>;
      let args: Record<string, unknown>;
      if (r.query) {
        args = queryArgs(c.req.query());
      } else if (r.method === 'post') {
        args = parseArgsBody(await c.req.text());
      } else {
        args = {};
      }
      return respondWithRpc(c as never, deps, def, { ...args, ...fromPath }, status);
    }) as never);
  }
}
