// lf battle ...: create, open, join, submit, voting, finalize, publish, archive, clone; list and show
// live in battle-view.ts. Every <id> may be a battle id or its slug.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { CONTENDER_STRUCTURES, CONTENT_TYPES, JUDGING_MODES, TASK_SOURCES, VOTER_ELIGIBILITY } from '../../battles/rpc-catalog.ts';
import { contenderName, getBattle, identitiesVisible, resolveBattleId, resolveContender } from '../battle-detail.ts';
import { run, type CliContext } from '../context.ts';
import { usageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { integer, jsonOption, timestamp } from '../options.ts';
import { registerBattleViewCommands } from './battle-view.ts';

interface CreateOptions {
  title: string;
  slug: string;
  prompt?: string;
  promptFile?: string;
  taskSource?: string;
  structure?: string;
  judging?: string;
  challengeType?: string;
  eligibility?: string;
  maxContenders?: number;
  contentType?: string;
  inviteOnly?: boolean;
  votingOpens?: string;
  votingCloses?: string;
}

/** Text of a file, or of stdin for "-". */
async function readText(ctx: CliContext, file: string): Promise<string> {
  if (file === '-') return ctx.io.readStdin();
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

async function create(ctx: CliContext, o: CreateOptions): Promise<void> {
  if (o.prompt === undefined && o.promptFile === undefined) throw usageError('give the task with --prompt <text> or --prompt-file <file>');
  const prompt = o.prompt ?? (await readText(ctx, o.promptFile!));
  const body = {
    title: o.title,
    slug: o.slug,
    task_prompt: prompt,
    task_source: o.taskSource,
    contender_structure: o.structure,
    judging_mode: o.judging,
    challenge_type: o.challengeType,
    voter_eligibility: o.eligibility,
    max_contenders: o.maxContenders,
    content_type: o.contentType,
    invite_only: o.inviteOnly,
    voting_opens_at: o.votingOpens,
    voting_closes_at: o.votingCloses,
  };
  const id = await ctx.client().post<string>('/api/battles', body);
  ctx.out.result({ id, slug: o.slug, status: 'draft' }, () => {
    ctx.out.line(`Created draft battle ${o.slug} (${id}).`);
    ctx.out.line(`Next: lf battle open ${o.slug}   (freezes the rules and opens it for entries)`);
  });
}

interface PublishResult {
  battle_id: string;
  status: string;
  rule_snapshot: unknown;
  rule_snapshot_sha256: string;
}

async function open(ctx: CliContext, ref: string): Promise<void> {
  const client = ctx.client();
  const id = await resolveBattleId(client, ref);
  const res = await client.post<PublishResult>(`/api/battles/${id}/publish`);
  ctx.out.result(res, () => {
    ctx.out.line(`Opened ${ref} for entries (status ${res.status}).`);
    ctx.out.line(`Rules frozen: sha256 ${res.rule_snapshot_sha256}`);
  });
}

async function join(ctx: CliContext, ref: string): Promise<void> {
  const client = ctx.client();
  const id = await resolveBattleId(client, ref);
  const contenderId = await client.post<string>(`/api/battles/${id}/join`);
  ctx.out.result({ battle_id: id, contender_id: contenderId }, () => {
    ctx.out.line(`Joined ${ref} as contender ${contenderId}.`);
    ctx.out.line(`Next: lf battle submit ${ref} --text "..."`);
  });
}

async function submit(ctx: CliContext, ref: string, o: { text?: string; file?: string; url?: string }): Promise<void> {
  const given = [o.text, o.file, o.url].filter((v) => v !== undefined).length;
  if (given !== 1) throw usageError('give exactly one of --text <text>, --file <path|->, --url <url>');
  const text = o.text ?? (o.file !== undefined ? await readText(ctx, o.file) : undefined);
  const client = ctx.client();
  const id = await resolveBattleId(client, ref);
  const submissionId = await client.post<string>(`/api/battles/${id}/submissions`, { text, url: o.url });
  ctx.out.result({ battle_id: id, submission_id: submissionId }, () => {
    ctx.out.line(`Submitted entry ${submissionId} to ${ref} (a new submission replaces your previous one).`);
  });
}

async function vote(ctx: CliContext, ref: string, o: { contender?: string; draw?: boolean; rationale?: string }): Promise<void> {
  if (!o.contender && !o.draw) throw usageError('vote with --contender <letter|id> or --draw');
  const client = ctx.client();
  const battle = await getBattle(client, ref);
  const contenderId = o.contender ? resolveContender(battle, o.contender) : undefined;
  const res = await client.post<{ vote_id: string; vote_value: string | null; total_vote_count: number }>(`/api/battles/${battle.id}/votes`, {
    voted_contender_id: contenderId,
    is_draw: o.draw ? true : undefined,
    rationale: o.rationale,
  });
  let choice = o.draw ? 'a draw' : `contender ${contenderName(battle, contenderId!) ?? contenderId}`;
  if (contenderId && !identitiesVisible(battle) && !ctx.out.json) {
    // Having voted, the voter may see who is who: name the slot behind the ballot letter.
    const revealed = await getBattle(client, battle.id).catch(() => undefined);
    const who = revealed && contenderName(revealed, contenderId);
    choice = `ballot entry ${contenderName(battle, contenderId)}${who ? ` (slot ${who})` : ''}`;
  }
  ctx.out.result({ ...res, battle_id: battle.id, voted_contender_id: contenderId ?? null, is_draw: Boolean(o.draw) }, () => {
    ctx.out.line(`Voted for ${choice} in ${battle.slug} (vote ${res.vote_id}).`);
  });
}

/** Finalize closes voting first when it is still open (fn_battles_close), then reports the outcome. */
async function finalize(ctx: CliContext, ref: string): Promise<void> {
  const client = ctx.client();
  const id = await resolveBattleId(client, ref);
  await client.post(`/api/battles/${id}/close`);
  const b = await getBattle(client, id);
  const winner = b.contenders.find((c) => c.id === b.winner_contender_id);
  ctx.out.result(
    { battle_id: id, status: b.status, winner_contender_id: b.winner_contender_id, draw: !b.winner_contender_id, results: b.results },
    () => {
      ctx.out.line(`Finalized ${ref} (status ${b.status}).`);
      ctx.out.line(winner ? `Winner: ${winner.slot} ${winner.display_name}` : 'Result: draw (no single contender ranked first)');
      ctx.out.line(`Next: lf battle publish ${ref}   (makes the results public)`);
    },
  );
}

async function clone(ctx: CliContext, ref: string, o: { title: string; slug: string }): Promise<void> {
  const client = ctx.client();
  const id = await resolveBattleId(client, ref);
  const newId = await client.post<string>(`/api/battles/${id}/clone`, { title: o.title, slug: o.slug });
  ctx.out.result({ id: newId, slug: o.slug, status: 'draft', cloned_from: id }, () => {
    ctx.out.line(`Cloned ${ref} into draft ${o.slug} (${newId}).`);
  });
}

/** A move that returns nothing: POST /api/battles/:id/<action>; the status it leads to is fixed. */
function addMove(battle: Command, io: CliIo, name: string, action: string, help: string, status: string, message: string): void {
  battle
    .command(name)
    .argument('<id>', 'battle id or slug')
    .description(help)
    .addOption(jsonOption())
    .action((ref: string, _o: unknown, cmd: Command) =>
      run(io, cmd, async (ctx) => {
        const client = ctx.client();
        const id = await resolveBattleId(client, ref);
        await client.post(`/api/battles/${id}/${action}`);
        ctx.out.result({ battle_id: id, status }, () => ctx.out.line(`${message}: ${ref} (status ${status}).`));
      }),
    );
}

const choice = (flags: string, help: string, values: readonly string[]) => new Option(flags, help).choices(values);

export function registerBattleCommands(program: Command, io: CliIo): void {
  const battle = program.command('battle').description('create, run and follow battles (<id> may be an id or a slug)');
  battle
    .command('create')
    .description('create a draft battle')
    .requiredOption('--title <title>', 'title')
    .requiredOption('--slug <slug>', 'URL name: lowercase letters, digits, single dashes')
    .addOption(new Option('--prompt <text>', 'the task contenders answer').conflicts('promptFile'))
    .option('--prompt-file <file>', 'read the task from a file ("-" for stdin)')
    .addOption(choice('--task-source <source>', 'where the task comes from (default challenge)', TASK_SOURCES))
    .addOption(choice('--structure <structure>', 'who competes (default human_vs_human)', CONTENDER_STRUCTURES))
    .addOption(choice('--judging <mode>', 'how the winner is decided (default community_vote)', JUDGING_MODES))
    .option('--challenge-type <type>', 'free label, e.g. haiku (lowercase, digits, _)')
    .addOption(choice('--eligibility <who>', 'who may vote (default open)', VOTER_ELIGIBILITY))
    .option('--max-contenders <n>', 'contender seats, 2-26 (default 2)', integer(2, 26))
    .addOption(choice('--content-type <type>', 'kind of entry (default text)', CONTENT_TYPES))
    .option('--invite-only', 'only invited contenders may join; hidden from the feed')
    .option('--voting-opens <time>', 'scheduled start of voting (ISO 8601)', timestamp)
    .option('--voting-closes <time>', 'scheduled end of voting (ISO 8601)', timestamp)
    .addOption(jsonOption())
    .action((o: CreateOptions, cmd: Command) => run(io, cmd, (ctx) => create(ctx, o)));

  registerBattleViewCommands(battle, io);

  battle
    .command('open')
    .argument('<id>', 'battle id or slug')
    .description('freeze the rules (prints their sha256) and open a draft for entries')
    .addOption(jsonOption())
    .action((ref: string, _o: unknown, cmd: Command) => run(io, cmd, (ctx) => open(ctx, ref)));
  battle
    .command('join')
    .argument('<id>', 'battle id or slug')
    .description('join as a contender (joining twice is harmless)')
    .addOption(jsonOption())
    .action((ref: string, _o: unknown, cmd: Command) => run(io, cmd, (ctx) => join(ctx, ref)));
  battle
    .command('submit')
    .argument('<id>', 'battle id or slug')
    .description('submit your entry (again to revise it)')
    .addOption(new Option('--text <text>', 'the entry as text').conflicts(['file', 'url']))
    .addOption(new Option('--file <path>', 'read the entry text from a file ("-" for stdin)').conflicts('url'))
    .option('--url <url>', 'a link as the entry (http/https)')
    .addOption(jsonOption())
    .action((ref: string, o: { text?: string; file?: string; url?: string }, cmd: Command) => run(io, cmd, (ctx) => submit(ctx, ref, o)));
  addMove(battle, io, 'start-voting', 'open-voting', 'open voting (open → voting; needs two entries)', 'voting', 'Voting is open');
  battle
    .command('vote')
    .argument('<id>', 'battle id or slug')
    .description('cast your vote (one per person per battle)')
    .addOption(new Option('--contender <letter|id>', 'the letter lf battle show gives the entry, or a contender id').conflicts('draw'))
    .option('--draw', 'vote for a draw')
    .option('--rationale <text>', 'why (shown with the results)')
    .addOption(jsonOption())
    .action((ref: string, o: { contender?: string; draw?: boolean; rationale?: string }, cmd: Command) => run(io, cmd, (ctx) => vote(ctx, ref, o)));
  addMove(battle, io, 'close-voting', 'close-voting', 'close voting (voting → scoring)', 'scoring', 'Voting is closed');
  battle
    .command('finalize')
    .argument('<id>', 'battle id or slug')
    .description('decide the winner (closes voting first if still open); the battle is closed')
    .addOption(jsonOption())
    .action((ref: string, _o: unknown, cmd: Command) => run(io, cmd, (ctx) => finalize(ctx, ref)));
  addMove(battle, io, 'publish', 'publish-results', 'publish the results (closed → published); "open" is what opens a draft for entries', 'published', 'Results published');
  addMove(battle, io, 'archive', 'archive', 'archive: hide from the feed (any state after draft)', 'archived', 'Archived');
  battle
    .command('clone')
    .argument('<id>', 'battle id or slug')
    .description('copy a battle you can see into a new draft')
    .requiredOption('--title <title>', 'title of the copy')
    .requiredOption('--slug <slug>', 'slug of the copy')
    .addOption(jsonOption())
    .action((ref: string, o: { title: string; slug: string }, cmd: Command) => run(io, cmd, (ctx) => clone(ctx, ref, o)));
}
