// Per-command context: the global options (--api-url, --act-as) and --json resolved into an API
// client and an Output. The stored token is sent only to the server it was issued by.
import type { Command } from 'commander';
import { ApiClient, DEFAULT_API_URL, normalizeApiUrl } from './client.ts';
import { readCredentials, type ReadResult } from './credentials.ts';
import { CliError, usageError } from './errors.ts';
import type { CliIo } from './io.ts';
import { Output } from './output.ts';

export interface GlobalOptions {
  apiUrl?: string;
  actAs?: string;
  json?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export class CliContext {
  readonly out: Output;
  readonly options: GlobalOptions;
  private stored?: ReadResult;

  constructor(
    readonly io: CliIo,
    cmd: Command,
  ) {
    this.options = cmd.optsWithGlobals<GlobalOptions>();
    this.out = new Output(io, Boolean(this.options.json));
  }

  get env(): Record<string, string | undefined> {
    return this.io.env;
  }

  credentials(): ReadResult {
    if (!this.stored) {
      this.stored = readCredentials(this.env);
      if (this.stored.warning) this.out.warn(this.stored.warning);
    }
    return this.stored;
  }

  /** --api-url, then API_URL, then the server of the stored login, then the local default. */
  apiUrl(): string {
    const explicit = this.options.apiUrl ?? this.env.API_URL;
    if (explicit) return normalizeApiUrl(explicit);
    const stored = this.credentials().credentials?.api_url;
    return normalizeApiUrl(stored ?? DEFAULT_API_URL);
  }

  /**
   * A client for the chosen server, signed in with the stored token when it belongs to that server.
   * `anonymous` (used by login) sends neither the token nor --act-as.
   */
  client(opts: { anonymous?: boolean } = {}): ApiClient {
    const baseUrl = this.apiUrl();
    const actAs = opts.anonymous ? undefined : this.options.actAs;
    if (actAs !== undefined && !isUuid(actAs)) throw usageError(`--act-as takes an AI lenser id (a UUID), not "${actAs}"`);
    const creds = this.credentials().credentials;
    const token = !opts.anonymous && creds && normalizeApiUrl(creds.api_url) === baseUrl ? creds.token : undefined;
    return new ApiClient({ baseUrl, token, actAs, fetch: this.io.fetch });
  }

  /** What to tell someone whose request was refused for want of a valid sign-in. */
  authHint(): string {
    const creds = this.credentials().credentials;
    const url = this.apiUrl();
    if (!creds) return `not signed in; run: lf auth login --api-url ${url}`;
    if (normalizeApiUrl(creds.api_url) !== url) {
      return `your stored sign-in is for ${creds.api_url}, not ${url}; run: lf auth login --api-url ${url}`;
    }
    return 'your stored token was refused (revoked?); run: lf auth login';
  }
}

const AUTH_CODES = new Set(['not_authenticated', 'invalid_token', 'token_expired']);

/** Runs a command body with its context, adding a sign-in hint to authentication refusals. */
export async function run(io: CliIo, cmd: Command, body: (ctx: CliContext) => Promise<void>): Promise<void> {
  const ctx = new CliContext(io, cmd);
  try {
    await body(ctx);
  } catch (err) {
    if (err instanceof CliError && AUTH_CODES.has(err.code) && !err.hint) {
      throw new CliError(err.code, err.message, err.exitCode, { status: err.status, hint: ctx.authHint(), cause: err });
    }
    throw err;
  }
}
