// The one error family: a stable code clients can branch on, the HTTP status it maps to, and a
// message safe to show. The cause stays server-side (logs), never in a response.
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 501 | 503;

export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly details?: unknown;
  /** Seconds a client should wait before retrying (429). */
  readonly retryAfter?: number;

  constructor(
    code: string,
    message: string,
    status: ErrorStatus,
    opts: { cause?: unknown; details?: unknown; retryAfter?: number } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }

  toJSON(): { error: { code: string; message: string; details?: unknown; retry_after?: number } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
        ...(this.retryAfter === undefined ? {} : { retry_after: this.retryAfter }),
      },
    };
  }
}
