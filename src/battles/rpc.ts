// Calls a catalogued battle RPC as a given identity: validates the arguments with the catalog's zod
// schema, runs the call inside withClaims, maps database refusals to AppError.
import { AppError } from '../core/app-error.ts';
import { withClaims, type Claims } from '../db/claims.ts';
import type { Db, Queryable } from '../db/db.ts';
import { toAppError } from '../db/errors.ts';
import { callRpc } from '../db/rpc.ts';
import { rpcDefinition } from './rpc-catalog.ts';

export function parseRpcArgs(name: string, args: unknown): Record<string, unknown> {
  const def = rpcDefinition(name);
  const parsed = def.body.safeParse(args ?? {});
  if (!parsed.success) {
    throw new AppError('invalid_input', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), 400, {
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data as Record<string, unknown>;
}

/** Runs an RPC inside an existing transaction (the claims are already set on it). */
export async function rpcIn<T = unknown>(tx: Queryable, name: string, args: unknown): Promise<T> {
  const def = rpcDefinition(name);
  try {
    return await callRpc<T>(tx, def, parseRpcArgs(name, args));
  } catch (err) {
    throw toAppError(err);
  }
}

/** Runs an RPC in its own transaction as the given identity. */
export async function rpcAs<T = unknown>(db: Db, claims: Claims, name: string, args: unknown): Promise<T> {
  const parsed = parseRpcArgs(name, args);
  try {
    return await withClaims(db, claims, (tx) => callRpc<T>(tx, rpcDefinition(name), parsed));
  } catch (err) {
    throw toAppError(err);
  }
}
