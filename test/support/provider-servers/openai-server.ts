// Local OpenAI Chat Completions API (POST /v1/chat/completions) on node:http, as OpenAI-compatible servers speak it.
import { randomBytes } from 'node:crypto';
import { ChatServer } from './chat-server.ts';
import type { ChatServerOptions, ParsedCall, ShapedReply, StatusFailure, WireProtocol } from './wire-protocol.ts';

/** Error `type` and `code` per status, as api.openai.com sends them. */
const ERRORS: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
  500: { type: 'server_error', code: null },
  503: { type: 'server_error', code: null },
};

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

export const openAiProtocol: WireProtocol = {
  name: 'openai',
  path: '/v1/chat/completions',
  basePath: '/v1', // the SDK's baseURL includes the version prefix
  requestIdHeader: 'x-request-id',
  requestIdPrefix: 'req_',

  checkHeaders(headers, expectedKey): StatusFailure | null {
    if (expectedKey === undefined) return null; // like Ollama or llama.cpp started without a key
    const match = /^Bearer (.+)$/.exec(headers['authorization'] ?? '');
    if (!match) {
      return { status: 401, code: null, message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth." };
    }
    if (match[1] !== expectedKey) {
      return { status: 401, message: `Incorrect API key provided: ${mask(match[1] ?? '')}.` };
    }
    return null;
  },

  parse: parseChatRequest,

  successBody(reply: ShapedReply): unknown {
    const finishReason = typeof reply.stop === 'object' ? reply.stop.raw : reply.stop === 'end' ? 'stop' : 'length';
    return {
      id: `chatcmpl-${randomBytes(12).toString('hex')}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: reply.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text, refusal: null },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage: {
        prompt_tokens: reply.inputTokens,
        completion_tokens: reply.outputTokens,
        total_tokens: reply.inputTokens + reply.outputTokens,
      },
      system_fingerprint: 'fp_local_test',
    };
  },

  errorBody(failure): unknown {
    const known = ERRORS[failure.status] ?? { type: 'server_error', code: null };
    return {
      error: {
        message: failure.message,
        type: failure.type ?? known.type,
        param: null,
        code: failure.code === undefined ? known.code : failure.code,
      },
    };
  },
};

/** A local OpenAI-compatible server; `start()` resolves to the base URL (with `/v1`) for `new OpenAI({ baseURL })`. */
export class OpenAiServer extends ChatServer {
  constructor(options: ChatServerOptions = {}) {
    super(openAiProtocol, options);
  }
}

/** The masking api.openai.com applies when it quotes a wrong key back. */
function mask(key: string): string {
  return key.length <= 8 ? '****' : `${key.slice(0, 3)}${'*'.repeat(8)}${key.slice(-4)}`;
}

function parseChatRequest(body: unknown): ParsedCall | string {
  if (!isObject(body)) return 'We could not parse the JSON body of your request.';
  if (body.stream === true) return "'stream' is not supported by this test server";
  if (body.n !== undefined && body.n !== 1) return "'n' other than 1 is not supported by this test server";
  if (typeof body.model !== 'string' || body.model === '') return 'you must provide a model parameter';
  if (!Array.isArray(body.messages)) return "Missing required parameter: 'messages'.";
  if (body.messages.length === 0) return "Invalid 'messages': empty array. Expected an array with minimum length 1.";
  const system: string[] = [];
  const messages: ParsedCall['messages'] = [];
  for (const [i, message] of (body.messages as unknown[]).entries()) {
    if (!isObject(message) || typeof message.role !== 'string' || !ROLES.has(message.role)) {
      return `Invalid value for 'messages[${i}].role'.`;
    }
    const content = textOf(message.content);
    if (content === null) return `Invalid type for 'messages[${i}].content'.`;
    if (message.role === 'system' || message.role === 'developer') system.push(content);
    else messages.push({ role: message.role, content });
  }
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens !== undefined && maxTokens !== null && (!Number.isInteger(maxTokens) || (maxTokens as number) < 1)) {
    return "Invalid 'max_tokens': integer below minimum value. Expected a value >= 1.";
  }
  const temperature = body.temperature;
  if (temperature !== undefined && temperature !== null && (typeof temperature !== 'number' || temperature < 0 || temperature > 2)) {
    return "Invalid 'temperature': expected a number between 0 and 2.";
  }
  return {
    model: body.model,
    system: system.length > 0 ? system.join('\n') : null,
    messages,
    maxTokens: (maxTokens as number | null | undefined) ?? null,
    temperature: (temperature as number | null | undefined) ?? null,
  };
}

/** A string, an array of text parts joined by newlines, or '' for null (assistant tool turns). */
function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (content === null) return '';
  if (!Array.isArray(content)) return null;
  const texts: string[] = [];
  for (const part of content as unknown[]) {
    if (!isObject(part) || part.type !== 'text' || typeof part.text !== 'string') return null;
    texts.push(part.text);
  }
  return texts.join('\n');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
