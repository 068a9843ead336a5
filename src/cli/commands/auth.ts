// lf auth login | logout | whoami. Login trades email + password for a personal API token (named
// lf-cli@<host>) and stores that, never the password and never the short-lived session JWT.
import { Command, Option } from 'commander';
import { ApiClient, normalizeApiUrl } from '../client.ts';
import { run, type CliContext } from '../context.ts';
import { credentialsPath, deleteCredentials, writeCredentials } from '../credentials.ts';
import { CliError, usageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { jsonOption } from '../options.ts';

export interface Profile {
  id: string;
  handle: string;
  display_name: string;
  kind: 'human' | 'ai';
  is_anonymous: boolean;
  is_verified: boolean;
  is_operator: boolean;
}

interface Session {
  access_token: string;
  profile: Profile;
}

interface CreatedToken {
  id: string;
  name: string;
  token: string;
}

interface LoginOptions {
  email?: string;
  password?: string;
  passwordStdin?: boolean;
  token?: string;
}

export function tokenName(hostname: string): string {
  return `lf-cli@${hostname || 'unknown'}`.slice(0, 100);
}

async function readPassword(ctx: CliContext, opts: LoginOptions): Promise<string> {
  let password: string | undefined = opts.password;
  if (opts.passwordStdin) password = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  else if (password === undefined && ctx.io.promptHidden) password = await ctx.io.promptHidden('Password: ');
  if (password === undefined) {
    throw usageError('no password given', 'pipe it in: printf %s "$PASSWORD" | lf auth login --email you@example.com --password-stdin');
  }
  if (!password) throw usageError('the password is empty');
  return password;
}

async function login(ctx: CliContext, opts: LoginOptions): Promise<void> {
  const client = ctx.client({ anonymous: true });
  let token: string;
  let tokenId: string | null = null;
  let name: string | null = null;
  let profile: Profile;
  if (opts.token) {
    if (!opts.token.startsWith('lf_pat_')) ctx.out.warn('this is not a personal API token (lf_pat_...); a session token expires');
    token = opts.token;
    profile = await client.withToken(token).get<Profile>('/api/auth/me');
  } else {
    if (!opts.email) throw usageError('give --email (and a password) or --token', 'see lf auth login --help');
    const password = await readPassword(ctx, opts);
    const session = await client.post<Session>('/api/auth/login', { email: opts.email, password });
    const created = await client.withToken(session.access_token).post<CreatedToken>('/api/auth/tokens', { name: tokenName(ctx.io.hostname()) });
    token = created.token;
    tokenId = created.id;
    name = created.name;
    profile = session.profile;
  }

  const previous = ctx.credentials().credentials;
  const file = writeCredentials(ctx.env, {
    api_url: client.baseUrl,
    token,
    token_id: tokenId,
    token_name: name,
    handle: profile.handle,
    profile_id: profile.id,
    created_at: new Date().toISOString(),
  });
  // Signing in again on the same server replaces the old token; revoke it so it does not linger.
  if (previous?.token_id && previous.token !== token && normalizeApiUrl(previous.api_url) === client.baseUrl) {
    await client.withToken(previous.token).delete(`/api/auth/tokens/${previous.token_id}`).catch(() => undefined);
  }
  ctx.out.result(
    { api_url: client.baseUrl, handle: profile.handle, profile_id: profile.id, token_id: tokenId, token_name: name, credentials_file: file },
    () => {
      ctx.out.line(`Signed in to ${client.baseUrl} as @${profile.handle}.`);
      ctx.out.line(`Personal API token${name ? ` "${name}"` : ''} stored in ${file} (mode 0600).`);
    },
  );
}

async function logout(ctx: CliContext): Promise<void> {
  const creds = ctx.credentials().credentials;
  const file = credentialsPath(ctx.env);
  if (!creds) {
    ctx.out.result({ signed_out: false, reason: 'not_signed_in' }, () => ctx.out.line('Not signed in; nothing to do.'));
    deleteCredentials(ctx.env); // an unreadable file goes too
    return;
  }
  let revoked = false;
  let problem: string | undefined;
  if (creds.token_id) {
    // Revoke on the server that issued the token, whatever --api-url says.
    const client = new ApiClient({ baseUrl: normalizeApiUrl(creds.api_url), token: creds.token, fetch: ctx.io.fetch });
    try {
      await client.delete(`/api/auth/tokens/${creds.token_id}`);
      revoked = true;
    } catch (err) {
      if (err instanceof CliError && err.code === 'invalid_token') revoked = true; // already revoked
      else problem = err instanceof CliError ? `${err.code}: ${err.message}` : String(err);
    }
  } else {
    problem = 'the token was given with --token, so its id is unknown; revoke it where you created it';
  }
  deleteCredentials(ctx.env);
  if (problem) ctx.out.warn(`the token was not revoked (${problem}); it stays valid until revoked`);
  ctx.out.result({ signed_out: true, api_url: creds.api_url, handle: creds.handle, token_revoked: revoked, credentials_file: file }, () => {
    ctx.out.line(`Signed out of ${creds.api_url} (@${creds.handle}).${revoked ? ' Token revoked.' : ''} Removed ${file}.`);
  });
}

async function whoami(ctx: CliContext): Promise<void> {
  const client = ctx.client();
  const me = await client.get<Profile>('/api/auth/me');
  ctx.out.result({ ...me, api_url: client.baseUrl }, () => {
    ctx.out.fields([
      ['handle', `@${me.handle}`],
      ['name', me.display_name],
      ['id', me.id],
      ['kind', me.kind],
      ['verified', me.is_verified ? 'yes' : 'no'],
      ['operator', me.is_operator ? 'yes' : 'no'],
      ['server', client.baseUrl],
    ]);
  });
}

export function registerAuthCommands(program: Command, io: CliIo): void {
  const auth = program.command('auth').description('sign in, sign out, show who you are');
  auth
    .command('login')
    .description('sign in and store a personal API token (email + password, or an existing token)')
    .option('--email <email>', 'account email')
    .addOption(new Option('--password <password>', 'password (visible to other local users; prefer --password-stdin)').conflicts('passwordStdin'))
    .option('--password-stdin', 'read the password from stdin')
    .addOption(new Option('--token <token>', 'store an existing personal API token instead').conflicts(['email', 'password', 'passwordStdin']))
    .addOption(jsonOption())
    .action((opts: LoginOptions, cmd: Command) => run(io, cmd, (ctx) => login(ctx, opts)));
  auth
    .command('logout')
    .description('revoke the stored token and delete the credentials file')
    .addOption(jsonOption())
    .action((_opts: unknown, cmd: Command) => run(io, cmd, logout));
  auth
    .command('whoami')
    .description('show the signed-in profile')
    .addOption(jsonOption())
    .action((_opts: unknown, cmd: Command) => run(io, cmd, whoami));
}
