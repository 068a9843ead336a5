// Votes per second through battles.fn_submit_vote, as a ratio of a plain single-row INSERT ceiling
// measured in the same run on the same server.
//
// (1) ceiling: one INSERT into a bare table per autocommit transaction, 8 clients;
// (1b) that INSERT inside the same transaction-and-identity message the votes of (2) and (3) use:
//      what the wrapper alone leaves of the ceiling, so the vote's own work can be read apart;
// (1c) in that same message, only the writes the contract demands of a vote: a row in a copy of
//      battles.votes (its unique keys and foreign keys) whose trigger keeps the tallies, as
//      trg_votes_tally does — no RPC, no checks, no event: the floor under (2);
// (1d) the least any vote could do under the contract, in that message: a row in a plain votes table
//      with only the UNIQUE(battle_id, voter) the contract names, both tallies updated and an event
//      row written by the message itself (no foreign keys, checks, triggers or eligibility): what the
//      spread aim of 0.5 has to fit under;
// (1e) the one-battle bound: in that message, an UPDATE of one single-column row that every client
//      shares, as the battle's total_vote_count is; each holds its row lock through its commit, so
//      this is the most votes any design with the total in the vote's transaction can take on one battle;
// (2) fn_submit_vote, 8 clients, each vote its own transaction as a distinct voter (role and JWT claims
//     set with set_config, as the API does), spread over 100 battles in voting;
// (3) the same with every vote on one battle (all writers meet on its battle row and tally rows);
// (4) POST /api/battles/:id/votes through the real app (@hono/node-server on 127.0.0.1, Bearer JWTs,
//     8 keep-alive loops in a worker thread), over the 100 battles, against the ceiling of (1);
// (5) PGlite (embedded, one connection, sequential): votes through withClaims vs its own INSERT ceiling.
// In (2) and (3) each vote is one round trip (begin; set_config; select fn_submit_vote; commit — one
// simple-query message), like the ceiling's one round trip: the ratio is the database's work, not the
// client's. (4) pays the app's real path (three round trips, HTTP, JSON, zod), with the app served from
// this process and the load sent from a worker thread (bench/support/http-load.ts).
// The phases run interleaved in one-second slices (ceiling, spread, one battle, HTTP, again ...), so
// other load on the machine weighs on all of them alike; the written tables are vacuumed and
// analyzed between slices as autovacuum would (the test server runs without it). Without the
// analyze, the plans cached in each session stay those made for an empty votes table, and the
// already-voted probes slow down as the battles fill (about 30x on 100 votes a battle).
// Args: [seconds per phase=4] [clients=8]. Server from DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/test); a fresh database is migrated, then dropped at the end.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { createApp } from '../src/api/app.ts';
import { rpcAs } from '../src/battles/rpc.ts';
import { claimsSql, userClaims, withClaims } from '../src/db/claims.ts';
import type { Db } from '../src/db/db.ts';
import { analyzeGrownTables } from '../src/db/embedded-maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { TokenSigner } from '../src/identity/tokens.ts';
import { silentLogger } from '../src/logging/logger.ts';
import { startHttpLoad } from './support/http-load.ts';
import { withScratchDatabase } from './support/scratch-database.ts';

const SPREAD_BATTLES = 100;

interface Battle {
  id: string;
  contenders: [string, string];
}

interface Seeded {
  battles: Battle[];
  voters: string[];
}

interface Rate {
  count: number;
  seconds: number;
  perSecond: number;
  errors: number;
  firstError?: string;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const ratio = (r: Rate, ceiling: Rate) => r.perSecond / ceiling.perSecond;

/** Runs `clients` loops until the deadline or until work() says there is nothing left. */
async function measure(clients: number, seconds: number, work: (client: number) => Promise<boolean>): Promise<Rate> {
  let count = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        try {
          if (!(await work(client))) return;
          count++;
        } catch (err) {
          errors++;
          firstError ??= (err as Error).message;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return { count, seconds: elapsed, perSecond: count / elapsed, errors, firstError };
}

function add(total: Rate | undefined, r: Rate): Rate {
  if (!total) return r;
  const count = total.count + r.count;
  const seconds = total.seconds + r.seconds;
  return { count, seconds, perSecond: count / seconds, errors: total.errors + r.errors, firstError: total.firstError ?? r.firstError };
}

/** Pairs every voter with every battle once, consecutive votes differing in both voter and battle. */
function spreadPairs(voters: number, battles: number): (i: number) => { voter: number; battle: number } | undefined {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  // vote i: voter i mod v, battle (i + floor(i / v)) mod b — a bijection while gcd(v + 1, b) = 1.
  let v = voters;
  while (gcd(v + 1, battles) !== 1) v--;
  return (i) => (i < v * battles ? { voter: i % v, battle: (i + Math.floor(i / v)) % battles } : undefined);
}

function report(label: string, r: Rate, ceiling?: Rate): void {
  const vs = ceiling ? ` = ${ratio(r, ceiling).toFixed(2)} of the ceiling` : '';
  const errs = r.errors ? ` (${r.errors} errors, first: ${r.firstError})` : '';
  console.log(`${label}: ${fmt(r.count)} in ${r.seconds.toFixed(1)} s, ${fmt(r.perSecond)}/s${vs}${errs}`);
}

/** Voters in bulk (straight SQL), and battles in voting through the RPCs, so every rule held. */
async function seed(db: Db, battleCount: number, voterCount: number, parallel: number): Promise<Seeded> {
  // No daily creation cap for the benchmark's creator (0 turns it off).
  await db.query(`insert into ops.settings (key, value) values ('app.battles_daily_create_cap', '0')`);
  const people = await db.query<{ id: string }>(
    `with a as (insert into ops.accounts (email, password_hash)
                select 'bench_' || g || '@bench.test', 'x' from generate_series(1, 3) g returning id, email)
     insert into lensers.profiles (id, handle, display_name)
     select id, split_part(email, '@', 1), 'Bench' from a returning id`,
  );
  const [creator, alice, bob] = people.rows.map((r) => userClaims(r.id));
  const voters = await db.query<{ id: string }>(
    `with a as (insert into ops.accounts (email, password_hash)
                select 'voter' || g || '@bench.test', 'x' from generate_series(1, $1::int) g returning id, email)
     insert into lensers.profiles (id, handle, display_name)
     select id, split_part(email, '@', 1), 'Voter' from a returning id`,
    [voterCount],
  );
  const tag = randomBytes(3).toString('hex');
  const battles: Battle[] = new Array(battleCount);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < battleCount; i = next++) {
        const id = (await rpcAs(db, creator, 'fn_battles_create', {
          title: `Bench ${i}`, slug: `bench-${tag}-${i}`, task_prompt: 'Write one line about rain.',
        })) as string;
        await rpcAs(db, creator, 'fn_publish_battle', { battle_id: id });
        const a = (await rpcAs(db, alice, 'fn_battles_join', { battle_id: id })) as string;
        const b = (await rpcAs(db, bob, 'fn_battles_join', { battle_id: id })) as string;
        await rpcAs(db, alice, 'fn_battles_submit', { battle_id: id, text: 'rain on the tin roof' });
        await rpcAs(db, bob, 'fn_battles_submit', { battle_id: id, text: 'grey drops, quiet street' });
        await rpcAs(db, creator, 'fn_battle_open_voting', { battle_id: id });
        battles[i] = { id, contenders: [a, b] };
      }
    }),
  );
  return { battles, voters: voters.rows.map((r) => r.id) };
}

/** The invariants the votes must leave behind: one row per vote, tallies equal to a recount. */
async function checkTallies(db: Db): Promise<string> {
  const { rows } = await db.query<{ votes: number; totals: number; tallies: number; bad: number }>(
    `select (select count(*) from battles.votes)::int as votes,
            (select coalesce(sum(total_vote_count), 0) from battles.battles)::int as totals,
            (select coalesce(sum(raw_vote_count + draw_count), 0) from battles.vote_aggregates)::int as tallies,
            (select count(*) from battles.vote_aggregates a
              where a.raw_vote_count <> (select count(*) from battles.votes v
                                           where v.battle_id = a.battle_id and v.voted_contender_id = a.contender_id))::int as bad`,
  );
  const r = rows[0];
  const ok = r.votes === r.totals && r.votes === r.tallies && r.bad === 0;
  if (!ok) throw new Error(`tallies do not match the votes: ${JSON.stringify(r)}`);
  return `${fmt(r.votes)} votes, totals and tallies equal a recount`;
}

/**
 * Copies of the vote's write set (writeSetSql in (1c)): votes with the real table's keys, tallies
 * updated by a trigger under the battle row's lock, over the seeded battles and contenders.
 */
async function createWriteSetFloor(db: Db): Promise<void> {
  for (const sql of [
    `create table bench_floor_battles (id uuid primary key, status text not null, total_vote_count integer not null default 0)`,
    `create table bench_floor_aggregates (battle_id uuid not null references bench_floor_battles (id), contender_id uuid not null,
       raw_vote_count integer not null default 0, weighted_vote_sum numeric not null default 0, updated_at timestamptz,
       primary key (battle_id, contender_id))`,
    `create table bench_floor_votes (id uuid primary key default gen_random_uuid(),
       battle_id uuid not null references bench_floor_battles (id),
       voter_lenser_id uuid not null references lensers.profiles (id), principal_id uuid references lensers.profiles (id),
       voted_contender_id uuid not null, weight numeric(10, 4) not null default 1.0, created_at timestamptz not null default now(),
       unique (battle_id, voter_lenser_id), unique (battle_id, principal_id),
       foreign key (battle_id, voted_contender_id) references bench_floor_aggregates (battle_id, contender_id))`,
    `insert into bench_floor_battles (id, status) select id, 'voting' from battles.battles`,
    `insert into bench_floor_aggregates (battle_id, contender_id) select battle_id, contender_id from battles.vote_aggregates`,
    `create function bench_floor_tally() returns trigger language plpgsql security definer set search_path = '' as $$
     begin
       update public.bench_floor_aggregates set raw_vote_count = raw_vote_count + 1,
              weighted_vote_sum = weighted_vote_sum + new.weight, updated_at = now()
        where battle_id = new.battle_id and contender_id = new.voted_contender_id;
       update public.bench_floor_battles set total_vote_count = total_vote_count + 1
        where id = new.battle_id and status = 'voting';
       if not found then raise exception 'voting closed'; end if;
       return new;
     end $$`,
    // Named to fire before the foreign-key triggers, as 0_votes_tally is.
    `create trigger "0_floor_tally" after insert on bench_floor_votes for each row execute function bench_floor_tally()`,
    `grant insert on bench_floor_votes to authenticated`,
  ]) await db.query(sql);
}

/** Plain tables for (1d) and (1e): the contract's writes with nothing around them. */
async function createContractMinimum(db: Db): Promise<void> {
  for (const sql of [
    `create table bench_min_battles (id uuid primary key, total_vote_count integer not null default 0)`,
    `create table bench_min_aggregates (battle_id uuid, contender_id uuid, raw_vote_count integer not null default 0,
       primary key (battle_id, contender_id))`,
    `create table bench_min_votes (id bigserial primary key, battle_id uuid not null, voter uuid not null,
       contender_id uuid, unique (battle_id, voter))`,
    `create table bench_min_events (id bigserial primary key, battle_id uuid not null, event_type text not null)`,
    `insert into bench_min_battles (id) select id from battles.battles`,
    `insert into bench_min_aggregates (battle_id, contender_id) select battle_id, contender_id from battles.vote_aggregates`,
    `create table bench_hot_row (id integer primary key, n integer not null)`,
    `insert into bench_hot_row values (1, 0)`,
    `grant insert, update, select on bench_min_battles, bench_min_aggregates, bench_min_votes, bench_min_events, bench_hot_row to authenticated`,
    `grant usage on sequence bench_min_votes_id_seq, bench_min_events_id_seq to authenticated`,
  ]) await db.query(sql);
}

function contractMinimumSql(voter: string, battle: Battle, pick: number): string {
  const contender = battle.contenders[pick];
  return asVoter(voter, `insert into bench_min_votes (battle_id, voter, contender_id) values ('${battle.id}', '${voter}', '${contender}');
update bench_min_aggregates set raw_vote_count = raw_vote_count + 1 where battle_id = '${battle.id}' and contender_id = '${contender}';
update bench_min_battles set total_vote_count = total_vote_count + 1 where id = '${battle.id}';
insert into bench_min_events (battle_id, event_type) values ('${battle.id}', 'vote_cast')`);
}

function writeSetSql(voter: string, battle: Battle, pick: number): string {
  return asVoter(voter, `insert into bench_floor_votes (battle_id, voter_lenser_id, principal_id, voted_contender_id)
values ('${battle.id}', '${voter}', '${voter}', '${battle.contenders[pick]}')`);
}

/** One statement as one simple-query message: its own transaction, run as the voter (the API's claims statement). */
function asVoter(voter: string, statement: string): string {
  return `begin; ${claimsSql(userClaims(voter))};
${statement}; commit;`;
}

function voteSql(voter: string, battle: Battle, pick: number): string {
  return asVoter(voter, `select battles.fn_submit_vote('${battle.id}'::uuid, '${battle.contenders[pick]}'::uuid)`);
}

async function connectClients(url: string, n: number): Promise<pg.Client[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
}

async function postgresPhases(url: string, seconds: number, clients: number) {
  const db = openPostgres({ connectionString: url, max: clients + 2 });
  await migrate(db);
  const voterCount = 60_000;
  const setupStart = performance.now();
  const seeded = await seed(db, SPREAD_BATTLES + 1, voterCount, clients);
  const spreadBattles = seeded.battles.slice(0, SPREAD_BATTLES);
  const hotBattle = seeded.battles[SPREAD_BATTLES];
  console.log(`setup: ${SPREAD_BATTLES + 1} battles in voting, ${fmt(voterCount)} voters in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);
  await db.query('create table bench_ceiling (id bigserial primary key, battle_id uuid, voter uuid, v int)');
  await db.query('grant insert on bench_ceiling to authenticated');
  await db.query('grant usage on sequence bench_ceiling_id_seq to authenticated');
  await createWriteSetFloor(db);
  await createContractMinimum(db);
  await db.query('vacuum analyze');
  const vacuum = () => db.query(`vacuum analyze battles.battles, battles.vote_aggregates, battles.votes, battles.events,
    bench_floor_battles, bench_floor_aggregates, bench_floor_votes, bench_min_battles, bench_min_aggregates, bench_min_votes,
    bench_min_events, bench_hot_row`);

  const conns = await connectClients(url, clients);
  // A failed message leaves its transaction open and aborted: roll it back so the next one runs.
  const send = async (c: number, sql: string) => {
    try {
      await conns[c].query(sql);
    } catch (err) {
      await conns[c].query('rollback');
      throw err;
    }
  };
  const ceilingSlice = () =>
    measure(clients, 1, async (c) => {
      await conns[c].query({
        name: 'ceiling',
        text: 'insert into bench_ceiling (battle_id, voter, v) values ($1, $2, $3)',
        values: [spreadBattles[c].id, seeded.voters[c], c],
      });
      return true;
    });
  const wrappedSlice = () =>
    measure(clients, 1, async (c) => {
      await send(c, asVoter(seeded.voters[c],
        `insert into bench_ceiling (battle_id, voter, v) values ('${spreadBattles[c].id}', '${seeded.voters[c]}', ${c})`));
      return true;
    });
  // (1c) and (1d) each walk the spread pairs on their own tables.
  const pairedSlice = (sqlFor: (voter: string, battle: Battle, pick: number) => string) => {
    const pairOf = spreadPairs(seeded.voters.length, SPREAD_BATTLES);
    let i = 0;
    return () =>
      measure(clients, 1, async (c) => {
        const p = pairOf(i++);
        if (!p) return false;
        await send(c, sqlFor(seeded.voters[p.voter], spreadBattles[p.battle], i & 1));
        return true;
      });
  };
  const floorSlice = pairedSlice(writeSetSql);
  const minimumSlice = pairedSlice(contractMinimumSql);
  const hotRowSlice = () =>
    measure(clients, 1, async (c) => {
      await send(c, asVoter(seeded.voters[c], 'update bench_hot_row set n = n + 1 where id = 1'));
      return true;
    });
  // The spread sequence is shared by (2) and (4): no pair votes twice.
  const pair = spreadPairs(seeded.voters.length, SPREAD_BATTLES);
  const spreadVote = (i: number): SpreadVote => {
    const p = pair(i);
    return p && { voter: seeded.voters[p.voter], battle: spreadBattles[p.battle], pick: i & 1 };
  };
  let k = 0;
  const nextSpread = () => spreadVote(k++);
  const spreadSlice = () =>
    measure(clients, 1, async (c) => {
      const v = nextSpread();
      if (!v) return false;
      await send(c, voteSql(v.voter, v.battle, v.pick));
      return true;
    });
  let h = 0;
  const hotSlice = () =>
    measure(clients, 1, async (c) => {
      const voter = seeded.voters[h++];
      if (!voter) return false;
      await send(c, voteSql(voter, hotBattle, h & 1));
      return true;
    });
  const http = await startHttp(db, clients);

  let ceiling: Rate | undefined, wrapped: Rate | undefined, floor: Rate | undefined, minimum: Rate | undefined, hotRow: Rate | undefined;
  let spread: Rate | undefined, hot: Rate | undefined, viaHttp: Rate | undefined;
  for (let round = 0; round < seconds; round++) {
    ceiling = add(ceiling, await ceilingSlice());
    wrapped = add(wrapped, await wrappedSlice());
    floor = add(floor, await floorSlice());
    minimum = add(minimum, await minimumSlice());
    hotRow = add(hotRow, await hotRowSlice());
    await vacuum();
    spread = add(spread, await spreadSlice());
    await vacuum();
    hot = add(hot, await hotSlice());
    await vacuum();
    // A second of HTTP votes is far below 4,000 on this path: that many are signed ahead.
    const upcoming = Array.from({ length: 4000 }, (_, j) => spreadVote(k + j)).flatMap((v) => (v ? [v] : []));
    const slice = await http.slice(upcoming);
    k += slice.started;
    viaHttp = add(viaHttp, slice);
    await vacuum();
  }
  await http.close();
  await Promise.all(conns.map((c) => c.end()));
  report(`(1) ceiling, plain INSERT, ${clients} clients`, ceiling!);
  report(`(1b) the same INSERT as the voter in its own transaction, one message, ${clients} clients`, wrapped!, ceiling);
  report(`(1c) the vote's write set alone (row, keys, tally trigger) in that message, ${clients} clients`, floor!, ceiling);
  report(`(1d) the contract's least work (row, unique key, both tallies, event; plain tables) in that message, ${clients} clients`, minimum!, ceiling);
  report(`(1e) one shared row updated per transaction in that message (the one-battle bound), ${clients} clients`, hotRow!, ceiling);
  report(`(2) fn_submit_vote over ${SPREAD_BATTLES} battles, ${clients} clients`, spread!, ceiling);
  report(`(3) fn_submit_vote on one battle, ${clients} clients`, hot!, ceiling);
  report(`(4) POST /api/battles/:id/votes over HTTP, ${clients} loops`, viaHttp!, ceiling);
  console.log(`check: ${await checkTallies(db)}`);
  await db.close();
  return { ceiling: ceiling!, wrapped: wrapped!, floor: floor!, minimum: minimum!, hotRow: hotRow!, spread: spread!, hot: hot!, http: viaHttp! };
}

type SpreadVote = { voter: string; battle: Battle; pick: number } | undefined;

/**
 * The real app on 127.0.0.1 (port 0), voted on with Bearer JWTs by node:http keep-alive loops that
 * run in a worker thread (bench/support/http-load.ts), so the app's event loop is its own.
 */
async function startHttp(db: Db, clients: number) {
  const signer = new TokenSigner(randomBytes(32).toString('hex'));
  const app = createApp({ db, signer, logger: silentLogger });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const load = startHttpLoad();
  // Clients hold their tokens before they vote: the votes of a slice are signed before it starts,
  // so signing is not part of the measured time.
  return {
    slice: async (votes: NonNullable<SpreadVote>[]): Promise<Rate & { started: number }> => {
      const requests = await Promise.all(votes.map(async (v) => ({
        url: `${base}/api/battles/${v.battle.id}/votes`,
        token: await signer.sign(v.voter, 'authenticated'),
        body: JSON.stringify({ voted_contender_id: v.battle.contenders[v.pick] }),
      })));
      const r = await load.run(requests, clients, 1);
      return { ...r, perSecond: r.count / r.seconds };
    },
    close: async () => {
      await load.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function pglitePhase(seconds: number) {
  const db = await openPglite();
  await migrate(db);
  const seeded = await seed(db, 10, 20_000, 1);
  await db.query('create table bench_ceiling (id bigserial primary key, battle_id uuid, voter uuid, v int)');
  const pair = spreadPairs(seeded.voters.length, seeded.battles.length);
  let k = 0;
  let ceiling: Rate | undefined, votes: Rate | undefined;
  for (let round = 0; round < seconds; round++) {
    ceiling = add(ceiling, await measure(1, 1, async () => {
      await db.query('insert into bench_ceiling (battle_id, voter, v) values ($1, $2, $3)', [seeded.battles[0].id, seeded.voters[0], 1]);
      return true;
    }));
    votes = add(votes, await measure(1, 1, async () => {
      const p = pair(k++);
      if (!p) return false;
      const battle = seeded.battles[p.battle];
      await withClaims(db, userClaims(seeded.voters[p.voter]), (tx) =>
        tx.query('select battles.fn_submit_vote($1::uuid, $2::uuid)', [battle.id, battle.contenders[k & 1]]));
      return true;
    }));
    // What the embedded server runs every 5 minutes in place of autovacuum (src/db/embedded-maintenance.ts).
    await analyzeGrownTables(db);
  }
  report('(5a) PGlite ceiling, plain INSERT, sequential', ceiling!);
  report('(5b) PGlite fn_submit_vote through withClaims, sequential', votes!, ceiling);
  console.log(`check: ${await checkTallies(db)}`);
  await db.close();
  return { ceiling: ceiling!, votes: votes! };
}

export async function main(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 4);
  const clients = Number(args[1] ?? 8);
  await withScratchDatabase('lf_bench', async (url) => {
    const pgRun = await postgresPhases(url, seconds, clients);
    const lite = await pglitePhase(seconds);
    const r = (x: Rate, c: Rate) => ratio(x, c).toFixed(2);
    console.log(
      `votes: spread over ${SPREAD_BATTLES} battles ${r(pgRun.spread, pgRun.ceiling)} (aim >= 0.5), one battle ${r(pgRun.hot, pgRun.ceiling)} ` +
        `(aim >= 0.25), HTTP ${r(pgRun.http, pgRun.ceiling)} of the plain-INSERT ceiling (${fmt(pgRun.ceiling.perSecond)}/s, ${clients} clients); ` +
        `PGlite ${r(lite.votes, lite.ceiling)} of its ceiling (${fmt(lite.ceiling.perSecond)}/s); ` +
        `the transaction-and-identity wrapper alone leaves ${r(pgRun.wrapped, pgRun.ceiling)} of the ceiling, the contract's least work ` +
        `${r(pgRun.minimum, pgRun.ceiling)}, the vote's write set with its keys and trigger ${r(pgRun.floor, pgRun.ceiling)}, ` +
        `one shared row (the one-battle bound) ${r(pgRun.hotRow, pgRun.ceiling)}; spread votes are ${r(pgRun.spread, pgRun.floor)} ` +
        `of the write set, one-battle votes ${r(pgRun.hot, pgRun.hotRow)} of the one-battle bound`,
    );
  });
}
