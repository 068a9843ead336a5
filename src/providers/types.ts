// The one interface every model client implements: a chat request in, text plus usage and timing out.

/** Which client talks to the model; stored on model rows as `provider`. */
export type ProviderKind = 'anthropic' | 'openai_compatible' | 'scripted';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  /** Provider model id sent on the wire (e.g. `claude-sonnet-4-5`, `llama3.1:8b`). */
  model: string;
  system?: string;
  /** Non-empty; the conversation so far, oldest first. */
  messages: ChatMessage[];
  /** Upper bound on generated tokens; a positive integer. */
  maxTokens: number;
  temperature?: number;
  /**
   * Budget for the whole call, retries and backoff included; when it runs out the call fails with
   * provider_timeout. Defaults to the provider's `timeoutMs` option.
   */
  timeoutMs?: number;
  /** Aborting fails the call with provider_aborted, also while it waits to retry. */
  signal?: AbortSignal;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * Why generation stopped, the same words for every provider. `max_tokens` means the text was cut
 * off; `other` covers tool calls, pauses and values a server invents (the raw value is kept).
 */
export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'refusal' | 'other';

export interface GenerateResult {
  text: string;
  usage: TokenUsage;
  /** Wall time of the whole call, retries included. */
  latencyMs: number;
  /**
   * The provider's request id (`request-id` / `x-request-id` header), else the response body id;
   * quote it when reporting a problem to the provider. Null only when the server sends neither.
   */
  requestId: string | null;
  /** Model that answered, as the server reports it. */
  model: string;
  stopReason: StopReason;
  /** The provider's own stop value (`end_turn`, `length`, ...), for logs. */
  rawStopReason: string | null;
  /** HTTP attempts made, 1 when the first succeeded. */
  attempts: number;
}

export interface ModelProvider {
  readonly kind: ProviderKind;
  /** Rejects with a ProviderError, never with an SDK error. */
  generate(req: GenerateRequest): Promise<GenerateResult>;
}
