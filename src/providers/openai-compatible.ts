// ModelProvider over any OpenAI-compatible Chat Completions server (OpenAI, Ollama, vLLM, llama.cpp, LM Studio).
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
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

/**
 * Sent when the server needs no key (local Ollama, llama.cpp, vLLM without --api-key): the SDK
 * refuses to run without one. The name is llama.cpp's documented convention.
 */
export const NO_KEY_PLACEHOLDER = 'sk-no-key-required';

export interface OpenAiCompatibleProviderOptions {
  /** Including the API prefix, e.g. `http://127.0.0.1:11434/v1` for Ollama. */
  baseUrl: string;
  /** Omit for servers that need none. */
  apiKey?: string;
  /** Budget per generate() call, retries included, when the request names none. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  logger?: Logger;
}

const SDK_ERRORS = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

export class OpenAiCompatibleProvider implements ModelProvider {
  readonly kind = 'openai_compatible' as const;
  readonly baseUrl: string;
  // Private: the SDK client keeps the key in a public property (see anthropic.ts).
  readonly #client: OpenAI;
  readonly #settings: CallSettings;

  constructor(options: OpenAiCompatibleProviderOptions) {
    if (typeof options.baseUrl !== 'string' || options.baseUrl === '') {
      throw new TypeError('OpenAiCompatibleProvider needs a baseUrl');
    }
    this.baseUrl = displayUrl(options.baseUrl);
    this.#client = new OpenAI({
      apiKey: options.apiKey || NO_KEY_PLACEHOLDER,
      baseURL: options.baseUrl,
      maxRetries: 0, // retry.ts owns retrying
      // Explicit nulls, or the SDK would pick these up from OPENAI_* environment variables.
      adminAPIKey: null,
      organization: null,
      project: null,
      webhookSecret: null,
    });
    const secrets = options.apiKey ? [options.apiKey] : [];
    this.#settings = {
      provider: 'openai_compatible',
      policy: options.retry ?? DEFAULT_RETRY_POLICY,
      defaultTimeoutMs: options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
      secrets,
      logger: options.logger,
      fromThrown: (thrown, model) =>
        fromSdkError(thrown, SDK_ERRORS, { provider: 'openai_compatible', model, secrets }),
    };
  }

  generate(req: GenerateRequest): Promise<GenerateResult> {
    return runGenerate(req, this.#settings, (signal, remainingMs) => this.#attempt(req, signal, remainingMs));
  }

  async #attempt(req: GenerateRequest, signal: AbortSignal, remainingMs: number): Promise<AttemptResult> {
    const system = req.system !== undefined ? [{ role: 'system' as const, content: req.system }] : [];
    const { data, request_id } = await this.#client.chat.completions
      .create(
        {
          model: req.model,
          messages: [...system, ...req.messages.map((m) => ({ role: m.role, content: m.content }))],
          // max_tokens, not max_completion_tokens: the one every compatible server understands.
          max_tokens: req.maxTokens,
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        },
        { signal, timeout: Math.ceil(remainingMs) + SDK_TIMER_MARGIN_MS },
      )
      .withResponse();
    const completion = data as Partial<typeof data> | null;
    const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
    if (!choice?.message) {
      throw new ProviderError('provider_bad_response', `openai_compatible answer for ${req.model} has no choices`, {
        provider: 'openai_compatible',
        model: req.model,
        requestId: request_id ?? null,
      });
    }
    // Some local servers omit usage; zero counts are reported rather than failing a good answer.
    const usage = completion?.usage;
    const rawStopReason = choice.finish_reason ?? null;
    return {
      text: choice.message.content ?? '',
      usage: {
        inputTokens: isTokenCount(usage?.prompt_tokens) ? usage.prompt_tokens : 0,
        outputTokens: isTokenCount(usage?.completion_tokens) ? usage.completion_tokens : 0,
      },
      requestId: request_id ?? completion?.id ?? null,
      model: completion?.model ?? req.model,
      stopReason: openAiStopReason(rawStopReason),
      rawStopReason,
    };
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, baseUrl: this.baseUrl };
  }

  toString(): string {
    return `OpenAiCompatibleProvider(${this.baseUrl})`;
  }
}

/** OpenAI reports a stop sequence as plain `stop`, so `stop_sequence` never comes from here. */
export function openAiStopReason(raw: string | null): StopReason {
  switch (raw) {
    case 'stop':
      return 'end_turn';
    case 'length':
      return 'max_tokens';
    case 'content_filter':
      return 'refusal';
    default:
      return 'other';
  }
}
