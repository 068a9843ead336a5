// Where `lf auth login` keeps its personal API token: $LF_CONFIG_DIR/credentials.json (default
// ~/.config/lenserfight, or $XDG_CONFIG_HOME/lenserfight), readable by its owner only (0600).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StoredCredentials {
  /** The server the token belongs to; the token is only ever sent there. */
  api_url: string;
  token: string;
  /** Id of the personal token, to revoke it on logout; null when it was given with --token. */
  token_id: string | null;
  token_name: string | null;
  handle: string;
  profile_id: string;
  created_at: string;
}

type Env = Record<string, string | undefined>;

export function configDir(env: Env): string {
  if (env.LF_CONFIG_DIR) return path.resolve(env.LF_CONFIG_DIR);
  const base = env.XDG_CONFIG_HOME ? path.resolve(env.XDG_CONFIG_HOME) : path.join(os.homedir(), '.config');
  return path.join(base, 'lenserfight');
}

export function credentialsPath(env: Env): string {
  return path.join(configDir(env), 'credentials.json');
}

export interface ReadResult {
  credentials?: StoredCredentials;
  /** Something the user should know (unreadable file, loose permissions). */
  warning?: string;
}

export function readCredentials(env: Env): ReadResult {
  const file = credentialsPath(env);
  if (!existsSync(file)) return {};
  let warning: string | undefined;
  // POSIX modes only: on Windows the group/other bits do not mean what they say.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    warning = `${file} is readable by other users; run: chmod 600 ${file}`;
  }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredCredentials>;
    if (typeof parsed.token !== 'string' || typeof parsed.api_url !== 'string') {
      return { warning: `${file} has no token; run lf auth login again` };
    }
    return {
      credentials: {
        api_url: parsed.api_url,
        token: parsed.token,
        token_id: parsed.token_id ?? null,
        token_name: parsed.token_name ?? null,
        handle: parsed.handle ?? '',
        profile_id: parsed.profile_id ?? '',
        created_at: parsed.created_at ?? '',
      },
      warning,
    };
  } catch {
    return { warning: `${file} is not valid JSON; run lf auth login again` };
  }
}

/** Writes through a temporary file created 0600, so the token is never readable by others. */
export function writeCredentials(env: Env, credentials: StoredCredentials): string {
  const file = credentialsPath(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return file;
}

export function deleteCredentials(env: Env): boolean {
  const file = credentialsPath(env);
  if (!existsSync(file)) return false;
  unlinkSync(file);
  return true;
}
