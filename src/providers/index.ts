// Model clients behind one interface: re-exports only.
export type { ChatMessage, GenerateRequest, GenerateResult, ModelProvider, ProviderKind, StopReason, TokenUsage } from './types.ts';
export { PROVIDER_ERROR_CODES, ProviderError, isProviderError, codeForStatus, type ProviderErrorCode } from './errors.ts';
export {
  DEFAULT_RETRY_POLICY,
  exponentialBackoff,
  parseRetryAfter,
  type BackoffOptions,
  type RetryPolicy,
} from './retry.ts';
export { AnthropicProvider, ANTHROPIC_DEFAULT_BASE_URL, type AnthropicProviderOptions } from './anthropic.ts';
export { OpenAiCompatibleProvider, NO_KEY_PLACEHOLDER, type OpenAiCompatibleProviderOptions } from './openai-compatible.ts';
export { ScriptedProvider, type ScriptedProviderOptions } from './scripted.ts';
export { createProvider, type ModelConfig, type ProviderDeps } from './create-provider.ts';
export { computeCost, type CallCost, type ModelPrices } from './cost.ts';
export { DEFAULT_CALL_TIMEOUT_MS } from './provider-call.ts';
