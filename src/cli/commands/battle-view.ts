// lf battle list | show: the feed (keyset cursor; --all follows it) and one battle's full detail.
import { Command, Option } from 'commander';
import { BATTLE_TYPES, STATUSES } from '../../battles/rpc-catalog.ts';
import {
  contenderName,
  entryLetters,
  getBattle,
  identitiesVisible,
  type BattleDetail,
} from '../battle-detail.ts';
import type { ApiClient } from '../client.ts';
import { run, type CliContext } from '../context.ts';
import type { CliIo } from '../io.ts';
import { integer, jsonOption } from '../options.ts';

interface FeedRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  battle_type: string;
  total_vote_count: number;
  contender_count: number;
  creator_handle: string;
  created_at: string;
  cursor: string;
}

interface Winner {
  contender_id: string;
  slot: string;
  display_name: string;
}

type ListedBattle = FeedRow & { winner: Winner | null; draw: boolean };

interface ListOptions {
  status?: string;
  type?: string;
  limit?: number;
  cursor?: string;
  all?: boolean;
}

const FINISHED = new Set(['closed', 'published', 'archived']);
// Winner lookups for a page run this many at a time: quick on a page of 100, gentle on the server.
const DETAIL_CONCURRENCY = 8;

function winnerOf(b: BattleDetail): Winner | null {
  const c = b.contenders.find((x) => x.id === b.winner_contender_id);
  return c ? { contender_id: c.id, slot: c.slot, display_name: c.display_name } : null;
}

/** The feed has no winner column (see docs/cli.md), so finished battles are looked up one by one. */
async function withWinners(client: ApiClient, rows: FeedRow[]): Promise<ListedBattle[]> {
  const out: ListedBattle[] = rows.map((r) => ({ ...r, winner: null, draw: false }));
  const todo = out.filter((r) => FINISHED.has(r.status));
  for (let i = 0; i < todo.length; i += DETAIL_CONCURRENCY) {
    await Promise.all(
      todo.slice(i, i + DETAIL_CONCURRENCY).map(async (row) => {
        const detail = await getBattle(client, row.id);
        row.winner = winnerOf(detail);
        // The summary is null until the caller may see results (battles.fn_results_visible).
        row.draw = detail.finalize_summary?.draw === true;
      }),
    );
  }
  return out;
}

async function list(ctx: CliContext, opts: ListOptions): Promise<void> {
  const client = ctx.client();
  const limit = opts.limit ?? (opts.all ? 100 : 20);
  const rows: FeedRow[] = [];
  let cursor = opts.cursor;
  let next: string | null = null;
  for (;;) {
    const page = await client.get<FeedRow[]>('/api/battles', { status: opts.status, battle_type: opts.type, limit, cursor });
    rows.push(...page);
    next = page.length === limit ? page[page.length - 1].cursor : null;
    if (!opts.all || !next) break;
    cursor = next;
  }
  const items = await withWinners(client, rows);
  ctx.out.result({ items, next_cursor: opts.all ? null : next }, () => {
    if (!items.length) {
      ctx.out.line('No battles.');
      return;
    }
    ctx.out.table(
      ['SLUG', 'STATUS', 'VOTES', 'CONTENDERS', 'WINNER', 'CREATOR', 'TITLE'],
      items.map((r) => [
        r.slug,
        r.status,
        r.total_vote_count,
        r.contender_count,
        r.winner ? `${r.winner.slot} ${r.winner.display_name}` : r.draw ? 'draw' : '-',
        `@${r.creator_handle}`,
        r.title,
      ]),
    );
    if (next && !opts.all) ctx.out.line(`\nMore: lf battle list --cursor '${next}' (or --all)`);
  });
}

const indent = (text: string, by = '  ') => text.split('\n').map((l) => by + l).join('\n');

function printDetail(ctx: CliContext, b: BattleDetail): void {
  const out = ctx.out;
  const winner = winnerOf(b);
  out.line(`${b.title}  (${b.slug})`);
  out.fields([
    ['id', b.id],
    ['status', b.status],
    ['axes', `${b.task_source} · ${b.contender_structure} · ${b.judging_mode}${b.challenge_type ? ` · ${b.challenge_type}` : ''}`],
    ['creator', `@${b.creator.handle}`],
    ['voters', b.voter_eligibility + (b.invite_only ? ' (invite-only battle)' : '')],
    ['contenders', `${b.contender_count} of ${b.max_contenders}`],
    ['voting', b.voting_opens_at || b.voting_closes_at ? `${b.voting_opens_at ?? 'when opened'} → ${b.voting_closes_at ?? 'when closed'}` : null],
    ['rules', b.rule_snapshot_sha256 ? `sha256 ${b.rule_snapshot_sha256} (frozen ${b.rules_frozen_at})` : 'not frozen yet (draft)'],
    ['votes', b.total_vote_count],
    ['winner', winner ? `${winner.slot} ${winner.display_name}`
      : b.finalize_summary?.draw ? 'draw (no winner)'
      : b.finalized_at ? 'not public until the results are published' : null],
  ]);
  out.line('\nPrompt:');
  out.line(indent(b.task_prompt));

  out.line('\nContenders:');
  if (!identitiesVisible(b)) {
    out.line(`  ${b.contender_count} contenders; who is who stays hidden until you vote.`);
    out.line('  Entries below are lettered in ballot order: vote with --contender <letter>.');
  } else if (!b.contenders.length) {
    out.line('  none yet');
  } else {
    out.table(
      ['  SLOT', 'NAME', 'TYPE', 'STATUS', 'ID'],
      b.contenders.map((c) => [`  ${c.slot}`, c.display_name, c.contender_type, c.contender_status, c.id]),
    );
  }

  out.line('\nEntries:');
  if (!b.entries.length) out.line('  none visible' + (['open', 'executing'].includes(b.status) ? ' (entries stay private until voting opens)' : ''));
  const letters = entryLetters(b);
  // Blind entries keep the server's order (it is what the letters mean); known ones go by slot.
  const entries = identitiesVisible(b) ? [...b.entries].sort((x, y) => (letters.get(x.contender_id) ?? '').localeCompare(letters.get(y.contender_id) ?? '')) : b.entries;
  for (const e of entries) {
    out.line(`  [${letters.get(e.contender_id) ?? '?'}] contender ${e.contender_id}, submitted ${e.submitted_at}`);
    if (e.content_text) out.line(indent(e.content_text, '      '));
    if (e.content_url) out.line(`      ${e.content_url}`);
  }

  if (b.results.length) {
    out.line('\nResults:');
    out.table(
      ['  RANK', 'CONTENDER', 'VOTES', 'WEIGHTED', 'DRAWS'],
      b.results.map((r) => [`  ${r.rank_position ?? '-'}`, contenderName(b, r.contender_id) ?? r.contender_id, r.raw_vote_count, r.weighted_vote_sum, r.draw_count]),
    );
  }
  if (b.my_vote) out.line(`\nYour vote: ${b.my_vote.is_draw ? 'draw' : contenderName(b, b.my_vote.voted_contender_id) ?? b.my_vote.voted_contender_id}`);
}

export function registerBattleViewCommands(battle: Command, io: CliIo): void {
  battle
    .command('list')
    .description('list battles, newest first (archived ones only with --status archived)')
    .addOption(new Option('--status <status>', 'only this status; "results" = closed and published').choices([...STATUSES, 'results']))
    .addOption(new Option('--type <battle-type>', 'only this battle type').choices(BATTLE_TYPES))
    .option('--limit <n>', 'page size, 1-100 (default 20; 100 with --all)', integer(1, 100))
    .option('--cursor <cursor>', 'continue after this cursor (printed under a full page)')
    .option('--all', 'follow the cursor to the end')
    .addOption(jsonOption())
    .action((opts: ListOptions, cmd: Command) => run(io, cmd, (ctx) => list(ctx, opts)));
  battle
    .command('show')
    .argument('<slug>', 'battle slug (or id)')
    .description('show a battle: rules, prompt, contenders, entries, results')
    .addOption(jsonOption())
    .action((slug: string, _opts: unknown, cmd: Command) =>
      run(io, cmd, async (ctx) => {
        const detail = await getBattle(ctx.client(), slug);
        ctx.out.result(detail, () => printDetail(ctx, detail));
      }),
    );
}
