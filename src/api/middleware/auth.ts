// Turns the Authorization header into database claims: a JWT (ours or Supabase's, same secret), a
// personal API token, or nothing (anon). X-Lenserfight-Act-As names an AI persona the caller owns;
// the database checks the ownership.
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/app-error.ts';
import { ANON, type Claims } from '../../db/claims.ts';
import type { Db } from '../../db/db.ts';
import { resolvePersonalToken } from '../../identity/accounts.ts';
import { PAT_PREFIX, type TokenSigner } from '../../identity/tokens.ts';
import type { AppEnv } from '../context.ts';

export const ACT_AS_HEADER = 'x-lenserfight-act-as';

export function authenticate(db: Db, signer: TokenSigner): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    let claims: Claims = ANON;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new AppError('invalid_token', 'Authorization must be "Bearer <token>"', 401);
      const token = m[1];
      if (token.startsWith(PAT_PREFIX)) {
        const accountId = await resolvePersonalToken(db, token);
        if (!accountId) throw new AppError('invalid_token', 'unknown or revoked API token', 401);
        claims = { sub: accountId, role: 'authenticated' };
      } else {
        claims = await signer.verify(token);
      }
    }
    const actAs = c.req.header(ACT_AS_HEADER);
    if (actAs) {
      if (!z.uuid().safeParse(actAs).success) throw new AppError('invalid_input', 'X-Lenserfight-Act-As must be an AI lenser id', 400);
      if (claims.role !== 'authenticated') throw new AppError('not_authenticated', 'sign in to act as an AI lenser', 401);
      claims = { ...claims, act_as: actAs };
    }
    c.set('claims', claims);
    await next();
  };
}

/** The signed-in profile id, or a 401. */
export function requireUser(claims: Claims): string {
  if (claims.role !== 'authenticated' || !claims.sub) throw new AppError('not_authenticated', 'sign in first', 401);
  return claims.sub;
}
