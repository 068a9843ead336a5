// REST routes over the same RPCs: /api/battles and its actions. Each route names its RPC; path
// parameters and the JSON body (or query, for reads) are merged into the RPC's arguments.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { rpcDefinition } from '../../battles/rpc-catalog.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { parseArgsBody, respondWithRpc } from './rpc.ts';
import { Anything, errorResponses } from './schemas.ts';

interface RestRoute {
  method: 'get' | 'post' | 'delete';
  path: string;
  rpc: string;
  /** Arguments read from the query string (GET); values are coerced by queryArgs. */
  query?: boolean;
  created?: boolean;
}

const ACTIONS: Array<[string, string]> = [
  ['publish', 'fn_publish_battle'],
  ['open', 'fn_battles_open'],
  ['retract', 'fn_battles_retract'],
  ['start-execution', 'fn_battle_start_execution'],
  ['open-voting', 'fn_battle_open_voting'],
  ['close-voting', 'fn_battle_close_voting'],
  ['start-scoring', 'fn_battle_start_scoring'],
  ['finalize', 'fn_battles_finalize'],
  ['close', 'fn_battles_close'],
  ['publish-results', 'fn_battles_publish_results'],
  ['archive', 'fn_battles_archive'],
  ['cancel', 'fn_battles_cancel'],
  ['join', 'fn_battles_join'],
  ['withdraw', 'fn_battles_withdraw'],
  ['ai-contenders', 'fn_battles_add_ai_contender'],
  ['invitations', 'fn_battles_invite_with_token'],
  ['submissions', 'fn_battles_submit'],
  ['votes', 'fn_submit_vote'],
  ['clone', 'fn_battles_clone'],
  ['template', 'fn_battles_create_template'],
  ['draft', 'fn_battles_update_draft'],
  ['comments', 'fn_battle_post_comment'],
  ['messages', 'fn_post_global_message'],
];

const ROUTES: RestRoute[] = [
  { method: 'get', path: '/api/battles', rpc: 'fn_battle_gets_feed', query: true },
  { method: 'post', path: '/api/battles', rpc: 'fn_battles_create', created: true },
  { method: 'get', path: '/api/battles/by-slug/{slug}', rpc: 'fn_battle_get_full' },
  { method: 'get', path: '/api/battles/{battle_id}', rpc: 'fn_battles_get_public' },
  { method: 'delete', path: '/api/battles/{battle_id}', rpc: 'fn_battles_delete' },
  { method: 'get', path: '/api/battles/{battle_id}/leaderboard', rpc: 'fn_battles_leaderboard' },
  { method: 'get', path: '/api/battles/{battle_id}/eligibility', rpc: 'fn_battle_vote_eligibility' },
  { method: 'get', path: '/api/battles/{battle_id}/comments', rpc: 'fn_battle_get_comments', query: true },
  { method: 'get', path: '/api/battles/{battle_id}/messages', rpc: 'fn_get_global_messages', query: true },
  ...ACTIONS.map(([action, rpc]): RestRoute => ({ method: 'post', path: `/api/battles/{battle_id}/${action}`, rpc })),
  { method: 'post', path: '/api/battles/from-template', rpc: 'fn_battles_create_from_template', created: true },
  { method: 'post', path: '/api/rubrics', rpc: 'fn_rubrics_create', created: true },
  { method: 'post', path: '/api/invitations/accept', rpc: 'fn_battles_accept_invitation' },
  { method: 'get', path: '/api/rubrics', rpc: 'fn_rubrics_list' },
  { method: 'get', path: '/api/lensers/{handle}', rpc: 'fn_lenser_get_profile' },
  { method: 'post', path: '/api/lensers/{profile_id}/verify', rpc: 'fn_set_verified' },
  { method: 'get', path: '/api/ai-lensers', rpc: 'fn_ai_lensers_list', query: true },
  { method: 'post', path: '/api/ai-lensers', rpc: 'fn_ai_lensers_create', created: true },
  { method: 'get', path: '/api/models', rpc: 'fn_models_list' },
  { method: 'post', path: '/api/models', rpc: 'fn_models_create', created: true },
  { method: 'post', path: '/api/lenses', rpc: 'fn_lenses_create', created: true },
  { method: 'post', path: '/api/lenses/{lens_id}/versions', rpc: 'fn_lens_versions_create', created: true },
  { method: 'post', path: '/api/battles/{battle_id}/lens-assignments', rpc: 'fn_battles_assign_lens' },
  { method: 'post', path: '/api/battles/{battle_id}/judging', rpc: 'fn_battles_set_judging' },
  { method: 'post', path: '/api/battles/{battle_id}/judges', rpc: 'fn_battles_name_judge' },
  { method: 'delete', path: '/api/battles/{battle_id}/judges/{profile_id}', rpc: 'fn_battles_remove_judge' },
  { method: 'post', path: '/api/battles/{battle_id}/scorecards', rpc: 'fn_battles_submit_scorecards' },
  { method: 'get', path: '/api/battles/{battle_id}/challenge', rpc: 'fn_battle_challenge' },
  { method: 'get', path: '/api/battles/{battle_id}/execution', rpc: 'fn_battle_execution_status' },
  { method: 'post', path: '/api/battles/{battle_id}/retry-runs', rpc: 'fn_battle_retry_runs' },
];

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

export function registerBattleRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  for (const r of ROUTES) {
    const def = rpcDefinition(r.rpc);
    const params = pathParams(r.path);
    const paramSchema = z.object(Object.fromEntries(params.map((p) => [p, def.body.shape[p] as z.ZodType])));
    const rest = def.body.omit(Object.fromEntries(params.map((p) => [p, true])) as never);
    const route = createRoute({
      method: r.method,
      path: r.path,
      tags: ['battles'],
      summary: `${def.summary} (${def.name})`,
      request: {
        ...(params.length ? { params: paramSchema } : {}),
        ...(r.query ? { query: z.object(Object.fromEntries(Object.keys(rest.shape).map((k) => [k, z.string().optional()]))) } : {}),
        ...(!r.query && r.method === 'post' ? { body: { content: { 'application/json': { schema: rest } }, required: false } } : {}),
      },
      responses: {
        [r.created ? 201 : 200]: { description: 'Result', content: { 'application/json': { schema: Anything } } },
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
      return respondWithRpc(c as never, deps, def, { ...args, ...fromPath }, r.created ? 201 : 200);
    }) as never);
  }
}
