// What the OpenAI-compatible provider puts on the wire and how it reads Chat Completions answers.
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/providers/errors.ts';
import {
  NO_KEY_PLACEHOLDER,
  OpenAiCompatibleProvider,
  openAiStopReason,
} from '../../src/providers/openai-compatible.ts';
import { ChatServer, openAiProtocol, OpenAiServer } from '../support/provider-servers/index.ts';

const KEY = 'sk-openai-test-key-000111222';
const noRetry = { maxAttempts: 1, backoffMs: () => 0, maxRetryAfterMs: 0 };
const servers: ChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started<T extends ChatServer>(server: T): Promise<[T, string]> {
  servers.push(server);
  return [server, await server.start()];
}

const hello = { model: 'llama3.1:8b', messages: [{ role: 'user' as const, content: 'hi' }], maxTokens: 10 };

describe('OpenAiCompatibleProvider', () => {
  it('sends the system prompt as the first message, max_tokens and a Bearer key', async () => {
    const [server, baseUrl] = await started(new OpenAiServer({ apiKey: KEY }));
    await new OpenAiCompatibleProvider({ apiKey: KEY, baseUrl }).generate({
      ...hello,
      system: 'Be brief.',
      temperature: 1.5,
    });
    const [sent] = server.requests;
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(sent?.body).toEqual({
      model: 'llama3.1:8b',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
      max_tokens: 10,
      temperature: 1.5,
    });
  });

  it('sends a placeholder key to a server that needs none, and the server accepts it', async () => {
    const [server, baseUrl] = await started(new OpenAiServer());
    const result = await new OpenAiCompatibleProvider({ baseUrl }).generate(hello);
    expect(result.text).toBe('echo: hi');
    expect(server.requests[0]?.headers['authorization']).toBe(`Bearer ${NO_KEY_PLACEHOLDER}`);
  });

  it('does not retry a 429 that reports an exhausted quota', async () => {
    const [server, baseUrl] = await started(
      new OpenAiServer({ failures: [{ status: 429, code: 'insufficient_quota', message: 'You exceeded your current quota' }] }),
    );
    const error = await new OpenAiCompatibleProvider({ baseUrl })
      .generate(hello)
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'provider_rate_limited', retryable: false, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('reports zero usage rather than failing when a server omits usage', async () => {
    const [, baseUrl] = await started(
      new ChatServer({
        ...openAiProtocol,
        successBody: (reply) => ({
          id: 'chatcmpl-local',
          object: 'chat.completion',
          model: reply.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }],
        }),
      }),
    );
    const result = await new OpenAiCompatibleProvider({ baseUrl }).generate(hello);
    expect(result).toMatchObject({ text: 'echo: hi', usage: { inputTokens: 0, outputTokens: 0 } });
    expect(result.requestId).toMatch(/^req_/);
  });

  it('fails an answer without choices with provider_bad_response', async () => {
    const [, baseUrl] = await started(new ChatServer({ ...openAiProtocol, successBody: () => ({ id: 'x', choices: [] }) }));
    const error = await new OpenAiCompatibleProvider({ baseUrl, retry: noRetry })
      .generate(hello)
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_bad_response' });
  });

  it('maps finish reasons to the shared stop reasons', () => {
    expect(openAiStopReason('stop')).toBe('end_turn');
    expect(openAiStopReason('length')).toBe('max_tokens');
    expect(openAiStopReason('content_filter')).toBe('refusal');
    expect(openAiStopReason('tool_calls')).toBe('other');
    expect(openAiStopReason(null)).toBe('other');
  });

  it('refuses to be built without a base URL', () => {
    expect(() => new OpenAiCompatibleProvider({ baseUrl: '' })).toThrow(TypeError);
  });
});
