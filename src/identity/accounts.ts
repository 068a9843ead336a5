// Sign-up, sign-in, guest accounts and personal tokens. These run with the server's own rights (no
// request role): they create the identity the row-level security later keys on.
import { AppError } from '../core/app-error.ts';
import type { Db, Queryable } from '../db/db.ts';
import { isPgError } from '../db/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { hashPersonalToken, newPersonalToken } from './tokens.ts';

export interface Profile {
  id: string;
  handle: string;
  display_name: string;
  kind: 'human' | 'ai';
  is_anonymous: boolean;
  is_verified: boolean;
  is_operator: boolean;
}

const PROFILE_COLUMNS = 'id, handle, display_name, kind, is_anonymous, is_verified, is_operator';

export interface SignUpInput {
  email: string;
  password: string;
  handle: string;
  displayName?: string;
  isVerified?: boolean;
  isOperator?: boolean;
}

export async function signUp(db: Db, input: SignUpInput): Promise<Profile> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction((tx) => insertAccount(tx, input, passwordHash));
  } catch (err) {
    if (isPgError(err) && err.code === '23505') {
      const which = err.constraint === 'accounts_email_key' ? 'email' : 'handle';
      throw new AppError(`${which}_taken`, `that ${which} is already registered`, 409);
    }
    throw err;
  }
}

/** Sign-up inside a transaction the caller holds (the demo seed makes all its accounts in one). */
export async function createAccount(tx: Queryable, input: SignUpInput): Promise<Profile> {
  return insertAccount(tx, input, await hashPassword(input.password));
}

async function insertAccount(tx: Queryable, input: SignUpInput, passwordHash: string): Promise<Profile> {
  const { rows } = await tx.query<{ id: string }>(
    'insert into ops.accounts (email, password_hash) values ($1, $2) returning id',
    [input.email.trim(), passwordHash],
  );
  return insertProfile(tx, rows[0].id, input);
}

async function insertProfile(tx: Queryable, id: string, input: SignUpInput): Promise<Profile> {
  const { rows } = await tx.query<Profile>(
    `insert into lensers.profiles (id, handle, display_name, is_verified, is_operator)
     values ($1, $2, $3, $4, $5) returning ${PROFILE_COLUMNS}`,
    [id, input.handle, input.displayName?.trim() || input.handle, input.isVerified ?? false, input.isOperator ?? false],
  );
  return rows[0];
}

export async function signIn(db: Db, email: string, password: string): Promise<Profile> {
  const { rows } = await db.query<{ id: string; password_hash: string }>(
    'select id, password_hash from ops.accounts where lower(email) = lower($1)',
    [email.trim()],
  );
  // Same error for unknown email and wrong password: no account enumeration.
  if (!rows[0] || !(await verifyPassword(password, rows[0].password_hash))) {
    throw new AppError('invalid_credentials', 'email or password is wrong', 401);
  }
  const profile = await getProfile(db, rows[0].id);
  if (!profile) throw new AppError('invalid_credentials', 'email or password is wrong', 401);
  return profile;
}

/** A guest (Supabase anonymous sign-in): may vote in open battles, nothing more. */
export async function createGuest(db: Db): Promise<Profile> {
  const { rows } = await db.query<Profile>(
    `insert into lensers.profiles (handle, display_name, is_anonymous)
     values ('guest_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 12), 'Guest', true)
     returning ${PROFILE_COLUMNS}`,
  );
  return rows[0];
}

export async function getProfile(db: Queryable, id: string): Promise<Profile | undefined> {
  const { rows } = await db.query<Profile>(`select ${PROFILE_COLUMNS} from lensers.profiles where id = $1`, [id]);
  return rows[0];
}

export async function createPersonalToken(db: Db, accountId: string, name: string): Promise<{ id: string; token: string }> {
  const { token, hash } = newPersonalToken();
  const { rows } = await db.query<{ id: string }>(
    'insert into ops.api_tokens (account_id, name, token_hash) values ($1, $2, $3) returning id',
    [accountId, name, hash],
  );
  if (!rows[0]) throw new AppError('not_found', 'account not found', 404);
  return { id: rows[0].id, token };
}

export async function listPersonalTokens(db: Db, accountId: string) {
  const { rows } = await db.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null }>(
    `select id, name, created_at, last_used_at from ops.api_tokens
      where account_id = $1 and revoked_at is null order by created_at desc`,
    [accountId],
  );
  return rows;
}

export async function revokePersonalToken(db: Db, accountId: string, id: string): Promise<void> {
  const { rowCount } = await db.query(
    'update ops.api_tokens set revoked_at = now() where id = $1 and account_id = $2 and revoked_at is null',
    [id, accountId],
  );
  if (!rowCount) throw new AppError('not_found', 'token not found', 404);
}

/** The account a personal token belongs to, or undefined for unknown and revoked tokens. */
export async function resolvePersonalToken(db: Db, token: string): Promise<string | undefined> {
  const { rows } = await db.query<{ account_id: string }>(
    `update ops.api_tokens set last_used_at = now()
      where token_hash = $1 and revoked_at is null returning account_id`,
    [hashPersonalToken(token)],
  );
  return rows[0]?.account_id;
}
