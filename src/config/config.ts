// Settings from the environment, parsed once at an entry point (loadConfig is pure: pass env in).
// Every problem is reported at once so a misconfigured start fails fast and says everything wrong.
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  LF_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LF_HOST: z.string().min(1).default('127.0.0.1'),
  LF_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  LF_DATA_DIR: z.string().min(1).default('./.lenserfight/data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  LF_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LF_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SUPABASE_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LF_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LF_SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  LF_BATTLES_DAILY_CREATE_CAP: z.coerce.number().int().min(0).max(100_000).optional(),
  LF_WEB_DIR: z.string().default('./dist/web'),
  // Model providers (docs/configuration.md). Keys live in the environment only: never in the
  // database, logs, events or API responses.
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  LF_OPENAI_COMPAT_API_KEY: z.string().min(1).optional(),
  LF_WORKER: z.enum(['on', 'off']).default('on'),
  LF_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  LF_WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
});

/** Every variable loadConfig reads by name (docs/configuration.md documents each one). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape) as readonly string[];

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  poolSize: number;
  jwtSecret?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  seedDemo: 'auto' | 'always' | 'never';
  /**
   * Whether this process seeds (and so serves) the demo: LF_SEED_DEMO=always, or auto on the
   * embedded database. The scripted demo provider is served only then.
   */
  demoSeed: boolean;
  webDir: string;
  /** Database settings (GUCs by their reference names) taken from the environment. */
  settings: Record<string, string>;
  /** Provider credentials for the execution worker (src/battles/model-providers.ts). */
  providerKeys: { anthropicApiKey?: string; openAiCompatApiKey?: string; named: Record<string, string> };
  /** The execution worker in this process (src/battles/execution-worker.ts). */
  worker: { enabled: boolean; concurrency: number; pollMs: number };
}

/**
 * Per-model keys: ai.models.api_key_env names one of these variables; the RPC catalog checks it
 * with this pattern, and its SQL twin is the models_api_key_env_name check (0003_identity.sql).
 */
export const PROVIDER_KEY_NAME = /^LF_PROVIDER_KEY_[A-Z0-9_]{1,64}$/;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (PROVIDER_KEY_NAME.test(name) && value) named[name] = value;
  }
  const settings: Record<string, string> = {};
  if (e.LF_BATTLES_DAILY_CREATE_CAP !== undefined) {
    settings['app.battles_daily_create_cap'] = String(e.LF_BATTLES_DAILY_CREATE_CAP);
  }
  return {
    env: e.LF_ENV,
    host: e.LF_HOST,
    port: e.LF_PORT,
    dataDir: path.resolve(e.LF_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    poolSize: e.LF_DB_POOL_SIZE,
    jwtSecret: e.LF_JWT_SECRET ?? e.SUPABASE_JWT_SECRET,
    logLevel: e.LF_LOG_LEVEL,
    seedDemo: e.LF_SEED_DEMO,
    demoSeed: e.LF_SEED_DEMO === 'always' || (e.LF_SEED_DEMO === 'auto' && e.DATABASE_URL === undefined),
    webDir: path.resolve(e.LF_WEB_DIR),
    settings,
    providerKeys: { anthropicApiKey: e.ANTHROPIC_API_KEY, openAiCompatApiKey: e.LF_OPENAI_COMPAT_API_KEY, named },
    worker: { enabled: e.LF_WORKER === 'on', concurrency: e.LF_WORKER_CONCURRENCY, pollMs: e.LF_WORKER_POLL_MS },
  };
}
