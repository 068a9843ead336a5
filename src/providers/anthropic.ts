// ModelProvider over the Anthropic Messages API, through the official SDK with its own retries off.
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import type { Logger } from 'pino';
import { ProviderError } from './errors.ts';
import {
  DEFAULT_CALL_TIMEOUT_MS,
  isTokenCount,
  runGenerate,
  SDK_TIMER_MARGIN_MS,
  type AttemptResult,
  type CallSettings,
} from './provider-call.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.ts';
import { fromSdkError } from './sdk-errors.ts';
import { displayUrl } from './secrets.ts';
import type { GenerateRequest, GenerateResult, ModelProvider, StopReason } from './types.ts';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicProviderOptions {
  /** From the caller (config reads ANTHROPIC_API_KEY); the environment is never read here. */
  apiKey: string;
  /** Without `/v1`; defaults to the public API. */
  baseUrl?: string;
  /** Budget per generate() call, retries included, when the request names none. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  logger?: Logger;
}

const SDK_ERRORS = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

export class AnthropicProvider implements ModelProvider {
  readonly kind = 'anthropic' as const;
  readonly baseUrl: string;
  // Private fields: the SDK client holds the key in a public property, so it must not be reachable
  // through JSON.stringify, spreading or util.inspect of this object.
  readonly #client: Anthropic;
  readonly #settings: CallSettings;

  constructor(options: AnthropicProviderOptions) {
    if (typeof options.apiKey !== 'string' || options.apiKey === '') {
      throw new TypeError('AnthropicProvider needs an apiKey');
    }
    this.baseUrl = displayUrl(options.baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL);
    this.#client = new Anthropic({
      // Passing apiKey keeps the SDK from looking for credentials in the environment or profiles.
      apiKey: options.apiKey,
      baseURL: options.baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL,
      maxRetries: 0, // retry.ts owns retrying
      // SDK 1.x sends apiKey as `Authorization: Bearer`; the API reference documents `x-api-key`,
      // which Anthropic-compatible gateways also expect, so send that one and omit the other.
      defaultHeaders: { 'x-api-key': options.apiKey, authorization: null },
    });
    const secrets = [options.apiKey];
    this.#settings = {
      provider: 'anthropic',
      policy: options.retry ?? DEFAULT_RETRY_POLICY,
      defaultTimeoutMs: options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
      secrets,
      logger: options.logger,
      fromThrown: (thrown, model) => fromSdkError(thrown, SDK_ERRORS, { provider: 'anthropic', model, secrets }),
    };
  }

  generate(req: GenerateRequest): Promise<GenerateResult> {
    return runGenerate(req, this.#settings, (signal, remainingMs) => this.#attempt(req, signal, remainingMs));
  }

  async #attempt(req: GenerateRequest, signal: AbortSignal, remainingMs: number): Promise<AttemptResult> {
    const { data, request_id } = await this.#client.messages
      .create(
        {
          model: req.model,
          max_tokens: req.maxTokens,
          messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
          ...(req.system !== undefined ? { system: req.system } : {}),
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        },
        { signal, timeout: Math.ceil(remainingMs) + SDK_TIMER_MARGIN_MS },
      )
      .withResponse();
    const message = data as Partial<typeof data> | null;
    const usage = message?.usage;
    if (!Array.isArray(message?.content) || !isTokenCount(usage?.input_tokens) || !isTokenCount(usage?.output_tokens)) {
      throw new ProviderError('provider_bad_response', `anthropic answer for ${req.model} lacks content or usage`, {
        provider: 'anthropic',
        model: req.model,
        requestId: request_id ?? null,
      });
    }
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    const rawStopReason = message.stop_reason ?? null;
    return {
      text,
      usage: { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens },
      requestId: request_id ?? message.id ?? null,
      model: message.model ?? req.model,
      stopReason: anthropicStopReason(rawStopReason),
      rawStopReason,
    };
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, baseUrl: this.baseUrl };
  }

  toString(): string {
    return `AnthropicProvider(${this.baseUrl})`;
  }
}

export function anthropicStopReason(raw: string | null): StopReason {
  switch (raw) {
    case 'end_turn':
    case 'max_tokens':
    case 'stop_sequence':
    case 'refusal':
      return raw;
    case 'model_context_window_exceeded':
      return 'max_tokens';
    default:
      return 'other';
  }
}
