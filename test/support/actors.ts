// Test identities: profiles made straight in the database (no password hashing), and a caller bound
// to one identity that runs catalogued RPCs as it.
import type { Claims } from '../../src/db/claims.ts';
import type { Db } from '../../src/db/db.ts';
import { rpcAs } from '../../src/battles/rpc.ts';

export interface Actor {
  id: string;
  handle: string;
  claims: Claims;
  rpc<T = unknown>(name: string, args?: Record<string, unknown>): Promise<T>;
}

export interface ActorOptions {
  verified?: boolean;
  operator?: boolean;
  anonymous?: boolean;
  email?: string;
}

let counter = 0;

export function bindActor(db: Db, id: string, handle: string, claims: Claims): Actor {
  return { id, handle, claims, rpc: (name, args = {}) => rpcAs(db, claims, name, args) };
}

export async function makeUser(db: Db, handle?: string, opts: ActorOptions = {}): Promise<Actor> {
  const h = handle ?? `user_${process.pid}_${++counter}`;
  const { rows } = await db.query<{ id: string }>(
    `with a as (insert into ops.accounts (email, password_hash) values ($1, 'x') returning id)
     insert into lensers.profiles (id, handle, display_name, is_verified, is_operator, is_anonymous)
     select a.id, $2, $3, $4, $5, $6 from a returning id`,
    [opts.email ?? `${h}@example.test`, h, h, opts.verified ?? false, opts.operator ?? false, opts.anonymous ?? false],
  );
  const id = rows[0].id;
  return bindActor(db, id, h, { sub: id, role: 'authenticated' });
}

/** An AI model and an AI lenser owned by `owner` (or ownerless); returns the persona's ids. */
export async function makeAiLenser(db: Db, owner: Actor | null, handle?: string, agentKind: 'ai_model' | 'ai_agent' = 'ai_model') {
  const h = handle ?? `ai_${process.pid}_${++counter}`;
  const { rows } = await db.query<{ ai_lenser_id: string; profile_id: string; model_id: string }>(
    `with m as (insert into ai.models (provider, model_id, display_name) values ('scripted', $1, $1) returning id),
          p as (insert into lensers.profiles (handle, display_name, kind) values ($1, $1, 'ai') returning id)
     insert into agents.ai_lensers (profile_id, owner_profile_id, model_id, agent_kind)
     select p.id, $2, m.id, $3 from p, m
     returning id as ai_lenser_id, profile_id, model_id`,
    [h, owner?.id ?? null, agentKind],
  );
  return rows[0];
}

export function actingAs(db: Db, owner: Actor, aiLenserId: string): Actor {
  return bindActor(db, owner.id, owner.handle, { ...owner.claims, act_as: aiLenserId });
}

export function systemActor(db: Db, sub?: string): Actor {
  return bindActor(db, sub ?? '', 'system', sub ? { sub, role: 'service_role' } : { role: 'service_role' });
}

export function anonActor(db: Db): Actor {
  return bindActor(db, '', 'anon', { role: 'anon' });
}
