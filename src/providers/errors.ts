// ProviderError: the one error a model call ends in, with a stable code, and no secret in any part of it.
import type { ProviderKind } from './types.ts';

export const PROVIDER_ERROR_CODES = [
  'provider_rate_limited',
  'provider_unavailable',
  'provider_timeout',
  'provider_auth_failed',
  'provider_bad_request',
  'provider_aborted',
  'provider_bad_response',
] as const;

export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

/**
 * Whether trying again later can succeed, by code. A timeout is retryable as a class (a queued job
 * may run again), but within one call the spent time budget ends the call: see retry.ts.
 */
const RETRYABLE_BY_CODE: Record<ProviderErrorCode, boolean> = {
  provider_rate_limited: true,
  provider_unavailable: true,
  provider_timeout: true,
  provider_auth_failed: false,
  provider_bad_request: false,
  provider_aborted: false,
  provider_bad_response: false,
};

export interface ProviderErrorOptions {
  provider: ProviderKind;
  model?: string | null;
  /** HTTP status of the failed response; null when none came back. */
  status?: number | null;
  requestId?: string | null;
  /** Overrides the code's default (e.g. a 429 for an exhausted quota is not worth retrying). */
  retryable?: boolean;
  /** Delay the server asked for (`retry-after-ms` / `retry-after`), in ms. */
  retryAfterMs?: number | null;
  attempts?: number;
  /** Must already be free of secrets: build it with sanitizeCause(). */
  cause?: Error;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ProviderErrorCode;
  readonly retryable: boolean;
  readonly status: number | null;
  readonly provider: ProviderKind;
  readonly model: string | null;
  readonly requestId: string | null;
  readonly retryAfterMs: number | null;
  /** HTTP attempts made before giving up; set by the retry loop. */
  attempts: number;

  constructor(code: ProviderErrorCode, message: string, options: ProviderErrorOptions) {
    super(message, options.cause ? { cause: options.cause } : undefined);
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_CODE[code];
    this.status = options.status ?? null;
    this.provider = options.provider;
    this.model = options.model ?? null;
    this.requestId = options.requestId ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.attempts = options.attempts ?? 0;
  }

  /** What logs and API bodies may show: no cause, no stack. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      status: this.status,
      provider: this.provider,
      model: this.model,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
    };
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}

/** The code for a non-2xx answer. 529 is Anthropic's "overloaded"; every 5xx is the server's fault. */
export function codeForStatus(status: number): ProviderErrorCode {
  if (status === 429) return 'provider_rate_limited';
  if (status === 401 || status === 402 || status === 403) return 'provider_auth_failed';
  if (status === 408) return 'provider_timeout';
  if (status >= 500) return 'provider_unavailable';
  if (status >= 400) return 'provider_bad_request';
  return 'provider_bad_response';
}
