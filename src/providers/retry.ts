// The one retry policy for every provider: what is retried, how long to wait, and when to give up.
//
// Both SDKs are built with maxRetries: 0 and this loop wraps them, so Anthropic and OpenAI-compatible
// servers follow the same rules, attempts are counted in one place, the wait honours the caller's
// deadline and abort, and tests can swap the schedule and the clock for tiny or recorded delays.
import type { CallDeadline } from './deadline.ts';
import type { ProviderError } from './errors.ts';

export interface RetryPolicy {
  /** Total HTTP attempts, the first included; 1 turns retrying off. */
  maxAttempts: number;
  /** Wait before retry number `retry` (1 = first retry) when the server named no delay. */
  backoffMs(retry: number): number;
  /**
   * A server asking to wait longer than this is not waited for: the call fails at once with the
   * server's delay in `retryAfterMs`, so a job queue can reschedule instead of holding a worker.
   */
  maxRetryAfterMs: number;
  /** Injectable for tests; must reject when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** Injectable for tests; returns a number in [0, 1). */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": retry n waits between half and all of
 * min(maxMs, initialMs * 2^(n-1)). The jitter keeps workers that failed together from retrying in
 * step; the half floor keeps the spacing from collapsing to zero.
 */
export function exponentialBackoff(options: BackoffOptions = {}): (retry: number) => number {
  const { initialMs = 500, maxMs = 8_000, random = Math.random } = options;
  return (retry) => {
    const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, retry - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * random());
  };
}

/** 4 attempts over about 3.5 s of backoff at most; server-named waits up to a minute are honoured. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  backoffMs: exponentialBackoff(),
  maxRetryAfterMs: 60_000,
};

export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The wait a response asks for, in ms: `retry-after-ms` (OpenAI and Anthropic send it), else
 * `retry-after` as seconds or as an HTTP date. Null when absent or unreadable; a past date is 0.
 */
export function parseRetryAfter(headers: HeaderReader | null | undefined, nowMs = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.ceil(value);
  }
  const after = headers.get('retry-after')?.trim();
  if (!after) return null;
  if (/^\d+(\.\d+)?$/.test(after)) return Math.ceil(Number(after) * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryEvent {
  /** The attempt that just failed, 1-based. */
  attempt: number;
  delayMs: number;
  error: ProviderError;
}

export interface RetryOptions {
  policy: RetryPolicy;
  deadline: CallDeadline;
  /** Maps anything an attempt throws to a ProviderError; must check the deadline first. */
  toError: (thrown: unknown) => ProviderError;
  onRetry?: (event: RetryEvent) => void;
}

/**
 * Runs `attempt` until it succeeds or the failure is final. A failure is retried only when its
 * error is `retryable` (429, 5xx, 408, network), attempts remain, the deadline has not fired, the
 * wait fits in the time left, and a server-named wait is within `maxRetryAfterMs`. The wait is
 * the server's `retry-after(-ms)` when given, else the backoff schedule.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions,
): Promise<{ value: T; attempts: number }> {
  const { policy, deadline, toError, onRetry } = options;
  const pause = policy.sleep ?? sleep;
  for (let n = 1; ; n++) {
    try {
      return { value: await attempt(n), attempts: n };
    } catch (thrown) {
      const error = toError(thrown);
      error.attempts = n;
      if (deadline.reason !== null || !error.retryable || n >= policy.maxAttempts) throw error;
      const serverDelay = error.retryAfterMs;
      if (serverDelay !== null && serverDelay > policy.maxRetryAfterMs) throw error;
      const delayMs = serverDelay ?? policy.backoffMs(n);
      if (delayMs >= deadline.remainingMs()) throw error;
      onRetry?.({ attempt: n, delayMs, error });
      try {
        await pause(delayMs, deadline.signal);
      } catch {
        // Aborted or out of time while waiting: toError reports which, with this failure as cause.
        const ended = toError(error);
        ended.attempts = n;
        throw ended;
      }
    }
  }
}
