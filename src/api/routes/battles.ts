// REST routes over the same RPCs: /api/battles and its actions, and the other resources the wizard
// and the battle page use. Each row names its RPC (rest-routes.ts turns it into a route).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { registerRestRoutes, type RestRoute } from './rest-routes.ts';

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

export function registerBattleRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerRestRoutes(app, deps, ROUTES);
}
