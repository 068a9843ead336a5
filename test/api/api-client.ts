// A client for the HTTP tests: the real app from createApp over a fresh test database, called with
// app.request() (no socket), plus ways to get a signed-in caller quickly.
import { expect } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { TokenSigner } from '../../src/identity/tokens.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import type { Db } from '../../src/db/db.ts';
import { makeUser, type Actor, type ActorOptions } from '../support/actors.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

export const JWT_SECRET = 'x'.repeat(32);

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: T;
}

export interface RequestOptions {
  /** Serialized as JSON with content-type application/json. */
  json?: unknown;
  /** Sent as is (no content-type unless given in headers). */
  raw?: string | Uint8Array;
  token?: string;
  actAs?: string;
  headers?: Record<string, string>;
}

export interface Caller {
  id: string;
  handle: string;
  token: string;
}

export class ApiClient {
  readonly app: ReturnType<typeof createApp>;

  constructor(
    readonly db: Db,
    readonly signer = new TokenSigner(JWT_SECRET),
  ) {
    this.app = createApp({ db, signer, logger: silentLogger });
  }

  async request<T = any>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    let body: string | Uint8Array | undefined;
    if (opts.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.raw !== undefined) {
      body = opts.raw;
    }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.actAs) headers['x-lenserfight-act-as'] = opts.actAs;
    const res = await this.app.request(path, { method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, text, body: parsed as T };
  }

  get<T = any>(path: string, opts?: RequestOptions) {
    return this.request<T>('GET', path, opts);
  }

  post<T = any>(path: string, json?: unknown, opts: RequestOptions = {}) {
    return this.request<T>('POST', path, { ...opts, json });
  }

  delete<T = any>(path: string, opts?: RequestOptions) {
    return this.request<T>('DELETE', path, opts);
  }

  /** Signs up through POST /api/auth/signup (the real path, scrypt included). */
  async signUp(handle: string, password = 'correct horse battery'): Promise<Caller & { email: string; password: string }> {
    const email = `${handle}@example.test`;
    const res = await this.post('/api/auth/signup', { email, password, handle });
    expect(res.status, res.text).toBe(201);
    return { id: res.body.profile.id, handle, token: res.body.access_token, email, password };
  }

  /** A profile made straight in the database with a JWT for it: cheap, for tests that need many. */
  async user(handle?: string, opts?: ActorOptions): Promise<Caller & { actor: Actor }> {
    const actor = await makeUser(this.db, handle, opts);
    return { id: actor.id, handle: actor.handle, token: await this.signer.sign(actor.id, 'authenticated'), actor };
  }
}

export async function createApiClient(): Promise<ApiClient & { db: TestDb }> {
  return new ApiClient(await createTestDb()) as ApiClient & { db: TestDb };
}

/** The one error envelope: {error: {code, message, details?, retry_after?}} as JSON. */
export function expectError(res: ApiResponse, status: number, code?: string): void {
  expect(res.status, res.text).toBe(status);
  expectEnvelope(res);
  if (code) expect(res.body.error.code, res.text).toBe(code);
}

export function expectEnvelope(res: ApiResponse): void {
  expect(res.headers.get('content-type') ?? '', res.text).toMatch(/^application\/json/);
  expect(res.body, res.text).toBeTypeOf('object');
  expect(Object.keys(res.body), res.text).toEqual(['error']);
  const err = res.body.error;
  expect(err.code, res.text).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(err.message, res.text).toBeTypeOf('string');
  for (const key of Object.keys(err)) expect(['code', 'message', 'details', 'retry_after'], res.text).toContain(key);
}

/** A draft's minimal arguments; slugs must be unique per database. */
let slugCounter = 0;
export function battleArgs(extra: Record<string, unknown> = {}): Record<string, unknown> {
  slugCounter += 1;
  return { title: `Battle ${slugCounter}`, slug: `api-battle-${process.pid}-${slugCounter}`, task_prompt: 'Write a haiku about rain', ...extra };
}

export interface VotingBattle {
  id: string;
  slug: string;
  creator: Caller & { actor: Actor };
  /** Contender ids in slots A and B. */
  contenders: [string, string];
}

/** A battle already in voting with two contenders who have entered, set up through the RPCs. */
export async function votingBattle(api: ApiClient, extra: Record<string, unknown> = {}): Promise<VotingBattle> {
  const creator = await api.user();
  const alice = await api.user();
  const bob = await api.user();
  const args = battleArgs(extra);
  const id = await creator.actor.rpc<string>('fn_battles_create', args);
  await creator.actor.rpc('fn_publish_battle', { battle_id: id });
  const a = await alice.actor.rpc<string>('fn_battles_join', { battle_id: id });
  const b = await bob.actor.rpc<string>('fn_battles_join', { battle_id: id });
  await alice.actor.rpc('fn_battles_submit', { battle_id: id, text: 'rain on the tin roof' });
  await bob.actor.rpc('fn_battles_submit', { battle_id: id, text: 'grey drops, quiet street' });
  await creator.actor.rpc('fn_battle_open_voting', { battle_id: id });
  return { id, slug: args.slug as string, creator, contenders: [a, b] };
}
