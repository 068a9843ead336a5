// Builds the ModelProvider for a model row ({provider, modelId, baseUrl, apiKey}); keys come from config, never from env here.
import type { Logger } from 'pino';
import { AnthropicProvider } from './anthropic.ts';
import { OpenAiCompatibleProvider } from './openai-compatible.ts';
import type { RetryPolicy } from './retry.ts';
import { ScriptedProvider } from './scripted.ts';
import type { ModelProvider, ProviderKind } from './types.ts';

export interface ModelConfig {
  provider: ProviderKind;
  /** Sent as `model` on each request; the provider object itself serves any model of its server. */
  modelId: string;
  /** Anthropic: optional (public API by default). OpenAI-compatible: required, with `/v1`. */
  baseUrl?: string;
  /** Anthropic: required (ANTHROPIC_API_KEY). OpenAI-compatible: optional. Scripted: ignored. */
  apiKey?: string;
}

export interface ProviderDeps {
  logger?: Logger;
  retry?: RetryPolicy;
  /** Default budget per generate() call. */
  timeoutMs?: number;
  /**
   * The scripted provider is the demo seed's stand-in, not a model: it is built only when the
   * caller says the demo seed is enabled (config.demoSeed, from LF_SEED_DEMO). Default false.
   */
  allowScripted?: boolean;
  /** Scripted provider only. */
  scriptedLatencyMs?: number;
}

/** Throws TypeError for an unusable config (or a scripted one without allowScripted); the message names the model, never the key. */
export function createProvider(config: ModelConfig, deps: ProviderDeps = {}): ModelProvider {
  if (typeof config.modelId !== 'string' || config.modelId.trim() === '') {
    throw new TypeError(`${config.provider} model config needs a modelId`);
  }
  const common = { logger: deps.logger, retry: deps.retry, timeoutMs: deps.timeoutMs };
  switch (config.provider) {
    case 'anthropic':
      if (!config.apiKey) throw new TypeError(`anthropic model ${config.modelId} needs an apiKey (ANTHROPIC_API_KEY)`);
      return new AnthropicProvider({ ...common, apiKey: config.apiKey, baseUrl: config.baseUrl });
    case 'openai_compatible':
      if (!config.baseUrl) throw new TypeError(`openai_compatible model ${config.modelId} needs a baseUrl`);
      return new OpenAiCompatibleProvider({ ...common, apiKey: config.apiKey, baseUrl: config.baseUrl });
    case 'scripted':
      if (!deps.allowScripted) {
        throw new TypeError(
          `scripted model ${config.modelId} is a demo stand-in, served only while the demo seed is enabled (LF_SEED_DEMO)`,
        );
      }
      return new ScriptedProvider({ latencyMs: deps.scriptedLatencyMs });
    default:
      throw new TypeError(`unknown provider ${JSON.stringify((config as { provider: unknown }).provider)}`);
  }
}
