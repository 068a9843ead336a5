// How a finished battle was judged, over HTTP: the AI judge's pairwise verdicts and the rubric
// scorecards. Visible exactly when the battle's results are (row-level security decides; docs/web.md).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { battleScorecards } from '../../judging/battle-scorecards.ts';
import { battleVerdicts } from '../../judging/battle-verdicts.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { BattleParam, errorResponses, ok } from './schemas.ts';

const VerdictRun = z.object({
  order: z.enum(['first', 'swapped']),
  shown_first_contender_id: z.uuid().openapi({ description: 'The contender the judge was shown as entry A in this run' }),
  winner_contender_id: z.uuid().nullable(),
  is_draw: z.boolean(),
  explanation: z.string().nullable().openapi({ description: "The judge's words; 'A' is the entry it was shown first" }),
});

const PairVerdict = z
  .object({
    id: z.uuid(),
    judge: z.object({ model_id: z.uuid(), model: z.string(), display_name: z.string() }),
    contender_a: z.uuid(),
    contender_b: z.uuid(),
    winner_contender_id: z.uuid().nullable().openapi({ description: 'The winner both runs agree on; null for a draw' }),
    is_draw: z.boolean(),
    agreed: z.boolean(),
    runs: z.tuple([VerdictRun, VerdictRun]),
    created_at: z.string(),
  })
  .openapi('PairVerdict');

const Scorecard = z
  .object({
    id: z.uuid(),
    contender_id: z.uuid(),
    kind: z.enum(['rubric', 'pairwise']).openapi({ description: "'rubric': counts in the rubric score; 'pairwise': what an ai_judge verdict said about the entry" }),
    criterion_id: z.uuid().nullable(),
    criterion_title: z.string().nullable(),
    ordinal: z.number().int().nullable(),
    weight: z.number().nullable().openapi({ description: 'The weight frozen in the rules at publication' }),
    result: z.enum(['pass', 'fail', 'partial', 'skipped']),
    explanation: z.string().nullable(),
    scorer: z.object({ kind: z.enum(['model', 'lenser']), id: z.uuid(), display_name: z.string(), handle: z.string().nullable() }),
    verdict_id: z.uuid().nullable(),
    created_at: z.string(),
  })
  .openapi('Scorecard');

const routes = {
  verdicts: createRoute({
    method: 'get', path: '/api/battles/{battle_id}/verdicts', tags: ['judging'],
    summary: "The AI judge's pairwise verdicts, each pair judged in both orders (empty until results are visible to the caller)",
    request: { params: BattleParam },
    responses: { 200: ok(z.array(PairVerdict), 'One verdict per pair, in slot order'), ...errorResponses },
  }),
  scorecards: createRoute({
    method: 'get', path: '/api/battles/{battle_id}/scorecards', tags: ['judging'],
    summary: 'Per-criterion results with explanations, per contender and scorer (empty until results are visible to the caller)',
    request: { params: BattleParam },
    responses: { 200: ok(z.array(Scorecard), 'Scorecards in slot order, then criterion order'), ...errorResponses },
  }),
};

export function registerBattleResultRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(routes.verdicts, async (c) => {
    const { battle_id } = c.req.valid('param');
    return c.json(await battleVerdicts(deps.db, c.get('claims'), battle_id), 200);
  });

  app.openapi(routes.scorecards, async (c) => {
    const { battle_id } = c.req.valid('param');
    return c.json(await battleScorecards(deps.db, c.get('claims'), battle_id), 200);
  });
}
