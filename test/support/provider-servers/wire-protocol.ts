// The shapes shared by the wire-protocol servers: what responders see and return, failures, and the protocol hooks.

/** One chat request as a responder sees it, the same shape for both protocols. */
export interface ChatCall {
  protocol: 'anthropic' | 'openai';
  /** 0-based position of this request among all the server has received. */
  index: number;
  model: string;
  /** System prompt (OpenAI: system and developer messages joined); null when absent. */
  system: string | null;
  /** Text content of each message, blocks joined with newlines. */
  messages: { role: string; content: string }[];
  maxTokens: number | null;
  temperature: number | null;
}

export interface ReplySpec {
  text: string;
  /** Raw wire value; default: end of turn, or the max-tokens value when the text was cut. */
  stopReason?: string;
  /** Defaults: one token per whitespace-separated word of the prompt / the reply. */
  inputTokens?: number;
  outputTokens?: number;
  /** Model reported back; defaults to the requested one. */
  model?: string;
}

export type Reply = string | ReplySpec;

export interface StatusFailure {
  status: number;
  message?: string;
  /** Error `type` in the body; defaults to the protocol's type for the status. */
  type?: string;
  /** OpenAI body `code`; defaults to the protocol's code for the status. */
  code?: string | null;
  /** `retry-after` header (seconds or HTTP date). A 429 gets `1` unless this is null. */
  retryAfter?: number | string | null;
  /** `retry-after-ms` header. */
  retryAfterMs?: number;
  headers?: Record<string, string>;
}

/**
 * `hang`: accept the request and never answer, so the client must time out or abort.
 * `disconnect`: destroy the socket without answering, a network error for the client.
 */
export type Failure = StatusFailure | 'hang' | 'disconnect';

export type Responder = (call: ChatCall) => Reply | { fail: Failure } | Promise<Reply | { fail: Failure }>;

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased names. These include the credentials the client sent. */
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  receivedAt: number;
  /** Status answered with; null while pending, or for a hang or a dropped connection. */
  status: number | null;
  /** Request id header value answered with; null when there was no answer. */
  requestId: string | null;
}

export interface ChatServerOptions {
  /** Default: `echo: <last user message>`. */
  respond?: Responder;
  /** Played one per well-formed, authenticated request, in order, before the responder. */
  failures?: Failure[];
  /** Wait before answering each request, on a timer; default 0. */
  latencyMs?: number;
  /** When set, only this key is accepted; otherwise any key (Anthropic: any non-empty x-api-key). */
  apiKey?: string;
}

export type ParsedCall = Omit<ChatCall, 'protocol' | 'index'>;

/** The reply after defaults and the max-tokens cut; `stop` is `end`, `max_tokens` or a raw value. */
export interface ShapedReply {
  text: string;
  stop: 'end' | 'max_tokens' | { raw: string };
  inputTokens: number;
  outputTokens: number;
  model: string;
}

/** What a wire protocol supplies; everything else is shared. */
export interface WireProtocol {
  name: ChatCall['protocol'];
  /** The POST route, e.g. `/v1/messages`. */
  path: string;
  /** Appended to the origin to form the base URL its SDK expects (`''` or `/v1`). */
  basePath: string;
  requestIdHeader: string;
  requestIdPrefix: string;
  /** Authentication and required headers; a failure to send, or null. */
  checkHeaders(headers: Record<string, string>, expectedKey: string | undefined): StatusFailure | null;
  /** Validates the body; a message for a 400 when it is invalid. */
  parse(body: unknown): ParsedCall | string;
  successBody(reply: ShapedReply): unknown;
  errorBody(failure: StatusFailure & { message: string }, requestId: string): unknown;
}
