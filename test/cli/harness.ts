// Test harness for the lf CLI: the real API app served on a random loopback port over a fresh
// database, and CLI "users" (each with its own config dir) driving the program in-process.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../src/api/app.ts';
import { TokenSigner } from '../../src/identity/tokens.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/program.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

export interface ApiServer {
  url: string;
  db: TestDb;
  close(): Promise<void>;
}

export async function startApi(): Promise<ApiServer> {
  const db = await createTestDb();
  const app = createApp({ db, signer: new TokenSigner('x'.repeat(32)), logger: silentLogger });
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server: s, port: info.port }));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await db.destroy();
    },
  };
}

/** A URL on which nothing listens: a port that was just bound and released. */
export async function deadUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const srv = createServer();
  const port = await new Promise<number>((resolve) => srv.listen(0, '127.0.0.1', () => resolve((srv.address() as AddressInfo).port)));
  await new Promise((resolve) => srv.close(resolve));
  return `http://127.0.0.1:${port}`;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

export interface CliUser {
  configDir: string;
  handle: string;
  email: string;
  password: string;
  run(argv: string[], opts?: { stdin?: string; env?: Record<string, string | undefined> }): Promise<CliRun>;
  cleanup(): void;
}

const dirs: string[] = [];

/** Runs lf in-process with its own config dir, talking to apiUrl through API_URL. */
export function cliUser(apiUrl: string, handle = 'nobody'): CliUser {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'lf-cli-test-'));
  dirs.push(configDir);
  const user: CliUser = {
    configDir,
    handle,
    email: `${handle}@example.test`,
    password: `pw-${handle}-correct-horse`,
    async run(argv, opts = {}) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: (s) => void (stdout += s),
        stderr: (s) => void (stderr += s),
        env: { LF_CONFIG_DIR: configDir, API_URL: apiUrl, ...opts.env },
        readStdin: async () => opts.stdin ?? '',
        fetch: (input, init) => fetch(input, init),
        hostname: () => 'test-host',
      };
      const code = await runCli(argv, io);
      return {
        code,
        stdout,
        stderr,
        json() {
          try {
            return JSON.parse(stdout);
          } catch {
            throw new Error(`stdout is not JSON (exit ${code}):\n${stdout}\nstderr:\n${stderr}`);
          }
        },
      };
    },
    cleanup: () => rmSync(configDir, { recursive: true, force: true }),
  };
  return user;
}

export function removeConfigDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A real account made through POST /api/auth/signup. */
export async function signUp(apiUrl: string, handle: string): Promise<CliUser & { id: string }> {
  const user = cliUser(apiUrl, handle);
  const res = await fetch(`${apiUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password, handle }),
  });
  if (res.status !== 201) throw new Error(`signup ${handle}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { profile: { id: string } };
  return Object.assign(user, { id: body.profile.id });
}

/** Signs the user in through the CLI (password on stdin). */
export async function login(user: CliUser): Promise<CliRun> {
  const r = await user.run(['auth', 'login', '--email', user.email, '--password-stdin', '--json'], { stdin: user.password + '\n' });
  if (r.code !== 0) throw new Error(`login ${user.handle} failed: ${r.stderr}`);
  return r;
}
