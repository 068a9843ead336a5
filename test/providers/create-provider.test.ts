// The factory from a model row to a provider, and the scripted demo provider it can build.
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../src/providers/anthropic.ts';
import { createProvider } from '../../src/providers/create-provider.ts';
import { OpenAiCompatibleProvider } from '../../src/providers/openai-compatible.ts';
import { ScriptedProvider } from '../../src/providers/scripted.ts';
import { AnthropicServer, OpenAiServer, type ChatServer } from '../support/provider-servers/index.ts';

const KEY = 'sk-factory-secret-42424242';
const servers: ChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const ask = (model: string, content = 'hello there', maxTokens = 200) => ({
  model,
  messages: [{ role: 'user' as const, content }],
  maxTokens,
});

describe('createProvider', () => {
  it('builds an Anthropic provider that reaches the configured base URL with the configured key', async () => {
    const server = new AnthropicServer({ apiKey: KEY });
    servers.push(server);
    const config = { provider: 'anthropic' as const, modelId: 'claude-x', apiKey: KEY, baseUrl: await server.start() };
    const provider = createProvider(config);
    expect(provider).toBeInstanceOf(AnthropicProvider);
    await expect(provider.generate(ask(config.modelId))).resolves.toMatchObject({ text: 'echo: hello there' });
  });

  it('builds an OpenAI-compatible provider, with or without a key', async () => {
    const server = new OpenAiServer();
    servers.push(server);
    const baseUrl = await server.start();
    const provider = createProvider({ provider: 'openai_compatible', modelId: 'qwen2.5', baseUrl });
    expect(provider).toBeInstanceOf(OpenAiCompatibleProvider);
    await expect(provider.generate(ask('qwen2.5'))).resolves.toMatchObject({ model: 'qwen2.5' });
  });

  it('builds the scripted provider without any URL or key only when the demo seed is enabled', () => {
    expect(createProvider({ provider: 'scripted', modelId: 'demo' }, { allowScripted: true })).toBeInstanceOf(ScriptedProvider);
    expect(() => createProvider({ provider: 'scripted', modelId: 'demo' })).toThrow(/demo stand-in.*LF_SEED_DEMO/);
    expect(() => createProvider({ provider: 'scripted', modelId: 'demo' }, { allowScripted: false })).toThrow(TypeError);
  });

  it('refuses unusable configs with a TypeError that never quotes the key', () => {
    expect(() => createProvider({ provider: 'anthropic', modelId: 'claude-x' })).toThrow(/needs an apiKey/);
    expect(() => createProvider({ provider: 'openai_compatible', modelId: 'm', apiKey: KEY })).toThrow(/needs a baseUrl/);
    expect(() => createProvider({ provider: 'anthropic', modelId: '', apiKey: KEY })).toThrow(/needs a modelId/);
    expect(() => createProvider({ provider: 'gemini' as never, modelId: 'm', apiKey: KEY })).toThrow(/unknown provider/);
    for (const bad of [
      { provider: 'openai_compatible' as const, modelId: 'm', apiKey: KEY },
      { provider: 'anthropic' as const, modelId: '', apiKey: KEY },
      { provider: 'gemini' as never, modelId: 'm', apiKey: KEY },
    ]) {
      try {
        createProvider(bad);
      } catch (error) {
        expect(String(error)).not.toContain(KEY);
      }
    }
  });
});

describe('ScriptedProvider (demo seed only)', () => {
  const provider = new ScriptedProvider();

  it('answers the same prompt with the same text, usage and request id', async () => {
    const first = await provider.generate(ask('demo-a', 'write a haiku about rain'));
    const second = await provider.generate(ask('demo-a', 'write a haiku about rain'));
    expect({ ...second, latencyMs: 0 }).toEqual({ ...first, latencyMs: 0 });
    expect(first.text).toContain('write a haiku about rain');
    expect(first.requestId).toMatch(/^scripted_[0-9a-f]{24}$/);
    expect(first.usage).toEqual({ inputTokens: 6, outputTokens: first.text.split(' ').length });
  });

  it('answers a different prompt or model differently', async () => {
    const base = await provider.generate(ask('demo-a', 'one'));
    expect((await provider.generate(ask('demo-a', 'two'))).text).not.toBe(base.text);
    expect((await provider.generate(ask('demo-b', 'one'))).requestId).not.toBe(base.requestId);
  });

  it('stops at maxTokens words with stop reason max_tokens', async () => {
    const result = await provider.generate(ask('demo-a', 'explain everything', 4));
    expect(result.text.split(' ')).toHaveLength(4);
    expect(result.stopReason).toBe('max_tokens');
  });

  it('honours abort and refuses malformed requests like the real providers', async () => {
    const slow = new ScriptedProvider({ latencyMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(slow.generate({ ...ask('demo'), signal: controller.signal })).rejects.toMatchObject({
      code: 'provider_aborted',
    });
    await expect(provider.generate({ ...ask('demo'), maxTokens: 0 })).rejects.toMatchObject({
      code: 'provider_bad_request',
    });
  });
});
