// A real node:http server on 127.0.0.1 speaking one provider's chat wire protocol; the protocol modules fill in the format.
//
// Used by provider tests, end-to-end battle tests and benchmarks: the real SDK clients talk to it,
// only the base URL differs. Each server answers through a responder (request -> reply text),
// plays queued failures first (status errors, hangs, dropped connections), waits a configurable
// latency on a timer (so concurrent requests overlap for real) and records every request.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ChatCall,
  ChatServerOptions,
  Failure,
  RecordedRequest,
  Reply,
  Responder,
  ShapedReply,
  StatusFailure,
  WireProtocol,
} from './wire-protocol.ts';

export class ChatServer {
  readonly requests: RecordedRequest[] = [];
  respond: Responder;
  latencyMs: number;
  readonly #protocol: WireProtocol;
  readonly #apiKey: string | undefined;
  readonly #failures: Failure[];
  readonly #timers = new Set<NodeJS.Timeout>();
  #server: Server | null = null;
  #baseUrl: string | null = null;
  /** Requests being handled right now (read through maxInFlight only). */
  #inFlight = 0;
  #maxInFlight = 0;

  constructor(protocol: WireProtocol, options: ChatServerOptions = {}) {
    this.#protocol = protocol;
    this.respond = options.respond ?? echoLastUserMessage;
    this.latencyMs = options.latencyMs ?? 0;
    this.#apiKey = options.apiKey;
    this.#failures = [...(options.failures ?? [])];
  }

  /** Listens on 127.0.0.1 with a free port; resolves to the base URL to give the SDK. */
  async start(): Promise<string> {
    if (this.#baseUrl) return this.#baseUrl;
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        // A throwing responder is a test bug: answer 500 so the client sees it rather than hanging.
        if (res.headersSent) res.destroy();
        else this.#sendFailure(res, null, { status: 500, message: `test server responder failed: ${String(error)}` });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    this.#server = server;
    this.#baseUrl = `http://127.0.0.1:${port}${this.#protocol.basePath}`;
    return this.#baseUrl;
  }

  get baseUrl(): string {
    if (!this.#baseUrl) throw new Error(`${this.#protocol.name} server not started`);
    return this.#baseUrl;
  }

  /** The most requests handled at once since the last reset: proof of overlap without a clock. */
  get maxInFlight(): number {
    return this.#maxInFlight;
  }

  /** Queues failures played before the responder, one per request. */
  failNext(...failures: Failure[]): void {
    this.#failures.push(...failures);
  }

  /**
   * Starts a fresh record between the steps of a test: forgets recorded requests and queued
   * failures, and restarts maxInFlight from the requests still being handled (a request still
   * hanging from an earlier step overlaps with the next ones). Responder, latency, key and port stay.
   */
  reset(): void {
    this.requests.length = 0;
    this.#failures.length = 0;
    this.#maxInFlight = this.#inFlight;
  }

  /** Drops pending timers and open connections (hanging ones included), then stops listening. */
  async close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    const server = this.#server;
    this.#server = null;
    this.#baseUrl = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#maxInFlight = Math.max(this.#maxInFlight, ++this.#inFlight);
    try {
      await this.#answer(req, res);
    } finally {
      this.#inFlight--;
    }
  }

  async #answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const headers = flattenHeaders(req);
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] ?? '',
      headers,
      body: parseJson(raw) ?? raw,
      receivedAt: Date.now(),
      status: null,
      requestId: null,
    };
    const index = this.requests.push(record) - 1;
    if (this.latencyMs > 0 && !(await this.#wait(this.latencyMs, res))) return;

    const protocol = this.#protocol;
    if (record.method !== 'POST' || record.path !== protocol.path) {
      return this.#sendFailure(res, record, { status: 404, message: `no route for ${record.method} ${record.path}` });
    }
    const headerFailure = protocol.checkHeaders(headers, this.#apiKey);
    if (headerFailure) return this.#sendFailure(res, record, headerFailure);
    const parsed = typeof record.body === 'string' ? 'body: invalid JSON' : protocol.parse(record.body);
    if (typeof parsed === 'string') return this.#sendFailure(res, record, { status: 400, message: parsed });

    const call: ChatCall = { ...parsed, protocol: protocol.name, index };
    let failure = this.#failures.shift() ?? null;
    let reply: Reply = '';
    if (!failure) {
      const answer = await this.respond(call);
      if (typeof answer === 'object' && 'fail' in answer) failure = answer.fail;
      else reply = answer;
    }
    if (failure === 'hang') return;
    if (failure === 'disconnect') {
      req.socket.destroy();
      return;
    }
    if (failure) return this.#sendFailure(res, record, failure);
    const shaped = shapeReply(call, reply);
    this.#send(res, record, 200, {}, () => protocol.successBody(shaped));
  }

  #sendFailure(res: ServerResponse, record: RecordedRequest | null, failure: StatusFailure): void {
    const extra: Record<string, string> = { ...failure.headers };
    const retryAfter = failure.retryAfter === undefined && failure.status === 429 ? 1 : failure.retryAfter;
    if (retryAfter !== undefined && retryAfter !== null) extra['retry-after'] = String(retryAfter);
    if (failure.retryAfterMs !== undefined) extra['retry-after-ms'] = String(failure.retryAfterMs);
    const message = failure.message ?? `scripted failure with status ${failure.status}`;
    this.#send(res, record, failure.status, extra, (requestId) =>
      this.#protocol.errorBody({ ...failure, message }, requestId),
    );
  }

  #send(
    res: ServerResponse,
    record: RecordedRequest | null,
    status: number,
    headers: Record<string, string>,
    body: (requestId: string) => unknown,
  ): void {
    if (res.destroyed) return;
    const requestId = `${this.#protocol.requestIdPrefix}${randomBytes(12).toString('hex')}`;
    const payload = JSON.stringify(body(requestId));
    if (record) {
      record.status = status;
      record.requestId = requestId;
    }
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      [this.#protocol.requestIdHeader]: requestId,
      ...headers,
    });
    res.end(payload);
  }

  /** Resolves true after `ms`, or false early if the client went away meanwhile. */
  #wait(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const onClose = (): void => {
        clearTimeout(timer);
        this.#timers.delete(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        res.off('close', onClose);
        resolve(true);
      }, ms);
      this.#timers.add(timer);
      res.once('close', onClose);
    });
  }
}

/** One token per whitespace-separated word: the servers' token rule, simple to assert on. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function echoLastUserMessage(call: ChatCall): string {
  const last = [...call.messages].reverse().find((m) => m.role === 'user');
  return `echo: ${last?.content ?? ''}`;
}

/** Applies the defaults and cuts the text at maxTokens words, as a real model stops at max_tokens. */
function shapeReply(call: ChatCall, reply: Reply): ShapedReply {
  const spec = typeof reply === 'string' ? { text: reply } : reply;
  const words = spec.text.split(/\s+/).filter(Boolean);
  const cut = call.maxTokens !== null && words.length > call.maxTokens;
  const text = cut ? words.slice(0, call.maxTokens ?? 0).join(' ') : spec.text;
  const prompt = [call.system ?? '', ...call.messages.map((m) => m.content)].join('\n');
  return {
    text,
    stop: spec.stopReason !== undefined ? { raw: spec.stopReason } : cut ? 'max_tokens' : 'end',
    inputTokens: spec.inputTokens ?? countWords(prompt),
    outputTokens: spec.outputTokens ?? countWords(text),
    model: spec.model ?? call.model,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
