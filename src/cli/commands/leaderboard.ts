// lf leaderboard [category] [--entity lenser|model] [--json]: the latest published leaderboard of a
// category (Bradley–Terry rating, 95% interval, rank, games, win rate, current ELO); and
// lf leaderboard history <lenser|model> <id|handle|model_id> [--limit n] [--json]: an entity's
// online ELO and its change log. docs/ratings.md, docs/cli.md.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ApiClient } from '../client.ts';
import { isUuid, run, type CliContext } from '../context.ts';
import { CliError, EXIT } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { integer, jsonOption } from '../options.ts';

const CATEGORY = /^(overall|(judging_mode|task_source|challenge_type|content_type):[a-z0-9_]{1,64})$/;

interface LeaderboardRow {
  entity_id: string;
  handle: string | null;
  display_name: string | null;
  rank: number;
  rating: number;
  lower: number;
  upper: number;
  games: number;
  win_rate: number;
  elo: number | null;
}

interface Leaderboard {
  category: string;
  entity_kind: string;
  method: string;
  computed_at: string;
  outcomes_count: number;
  excluded_votes: number;
  data_through: string | null;
  rows: LeaderboardRow[];
}

function category(value: string): string {
  if (!CATEGORY.test(value)) {
    throw new InvalidArgumentError("use 'overall' or '<judging_mode|task_source|challenge_type|content_type>:<value>', e.g. judging_mode:community_vote.");
  }
  return value;
}

const round = (x: number) => Math.round(x).toString();

async function show(ctx: CliContext, name: string, entity: string): Promise<void> {
  const board = await ctx.client().get<Leaderboard>(`/api/leaderboards/${encodeURIComponent(name)}`, { entity });
  ctx.out.result(board, () => {
    ctx.out.line(`${board.category} leaderboard of ${board.entity_kind}s (${board.method.replace('_', '-')}, computed ${board.computed_at})`);
    ctx.out.line(`${board.outcomes_count} pairwise outcomes through ${board.data_through ?? '-'}; ${board.excluded_votes} votes excluded`);
    if (!board.rows.length) {
      ctx.out.line('\nNo rated entities yet.');
      return;
    }
    ctx.out.line();
    ctx.out.table(
      ['RANK', 'NAME', 'RATING', '95% CI', 'GAMES', 'WIN%', 'ELO'],
      board.rows.map((r) => [
        r.rank,
        r.handle ?? r.entity_id,
        round(r.rating),
        `${round(r.lower)}..${round(r.upper)}`,
        r.games,
        (100 * r.win_rate).toFixed(1),
        r.elo === null ? null : round(r.elo),
      ]),
    );
  });
}

interface EloHistory {
  entity_kind: 'lenser' | 'model';
  entity_id: string;
  current: { rating: number; games: number; updated_at: string } | null;
  history: Array<{
    log_id: number;
    battle_id: string;
    reason: string;
    rating_before: number;
    rating_after: number;
    delta: number;
    k: number;
    expected_score: number;
    outcome: number;
    opponents: number;
    created_at: string;
  }>;
}

function entityKind(value: string): 'lenser' | 'model' {
  if (value !== 'lenser' && value !== 'model') throw new InvalidArgumentError("use 'lenser' or 'model'.");
  return value;
}

const signed = (x: number) => (x > 0 ? `+${x.toFixed(1)}` : x.toFixed(1));

/**
 * The entity id the ratings API takes: a UUID as given, a lenser's handle (@ optional) through
 * /api/lensers, a model's model_id (the NAME column of a model leaderboard) among /api/models.
 */
async function entityId(client: ApiClient, kind: 'lenser' | 'model', ref: string): Promise<string> {
  if (isUuid(ref)) return ref;
  if (kind === 'lenser') return (await client.get<{ id: string }>(`/api/lensers/${encodeURIComponent(ref.replace(/^@/, ''))}`)).id;
  const models = (await client.get<Array<{ id: string; provider: string; model_id: string }>>('/api/models')).filter((m) => m.model_id === ref);
  if (models.length === 1) return models[0].id;
  if (!models.length) throw new CliError('not_found', `no active model with model_id "${ref}"`, EXIT.refused);
  // model_id is unique only per provider and base URL.
  throw new CliError('ambiguous_model', `${models.length} models have model_id "${ref}"; give the id instead`, EXIT.refused, {
    hint: models.map((m) => `${m.id}  ${m.provider}`).join('\n'),
  });
}

async function history(ctx: CliContext, kind: 'lenser' | 'model', ref: string, limit: number | undefined): Promise<void> {
  const client = ctx.client();
  const id = await entityId(client, kind, ref);
  const h = await client.get<EloHistory>(`/api/ratings/${kind}/${id}/history`, limit === undefined ? {} : { limit: String(limit) });
  ctx.out.result(h, () => {
    if (!h.current) {
      ctx.out.line(`${kind} ${ref} has no rating yet: ratings start with the first decided battle.`);
      return;
    }
    ctx.out.line(`${kind} ${ref}: ELO ${h.current.rating.toFixed(1)} after ${h.current.games} rated ${h.current.games === 1 ? 'battle' : 'battles'}`);
    ctx.out.line();
    ctx.out.table(
      ['WHEN', 'BATTLE', 'REASON', 'BEFORE', 'AFTER', 'DELTA', 'K', 'EXPECTED', 'SCORE'],
      h.history.map((r) => [
        r.created_at,
        r.battle_id,
        r.reason,
        r.rating_before.toFixed(1),
        r.rating_after.toFixed(1),
        signed(r.delta),
        r.k,
        r.expected_score.toFixed(3),
        r.outcome.toFixed(3),
      ]),
    );
  });
}

export function registerLeaderboardCommands(program: Command, io: CliIo): void {
  const leaderboard = program
    .command('leaderboard')
    .argument('[category]', "'overall' (default), or <axis>:<value> e.g. judging_mode:community_vote, task_source:lens", category, 'overall')
    .description('show a global leaderboard: ratings with 95% intervals, ranks, games, win rate and current ELO')
    .addOption(new Option('--entity <kind>', 'rate lensers or models').choices(['lenser', 'model']).default('lenser'))
    .addOption(jsonOption())
    .action((name: string, opts: { entity: string }, cmd: Command) => run(io, cmd, (ctx) => show(ctx, name, opts.entity)));
  leaderboard
    .command('history')
    .argument('<kind>', "'lenser' or 'model'", entityKind)
    .argument('<id>', 'the entity id (a lenser may be given by handle, a model by model_id)')
    .description("an entity's online ELO and its change log, oldest first (rows of battles you cannot see are hidden)")
    .option('--limit <n>', 'newest n log rows (1-5000; default 1000)', integer(1, 5000))
    .addOption(jsonOption())
    .action((kind: 'lenser' | 'model', ref: string, opts: { limit?: number }, cmd: Command) =>
      run(io, cmd, (ctx) => history(ctx, kind, ref, opts.limit)));
}
