// What a creator reads back to resume a draft beyond the battle itself: the invitations sent so far
// (with a new link for a pending one, since only token hashes are kept) and the judging settings
// (judge model and named judges). The battle read is GET /api/battles/:id (battles.ts).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { rpcAs } from '../../battles/rpc.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { registerRestRoutes, type RestRoute } from './rest-routes.ts';
import { BattleParam, errorResponses, ok } from './schemas.ts';

const Invitation = z
  .object({
    invitation_id: z.uuid(),
    email: z.string(),
    status: z.enum(['pending', 'accepted', 'expired']),
    created_at: z.string(),
    expires_at: z.string(),
    accepted_at: z.string().nullable(),
    accepted_handle: z.string().nullable(),
  })
  .openapi('Invitation');

const Renewed = z.object({ invitation_id: z.uuid(), token: z.string().openapi({ description: 'Shown once: the link is /invite/<token>' }) });

const Judging = z
  .object({
    judge_model_id: z.uuid().nullable().openapi({ description: "Null: the operator's default judge at publication" }),
    judge_model: z.object({ id: z.uuid(), display_name: z.string(), provider: z.string() }).nullable(),
    challenge_options: z.record(z.string(), z.unknown()),
    challenge_seed_chosen: z.boolean().openapi({ description: 'Whether the creator set the challenge seed (never returned)' }),
    judges: z.array(z.object({ profile_id: z.uuid(), handle: z.string(), display_name: z.string() })),
  })
  .openapi('JudgingSettings');

const DRAFT_ROUTES: RestRoute[] = [
  {
    method: 'get', path: '/api/battles/{battle_id}/invitations', rpc: 'fn_battle_invitations',
    summary: 'Invitations of a battle with their status, oldest first (creator; fn_battle_invitations)',
    response: ok(z.array(Invitation), 'Invitations'),
  },
  {
    method: 'get', path: '/api/battles/{battle_id}/judging', rpc: 'fn_battle_judging',
    summary: 'Judge model, challenge options and named human judges of a battle (fn_battle_judging)',
    response: ok(Judging, 'Judging settings'),
  },
];

// Not a table row: the RPC returns the new link as a set of one row, and the route answers the row.
const renew = createRoute({
  method: 'post', path: '/api/battles/{battle_id}/invitations/{invitation_id}/renew', tags: ['battles'],
  summary: 'A new link for a pending invitation; the old link stops working (creator; fn_battles_renew_invitation)',
  request: { params: BattleParam.extend({ invitation_id: z.uuid() }) },
  responses: { 200: ok(Renewed, 'The new token'), ...errorResponses },
});

export function registerDraftRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerRestRoutes(app, deps, DRAFT_ROUTES);
  app.openapi(renew, async (c) => {
    const [row] = await rpcAs<Array<z.infer<typeof Renewed>>>(deps.db, c.get('claims'), 'fn_battles_renew_invitation', c.req.valid('param'));
    return c.json(row, 200);
  });
}
