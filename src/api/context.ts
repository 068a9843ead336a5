// What every request handler can reach: the dependencies createApp was given and the caller's claims.
import type { Claims } from '../db/claims.ts';
import type { Db } from '../db/db.ts';
import type { TokenSigner } from '../identity/tokens.ts';
import type { Logger } from '../logging/logger.ts';

export interface AppDeps {
  db: Db;
  signer: TokenSigner;
  logger: Logger;
  /** Built web app to serve at / (dist/web); a small built-in page when absent. */
  webDir?: string;
  version?: string;
}

export type AppEnv = {
  Variables: {
    claims: Claims;
    requestId: string;
    logger: Logger;
  };
};
