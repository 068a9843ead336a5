// The generate() skeleton the HTTP providers share: check the request, arm the deadline, retry one attempt, time and log it.
import type { Logger } from 'pino';
import { CallDeadline } from './deadline.ts';
import { ProviderError } from './errors.ts';
import { withRetry, type RetryPolicy } from './retry.ts';
import { redactSecrets, sanitizeCause } from './secrets.ts';
import type { GenerateRequest, GenerateResult, ProviderKind } from './types.ts';

/** Two minutes: long enough for a long answer from a large model, short enough to free a worker. */
export const DEFAULT_CALL_TIMEOUT_MS = 120_000;

/**
 * The SDK's own per-request timer is set this far past our deadline so ours fires first. It must be
 * set explicitly: without it the Anthropic SDK refuses non-streaming calls with a large max_tokens.
 */
export const SDK_TIMER_MARGIN_MS = 1_000;

/** What one successful HTTP attempt yields; the skeleton adds latency and the attempt count. */
export type AttemptResult = Omit<GenerateResult, 'latencyMs' | 'attempts'>;

/**
 * One attempt: send the request with `signal` (the caller's abort and the deadline in one) and
 * give up after `remainingMs` at the latest.
 */
export type Attempt = (signal: AbortSignal, remainingMs: number) => Promise<AttemptResult>;

export interface CallSettings {
  provider: ProviderKind;
  policy: RetryPolicy;
  /** Budget for a call whose request names no `timeoutMs`. */
  defaultTimeoutMs: number;
  /** Strings that must never appear in errors or logs (the API key). */
  secrets: readonly string[];
  logger?: Logger;
  /** Maps the provider SDK's errors; null for anything else. */
  fromThrown: (thrown: unknown, model: string) => ProviderError | null;
}

export async function runGenerate(
  req: GenerateRequest,
  settings: CallSettings,
  attempt: Attempt,
): Promise<GenerateResult> {
  checkRequest(req, settings.provider);
  const log = settings.logger?.child({ provider: settings.provider, model: req.model });
  const deadline = new CallDeadline(req.timeoutMs ?? settings.defaultTimeoutMs, req.signal);
  const toError = (thrown: unknown): ProviderError => toProviderError(thrown, deadline, settings, req.model);
  const started = performance.now();
  try {
    // Aborted before it started: no HTTP attempt is made, so attempts stays 0.
    if (deadline.reason !== null) throw toError(deadline.signal.reason);
    const { value, attempts } = await withRetry(() => attempt(deadline.signal, deadline.remainingMs()), {
      policy: settings.policy,
      deadline,
      toError,
      onRetry: ({ attempt: failed, delayMs, error }) =>
        log?.warn(
          { attempt: failed, delayMs, code: error.code, status: error.status, requestId: error.requestId },
          'model call failed; retrying',
        ),
    });
    const latencyMs = Math.round(performance.now() - started);
    log?.debug({ latencyMs, attempts, requestId: value.requestId, usage: value.usage }, 'model call succeeded');
    return { ...value, latencyMs, attempts };
  } catch (thrown) {
    const error = toError(thrown);
    log?.warn(
      {
        code: error.code,
        status: error.status,
        attempts: error.attempts,
        requestId: error.requestId,
        latencyMs: Math.round(performance.now() - started),
      },
      'model call failed',
    );
    throw error;
  } finally {
    deadline.dispose();
  }
}

/** The deadline is checked first: once it fired, whatever the SDK threw is a consequence of it. */
function toProviderError(
  thrown: unknown,
  deadline: CallDeadline,
  settings: CallSettings,
  model: string,
): ProviderError {
  const { provider, secrets } = settings;
  if (thrown instanceof ProviderError && (thrown.code === 'provider_aborted' || thrown.code === 'provider_timeout')) {
    return thrown;
  }
  if (deadline.reason !== null) {
    const options = { provider, model, cause: sanitizeCause(thrown, secrets) };
    return deadline.reason === 'aborted'
      ? new ProviderError('provider_aborted', `${provider} call to ${model} was aborted by the caller`, options)
      : new ProviderError(
          'provider_timeout',
          `${provider} call to ${model} did not finish within ${deadline.timeoutMs} ms`,
          options,
        );
  }
  if (thrown instanceof ProviderError) return thrown;
  const mapped = settings.fromThrown(thrown, model);
  if (mapped) return mapped;
  const detail = redactSecrets(thrown instanceof Error ? thrown.message : String(thrown), secrets);
  return new ProviderError('provider_bad_response', `${provider} call to ${model} failed: ${detail}`, {
    provider,
    model,
    cause: sanitizeCause(thrown, secrets),
  });
}

/** Refuses a malformed request before any network call, with provider_bad_request. */
export function checkRequest(req: GenerateRequest, provider: ProviderKind): void {
  const problem = requestProblem(req);
  if (problem) {
    throw new ProviderError('provider_bad_request', `invalid ${provider} request: ${problem}`, {
      provider,
      model: typeof req.model === 'string' ? req.model : null,
    });
  }
}

function requestProblem(req: GenerateRequest): string | null {
  if (typeof req.model !== 'string' || req.model.trim() === '') return 'model must be a non-empty string';
  if (!Array.isArray(req.messages) || req.messages.length === 0) return 'messages must be a non-empty array';
  for (const [i, message] of req.messages.entries()) {
    if (message?.role !== 'user' && message?.role !== 'assistant') return `messages[${i}].role must be user or assistant`;
    if (typeof message.content !== 'string') return `messages[${i}].content must be a string`;
  }
  if (!Number.isInteger(req.maxTokens) || req.maxTokens < 1) return 'maxTokens must be a positive integer';
  if (req.temperature !== undefined && !Number.isFinite(req.temperature)) return 'temperature must be a number';
  if (req.timeoutMs !== undefined && !(Number.isFinite(req.timeoutMs) && req.timeoutMs > 0)) {
    return 'timeoutMs must be a positive number';
  }
  return null;
}

export function isTokenCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
