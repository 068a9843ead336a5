// One JSON error envelope for every failure: {error: {code, message}}. Stacks and SQL stay in the log.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../core/app-error.ts';
import { toAppError } from '../db/errors.ts';
import type { AppEnv } from './context.ts';

export function normalizeError(err: unknown): AppError {
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return new AppError('payload_too_large', 'request body is too large', 413, { cause: err });
    if (status === 400) return new AppError('invalid_input', 'malformed request body', 400, { cause: err });
    if (status === 401) return new AppError('not_authenticated', 'sign in first', 401, { cause: err });
    return new AppError('http_error', err.message || 'request refused', status as AppError['status'], { cause: err });
  }
  if (err instanceof SyntaxError) return new AppError('invalid_input', 'malformed JSON body', 400, { cause: err });
  return toAppError(err);
}

export function errorResponse(c: Context<AppEnv>, err: unknown): Response {
  const appErr = normalizeError(err);
  const log = c.get('logger');
  if (appErr.status >= 500) log?.error({ err: appErr.cause ?? appErr, code: appErr.code }, 'request failed');
  else log?.debug({ code: appErr.code, status: appErr.status }, appErr.message);
  if (appErr.retryAfter !== undefined) c.header('Retry-After', String(appErr.retryAfter));
  return c.json(appErr.toJSON(), appErr.status);
}
