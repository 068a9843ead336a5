// Execution of one battle's AI contenders, as a ratio of one provider call measured in the same run.
//
// A battle with 8 AI contenders (AI vs AI, community vote) against the local OpenAI-compatible wire
// server answering every request after 200 ms. Measured: from fn_battle_start_execution until the
// battle is in voting (jobs claimed, 8 model calls through the real SDK, 8 runs and entries recorded,
// the battle advanced), with the worker draining the queue (runUntilIdle: no poll interval in the
// way). The limit is one model call through the same provider client (HTTP and SDK included): the
// contenders run concurrently, so the battle should take about one call, not eight.
// Each backend runs `rounds` battles and reports the median; PGlite (embedded, one connection) and
// Postgres (a fresh database on DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
// Args: [latency ms=200] [contenders=8] [rounds=7].
import { performance } from 'node:perf_hooks';
import { rpcAs } from '../src/battles/rpc.ts';
import { ExecutionWorker } from '../src/battles/execution-worker.ts';
import { providerSource } from '../src/battles/model-providers.ts';
import { userClaims } from '../src/db/claims.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { OpenAiCompatibleProvider } from '../src/providers/index.ts';
import { OpenAiServer } from '../test/support/provider-servers/index.ts';
import { DatabaseUnreachable, withScratchDatabase } from './support/scratch-database.ts';

const KEY = 'sk-bench-local';

interface Figures {
  backend: string;
  medianMs: number;
  callMs: number;
  ratio: number;
  samples: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median of `n` single calls through the production client: the limit the battle is compared to. */
async function providerCallMs(baseUrl: string, n: number): Promise<number> {
  const provider = new OpenAiCompatibleProvider({ baseUrl, apiKey: KEY });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await provider.generate({ model: 'bench-model', messages: [{ role: 'user', content: 'Describe rain.' }], maxTokens: 256 });
    times.push(performance.now() - start);
  }
  return median(times);
}

async function runBackend(backend: string, db: Db, baseUrl: string, contenders: number, rounds: number): Promise<Figures> {
  await migrate(db);
  const { rows: people } = await db.query<{ id: string }>(
    `insert into lensers.profiles (handle, display_name) values ('bench_creator', 'Bench') returning id`,
  );
  const creator = userClaims(people[0].id);
  const { rows: models } = await db.query<{ id: string }>(
    `insert into ai.models (provider, model_id, display_name, base_url) values ('openai_compatible', 'bench-model', 'Bench', $1) returning id`,
    [baseUrl],
  );
  const personas: string[] = [];
  for (let i = 0; i < contenders; i++) {
    personas.push(await rpcAs<string>(db, creator, 'fn_ai_lensers_create', { handle: `bench_ai_${i}`, display_name: `Bot ${i}`, model_id: models[0].id }));
  }
  const worker = new ExecutionWorker({ db, providers: providerSource({ openAiCompatApiKey: KEY }), concurrency: 32 });
  const samples: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const battle = await rpcAs<string>(db, creator, 'fn_battles_create', {
      title: 'Bench', slug: `bench-${round}`, task_prompt: 'Describe rain.', contender_structure: 'ai_vs_ai', max_contenders: contenders,
    });
    await rpcAs(db, creator, 'fn_publish_battle', { battle_id: battle });
    for (const ai of personas) await rpcAs(db, creator, 'fn_battles_add_ai_contender', { battle_id: battle, ai_lenser_id: ai });
    const start = performance.now();
    await rpcAs(db, creator, 'fn_battle_start_execution', { battle_id: battle });
    await worker.runUntilIdle();
    const elapsed = performance.now() - start;
    const { rows } = await db.query<{ status: string; entries: number }>(
      `select status, (select count(*)::int from battles.submissions s where s.battle_id = b.id and s.is_final) as entries
         from battles.battles b where b.id = $1`, [battle]);
    if (rows[0].status !== 'voting' || rows[0].entries !== contenders) {
      throw new Error(`${backend}: battle ended ${rows[0].status} with ${rows[0].entries} entries`);
    }
    if (round > 0) samples.push(elapsed); // round 0 warms up plans, pools and the SDK
  }
  const callMs = await providerCallMs(baseUrl, 5);
  const medianMs = median(samples);
  return { backend, medianMs, callMs, ratio: medianMs / callMs, samples };
}

function report(f: Figures, contenders: number): void {
  console.log(
    `${f.backend}: ${contenders} contenders executed in ${f.medianMs.toFixed(0)} ms (median of ${f.samples.length}; ` +
      `${f.samples.map((s) => s.toFixed(0)).join(', ')}), one provider call ${f.callMs.toFixed(0)} ms → ${f.ratio.toFixed(2)}×`,
  );
}

export async function main(args: string[]): Promise<void> {
  const latencyMs = Number(args[0] ?? 200);
  const contenders = Number(args[1] ?? 8);
  const rounds = Number(args[2] ?? 7);
  const server = new OpenAiServer({ latencyMs, apiKey: KEY });
  const baseUrl = await server.start();
  const results: Figures[] = [];
  try {
    const lite = await openPglite();
    try {
      results.push(await runBackend('pglite', lite, baseUrl, contenders, rounds));
      report(results.at(-1)!, contenders);
    } finally {
      await lite.close();
    }

    try {
      await withScratchDatabase('lf_bench_exec', async (url) => {
        const db = openPostgres({ connectionString: url, max: 10 });
        try {
          results.push(await runBackend('postgres', db, baseUrl, contenders, rounds));
          report(results.at(-1)!, contenders);
        } finally {
          await db.close();
        }
      });
    } catch (err) {
      if (!(err instanceof DatabaseUnreachable)) throw err;
      console.log(`postgres: skipped (${err.message})`);
    }
  } finally {
    await server.close();
  }
  console.log(
    `execution: ${contenders} AI contenders against a ${latencyMs} ms provider finish in ` +
      results.map((f) => `${f.ratio.toFixed(2)}× (${f.backend})`).join(', ') +
      ' of one provider call (aim: about 1×; run one after another they would take ' + `${contenders}×)`,
  );
}
