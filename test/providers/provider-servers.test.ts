// The local wire-protocol servers speak each provider's format, checked with plain fetch (no SDK).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnthropicServer, OpenAiServer, type ChatServer } from '../support/provider-servers/index.ts';

const KEY = 'sk-server-test-key-123456';
const servers: ChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started<T extends ChatServer>(server: T): Promise<[T, string]> {
  servers.push(server);
  return [server, await server.start()];
}

const anthropicHeaders = { 'content-type': 'application/json', 'x-api-key': KEY, 'anthropic-version': '2023-06-01' };
const messagesBody = { model: 'claude-test', max_tokens: 50, messages: [{ role: 'user', content: 'hi there' }] };

async function post(url: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe('AnthropicServer', () => {
  it('answers POST /v1/messages with a Messages API body and a request-id header', async () => {
    const [server, baseUrl] = await started(new AnthropicServer({ apiKey: KEY }));
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await post(`${baseUrl}/v1/messages`, anthropicHeaders, messagesBody);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('request-id')).toBe(server.requests[0]?.requestId);
    expect(answer.body).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content: [{ type: 'text', text: 'echo: hi there' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 2, output_tokens: 3 },
    });
    expect(answer.body.id).toMatch(/^msg_/);
  });

  it('rejects a missing or wrong x-api-key with 401 authentication_error', async () => {
    const [, baseUrl] = await started(new AnthropicServer({ apiKey: KEY }));
    const missing = await post(`${baseUrl}/v1/messages`, { 'anthropic-version': '2023-06-01' }, messagesBody);
    const wrong = await post(`${baseUrl}/v1/messages`, { ...anthropicHeaders, 'x-api-key': 'nope' }, messagesBody);
    for (const answer of [missing, wrong]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    }
  });

  it('rejects a missing anthropic-version header and missing required fields with 400 invalid_request_error', async () => {
    const [, baseUrl] = await started(new AnthropicServer());
    const noVersion = await post(`${baseUrl}/v1/messages`, { 'x-api-key': KEY }, messagesBody);
    expect(noVersion.status).toBe(400);
    expect(noVersion.body).toMatchObject({ error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' } });
    const { max_tokens: _omitted, ...withoutMaxTokens } = messagesBody;
    const noMax = await post(`${baseUrl}/v1/messages`, anthropicHeaders, withoutMaxTokens);
    expect(noMax.body).toMatchObject({ error: { message: 'max_tokens: Field required' } });
    const badRole = await post(`${baseUrl}/v1/messages`, anthropicHeaders, { ...messagesBody, messages: [{ role: 'system', content: 'x' }] });
    expect(badRole.status).toBe(400);
  });

  it('plays queued failures in order: 429 with retry-after, 529 overloaded_error, then answers', async () => {
    const [server, baseUrl] = await started(new AnthropicServer({ failures: [{ status: 429 }, { status: 529 }] }));
    const limited = await post(`${baseUrl}/v1/messages`, anthropicHeaders, messagesBody);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    const overloaded = await post(`${baseUrl}/v1/messages`, anthropicHeaders, messagesBody);
    expect(overloaded.status).toBe(529);
    expect(overloaded.body).toMatchObject({ error: { type: 'overloaded_error' } });
    expect((await post(`${baseUrl}/v1/messages`, anthropicHeaders, messagesBody)).status).toBe(200);
    expect(server.requests.map((r) => r.status)).toEqual([429, 529, 200]);
  });

  it('answers 404 not_found_error for other routes', async () => {
    const [, baseUrl] = await started(new AnthropicServer());
    const answer = await post(`${baseUrl}/v1/complete`, anthropicHeaders, {});
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { type: 'not_found_error' } });
  });
});

describe('OpenAiServer', () => {
  const chatBody = { model: 'gpt-test', messages: [{ role: 'system', content: 'Be short.' }, { role: 'user', content: 'hi' }] };

  it('answers POST /v1/chat/completions with a chat.completion body and an x-request-id header', async () => {
    const [server, baseUrl] = await started(new OpenAiServer({ apiKey: KEY, respond: (call) => `${call.system} ok` }));
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const answer = await post(`${baseUrl}/chat/completions`, { authorization: `Bearer ${KEY}` }, chatBody);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toBe(server.requests[0]?.requestId);
    expect(answer.body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-test',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Be short. ok' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
    });
    expect(answer.body.id).toMatch(/^chatcmpl-/);
  });

  it('rejects a wrong Bearer key with 401 invalid_api_key, quoting it only masked', async () => {
    const [, baseUrl] = await started(new OpenAiServer({ apiKey: KEY }));
    const wrongKey = 'sk-wrong-key-987654321';
    const answer = await post(`${baseUrl}/chat/completions`, { authorization: `Bearer ${wrongKey}` }, chatBody);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_api_key', param: null } });
    expect(JSON.stringify(answer.body)).not.toContain(wrongKey);
  });

  it('rejects a request without messages with 400 and a 429 failure with type requests', async () => {
    const [, baseUrl] = await started(new OpenAiServer({ failures: [{ status: 429, retryAfterMs: 20 }] }));
    const limited = await post(`${baseUrl}/chat/completions`, {}, chatBody);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after-ms')).toBe('20');
    expect(limited.body).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
    const empty = await post(`${baseUrl}/chat/completions`, {}, { model: 'gpt-test', messages: [] });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});

describe('ChatServer lifecycle', () => {
  it('closes promptly even while a request hangs, and records what it received', async () => {
    const [server, baseUrl] = await started(new OpenAiServer({ failures: ['hang'] }));
    const pending = fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
    }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', status: null });
    const closing = performance.now();
    await server.close();
    expect(performance.now() - closing).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('forgets requests and queued failures on reset', async () => {
    const [server, baseUrl] = await started(new OpenAiServer());
    server.failNext({ status: 500 });
    server.reset();
    const answer = await post(`${baseUrl}/chat/completions`, {}, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(answer.status).toBe(200);
    expect(server.requests).toHaveLength(1);
  });
});
