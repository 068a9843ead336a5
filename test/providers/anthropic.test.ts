// What the Anthropic provider puts on the wire and how it reads Messages API answers.
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicProvider, anthropicStopReason } from '../../src/providers/anthropic.ts';
import { ProviderError } from '../../src/providers/errors.ts';
import { AnthropicServer, anthropicProtocol, ChatServer } from '../support/provider-servers/index.ts';

const KEY = 'sk-ant-test-key-000111222';
const noRetry = { maxAttempts: 1, backoffMs: () => 0, maxRetryAfterMs: 0 };
const servers: ChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started<T extends ChatServer>(server: T): Promise<[T, string]> {
  servers.push(server);
  return [server, await server.start()];
}

describe('AnthropicProvider', () => {
  it('sends a Messages API request with x-api-key, anthropic-version, system and max_tokens', async () => {
    const [server, baseUrl] = await started(new AnthropicServer({ apiKey: KEY }));
    await new AnthropicProvider({ apiKey: KEY, baseUrl }).generate({
      model: 'claude-test',
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: 'again' },
      ],
      maxTokens: 100,
      temperature: 0.2,
    });
    const [sent] = server.requests;
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers['x-api-key']).toBe(KEY);
    expect(sent?.headers['authorization']).toBeUndefined();
    expect(sent?.headers['anthropic-version']).toBeTruthy();
    expect(sent?.body).toEqual({
      model: 'claude-test',
      max_tokens: 100,
      system: 'Be brief.',
      temperature: 0.2,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: 'again' },
      ],
    });
  });

  it('leaves out system and temperature when the request has none', async () => {
    const [server, baseUrl] = await started(new AnthropicServer());
    await new AnthropicProvider({ apiKey: KEY, baseUrl }).generate({
      model: 'claude-test',
      messages: [{ role: 'user', content: 'hi' }],
      maxTokens: 10,
    });
    expect(Object.keys(server.requests[0]?.body as object).sort()).toEqual(['max_tokens', 'messages', 'model']);
  });

  it('passes a non-standard stop reason through as other, keeping the raw value', async () => {
    const [, baseUrl] = await started(new AnthropicServer({ respond: () => ({ text: 'x', stopReason: 'tool_use' }) }));
    const result = await new AnthropicProvider({ apiKey: KEY, baseUrl }).generate({
      model: 'claude-test',
      messages: [{ role: 'user', content: 'hi' }],
      maxTokens: 10,
    });
    expect(result).toMatchObject({ stopReason: 'other', rawStopReason: 'tool_use' });
  });

  it('maps every documented stop reason', () => {
    expect(anthropicStopReason('end_turn')).toBe('end_turn');
    expect(anthropicStopReason('max_tokens')).toBe('max_tokens');
    expect(anthropicStopReason('stop_sequence')).toBe('stop_sequence');
    expect(anthropicStopReason('refusal')).toBe('refusal');
    expect(anthropicStopReason('model_context_window_exceeded')).toBe('max_tokens');
    expect(anthropicStopReason('pause_turn')).toBe('other');
    expect(anthropicStopReason(null)).toBe('other');
  });

  it('fails a 200 answer without content or usage with provider_bad_response, keeping the request id', async () => {
    const broken = new ChatServer({ ...anthropicProtocol, successBody: () => ({ id: 'msg_1', type: 'message' }) });
    const [server, baseUrl] = await started(broken);
    const error = await new AnthropicProvider({ apiKey: KEY, baseUrl, retry: noRetry })
      .generate({ model: 'claude-test', messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_bad_response', retryable: false });
    expect((error as ProviderError).requestId).toBe(server.requests[0]?.requestId);
  });

  it('refuses to be built without a key', () => {
    expect(() => new AnthropicProvider({ apiKey: '' })).toThrow(TypeError);
  });

  it('serializes to its kind and a base URL stripped of credentials', () => {
    const provider = new AnthropicProvider({ apiKey: KEY, baseUrl: 'https://user:pw@gateway.example/anthropic?key=k' });
    expect(JSON.parse(JSON.stringify(provider))).toEqual({ kind: 'anthropic', baseUrl: 'https://gateway.example/anthropic' });
  });
});
