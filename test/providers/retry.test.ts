// The retry policy's parts: retry-after parsing, the backoff schedule and the loop's stopping rules.
import { describe, expect, it } from 'vitest';
import { CallDeadline } from '../../src/providers/deadline.ts';
import { ProviderError, type ProviderErrorCode } from '../../src/providers/errors.ts';
import {
  DEFAULT_RETRY_POLICY,
  exponentialBackoff,
  parseRetryAfter,
  withRetry,
  type RetryPolicy,
} from '../../src/providers/retry.ts';

const headers = (values: Record<string, string>): Headers => new Headers(values);

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads retry-after-ms first, in milliseconds', () => {
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
  });

  it('reads retry-after as seconds, fractions included', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }), now)).toBe(2_000);
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }), now)).toBe(500);
  });

  it('reads retry-after as an HTTP date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3_000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0);
  });

  it('returns null when the headers are absent or unreadable', () => {
    expect(parseRetryAfter(headers({}), now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(parseRetryAfter(headers({ 'retry-after-ms': 'x' }), now)).toBeNull();
  });
});

describe('exponentialBackoff', () => {
  it('doubles from initialMs, caps at maxMs, and jitters between half and all of each step', () => {
    const low = exponentialBackoff({ initialMs: 100, maxMs: 1_000, random: () => 0 });
    const high = exponentialBackoff({ initialMs: 100, maxMs: 1_000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map(low)).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 6].map(high)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('defaults to 4 attempts with waits of at most 0.5, 1 and 2 seconds', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(4);
    const ceilings = [1, 2, 3].map(exponentialBackoff({ random: () => 0.999999 }));
    expect(ceilings).toEqual([500, 1_000, 2_000]);
  });
});

describe('withRetry', () => {
  const failure = (code: ProviderErrorCode, retryAfterMs: number | null = null): ProviderError =>
    new ProviderError(code, code, { provider: 'scripted', retryAfterMs });

  function run(outcomes: (ProviderError | 'ok')[], policy: Partial<RetryPolicy> = {}, timeoutMs = 10_000) {
    const sleeps: number[] = [];
    const deadline = new CallDeadline(timeoutMs);
    let calls = 0;
    const promise = withRetry(
      async () => {
        const outcome = outcomes[calls++];
        if (outcome === 'ok') return 'done';
        throw outcome;
      },
      {
        deadline,
        toError: (thrown) => thrown as ProviderError,
        policy: {
          maxAttempts: 5,
          backoffMs: (retry) => retry,
          maxRetryAfterMs: 1_000,
          sleep: async (ms) => void sleeps.push(ms),
          ...policy,
        },
      },
    ).finally(() => deadline.dispose());
    return { promise, sleeps, calls: () => calls };
  }

  it('retries retryable failures on the schedule and counts the attempts', async () => {
    const { promise, sleeps } = run([failure('provider_unavailable'), failure('provider_timeout'), 'ok']);
    await expect(promise).resolves.toEqual({ value: 'done', attempts: 3 });
    expect(sleeps).toEqual([1, 2]);
  });

  it('prefers the delay the server named over the schedule', async () => {
    const { promise, sleeps } = run([failure('provider_rate_limited', 700), 'ok']);
    await expect(promise).resolves.toMatchObject({ attempts: 2 });
    expect(sleeps).toEqual([700]);
  });

  it('stops at once on a failure that is not retryable', async () => {
    const { promise, calls } = run([failure('provider_auth_failed'), 'ok']);
    await expect(promise).rejects.toMatchObject({ code: 'provider_auth_failed', attempts: 1 });
    expect(calls()).toBe(1);
  });

  it('stops after maxAttempts and reports the last failure', async () => {
    const { promise } = run(
      [failure('provider_unavailable'), failure('provider_unavailable'), failure('provider_rate_limited')],
      { maxAttempts: 3 },
    );
    await expect(promise).rejects.toMatchObject({ code: 'provider_rate_limited', attempts: 3 });
  });

  it('does not wait for a server-named delay above maxRetryAfterMs', async () => {
    const { promise, sleeps } = run([failure('provider_rate_limited', 5_000), 'ok']);
    await expect(promise).rejects.toMatchObject({ code: 'provider_rate_limited', retryAfterMs: 5_000, attempts: 1 });
    expect(sleeps).toEqual([]);
  });

  it('does not start a wait that would outlast the deadline', async () => {
    const { promise, sleeps } = run([failure('provider_unavailable'), 'ok'], { backoffMs: () => 500 }, 100);
    await expect(promise).rejects.toMatchObject({ code: 'provider_unavailable', attempts: 1 });
    expect(sleeps).toEqual([]);
  });
});

describe('CallDeadline', () => {
  it('fires with reason timeout when the budget runs out', async () => {
    const deadline = new CallDeadline(20);
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve));
    expect(deadline.reason).toBe('timeout');
    expect(deadline.remainingMs()).toBe(0);
    deadline.dispose();
  });

  it('fires with reason aborted when the caller aborts, and stops listening once disposed', () => {
    const controller = new AbortController();
    const deadline = new CallDeadline(10_000, controller.signal);
    controller.abort();
    expect(deadline.reason).toBe('aborted');
    deadline.dispose();
    const other = new CallDeadline(10_000, new AbortController().signal);
    other.dispose();
    expect(other.reason).toBeNull();
  });
});
