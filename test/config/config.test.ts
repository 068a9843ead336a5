import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { resolveJwtSecret } from '../../src/config/jwt-secret.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database on 127.0.0.1:8787', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8787, databaseUrl: undefined, env: 'development' });
    expect(c.dataDir).toBe(path.resolve('./.lenserfight/data'));
  });

  it('lists every invalid setting at once', () => {
    const err = (() => {
      try {
        loadConfig({ LF_PORT: 'eighty', DATABASE_URL: 'mysql://x', LF_JWT_SECRET: 'short' });
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.problems).toHaveLength(3);
    expect(err.message).toMatch(/LF_PORT/);
    expect(err.message).toMatch(/DATABASE_URL/);
    expect(err.message).toMatch(/LF_JWT_SECRET/);
  });

  it('maps the creation cap to its GUC and accepts the Supabase JWT secret', () => {
    const c = loadConfig({ LF_BATTLES_DAILY_CREATE_CAP: '3', SUPABASE_JWT_SECRET: 's'.repeat(40) });
    expect(c.settings).toEqual({ 'app.battles_daily_create_cap': '3' });
    expect(c.jwtSecret).toBe('s'.repeat(40));
  });
});

describe('demo seed and provider settings', () => {
  it('enables the demo seed (and with it the scripted provider) only for always, or auto on the embedded database', () => {
    const pg = 'postgres://u@h/db';
    expect(loadConfig({}).demoSeed).toBe(true);
    expect(loadConfig({ DATABASE_URL: pg }).demoSeed).toBe(false);
    expect(loadConfig({ DATABASE_URL: pg, LF_SEED_DEMO: 'always' }).demoSeed).toBe(true);
    expect(loadConfig({ LF_SEED_DEMO: 'never' }).demoSeed).toBe(false);
  });

  it('reads the provider keys and the worker settings with their defaults', () => {
    expect(loadConfig({})).toMatchObject({
      providerKeys: { anthropicApiKey: undefined, openAiCompatApiKey: undefined, named: {} },
      worker: { enabled: true, concurrency: 16, pollMs: 500 },
    });
    const c = loadConfig({
      ANTHROPIC_API_KEY: 'a', LF_OPENAI_COMPAT_API_KEY: 'o', LF_PROVIDER_KEY_VLLM: 'v', LF_WORKER: 'off',
      LF_WORKER_CONCURRENCY: '4', LF_WORKER_POLL_MS: '250',
    });
    expect(c).toMatchObject({
      providerKeys: { anthropicApiKey: 'a', openAiCompatApiKey: 'o', named: { LF_PROVIDER_KEY_VLLM: 'v' } },
      worker: { enabled: false, concurrency: 4, pollMs: 250 },
    });
  });
});

describe('resolveJwtSecret', () => {
  it('generates a secret on the first embedded start, keeps it (mode 0600) and reuses it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lf-secret-'));
    try {
      const config = loadConfig({ LF_DATA_DIR: dir });
      const first = resolveJwtSecret(config);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(resolveJwtSecret(config)).toBe(first);
      expect(readFileSync(path.join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
      expect(statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to invent a secret in production', () => {
    expect(() => resolveJwtSecret(loadConfig({ LF_ENV: 'production', LF_DATA_DIR: os.tmpdir() }))).toThrow(/LF_JWT_SECRET/);
  });
});
