// Maps what the Anthropic and OpenAI SDKs throw to ProviderError; both SDKs share one error family shape.
import { codeForStatus, ProviderError } from './errors.ts';
import { parseRetryAfter, type HeaderReader } from './retry.ts';
import { describeChain, redactSecrets, sanitizeCause } from './secrets.ts';
import type { ProviderKind } from './types.ts';

type ErrorClass = abstract new (...args: never[]) => Error;

/** The four classes each SDK exports; the subclasses must be checked before APIError. */
export interface SdkErrorClasses {
  APIError: ErrorClass;
  APIUserAbortError: ErrorClass;
  APIConnectionError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
}

export interface SdkErrorContext {
  provider: ProviderKind;
  model: string;
  secrets: readonly string[];
}

/** What an SDK status error carries: Anthropic puts the whole body in `error`, OpenAI `body.error`. */
interface StatusErrorFields {
  status?: unknown;
  headers?: HeaderReader;
  requestID?: string | null;
  error?: { message?: unknown; code?: unknown; error?: { message?: unknown } };
}

/** Null when `thrown` is not one of the SDK's errors. */
export function fromSdkError(
  thrown: unknown,
  classes: SdkErrorClasses,
  context: SdkErrorContext,
): ProviderError | null {
  if (!(thrown instanceof classes.APIError)) return null;
  // Plain boolean checks: the four classes share one static type, so `instanceof` would narrow to never.
  const is = (errorClass: ErrorClass): boolean => thrown instanceof errorClass;
  const { provider, model, secrets } = context;
  const base = { provider, model, cause: sanitizeCause(thrown, secrets) };

  if (is(classes.APIUserAbortError)) {
    return new ProviderError('provider_aborted', `${provider} call to ${model} was aborted`, base);
  }
  if (is(classes.APIConnectionTimeoutError)) {
    return new ProviderError('provider_timeout', `${provider} call to ${model} timed out`, base);
  }
  if (is(classes.APIConnectionError)) {
    const detail = redactSecrets(describeChain(thrown), secrets);
    return new ProviderError('provider_unavailable', `could not reach ${provider} server: ${detail}`, base);
  }

  const fields = thrown as StatusErrorFields;
  const status = typeof fields.status === 'number' ? fields.status : null;
  if (status === null) {
    return new ProviderError('provider_bad_response', `${provider} client error: ${redactSecrets(thrown.message, secrets)}`, base);
  }
  const body = fields.error;
  const serverMessage = body?.error?.message ?? body?.message ?? thrown.message;
  const message = redactSecrets(String(serverMessage), secrets);
  const code = codeForStatus(status);
  // OpenAI answers 429 for an exhausted quota too; waiting does not refill it.
  const quotaExhausted = status === 429 && body?.code === 'insufficient_quota';
  return new ProviderError(code, `${provider} answered HTTP ${status} for ${model}: ${message}`, {
    ...base,
    status,
    requestId: fields.requestID ?? null,
    retryAfterMs: parseRetryAfter(fields.headers),
    ...(quotaExhausted ? { retryable: false } : {}),
  });
}
