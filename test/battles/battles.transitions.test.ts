// The whole battle state machine: every (status × action) pair through the RPCs, every (from, to)
// status pair through a direct UPDATE (the trigger), and who may make each move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims } from '../../src/db/claims.ts';
import { toAppError } from '../../src/db/errors.ts';
import { makeUser, systemActor, type Actor } from '../support/actors.ts';
import { STATUSES, battleIn, battleRow, createBattle, eventsOf, expectRefused, refusal, uniqueSlug, type Status } from '../support/battle-fixtures.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

const ACTIONS = {
  publish: 'fn_publish_battle',
  retract: 'fn_battles_retract',
  start_execution: 'fn_battle_start_execution',
  open_voting: 'fn_battle_open_voting',
  start_scoring: 'fn_battle_start_scoring',
  close_voting: 'fn_battle_close_voting',
  finalize: 'fn_battles_finalize',
  close: 'fn_battles_close',
  publish_results: 'fn_battles_publish_results',
  archive: 'fn_battles_archive',
  cancel: 'fn_battles_cancel',
  delete: 'fn_battles_delete',
} as const;
type Action = keyof typeof ACTIONS;

interface Move {
  to: Status;
  /** Event types the move writes, in order. */
  events: string[];
  bySystem: boolean;
}

const move = (to: Status, event: string | null, bySystem: boolean): Move => ({
  to,
  events: event ? ['status_change', event] : ['status_change'],
  bySystem,
});
const LIVE = ['open', 'executing', 'voting', 'scoring'] as const;

// The expected table, stated independently of battles.transition_rules (checked against it below).
const ALLOWED: Record<Action, Partial<Record<Status, Move>>> = {
  publish: { draft: move('open', null, false) },
  retract: { open: move('draft', null, false) },
  start_execution: { open: move('executing', null, true) },
  open_voting: { open: move('voting', 'voting_opened', true), executing: move('voting', 'voting_opened', true) },
  start_scoring: { open: move('scoring', 'scoring_started', true), executing: move('scoring', 'scoring_started', true) },
  close_voting: { voting: move('scoring', 'voting_closed', true) },
  finalize: { scoring: move('closed', 'finalized', true) },
  // close = close_voting (when voting) + finalize
  close: {
    voting: { to: 'closed', events: ['status_change', 'voting_closed', 'status_change', 'finalized'], bySystem: true },
    scoring: move('closed', 'finalized', true),
  },
  publish_results: { closed: move('published', 'published', true) },
  archive: Object.fromEntries(
    (['open', 'executing', 'voting', 'scoring', 'closed', 'published'] as const).map((s) => [s, move('archived', 'archived', true)]),
  ),
  cancel: Object.fromEntries(LIVE.map((s) => [s, move('archived', 'battle_cancelled', false)])),
  // Deleting is soft: the draft stays a draft, hidden, with a status_change event saying so.
  delete: { draft: move('draft', null, false) },
};

// Retracting an open battle needs one with no entries; every other pair is tried on a battle whose
// contenders have all submitted, so entry preconditions never mask the state machine's answer.
const setupFor = (status: Status, action: Action) =>
  battleIn(db, status, { entries: action === 'retract' && status === 'open' ? 0 : 2 });

// Events written by one move share a transaction and may share a clock_timestamp, so their order
// is not observable: compare them as sorted lists.
const sorted = (xs: string[]) => [...xs].sort();

async function run(actor: Actor, action: Action, battleId: string) {
  return actor.rpc(ACTIONS[action], { battle_id: battleId });
}

describe('battles.transition_rules', () => {
  it('lists exactly the moves of the documented state machine, with who may make them', async () => {
    const { rows } = await db.query<{ action: string; from_status: Status; to_status: Status; by_creator: boolean; by_system: boolean; by_operator: boolean; event_type: string | null }>(
      'select action, from_status, to_status, by_creator, by_system, by_operator, event_type from battles.transition_rules',
    );
    const expected = Object.entries(ALLOWED)
      .filter(([a]) => a !== 'close' && a !== 'delete')
      .flatMap(([action, froms]) =>
        Object.entries(froms).map(([from, m]) => ({
          action,
          from_status: from,
          to_status: m!.to,
          by_creator: true,
          by_system: m!.bySystem,
          by_operator: true,
          event_type: m!.events[1] ?? null,
        })),
      );
    const key = (r: { action: string; from_status: string }) => `${r.action}:${r.from_status}`;
    expect([...rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
  });
});

describe('every (status × action) pair, by the creator', () => {
  const cases = STATUSES.flatMap((status) => (Object.keys(ACTIONS) as Action[]).map((action) => ({ status, action })));

  it.each(cases)('$action on a $status battle', async ({ status, action }) => {
    const b = await setupFor(status, action);
    const before = (await eventsOf(db, b.id)).length;
    const m = ALLOWED[action][status];
    if (!m) {
      await expectRefused(run(b.creator, action, b.id), 'invalid_transition');
      expect((await battleRow(db, b.id)).status).toBe(status);
      expect(await eventsOf(db, b.id)).toHaveLength(before);
      return;
    }
    await run(b.creator, action, b.id);
    const row = await battleRow(db, b.id);
    expect(row.status).toBe(m.to);
    const added = (await eventsOf(db, b.id)).slice(before);
    expect(sorted(added.map((e) => e.event_type))).toEqual(sorted(m.events));
    const changes = added.filter((e) => e.event_type === 'status_change').map((e) => e.metadata);
    if (action === 'close') {
      expect(changes).toContainEqual(expect.objectContaining({ from: status, action: status === 'voting' ? 'close_voting' : 'finalize' }));
      expect(changes).toContainEqual(expect.objectContaining({ to: 'closed', action: 'finalize' }));
    } else {
      expect(changes).toEqual([expect.objectContaining({ from: status, to: m.to, action })]);
    }
    expect(added.every((e) => e.actor_id === b.creator.id)).toBe(true);
    if (action === 'delete') expect(row.deleted_at).not.toBeNull();
  });
});

describe('who may make each move', () => {
  const cases = (Object.keys(ALLOWED) as Action[]).flatMap((action) =>
    Object.entries(ALLOWED[action]).map(([status, m]) => ({ action, status: status as Status, bySystem: m!.bySystem })),
  );

  it.each(cases)('$action on a $status battle: a stranger is refused, an operator may', async ({ action, status }) => {
    const b = await setupFor(status, action);
    const stranger = await makeUser(db);
    // A draft is invisible to everyone but its creator and operators: not_found, not forbidden.
    await expectRefused(run(stranger, action, b.id), status === 'draft' ? 'not_found' : 'forbidden');
    expect((await battleRow(db, b.id)).status).toBe(status);
    const operator = await makeUser(db, undefined, { operator: true });
    await run(operator, action, b.id);
    expect((await battleRow(db, b.id)).status).toBe(ALLOWED[action][status]!.to);
  });

  it.each(cases)('$action on a $status battle by the system (service_role): allowed when bySystem=$bySystem', async ({ action, status, bySystem }) => {
    const b = await setupFor(status, action);
    const system = systemActor(db);
    if (bySystem) {
      await run(system, action, b.id);
      expect((await battleRow(db, b.id)).status).toBe(ALLOWED[action][status]!.to);
    } else {
      await expectRefused(run(system, action, b.id), 'forbidden');
      expect((await battleRow(db, b.id)).status).toBe(status);
    }
  });

  it('a contender of the battle is not its creator: opening voting is forbidden to them', async () => {
    const b = await battleIn(db, 'open');
    await expectRefused(run(b.contenders[0].actor, 'open_voting', b.id), 'forbidden');
  });
});

describe('the caller is checked before the battle\'s state', () => {
  // Each battle below would be refused to its creator for a reason about its state; a stranger must
  // get forbidden instead (a stranger who cannot see the battle gets not_found, as everywhere).
  it('retracting an open battle with entries: the creator gets battle_has_entries, a stranger forbidden', async () => {
    const b = await battleIn(db, 'open');
    await expectRefused(run(await makeUser(db), 'retract', b.id), 'forbidden');
    await expectRefused(run(b.creator, 'retract', b.id), 'battle_has_entries');
  });

  it('opening voting with one entry: the creator gets not_enough_entries, a stranger forbidden, and nothing changes', async () => {
    const b = await battleIn(db, 'open', { entries: 1 });
    const before = (await eventsOf(db, b.id)).length;
    await expectRefused(run(await makeUser(db), 'open_voting', b.id), 'forbidden');
    await expectRefused(run(b.contenders[0].actor, 'open_voting', b.id), 'forbidden');
    await expectRefused(run(b.creator, 'open_voting', b.id), 'not_enough_entries');
    expect((await battleRow(db, b.id)).status).toBe('open');
    expect(await eventsOf(db, b.id)).toHaveLength(before);
  });

  it('opening voting after the voting window closed: the creator gets voting_window_past, a stranger forbidden', async () => {
    const b = await battleIn(db, 'open');
    await db.query(`update battles.battles set voting_closes_at = now() - interval '1 minute' where id = $1`, [b.id]);
    await expectRefused(run(await makeUser(db), 'open_voting', b.id), 'forbidden');
    await expectRefused(run(b.creator, 'open_voting', b.id), 'voting_window_past');
  });

  it('starting scoring with no entry: the creator gets not_enough_entries, a stranger forbidden', async () => {
    const b = await battleIn(db, 'open', { entries: 0 });
    await expectRefused(run(await makeUser(db), 'start_scoring', b.id), 'forbidden');
    await expectRefused(run(b.creator, 'start_scoring', b.id), 'not_enough_entries');
  });

  it('finalizing a judged battle whose judging is incomplete: the creator gets judging_incomplete, a stranger forbidden', async () => {
    const creator = await makeUser(db);
    const rubric = await creator.rpc<string>('fn_rubrics_create', { title: 'R', criteria: [{ title: 'A' }] });
    const { id } = await createBattle(db, creator, { slug: uniqueSlug('judged'), judging_mode: 'rubric_score', rubric_id: rubric });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    for (let i = 0; i < 2; i++) {
      const c = await makeUser(db);
      await c.rpc('fn_battles_join', { battle_id: id });
      await c.rpc('fn_battles_submit', { battle_id: id, text: `entry ${i}` });
    }
    await creator.rpc('fn_battle_start_scoring', { battle_id: id });
    for (const action of ['finalize', 'close'] as const) {
      await expectRefused(run(await makeUser(db), action, id), 'forbidden');
      await expectRefused(run(creator, action, id), 'judging_incomplete');
    }
    expect((await battleRow(db, id)).status).toBe('scoring');
  });

  it('a move the battle\'s state does not allow: the creator gets invalid_transition, a stranger forbidden', async () => {
    const b = await battleIn(db, 'voting');
    for (const action of ['publish_results', 'retract', 'start_scoring', 'finalize', 'publish'] as const) {
      await expectRefused(run(await makeUser(db), action, b.id), 'forbidden');
      await expectRefused(run(b.creator, action, b.id), 'invalid_transition');
    }
  });

  it('a battle the caller cannot see is not_found whatever its state', async () => {
    const b = await battleIn(db, 'open', { create: { invite_only: true }, entries: 1 });
    for (const action of ['retract', 'open_voting', 'start_scoring', 'finalize', 'close'] as const) {
      await expectRefused(run(await makeUser(db), action, b.id), 'not_found');
    }
  });
});

describe('the battles_guard trigger on direct status updates', () => {
  let creatorId: string;
  beforeAll(async () => {
    creatorId = (await makeUser(db)).id;
  });

  // A battle row put straight into a status by the superuser (inserts are not transitions).
  async function rowIn(status: Status): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `insert into battles.battles (creator_lenser_id, principal_id, title, slug, task_prompt, battle_type,
         contender_structure, judging_mode, task_source, status)
       values ($1, $1, 'direct', 'direct-' || replace(gen_random_uuid()::text, '-', ''), 'p', 'human_vs_human_open_votes',
         'human_vs_human', 'community_vote', 'challenge', $2) returning id`,
      [creatorId, status],
    );
    return rows[0].id;
  }

  const pairs = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => ({ from, to })));

  it.each(pairs)('UPDATE status $from → $to as the superuser is accepted exactly when transition_rules lists it', async ({ from, to }) => {
    const listed = (
      await db.query('select 1 from battles.transition_rules where from_status = $1 and to_status = $2', [from, to])
    ).rows.length > 0;
    const expected = Object.entries(ALLOWED).some(([a, froms]) => a !== 'close' && a !== 'delete' && froms[from]?.to === to);
    expect(listed).toBe(expected);
    const id = await rowIn(from);
    const attempt = db.query('update battles.battles set status = $2 where id = $1', [id, to]);
    if (listed) {
      await attempt;
      expect((await battleRow(db, id)).status).toBe(to);
    } else {
      const err = await refusal(attempt);
      expect(err.code).toBe('invalid_transition');
      expect((err.cause as { code?: string }).code).toBe('55000');
      expect((await battleRow(db, id)).status).toBe(from);
    }
  });

  it('an UPDATE that leaves the status as it is is not a transition and is accepted', async () => {
    for (const s of STATUSES) {
      const id = await rowIn(s);
      await db.query(`update battles.battles set status = $2, title = 'renamed' where id = $1`, [id, s]);
      expect((await battleRow(db, id)).title).toBe('renamed');
    }
  });

  it('refuses an unlisted move written by the service_role too', async () => {
    const id = await rowIn('draft');
    const err = await withClaims(db, { role: 'service_role' }, (tx) =>
      tx.query(`update battles.battles set status = 'closed' where id = $1`, [id]),
    ).then(
      () => null,
      (e) => toAppError(e),
    );
    expect(err?.code).toBe('invalid_transition');
  });

  it('fires for an UPDATE naming any column of the table but total_vote_count', async () => {
    const { rows } = await db.query<{ missing: string[] | null; extra: string[] | null }>(
      `with cols as (select attname::text as name, attnum from pg_attribute
                      where attrelid = 'battles.battles'::regclass and attnum > 0 and not attisdropped),
            listed as (select unnest(tgattr::int2[]) as attnum from pg_trigger
                        where tgrelid = 'battles.battles'::regclass and tgname = 'battles_guard')
       select (select array_agg(name order by name) from cols
                where name <> 'total_vote_count' and attnum not in (select attnum from listed)) as missing,
              (select array_agg(name order by name) from cols
                where name = 'total_vote_count' and attnum in (select attnum from listed)) as extra`,
    );
    expect(rows[0]).toEqual({ missing: null, extra: null });
  });

  it('a tally update of total_vote_count alone passes; the same update with a status move is guarded', async () => {
    const id = await rowIn('draft');
    await db.query('update battles.battles set total_vote_count = total_vote_count + 1 where id = $1', [id]);
    expect((await battleRow(db, id)).total_vote_count).toBe(1);
    const err = await refusal(db.query(
      `update battles.battles set total_vote_count = total_vote_count + 1, status = 'closed' where id = $1`, [id]));
    expect(err.code).toBe('invalid_transition');
    expect((await battleRow(db, id))).toMatchObject({ status: 'draft', total_vote_count: 1 });
  });
});

// The single-column rules are domains (0005_battles_tables.sql): a write that breaks one is refused
// under the rule's name, whichever writer sends it.
describe('single-column rules of battles and events', () => {
  const BROKEN: [column: string, value: string, rule: string][] = [
    ['title', `'  '`, 'battles_title_check'],
    ['slug', `'Not A Slug'`, 'battles_slug_check'],
    ['task_prompt', `''`, 'battles_task_prompt_check'],
    ['max_contenders', '1', 'battles_max_contenders_check'],
    ['max_contenders', '27', 'battles_max_contenders_check'],
    ['invite_code', `'short'`, 'battles_invite_code_check'],
    ['handicap_config', `'[]'`, 'battles_handicap_config_check'],
    ['content_type', `'pdf'`, 'battles_content_type_check'],
    ['challenge_type', `'Math'`, 'battles_challenge_type_check'],
  ];

  it.each(BROKEN)('an UPDATE setting %s to %s is refused as %s and changes nothing', async (column, value, rule) => {
    const b = await createBattle(db, await makeUser(db));
    const before = await battleRow(db, b.id);
    const err = await refusal(db.query(`update battles.battles set ${column} = ${value} where id = $1`, [b.id]));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain(rule);
    expect((err.cause as { code?: string }).code).toBe('23514');
    expect(await battleRow(db, b.id)).toEqual(before);
  });

  it('a rule snapshot hash that is not lowercase SHA-256 hex is refused', async () => {
    const b = await createBattle(db, await makeUser(db));
    const err = await refusal(db.query(
      `update battles.battles set rule_snapshot = '{}', rule_snapshot_sha256 = 'ABC' where id = $1`, [b.id]));
    expect(err.message).toContain('battles_rule_snapshot_sha256_check');
  });

  it('an event of a type the reference does not list is refused', async () => {
    const b = await createBattle(db, await makeUser(db));
    const err = await refusal(db.query(
      `insert into battles.events (battle_id, event_type) values ($1, 'vote_changed')`, [b.id]));
    expect(err.message).toContain('events_event_type_check');
  });
});
