// `npm start` as a new user runs it: the real server process on the embedded database in a fresh
// data directory, on a free port. It prints its URL and the demo login, answers /health, seeds the
// demo once, and a restart on the same directory keeps the data without seeding again. The web
// build step (the prestart script) is skipped: the server serves its fallback page without dist/web.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/pglite.ts';
import { SEEDED_MARKER } from '../../db/seed/demo.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lf-start-'));
const running = new Set<ChildProcess>();

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  login: { email: string; password: string };
  output: () => string;
}

/** Starts `src/server.ts` as package.json's start script does, and waits for its banner. */
function start(): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k === 'DATABASE_URL' || k === 'TEST_DB' || k.startsWith('LF_') || k.startsWith('SUPABASE_')) delete env[k];
  Object.assign(env, {
    LF_DATA_DIR: dataDir,
    LF_PORT: '0', // the server picks a free port and prints it
    LF_HOST: '127.0.0.1',
    LF_LOG_LEVEL: 'info',
    LF_WEB_DIR: path.join(dataDir, 'no-web-build'),
    LF_SKIP_WEB_BUILD: '1',
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /LenserFight is running at (http:\/\/\S+)/.exec(out);
      const login = /Demo login: (\S+) \/ (\S+)/.exec(out);
      if (url && login) resolve({ child, url: url[1], login: { email: login[1], password: login[2] }, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before it was up:\n${out}`)));
  });
}

function stop(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.on('exit', (code) => {
      running.delete(s.child);
      resolve(code);
    });
    s.child.kill('SIGTERM');
  });
}

async function signIn(s: Started): Promise<string> {
  const res = await fetch(`${s.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(s.login),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { access_token: string; profile: { handle: string } };
  expect(body.profile.handle).toBe('demo');
  return body.access_token;
}

async function feed(s: Started, token: string): Promise<{ id: string; slug: string; status: string }[]> {
  const res = await fetch(`${s.url}/api/battles?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string; slug: string; status: string }[];
}

describe('npm start on the embedded database', () => {
  let firstFeed: { id: string; slug: string; status: string }[] = [];

  it('prints its URL and the demo login, answers /health, and serves the seeded battles to the demo login', { timeout: 300_000 }, async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.login.email).toBe('demo@lenserfight.local');
    expect(s.output()).toContain('demo data seeded');
    const health = await fetch(`${s.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const token = await signIn(s);
    firstFeed = await feed(s, token);
    const bySlug = Object.fromEntries(firstFeed.map((b) => [b.slug, b.status]));
    expect(bySlug).toMatchObject({
      'haiku-first-rain': 'published',
      'explain-sql-join': 'voting',
      'bike-lock-tagline': 'open',
      'my-unfinished-idea': 'draft',
    });
    // The published battle's result is public: anyone sees its winner.
    const haiku = await fetch(`${s.url}/api/battles/by-slug/haiku-first-rain`).then((r) => r.json() as Promise<{ winner_contender_id: string | null }>);
    expect(haiku.winner_contender_id).not.toBeNull();
    expect(await stop(s)).toBe(0);
  });

  it('keeps the data across a restart on the same data directory and does not seed again', { timeout: 300_000 }, async () => {
    expect(firstFeed.length).toBeGreaterThan(0);
    const s = await start();
    expect(s.output()).not.toContain('demo data seeded');
    expect(s.output()).not.toContain('migrations applied');
    const token = await signIn(s);
    expect(await feed(s, token)).toEqual(firstFeed);
    expect(await stop(s)).toBe(0);

    // With the server stopped, the data directory holds exactly one seed and its marker.
    const db = await openPglite({ dataDir: path.join(dataDir, 'pg') });
    try {
      const { rows } = await db.query<{ demo: number; battles: number; marker: number }>(
        `select (select count(*)::int from lensers.profiles where handle = 'demo') as demo,
                (select count(*)::int from battles.battles where slug = 'haiku-first-rain') as battles,
                (select count(*)::int from ops.settings where key = $1) as marker`,
        [SEEDED_MARKER],
      );
      expect(rows[0]).toEqual({ demo: 1, battles: 1, marker: 1 });
    } finally {
      await db.close();
    }
  });
});
