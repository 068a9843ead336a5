// POST /rpc/<fn_name> for every catalogued RPC, PostgREST style: the JSON body holds the arguments
// by name, the answer is the function's value (204 for void functions).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../core/app-error.ts';
import { RPC_LIST, type RpcDefinition } from '../../battles/rpc-catalog.ts';
import { rpcAs } from '../../battles/rpc.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { Anything, errorResponses } from './schemas.ts';

// No argument nests anywhere near this deep; past a few thousand levels JSON.stringify (run when a
// jsonb argument is sent to the database) overflows the stack, so deeper bodies are refused here.
const MAX_JSON_DEPTH = 64;

function nestedDeeperThan(value: unknown, max: number): boolean {
  // Iterative: a recursive walk would overflow on the very bodies it guards against.
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > max) return true;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A request body as named arguments: empty means none; it must be a JSON object of sane depth. */
export function parseArgsBody(raw: string): Record<string, unknown> {
  let args: unknown = {};
  if (raw.trim()) {
    try {
      args = JSON.parse(raw);
    } catch {
      throw new AppError('invalid_input', 'malformed JSON body', 400);
    }
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new AppError('invalid_input', 'the body must be a JSON object of named arguments', 400);
  }
  if (nestedDeeperThan(args, MAX_JSON_DEPTH)) {
    throw new AppError('invalid_input', `the body nests deeper than ${MAX_JSON_DEPTH} levels`, 400);
  }
  return args as Record<string, unknown>;
}

/** Runs the RPC as the caller and renders its value the same way for /rpc and the REST routes. */
export async function respondWithRpc(c: Context<AppEnv>, deps: AppDeps, def: RpcDefinition, args: Record<string, unknown>, successStatus: 200 | 201 = 200) {
  const result = await rpcAs(deps.db, c.get('claims'), def.name, args);
  if (def.shape === 'void') return c.body(null, 204);
  if (result === null && def.notFoundWhenNull) throw new AppError('not_found', `${def.notFoundWhenNull} not found`, 404);
  return c.json(result as never, successStatus);
}

export function registerRpc(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  for (const def of RPC_LIST) {
    const route = createRoute({
      method: 'post',
      path: `/rpc/${def.name}`,
      tags: ['rpc'],
      summary: def.summary,
      deprecated: def.deprecated,
      request: { body: { content: { 'application/json': { schema: def.body } }, required: false } },
      responses: {
        200: { description: 'The function value', content: { 'application/json': { schema: Anything } } },
        204: { description: 'Done (void function)' },
        ...errorResponses,
      },
    });
    // Validation happens in rpcAs with the same schema; an empty body means no arguments.
    app.openapi(route, async (c) => respondWithRpc(c, deps, def, parseArgsBody(await c.req.text())) as never);
  }
}
