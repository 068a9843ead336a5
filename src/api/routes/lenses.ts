// Lenses for the creation wizard: the catalogue a creator picks from (GET /api/lenses, /api/lenses/:id
// with each version's [[param]] declarations) and the battle's lens, which every AI contender runs
// with (GET/POST /api/battles/:id/lens). Creating lenses and versions is in battles.ts.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { registerRestRoutes, type RestRoute } from './rest-routes.ts';
import { ok } from './schemas.ts';

const LensParam = z
  .object({
    label: z.string().openapi({ description: 'The [[label]] token it fills (src/core/lens-render.ts)' }),
    required: z.boolean(),
    default: z.string().optional(),
    description: z.string().optional(),
  })
  .openapi('LensParam');

const PublishedVersion = z.object({ id: z.uuid(), version: z.number().int(), published_at: z.string(), params: z.array(LensParam) });

// The lens itself, as both reads return it; they differ in the versions they list.
const LensFields = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  is_public: z.boolean(),
  is_mine: z.boolean(),
  owner_handle: z.string().nullable(),
});

const LensSummary = LensFields
  .extend({
    latest_version: z.number().int(),
    versions: z.array(PublishedVersion).openapi({ description: 'Published versions, newest first' }),
  })
  .openapi('LensSummary');

const Lens = LensFields
  .extend({
    versions: z.array(z.object({
      id: z.uuid(),
      version: z.number().int(),
      status: z.enum(['draft', 'published', 'deprecated']).openapi({ description: 'Drafts are listed for the owner only' }),
      published_at: z.string().nullable(),
      template_body: z.string(),
      params: z.array(LensParam),
    })),
  })
  .openapi('Lens');

const Values = z.record(z.string(), z.unknown());

const BattleLens = z
  .object({
    lens: z.object({
      lens_id: z.uuid(),
      title: z.string(),
      slug: z.string(),
      version_id: z.uuid().nullable().openapi({ description: 'Null: the latest published version when execution starts' }),
      version: z.number().int().nullable(),
      input_snapshot: Values,
      set_at: z.string(),
    }).nullable(),
    assignments: z.array(z.object({
      contender_id: z.uuid(),
      slot: z.string(),
      display_name: z.string(),
      lens_id: z.uuid(),
      title: z.string(),
      version_id: z.uuid().nullable(),
      version: z.number().int().nullable(),
      input_snapshot: Values,
      assigned_at: z.string(),
    })).openapi({ description: 'Empty while the contenders are hidden from the caller (blind voting)' }),
  })
  .openapi('BattleLens');

const SetLensBody = z
  .object({
    lens_id: z.uuid().nullable().optional().openapi({ description: 'Null or absent clears the lens and every assignment' }),
    version_id: z.uuid().nullable().optional().openapi({ description: 'A published version; absent means the latest' }),
    input_snapshot: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  })
  .strict();

const SetLensResult = z.object({
  battle_id: z.uuid(),
  lens_id: z.uuid().nullable(),
  version_id: z.uuid().nullable().optional(),
  version: z.number().int().optional(),
  assigned: z.number().int().openapi({ description: 'AI contenders whose assignment was written' }),
});

const LENS_ROUTES: RestRoute[] = [
  {
    method: 'get', path: '/api/lenses', rpc: 'fn_lenses_list', tag: 'lenses',
    summary: 'Lenses you may use, with their published versions (lenses.fn_lenses_list)',
    response: ok(z.array(LensSummary), 'Your lenses first, then public ones by title'),
  },
  {
    method: 'get', path: '/api/lenses/{lens_id}', rpc: 'fn_lens_get', tag: 'lenses',
    summary: 'A lens with its versions and declared parameters (lenses.fn_lens_get)',
    response: ok(Lens, 'The lens'),
  },
  {
    method: 'get', path: '/api/battles/{battle_id}/lens', rpc: 'fn_battle_lens', tag: 'lenses',
    summary: "The battle's lens and its AI contenders' assignments (fn_battle_lens)",
    response: ok(BattleLens, 'Lens and assignments'),
  },
  {
    method: 'post', path: '/api/battles/{battle_id}/lens', rpc: 'fn_battles_set_lens', tag: 'lenses',
    summary: "Set the battle's lens for every AI contender, present and future; a missing required parameter is refused with lens_param_missing (fn_battles_set_lens)",
    body: SetLensBody,
    response: ok(SetLensResult, 'Set'),
  },
];

export function registerLensRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerRestRoutes(app, deps, LENS_ROUTES);
}
