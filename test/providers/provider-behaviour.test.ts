// Behaviour both HTTP providers share, each run through its real SDK against a local wire-protocol server.
import { inspect } from 'node:util';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../src/providers/anthropic.ts';
import { ProviderError } from '../../src/providers/errors.ts';
import { OpenAiCompatibleProvider } from '../../src/providers/openai-compatible.ts';
import { sleep, type RetryPolicy } from '../../src/providers/retry.ts';
import type { GenerateRequest, ModelProvider } from '../../src/providers/types.ts';
import {
  AnthropicServer,
  OpenAiServer,
  type ChatServer,
  type ChatServerOptions,
} from '../support/provider-servers/index.ts';

const KEY = 'sk-test-0123456789-very-secret-key';

interface Harness {
  name: string;
  server: (options: ChatServerOptions) => ChatServer;
  provider: (baseUrl: string, options: { apiKey?: string; retry?: RetryPolicy; logger?: pino.Logger }) => ModelProvider;
  /** A 5xx the provider's servers use when overloaded. */
  overloadedStatus: number;
}

const harnesses: Harness[] = [
  {
    name: 'anthropic',
    server: (options) => new AnthropicServer(options),
    provider: (baseUrl, { apiKey = KEY, retry = fastRetry(), logger }) =>
      new AnthropicProvider({ baseUrl, apiKey, retry, logger }),
    overloadedStatus: 529,
  },
  {
    name: 'openai_compatible',
    server: (options) => new OpenAiServer(options),
    provider: (baseUrl, { apiKey = KEY, retry = fastRetry(), logger }) =>
      new OpenAiCompatibleProvider({ baseUrl, apiKey, retry, logger }),
    overloadedStatus: 503,
  },
];

/** Tiny fixed backoff; server-named waits are really slept unless a test records them instead. */
function fastRetry(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { maxAttempts: 3, backoffMs: () => 5, maxRetryAfterMs: 5_000, ...overrides };
}

/** A policy whose sleeps return at once and are recorded, to assert long waits without waiting. */
function recordingRetry(overrides: Partial<RetryPolicy> = {}): { policy: RetryPolicy; sleeps: number[] } {
  const sleeps: number[] = [];
  const policy = fastRetry({
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { policy, sleeps };
}

function request(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    model: 'test-model-1',
    system: 'You are terse.',
    messages: [{ role: 'user', content: 'name three primes' }],
    maxTokens: 64,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const servers: ChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startServer(harness: Harness, options: ChatServerOptions = {}): Promise<[ChatServer, string]> {
  const server = harness.server({ apiKey: KEY, ...options });
  servers.push(server);
  return [server, await server.start()];
}

describe.each(harnesses)('$name provider', (harness) => {
  it('returns the text, token usage, request id, model, stop reason and latency of the answer', async () => {
    const [server, baseUrl] = await startServer(harness, {
      latencyMs: 50,
      respond: (call) => `2 3 and 5 for ${call.model}`,
    });
    const result = await harness.provider(baseUrl, {}).generate(request());
    expect(result.text).toBe('2 3 and 5 for test-model-1');
    // The servers count one token per word: "You are terse." + "name three primes".
    expect(result.usage).toEqual({ inputTokens: 6, outputTokens: 6 });
    expect(result.requestId).toBe(server.requests[0]?.requestId);
    expect(result.requestId).toMatch(/^req_[0-9a-f]{24}$/);
    expect(result.model).toBe('test-model-1');
    expect(result.stopReason).toBe('end_turn');
    expect(result.attempts).toBe(1);
    expect(result.latencyMs).toBeGreaterThanOrEqual(45);
  });

  it('reports max_tokens as the stop reason when the answer was cut at maxTokens', async () => {
    const [, baseUrl] = await startServer(harness, { respond: () => 'one two three four five six' });
    const result = await harness.provider(baseUrl, {}).generate(request({ maxTokens: 3 }));
    expect(result.text).toBe('one two three');
    expect(result.stopReason).toBe('max_tokens');
    expect(result.usage.outputTokens).toBe(3);
  });

  it('retries a 429 after the retry-after-ms the server names, then succeeds', async () => {
    const [server, baseUrl] = await startServer(harness, {
      failures: [{ status: 429, retryAfter: null, retryAfterMs: 40 }],
    });
    const started = performance.now();
    const result = await harness.provider(baseUrl, {}).generate(request());
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(result.attempts).toBe(2);
    expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('waits the retry-after seconds the server names rather than its own backoff', async () => {
    const { policy, sleeps } = recordingRetry();
    const [server, baseUrl] = await startServer(harness, { failures: [{ status: 429, retryAfter: 2 }] });
    const result = await harness.provider(baseUrl, { retry: policy }).generate(request());
    expect(sleeps).toEqual([2_000]);
    expect(result.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('retries 500 and overloaded answers on the backoff schedule, then succeeds', async () => {
    const { policy, sleeps } = recordingRetry({ backoffMs: (retry) => retry * 10 });
    const [server, baseUrl] = await startServer(harness, {
      failures: [{ status: 500 }, { status: harness.overloadedStatus }],
    });
    const result = await harness.provider(baseUrl, { retry: policy }).generate(request());
    expect(result.attempts).toBe(3);
    expect(sleeps).toEqual([10, 20]);
    expect(server.requests.map((r) => r.status)).toEqual([500, harness.overloadedStatus, 200]);
  });

  it('retries a dropped connection as a network error, then succeeds', async () => {
    const [server, baseUrl] = await startServer(harness, { failures: ['disconnect'] });
    const result = await harness.provider(baseUrl, {}).generate(request());
    expect(result.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('fails with provider_rate_limited once the attempts are spent on 429s', async () => {
    const [server, baseUrl] = await startServer(harness, {
      failures: Array.from({ length: 3 }, () => ({ status: 429, retryAfter: null, retryAfterMs: 1 })),
    });
    const error = await rejection(harness.provider(baseUrl, {}).generate(request()));
    expect(error).toMatchObject({ code: 'provider_rate_limited', status: 429, retryable: true, attempts: 3 });
    expect(error.requestId).toBe(server.requests[2]?.requestId);
    expect(server.requests).toHaveLength(3);
  });

  it('fails with provider_unavailable once the attempts are spent on 5xx answers', async () => {
    const [server, baseUrl] = await startServer(harness, {
      failures: [{ status: 500 }, { status: harness.overloadedStatus }, { status: 502 }],
    });
    const error = await rejection(harness.provider(baseUrl, {}).generate(request()));
    expect(error).toMatchObject({ code: 'provider_unavailable', status: 502, retryable: true, attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it('fails with provider_unavailable when nothing listens at the base URL', async () => {
    const [server, baseUrl] = await startServer(harness);
    await server.close();
    const error = await rejection(harness.provider(baseUrl, {}).generate(request()));
    expect(error).toMatchObject({ code: 'provider_unavailable', status: null, attempts: 3 });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('fails a wrong key at once with provider_auth_failed and does not retry', async () => {
    const [server, baseUrl] = await startServer(harness);
    const provider = harness.provider(baseUrl, { apiKey: 'sk-wrong-key-0000000000' });
    const error = await rejection(provider.generate(request()));
    expect(error).toMatchObject({ code: 'provider_auth_failed', status: 401, retryable: false, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('fails a request the server rejects with provider_bad_request and does not retry', async () => {
    const [server, baseUrl] = await startServer(harness);
    const error = await rejection(harness.provider(baseUrl, {}).generate(request({ temperature: 5 })));
    expect(error).toMatchObject({ code: 'provider_bad_request', status: 400, retryable: false, attempts: 1 });
    expect(error.message).toMatch(/temperature/);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a malformed request with provider_bad_request before any network call', async () => {
    const [server, baseUrl] = await startServer(harness);
    const error = await rejection(harness.provider(baseUrl, {}).generate(request({ messages: [] })));
    expect(error).toMatchObject({ code: 'provider_bad_request', attempts: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('does not wait for a retry-after beyond maxRetryAfterMs and reports the wait asked for', async () => {
    const [server, baseUrl] = await startServer(harness, { failures: [{ status: 429, retryAfter: 120 }] });
    const error = await rejection(harness.provider(baseUrl, {}).generate(request()));
    expect(error).toMatchObject({ code: 'provider_rate_limited', retryAfterMs: 120_000, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('fails at once with provider_rate_limited when the named wait exceeds the time left', async () => {
    const [server, baseUrl] = await startServer(harness, {
      failures: [{ status: 429, retryAfter: null, retryAfterMs: 3_000 }],
    });
    const error = await rejection(harness.provider(baseUrl, {}).generate(request({ timeoutMs: 1_000 })));
    // Had it waited, the budget would have run out first and the code would be provider_timeout.
    expect(error).toMatchObject({ code: 'provider_rate_limited', retryAfterMs: 3_000, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('fails with provider_timeout when the server does not answer within timeoutMs', async () => {
    const [server, baseUrl] = await startServer(harness, { failures: ['hang'] });
    const started = performance.now();
    const error = await rejection(harness.provider(baseUrl, {}).generate(request({ timeoutMs: 300 })));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'provider_timeout', retryable: true, attempts: 1 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    // Not retried once the budget is spent (on a loaded machine the request may not even have landed).
    expect(server.requests.length).toBeLessThanOrEqual(1);
  });

  it('fails with provider_aborted when the caller aborts a request in flight', async () => {
    const controller = new AbortController();
    // Abort once the server holds the request, so the abort is surely mid-flight, then never answer.
    const [server, baseUrl] = await startServer(harness, {
      respond: () => {
        controller.abort();
        return { fail: 'hang' };
      },
    });
    const error = await rejection(harness.provider(baseUrl, {}).generate(request({ signal: controller.signal })));
    expect(error).toMatchObject({ code: 'provider_aborted', retryable: false, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('fails with provider_aborted when the caller aborts during a retry wait, without another attempt', async () => {
    const [server, baseUrl] = await startServer(harness, {
      failures: [{ status: 429, retryAfter: null, retryAfterMs: 2_000 }],
    });
    const controller = new AbortController();
    // The real sleep, with the caller aborting just as the wait begins; it must end by the abort, not by its timer.
    let wait: 'slept' | 'interrupted' | null = null;
    const retry = fastRetry({
      sleep: (ms, signal) => {
        const waiting = sleep(ms, signal);
        waiting.then(() => (wait = 'slept'), () => (wait = 'interrupted'));
        controller.abort();
        return waiting;
      },
    });
    const error = await rejection(harness.provider(baseUrl, { retry }).generate(request({ signal: controller.signal })));
    expect(error).toMatchObject({ code: 'provider_aborted', attempts: 1 });
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toMatch(/429/);
    expect(wait).toBe('interrupted');
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const [server, baseUrl] = await startServer(harness);
    const error = await rejection(harness.provider(baseUrl, {}).generate(request({ signal: AbortSignal.abort() })));
    expect(error).toMatchObject({ code: 'provider_aborted', attempts: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('runs 8 calls in parallel: the server holds all 8 at once', async () => {
    // Each request waits 200 ms at the server, so calls made one after another never overlap there.
    const [server, baseUrl] = await startServer(harness, { latencyMs: 200 });
    const provider = harness.provider(baseUrl, {});
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => provider.generate(request({ messages: [{ role: 'user', content: `q${i}` }] }))),
    );
    expect(results.map((r) => r.text)).toEqual(Array.from({ length: 8 }, (_, i) => `echo: q${i}`));
    expect(server.requests).toHaveLength(8);
    expect(server.maxInFlight).toBe(8);
  });

  it('logs each retry and the final failure with provider, model and codes, never the key', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
    const [, baseUrl] = await startServer(harness, {
      failures: [{ status: 500, message: `upstream said ${KEY}` }, { status: 400, message: `bad ${KEY}` }],
    });
    await rejection(harness.provider(baseUrl, { logger }).generate(request()));
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r.msg)).toEqual(['model call failed; retrying', 'model call failed']);
    expect(records[0]).toMatchObject({ provider: harness.name, model: 'test-model-1', attempt: 1, status: 500 });
    expect(records[1]).toMatchObject({ code: 'provider_bad_request', attempts: 2 });
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('never lets the key reach error messages, causes, JSON, inspection or the provider object', async () => {
    const [, baseUrl] = await startServer(harness, {
      failures: [{ status: 400, message: `the key ${KEY} is not allowed for this model` }],
    });
    const provider = harness.provider(baseUrl, {});
    const error = await rejection(provider.generate(request()));
    expect(error.message).toContain('[redacted]');
    const views = [
      error.message,
      String(error),
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      String((error.cause as Error).message),
      String((error.cause as Error).stack),
      JSON.stringify(provider),
      String(provider),
      inspect(provider, { depth: 10, showHidden: true }),
      JSON.stringify({ ...provider }),
    ];
    for (const view of views) expect(view).not.toContain(KEY);
  });
});
