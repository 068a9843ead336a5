// Access tokens: HS256 JWTs with Supabase-style claims (sub, role, aud), and personal API tokens
// for the CLI, of which only a SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../core/app-error.ts';
import type { Claims, DbRole } from '../db/claims.ts';

const ISSUER = 'lenserfight';
export const ACCESS_TOKEN_TTL_SECONDS = 7 * 24 * 3600;
export const PAT_PREFIX = 'lf_pat_';

export class TokenSigner {
  // Imported once: handing jose the raw bytes makes it import the HMAC key on every call, a
  // measurable share of each request's CPU.
  private readonly key: Promise<CryptoKey>;

  constructor(secret: string) {
    this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  async sign(sub: string | undefined, role: DbRole, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
    const jwt = new SignJWT({ role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setIssuer(ISSUER)
      .setAudience(role === 'anon' ? 'anon' : 'authenticated')
      .setExpirationTime(`${ttlSeconds}s`);
    if (sub) jwt.setSubject(sub);
    return jwt.sign(await this.key);
  }

  /** Verifies signature, expiry and role; returns the claims the database will see. */
  async verify(token: string): Promise<Claims> {
    try {
      const { payload } = await jwtVerify(token, await this.key, { algorithms: ['HS256'] });
      const role = payload.role;
      if (role !== 'anon' && role !== 'authenticated' && role !== 'service_role') {
        throw new AppError('invalid_token', 'token has no valid role', 401);
      }
      if (role === 'authenticated' && !payload.sub) throw new AppError('invalid_token', 'token has no subject', 401);
      return { role, ...(payload.sub ? { sub: payload.sub } : {}) };
    } catch (err) {
      if (err instanceof AppError) throw err;
      const expired = err instanceof joseErrors.JWTExpired;
      throw new AppError(expired ? 'token_expired' : 'invalid_token', expired ? 'token expired; sign in again' : 'invalid token', 401, { cause: err });
    }
  }
}

export function newPersonalToken(): { token: string; hash: string } {
  const token = PAT_PREFIX + randomBytes(24).toString('base64url');
  return { token, hash: hashPersonalToken(token) };
}

export function hashPersonalToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
