// Battles in a chosen lifecycle state, built through the RPCs the way users reach them, plus the few
// superuser reads the database tests check results with (events, votes, settings).
import { expect } from 'vitest';
import { AppError } from '../../src/core/app-error.ts';
import type { Db } from '../../src/db/db.ts';
import { toAppError } from '../../src/db/errors.ts';
import { actingAs, makeAiLenser, makeUser, type Actor } from './actors.ts';

export const STATUSES = ['draft', 'open', 'executing', 'voting', 'scoring', 'closed', 'published', 'archived'] as const;
export type Status = (typeof STATUSES)[number];

let counter = 0;

/** A slug no other test in this run uses. */
export function uniqueSlug(prefix = 'b'): string {
  return `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface Contender {
  /** Who acts for the contender: the human, or the owner acting as the AI persona. */
  actor: Actor;
  /** The human behind it (the same as actor for human contenders). */
  owner: Actor;
  contenderId: string;
  aiLenserId?: string;
}

export interface BattleSetup {
  id: string;
  slug: string;
  creator: Actor;
  contenders: Contender[];
}

export interface BattleOptions {
  creator?: Actor;
  /** fn_battles_create arguments (title, slug and task_prompt have defaults). */
  create?: Record<string, unknown>;
  /** Contenders who join after publication (default 2). Humans, or AI personas for ai_vs_ai. */
  contenders?: number;
  /** How many of them submit an entry while open (default: all). */
  entries?: number;
}

const judgeModels = new WeakMap<Db, Promise<string>>();

/** One judge model per database for fixture battles judged by an AI (publication requires one); no worker calls it. */
function fixtureJudgeModel(db: Db): Promise<string> {
  let model = judgeModels.get(db);
  if (!model) {
    model = db.query<{ id: string }>(
      `insert into ai.models (provider, model_id, display_name) values ('scripted', 'fixture-judge', 'Fixture judge') returning id`,
    ).then(({ rows }) => rows[0].id);
    judgeModels.set(db, model);
  }
  return model;
}

/**
 * A draft battle that can be published: an ai_judge battle gets the fixture judge model, a
 * rubric_score battle a fresh named human judge (it still needs a rubric_id to publish).
 */
export async function createBattle(db: Db, creator?: Actor, args: Record<string, unknown> = {}) {
  const who = creator ?? (await makeUser(db));
  const slug = (args.slug as string | undefined) ?? uniqueSlug();
  const id = await who.rpc<string>('fn_battles_create', { title: `Battle ${slug}`, task_prompt: 'Write a haiku about rain', ...args, slug });
  if (args.judging_mode === 'ai_judge') {
    await who.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: await fixtureJudgeModel(db) });
  }
  if (args.judging_mode === 'rubric_score') {
    await who.rpc('fn_battles_name_judge', { battle_id: id, profile_id: (await makeUser(db)).id });
  }
  return { id, slug, creator: who };
}

/**
 * A fresh contender of the given kind who joins by themself. For invite-only battles pass the
 * creator as `invitedBy`: the contender's address is invited first.
 */
export async function addContender(db: Db, battleId: string, kind: 'human' | 'ai', invitedBy?: Actor): Promise<Contender> {
  const owner = await makeUser(db);
  if (invitedBy) await invitedBy.rpc('fn_battles_invite', { battle_id: battleId, email: `${owner.handle}@example.test` });
  if (kind === 'human') {
    const contenderId = await owner.rpc<string>('fn_battles_join', { battle_id: battleId });
    return { actor: owner, owner, contenderId };
  }
  const ai = await makeAiLenser(db, owner);
  const actor = actingAs(db, owner, ai.ai_lenser_id);
  const contenderId = await actor.rpc<string>('fn_battles_join', { battle_id: battleId });
  return { actor, owner, contenderId, aiLenserId: ai.ai_lenser_id };
}

function contenderKinds(structure: unknown, n: number): ('human' | 'ai')[] {
  return Array.from({ length: n }, (_, i) =>
    structure === 'ai_vs_ai' ? 'ai' : structure === 'human_vs_ai' ? (i % 2 === 0 ? 'human' : 'ai') : 'human',
  );
}

export async function submitEntry(c: Contender, battleId: string, text?: string): Promise<string> {
  return c.actor.rpc<string>('fn_battles_submit', { battle_id: battleId, text: text ?? `entry of ${c.contenderId}` });
}

/**
 * A battle in `status`: draft (created), open (published, contenders joined, entries submitted),
 * executing, voting, scoring, closed, published (each the next move of the one before), archived
 * (archived while open). Each battle gets a fresh creator unless one is given, so the daily creation
 * cap never gets in the way.
 */
export async function battleIn(db: Db, status: Status, opts: BattleOptions = {}): Promise<BattleSetup> {
  const { id, slug, creator } = await createBattle(db, opts.creator, opts.create);
  const setup: BattleSetup = { id, slug, creator, contenders: [] };
  if (status === 'draft') return setup;
  const call = (name: string) => creator.rpc(name, { battle_id: id });
  await call('fn_publish_battle');
  for (const kind of contenderKinds(opts.create?.contender_structure, opts.contenders ?? 2)) {
    setup.contenders.push(await addContender(db, id, kind, opts.create?.invite_only ? creator : undefined));
  }
  for (const c of setup.contenders.slice(0, opts.entries ?? setup.contenders.length)) await submitEntry(c, id);
  if (status === 'open') return setup;
  if (status === 'archived') {
    await call('fn_battles_archive');
    return setup;
  }
  if (status === 'executing') {
    await call('fn_battle_start_execution');
    return setup;
  }
  await call('fn_battle_open_voting');
  if (status === 'voting') return setup;
  await call('fn_battle_close_voting');
  if (status === 'scoring') return setup;
  await call('fn_battles_finalize');
  if (status === 'closed') return setup;
  await call('fn_battles_publish_results');
  return setup;
}

/** Fresh signed-in voters. */
export async function makeVoters(db: Db, n: number, opts: Parameters<typeof makeUser>[2] = {}): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = 0; i < n; i++) out.push(await makeUser(db, undefined, opts));
  return out;
}

export async function vote(voter: Actor, battleId: string, contenderId: string | null) {
  return voter.rpc<{ vote_id: string; vote_value: string; total_vote_count: number }>(
    'fn_submit_vote',
    contenderId ? { battle_id: battleId, voted_contender_id: contenderId } : { battle_id: battleId, is_draw: true },
  );
}

export interface EventRow {
  event_type: string;
  actor_id: string | null;
  metadata: Record<string, unknown>;
}

/** Every event of a battle in the order written (read as the superuser, past row-level security). */
export async function eventsOf(db: Db, battleId: string): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    'select event_type, actor_id, metadata from battles.events where battle_id = $1 order by seq',
    [battleId],
  );
  return rows;
}

export async function battleRow(db: Db, battleId: string) {
  const { rows } = await db.query<Record<string, any>>('select * from battles.battles where id = $1', [battleId]);
  return rows[0];
}

export async function statusOf(db: Db, battleId: string): Promise<Status> {
  return (await battleRow(db, battleId)).status;
}

export interface EntryRow {
  contender_id: string;
  content_text: string;
  source_type: string;
  execution_run_id: string | null;
}

/** Each contender's final entry (superuser read). */
export async function finalEntries(db: Db, battleId: string): Promise<EntryRow[]> {
  const { rows } = await db.query<EntryRow>(
    'select contender_id, content_text, source_type, execution_run_id from battles.submissions where battle_id = $1 and is_final',
    [battleId],
  );
  return rows;
}

/** Moderation has no RPC yet: sets a final entry's status as an operator's tool would. */
export async function setEntryStatus(db: Db, contenderId: string, status: string): Promise<void> {
  await db.query(
    'update battles.submissions set status = $2::battles.submission_status_enum where contender_id = $1 and is_final',
    [contenderId, status],
  );
}

/** Tallies as stored beside a recount from the votes themselves, per contender. */
export async function tallies(db: Db, battleId: string) {
  const { rows } = await db.query<{
    contender_id: string;
    raw_vote_count: number;
    weighted_vote_sum: number;
    draw_count: number;
    rank_position: number | null;
    recount_raw: number;
    recount_weighted: number;
    recount_draws: number;
  }>(
    `select a.contender_id, a.raw_vote_count, a.weighted_vote_sum, a.draw_count, a.rank_position,
            (select count(*) from battles.votes v where v.battle_id = a.battle_id and v.voted_contender_id = a.contender_id) as recount_raw,
            (select coalesce(sum(v.weight), 0) from battles.votes v where v.battle_id = a.battle_id and v.voted_contender_id = a.contender_id) as recount_weighted,
            (select count(*) from battles.votes v where v.battle_id = a.battle_id and v.is_draw) as recount_draws
       from battles.vote_aggregates a where a.battle_id = $1 order by a.contender_id`,
    [battleId],
  );
  return rows;
}

/** A runtime setting read by the SQL when no GUC of the same name is set (works across a pool). */
export async function setSetting(db: Db, key: string, value: string): Promise<void> {
  await db.query(
    `insert into ops.settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [key, value],
  );
}

export async function clearSetting(db: Db, key: string): Promise<void> {
  await db.query('delete from ops.settings where key = $1', [key]);
}

/** Awaits a refusal and returns it as the AppError clients see; fails the test when it resolves. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return toAppError(err);
  }
  throw new Error('expected a refusal, but the call succeeded');
}

/** Asserts that the call is refused with the given stable code. */
export async function expectRefused(p: Promise<unknown>, code: string): Promise<AppError> {
  const err = await refusal(p);
  expect(err.code, err.message).toBe(code);
  return err;
}
