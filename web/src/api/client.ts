// The one way the web app talks to the API: JSON over fetch, the stored access token as Bearer, and
// failures as ApiError carrying the server's stable error code ({error: {code, message}}).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The endpoint does not exist on this server (yet), or the thing asked for does not. */
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

const TOKEN_KEY = 'lf.token';

export function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Private mode without storage: the session lasts as long as the page.
  }
}

let onSessionExpired: (() => void) | null = null;

/** Called when the server refuses the stored token (expired or revoked). */
export function setSessionExpiredHandler(fn: (() => void) | null): void {
  onSessionExpired = fn;
}

async function send(method: string, path: string, body: unknown, signal: AbortSignal | undefined, token: string | null) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'unreachable', 'Cannot reach the LenserFight server. Check your connection and try again.');
  }
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const token = storedToken();
  let res = await send(method, path, body, signal, token);
  if (res.status === 401 && token) {
    const peek = await res.clone().json().catch(() => null) as { error?: { code?: string } } | null;
    if (peek?.error?.code === 'invalid_token') {
      storeToken(null);
      onSessionExpired?.();
      // A read still works signed out; a write must not silently change identity.
      if (method === 'GET') res = await send(method, path, body, signal, null);
    }
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: Array<{ path: string; message: string }> } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `The server answered ${res.status}.`, err?.details);
  }
  return data as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
export const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** What to tell a person about a failure. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message.charAt(0).toUpperCase() + err.message.slice(1);
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
