// Which ModelProvider serves an ai.models row: keys from config (never from the database), one client per server.
import {
  computeCost,
  createProvider,
  isProviderError,
  type ModelProvider,
  type ProviderDeps,
  type ProviderKind,
} from '../providers/index.ts';
import type { JobError } from './jobs/job.ts';

/** The columns of ai.models a call needs. Prices come back as numbers or strings (numeric). */
export interface ModelRow {
  id: string;
  provider: ProviderKind;
  model_id: string;
  display_name: string;
  base_url: string | null;
  price_in_per_mtok: number | string;
  price_out_per_mtok: number | string;
}

/** Provider credentials from config (ANTHROPIC_API_KEY, LF_OPENAI_COMPAT_API_KEY). Never stored, never logged. */
export interface ProviderKeys {
  anthropicApiKey?: string;
  openAiCompatApiKey?: string;
}

export type ProviderSource = (model: ModelRow) => ModelProvider;

/**
 * Builds providers with the production clients (createProvider) and caches one per provider and
 * base URL: a provider object serves any model of its server, and reusing it reuses connections.
 * Throws a JobFailure-shaped error (provider_not_configured) for a row that cannot be served.
 */
export function providerSource(keys: ProviderKeys, deps: ProviderDeps = {}): ProviderSource {
  const cache = new Map<string, ModelProvider>();
  return (model) => {
    const cacheKey = `${model.provider}|${model.base_url ?? ''}`;
    let provider = cache.get(cacheKey);
    if (!provider) {
      const apiKey =
        model.provider === 'anthropic' ? keys.anthropicApiKey : model.provider === 'openai_compatible' ? keys.openAiCompatApiKey : undefined;
      try {
        provider = createProvider({ provider: model.provider, modelId: model.model_id, baseUrl: model.base_url ?? undefined, apiKey }, deps);
      } catch (err) {
        // createProvider's messages name the model and the missing setting, never a key.
        throw Object.assign(new Error((err as Error).message), { jobError: notConfigured((err as Error).message) });
      }
      cache.set(cacheKey, provider);
    }
    return provider;
  };
}

function notConfigured(message: string): JobError {
  return { code: 'provider_not_configured', message, retryable: false };
}

/** The JobError for anything a provider call or provider lookup threw. */
export function providerJobError(err: unknown): JobError {
  if (isProviderError(err)) {
    return { code: err.code, message: err.message, retryable: err.retryable, retryAfterMs: err.retryAfterMs };
  }
  const attached = (err as { jobError?: JobError } | null)?.jobError;
  if (attached) return attached;
  return { code: 'provider_bad_response', message: 'the model call failed unexpectedly', retryable: true };
}

/** Cost of a call in USD from the model row's prices. */
export function costOf(model: ModelRow, usage: { inputTokens: number; outputTokens: number }): number {
  return computeCost(usage, { priceInPerMtok: model.price_in_per_mtok, priceOutPerMtok: model.price_out_per_mtok }).totalUsd;
}
