// Local Anthropic Messages API (POST /v1/messages) on node:http: the real wire format, only the base URL differs.
import { randomBytes } from 'node:crypto';
import { ChatServer } from './chat-server.ts';
import type { ChatServerOptions, ParsedCall, ShapedReply, StatusFailure, WireProtocol } from './wire-protocol.ts';

/** Error `type` per status, as the Anthropic API documents them. */
const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export const anthropicProtocol: WireProtocol = {
  name: 'anthropic',
  path: '/v1/messages',
  basePath: '', // the SDK appends /v1/messages itself
  requestIdHeader: 'request-id',
  requestIdPrefix: 'req_',

  // The API reference documents `x-api-key`; SDK 1.x sends a plain apiKey as `Authorization: Bearer`.
  // Both are accepted, and the key is checked either way.
  checkHeaders(headers, expectedKey): StatusFailure | null {
    const key = headers['x-api-key'] ?? /^Bearer (.+)$/.exec(headers['authorization'] ?? '')?.[1];
    if (!key) return { status: 401, message: 'x-api-key header is required' };
    if (expectedKey !== undefined && key !== expectedKey) return { status: 401, message: 'invalid x-api-key' };
    if (!headers['anthropic-version']) return { status: 400, message: 'anthropic-version: header is required' };
    return null;
  },

  parse: parseMessagesRequest,

  successBody(reply: ShapedReply): unknown {
    const stopReason = typeof reply.stop === 'object' ? reply.stop.raw : reply.stop === 'end' ? 'end_turn' : 'max_tokens';
    return {
      id: `msg_${randomBytes(12).toString('hex')}`,
      type: 'message',
      role: 'assistant',
      model: reply.model,
      content: [{ type: 'text', text: reply.text }],
      stop_reason: stopReason,
      stop_sequence: null,
      usage: {
        input_tokens: reply.inputTokens,
        output_tokens: reply.outputTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    };
  },

  errorBody(failure, requestId): unknown {
    return {
      type: 'error',
      error: { type: failure.type ?? ERROR_TYPES[failure.status] ?? 'api_error', message: failure.message },
      request_id: requestId,
    };
  },
};

/** A local Anthropic API; `start()` resolves to the base URL for `new Anthropic({ baseURL })`. */
export class AnthropicServer extends ChatServer {
  constructor(options: ChatServerOptions = {}) {
    super(anthropicProtocol, options);
  }
}

/** Checks the fields the real API requires, with messages in its `field: problem` style. */
function parseMessagesRequest(body: unknown): ParsedCall | string {
  if (!isObject(body)) return 'body: Input should be a valid dictionary';
  if (body.stream === true) return 'stream: streaming is not supported by this test server';
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (body.max_tokens === undefined) return 'max_tokens: Field required';
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) {
    return 'max_tokens: Input should be greater than or equal to 1';
  }
  if (body.messages === undefined) return 'messages: Field required';
  if (!Array.isArray(body.messages)) return 'messages: Input should be a valid list';
  if (body.messages.length === 0) return 'messages: at least one message is required';
  const messages: ParsedCall['messages'] = [];
  for (const [i, message] of (body.messages as unknown[]).entries()) {
    if (!isObject(message) || (message.role !== 'user' && message.role !== 'assistant')) {
      return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    }
    const content = textOf(message.content);
    if (content === null) return `messages.${i}.content: Input should be a valid string or list of content blocks`;
    messages.push({ role: message.role, content });
  }
  const system = body.system === undefined ? null : textOf(body.system);
  if (body.system !== undefined && system === null) return 'system: Input should be a valid string or list of text blocks';
  const temperature = body.temperature;
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 1)) {
    return 'temperature: Input should be a number between 0 and 1';
  }
  return {
    model: body.model,
    system,
    messages,
    maxTokens: body.max_tokens as number,
    temperature: (temperature as number | undefined) ?? null,
  };
}

/** A string, or the texts of a list of content blocks joined by newlines; null when neither. */
function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const texts: string[] = [];
  for (const block of content as unknown[]) {
    if (!isObject(block) || typeof block.type !== 'string') return null;
    if (block.type === 'text') {
      if (typeof block.text !== 'string') return null;
      texts.push(block.text);
    }
  }
  return texts.join('\n');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
