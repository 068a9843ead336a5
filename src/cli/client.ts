// HTTP client for the LenserFight API on fetch. Sends the Bearer token and the act-as header, and
// turns every failure into a CliError: the API's {error:{code,message}} envelope keeps its code (exit
// 1), a server that cannot be reached names the URL (exit 3).
import { CliError, EXIT, usageError } from './errors.ts';

export const DEFAULT_API_URL = 'http://127.0.0.1:8787';
export const ACT_AS_HEADER = 'X-Lenserfight-Act-As';
// Long enough for a slow finalize on a busy server, short enough that a hung connection is reported.
const TIMEOUT_MS = 30_000;

/** Validates an API base URL and drops trailing slashes, so stored and given URLs compare equal. */
export function normalizeApiUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usageError(`"${raw}" is not a URL (expected e.g. ${DEFAULT_API_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`the API URL must be http(s): ${raw}`);
  return url.toString().replace(/\/+$/, '');
}

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  actAs?: string;
  fetch: typeof fetch;
}

export type Query = Record<string, string | number | boolean | undefined>;

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; retry_after?: unknown };
}

export class ApiClient {
  readonly baseUrl: string;
  readonly hasToken: boolean;

  constructor(private readonly opts: ClientOptions) {
    this.baseUrl = opts.baseUrl;
    this.hasToken = Boolean(opts.token);
  }

  /** The same server with another token (login uses the session JWT to mint a personal token). */
  withToken(token: string | undefined): ApiClient {
    return new ApiClient({ ...this.opts, token });
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { body: body ?? {} });
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  async request<T>(method: string, path: string, init: { body?: unknown; query?: Query } = {}): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    if (this.opts.actAs) headers[ACT_AS_HEADER] = this.opts.actAs;
    if (init.body !== undefined) headers['content-type'] = 'application/json';

    let res: Response;
    try {
      res = await this.opts.fetch(url, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw unreachable(this.baseUrl, err);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new CliError('bad_response', `${method} ${url.pathname} answered ${res.status} with non-JSON content; is ${this.baseUrl} a LenserFight API?`, EXIT.refused, { status: res.status });
    }
    if (!res.ok) throw refusal(res, parsed);
    return parsed as T;
  }
}

function refusal(res: Response, body: unknown): CliError {
  const err = (body as ErrorEnvelope | undefined)?.error;
  if (err && typeof err.code === 'string') {
    const retry = typeof err.retry_after === 'number' ? err.retry_after : Number(res.headers.get('retry-after') ?? NaN);
    const hint = Number.isFinite(retry) ? `retry after ${retry} s` : undefined;
    return new CliError(err.code, typeof err.message === 'string' ? err.message : res.statusText, EXIT.refused, { status: res.status, hint });
  }
  return new CliError(`http_${res.status}`, `the server answered ${res.status} ${res.statusText}`, EXIT.refused, { status: res.status });
}

function unreachable(baseUrl: string, err: unknown): CliError {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new CliError('unreachable', `no answer from the LenserFight API at ${baseUrl} within ${TIMEOUT_MS / 1000} s`, EXIT.unreachable, { cause: err });
  }
  const reason = e?.cause?.code ?? e?.cause?.message ?? (err instanceof Error ? err.message : String(err));
  return new CliError('unreachable', `cannot reach the LenserFight API at ${baseUrl} (${reason})`, EXIT.unreachable, {
    cause: err,
    hint: 'is the server running (npm start)? set API_URL or --api-url to point elsewhere',
  });
}
