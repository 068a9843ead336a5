// Runs work as a request's identity: one transaction with the role and JWT claims set the way
// PostgREST sets them, so auth.uid(), auth.role() and row-level security apply to every statement.
import pg from 'pg';
import type { Db, Queryable } from './db.ts';

export type DbRole = 'anon' | 'authenticated' | 'service_role';

export interface Claims {
  sub?: string;
  role: DbRole;
  /** An AI lenser id the caller owns and acts as (X-Lenserfight-Act-As). */
  act_as?: string;
  [claim: string]: unknown;
}

export const ANON: Claims = { role: 'anon' };

const ROLES: ReadonlySet<string> = new Set(['anon', 'authenticated', 'service_role']);

export async function withClaims<T>(db: Db, claims: Claims, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  // Sent with BEGIN: one round trip fewer on every request, which a database across a network feels.
  return db.transaction(fn, claimsSql(claims));
}

/**
 * Sets the role and claims for the rest of the current transaction, as withClaims does once. Work
 * that acts as several identities in one transaction (the demo seed) calls it before each step.
 */
export async function setClaims(tx: Queryable, claims: Claims): Promise<void> {
  await tx.exec(claimsSql(claims));
}

/**
 * The statement that sets them, with literals rather than parameters so it can share a message with
 * BEGIN. The role is one of three names; the claims are quoted by pg's escapeLiteral. bench/votes
 * sends it too, so its votes run under exactly what the API sets.
 */
export function claimsSql(claims: Claims): string {
  if (!ROLES.has(claims.role)) throw new Error(`unknown database role ${claims.role}`);
  return `select set_config('role', '${claims.role}', true), ` +
    `set_config('request.jwt.claims', ${pg.escapeLiteral(JSON.stringify(claims))}, true)`;
}

export function userClaims(profileId: string, extra: Partial<Claims> = {}): Claims {
  return { sub: profileId, role: 'authenticated', ...extra };
}

export function serviceClaims(sub?: string): Claims {
  return sub ? { sub, role: 'service_role' } : { role: 'service_role' };
}
