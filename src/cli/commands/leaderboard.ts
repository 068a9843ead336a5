// lf leaderboard [category] [--entity lenser|model] [--json]: the latest published leaderboard of a
// category (Bradley–Terry rating, 95% interval, rank, games, win rate, current ELO). docs/ratings.md.
import { Command, InvalidArgumentError, Option } from 'commander';
import { run, type CliContext } from '../context.ts';
import type { CliIo } from '../io.ts';
import { jsonOption } from '../options.ts';

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

export function registerLeaderboardCommands(program: Command, io: CliIo): void {
  program
    .command('leaderboard')
    .argument('[category]', "'overall' (default), or <axis>:<value> e.g. judging_mode:community_vote, task_source:lens", category, 'overall')
    .description('show a global leaderboard: ratings with 95% intervals, ranks, games, win rate and current ELO')
    .addOption(new Option('--entity <kind>', 'rate lensers or models').choices(['lenser', 'model']).default('lenser'))
    .addOption(jsonOption())
    .action((name: string, opts: { entity: string }, cmd: Command) => run(io, cmd, (ctx) => show(ctx, name, opts.entity)));
}
