// Which ModelProvider serves an ai.models row: keys from config (never from the database), one client per server and key.
import {
  computeCost,
  createProvider,
  DEFAULT_RETRY_POLICY,
  isProviderError,
  type ModelProvider,
  type ProviderDeps,
  type ProviderKind,
  type RetryPolicy,
} from '../providers/index.ts';
import type { JobError } from './jobs/job.ts';

/** The columns of ai.models a call needs. Prices come back as numbers or strings (numeric). */
export interface ModelRow {
  id: string;
  provider: ProviderKind;
  model_id: string;
  display_name: string;
  base_url: string | null;
  /** Name of the environment variable with this model's key (LF_PROVIDER_KEY_…); null: the global key. */
  api_key_env?: string | null;
  price_in_per_mtok: number | string;
  price_out_per_mtok: number | string;
}

/**
 * SQL for the ModelRow of the ai.models row aliased `m`, as one jsonb value: the jobs read their
 * model together with the rest of their context in a single query.
 */
export const MODEL_ROW_JSON_SQL = `jsonb_build_object('id', m.id, 'provider', m.provider, 'model_id', m.model_id,
  'display_name', m.display_name, 'base_url', m.base_url, 'api_key_env', m.api_key_env,
  'price_in_per_mtok', m.price_in_per_mtok, 'price_out_per_mtok', m.price_out_per_mtok)`;

/** Provider credentials from config (docs/configuration.md). Never stored, never logged. */
export interface ProviderKeys {
  /** ANTHROPIC_API_KEY: anthropic rows without api_key_env. */
  anthropicApiKey?: string;
  /** LF_OPENAI_COMPAT_API_KEY: openai_compatible rows without api_key_env. */
  openAiCompatApiKey?: string;
  /** Every LF_PROVIDER_KEY_* variable by name: rows that name one in api_key_env. */
  named?: Readonly<Record<string, string>>;
}

/**
 * The worker's provider retry policy: the default schedule, but a server asking to wait more than
 * 5 s is not waited for inside the call. The call fails with the server's delay, and the job is
 * queued again at least that far out (retryBackoff), so a rate limit frees the worker slot instead
 * of holding it for up to a minute.
 */
export const WORKER_RETRY_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 5_000 };

export type ProviderSource = (model: ModelRow) => ModelProvider;

/**
 * Builds providers with the production clients (createProvider) and caches one per provider, base
 * URL and key variable: a provider object serves any model of its server, and reusing it reuses
 * connections. A row naming api_key_env gets that variable's key, never the global one (which
 * would then be sent to a server it was not meant for). Throws a JobFailure-shaped error
 * (provider_not_configured) for a row that cannot be served; its message names the model and the
 * missing setting, never a key.
 */
export function providerSource(keys: ProviderKeys, deps: ProviderDeps = {}): ProviderSource {
  const cache = new Map<string, ModelProvider>();
  return (model) => {
    const keyEnv = model.api_key_env ?? null;
    const cacheKey = `${model.provider}|${model.base_url ?? ''}|${keyEnv ?? ''}`;
    let provider = cache.get(cacheKey);
    if (!provider) {
      const apiKey = keyEnv !== null ? keys.named?.[keyEnv]
        : model.provider === 'anthropic' ? keys.anthropicApiKey
        : model.provider === 'openai_compatible' ? keys.openAiCompatApiKey
        : undefined;
      if (keyEnv !== null && !apiKey) {
        throw Object.assign(new Error(`${model.provider} model ${model.model_id} needs ${keyEnv}, which is not set`), {
          jobError: notConfigured(`${model.provider} model ${model.model_id} needs its key in ${keyEnv}, which is not set in the worker's environment`),
        });
      }
      try {
        provider = createProvider(
          { provider: model.provider, modelId: model.model_id, baseUrl: model.base_url ?? undefined, apiKey },
          { ...deps, retry: deps.retry ?? WORKER_RETRY_POLICY },
        );
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
