// Ratings over HTTP: published leaderboards (Bradley–Terry snapshots with current ELO beside them),
// on-demand recomputation, ELO history per entity, and the operator moves that feed them (excluding
// a vote, reversing a battle's result, correcting it). docs/ratings.md describes the numbers.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../core/app-error.ts';
import { withClaims } from '../../db/claims.ts';
import { categorySchema, entityKindSchema } from '../../ratings/categories.ts';
import { eloHistory } from '../../ratings/elo-history.ts';
import { recomputeLeaderboards } from '../../ratings/leaderboard-job.ts';
import { correctBattleResult, excludeVote, isOperator, reverseBattleElo } from '../../ratings/operator-actions.ts';
import { getLeaderboard, listLeaderboards } from '../../ratings/snapshots.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { parseArgsBody } from './rpc.ts';
import { BattleParam, errorResponses, jsonBody, ok } from './schemas.ts';

const LeaderboardRow = z
  .object({
    entity_id: z.uuid(),
    handle: z.string().nullable(),
    display_name: z.string().nullable(),
    rank: z.number().int().openapi({ description: '1 + number of entities whose whole 95% interval lies above this one' }),
    rating: z.number().openapi({ description: 'Bradley–Terry rating, 400 points per factor of 10, mean 1000' }),
    lower: z.number(),
    upper: z.number(),
    games: z.number(),
    wins: z.number(),
    losses: z.number(),
    ties: z.number(),
    win_rate: z.number().openapi({ description: '(wins + ties / 2) / games' }),
    elo: z.number().nullable().openapi({ description: 'Current online ELO (null: never rated)' }),
    elo_games: z.number().nullable(),
  })
  .openapi('LeaderboardRow');

const Leaderboard = z
  .object({
    id: z.uuid(),
    category: z.string(),
    entity_kind: entityKindSchema,
    method: z.literal('bradley_terry'),
    computed_at: z.string(),
    outcomes_count: z.number(),
    excluded_votes: z.number(),
    data_through: z.string().nullable(),
    params: z.record(z.string(), z.unknown()),
    rows: z.array(LeaderboardRow),
  })
  .openapi('Leaderboard');

const RecomputeBody = z
  .object({
    categories: z.array(categorySchema).min(1).max(100).optional(),
    entity_kinds: z.array(entityKindSchema).min(1).optional(),
    force: z.boolean().optional(),
  })
  .strict();

const RecomputeResult = z.object({
  category: z.string(),
  entity_kind: entityKindSchema,
  snapshot_id: z.uuid(),
  stored: z.boolean(),
  entities: z.number(),
  outcomes_count: z.number(),
  excluded_votes: z.number(),
});

const HistoryRow = z.object({
  log_id: z.number(),
  battle_id: z.uuid(),
  reason: z.enum(['battle', 'reversal', 'correction']),
  rating_before: z.number(),
  rating_after: z.number(),
  delta: z.number(),
  k: z.number(),
  expected_score: z.number(),
  outcome: z.number(),
  opponents: z.number(),
  formula_version: z.string(),
  reverses_log_id: z.number().nullable(),
  correction_id: z.number().nullable().openapi({ description: 'For correction rows: the result correction they apply' }),
  created_at: z.string(),
});

const History = z
  .object({
    entity_kind: entityKindSchema,
    entity_id: z.uuid(),
    current: z.object({ rating: z.number(), games: z.number(), updated_at: z.string() }).nullable(),
    history: z.array(HistoryRow),
  })
  .openapi('EloHistory');

const Reason = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

const CorrectionBody = Reason
  .extend({
    ranks: z
      .record(z.uuid(), z.number().int().min(1).max(999_999))
      .optional()
      .openapi({ description: 'Corrected rank per contender id (1 best; equal ranks share a place), for every contender the result placed' }),
    winner_contender_id: z.uuid().optional().openapi({ description: 'Or just the corrected winner: rank 1, every other placed contender rank 2' }),
  })
  .strict()
  .refine((b) => (b.ranks === undefined) !== (b.winner_contender_id === undefined), {
    message: 'give either ranks or winner_contender_id',
  });

const Correction = z.object({
  battle_id: z.uuid(),
  correction_id: z.number(),
  ranks: z.record(z.string(), z.number()),
  winner_contender_id: z.uuid().nullable(),
  reversed_log_rows: z.number(),
  log_rows: z.number(),
});

const routes = {
  list: createRoute({
    method: 'get', path: '/api/leaderboards', tags: ['ratings'], summary: 'Published leaderboards (latest snapshot of each)',
    responses: {
      200: ok(z.array(z.object({ category: z.string(), entity_kind: entityKindSchema, computed_at: z.string(), outcomes_count: z.number(), entities: z.number() })), 'Leaderboards'),
      ...errorResponses,
    },
  }),
  get: createRoute({
    method: 'get', path: '/api/leaderboards/{category}', tags: ['ratings'],
    summary: "Latest leaderboard of a category ('overall', 'judging_mode:<mode>', 'task_source:<src>', 'challenge_type:<type>', 'content_type:<type>')",
    request: { params: z.object({ category: categorySchema }), query: z.object({ entity: entityKindSchema.optional() }) },
    responses: { 200: ok(Leaderboard, 'Leaderboard'), ...errorResponses },
  }),
  recompute: createRoute({
    method: 'post', path: '/api/leaderboards/recompute', tags: ['ratings'], summary: 'Recompute leaderboards now (operators)',
    request: { body: { content: { 'application/json': { schema: RecomputeBody } }, required: false } },
    responses: { 200: ok(z.array(RecomputeResult), 'One result per leaderboard'), ...errorResponses },
  }),
  history: createRoute({
    method: 'get', path: '/api/ratings/{entity_kind}/{entity_id}/history', tags: ['ratings'], summary: 'ELO history of a lenser or model',
    request: {
      params: z.object({ entity_kind: entityKindSchema, entity_id: z.uuid() }),
      query: z.object({ limit: z.coerce.number().int().min(1).max(5000).optional() }),
    },
    responses: { 200: ok(History, 'Current rating and its change log, oldest first'), ...errorResponses },
  }),
  excludeVote: createRoute({
    method: 'post', path: '/api/votes/{vote_id}/exclusion', tags: ['ratings'], summary: 'Exclude a vote from the leaderboards (operators)',
    request: { params: z.object({ vote_id: z.uuid() }), body: jsonBody(Reason) },
    responses: { 200: ok(z.object({ vote_id: z.uuid(), battle_id: z.uuid(), already_excluded: z.boolean() }), 'Excluded'), ...errorResponses },
  }),
  reverse: createRoute({
    method: 'post', path: '/api/battles/{battle_id}/elo-reversal', tags: ['ratings'], summary: "Reverse a battle's ELO (operators)",
    request: { params: BattleParam, body: jsonBody(Reason) },
    responses: { 200: ok(z.object({ battle_id: z.uuid(), reversed: z.boolean(), log_rows: z.number() }), 'Reversed'), ...errorResponses },
  }),
  correct: createRoute({
    method: 'post', path: '/api/battles/{battle_id}/result-correction', tags: ['ratings'],
    summary: "Overturn a battle's result with the corrected one and re-rate it (operators)",
    request: { params: BattleParam, body: jsonBody(CorrectionBody) },
    responses: { 200: ok(Correction, 'Corrected'), ...errorResponses },
  }),
};

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function registerLeaderboardRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(routes.list, async (c) => {
    const rows = await withClaims(deps.db, c.get('claims'), (tx) => listLeaderboards(tx));
    return c.json(rows.map((r) => ({ ...r, computed_at: iso(r.computed_at) })), 200);
  });

  app.openapi(routes.get, async (c) => {
    const { category } = c.req.valid('param');
    const kind = c.req.valid('query').entity ?? 'lenser';
    const board = await withClaims(deps.db, c.get('claims'), (tx) => getLeaderboard(tx, category, kind));
    if (!board) {
      throw new AppError('leaderboard_not_computed', `no ${kind} leaderboard has been computed for ${category} yet`, 404);
    }
    return c.json(board, 200);
  });

  app.openapi(routes.recompute, async (c) => {
    const claims = c.get('claims');
    if (claims.role === 'anon') throw new AppError('not_authenticated', 'sign in first', 401);
    if (!(await isOperator(deps.db, claims))) throw new AppError('forbidden', 'only operators may recompute leaderboards', 403);
    const parsed = RecomputeBody.safeParse(parseArgsBody(await c.req.text()));
    if (!parsed.success) {
      throw new AppError('invalid_input', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), 400);
    }
    const results = await recomputeLeaderboards(deps.db, {
      categories: parsed.data.categories,
      entityKinds: parsed.data.entity_kinds,
      force: parsed.data.force,
      logger: c.get('logger'),
    });
    return c.json(
      results.map((r) => ({
        category: r.category,
        entity_kind: r.entityKind,
        snapshot_id: r.snapshotId,
        stored: r.stored,
        entities: r.entities,
        outcomes_count: r.outcomesCount,
        excluded_votes: r.excludedVotes,
      })),
      200,
    );
  });

  app.openapi(routes.history, async (c) => {
    const { entity_kind, entity_id } = c.req.valid('param');
    const h = await eloHistory(deps.db, c.get('claims'), entity_kind, entity_id, c.req.valid('query').limit);
    return c.json(
      {
        ...h,
        current: h.current && { ...h.current, updated_at: iso(h.current.updated_at) },
        history: h.history.map((r) => ({ ...r, created_at: iso(r.created_at) })),
      },
      200,
    );
  });

  app.openapi(routes.excludeVote, async (c) => {
    const { vote_id } = c.req.valid('param');
    return c.json(await excludeVote(deps.db, c.get('claims'), vote_id, c.req.valid('json').reason), 200);
  });

  app.openapi(routes.reverse, async (c) => {
    const { battle_id } = c.req.valid('param');
    return c.json(await reverseBattleElo(deps.db, c.get('claims'), battle_id, c.req.valid('json').reason), 200);
  });

  app.openapi(routes.correct, async (c) => {
    const { battle_id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = body.ranks ? { ranks: body.ranks } : { winnerContenderId: body.winner_contender_id! };
    return c.json(await correctBattleResult(deps.db, c.get('claims'), battle_id, body.reason, result), 200);
  });
}
