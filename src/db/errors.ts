// Maps database errors to AppError: RPC refusals carry 'lf_<code>' in DETAIL (ops.fail), everything
// else is classified by SQLSTATE. Messages of unknown errors are never passed through: they can
// contain SQL text or data.
import { AppError, type ErrorStatus } from '../core/app-error.ts';

interface PgErrorLike {
  code?: string;
  detail?: string;
  hint?: string;
  message?: string;
  constraint?: string;
}

// Status for each stable reason raised by the RPCs (db/migrations). Unlisted reasons fall back to
// their SQLSTATE class below.
const STATUS_BY_CODE: Record<string, ErrorStatus> = {
  not_authenticated: 401,
  forbidden: 403,
  act_as_forbidden: 403,
  voter_ineligible: 403,
  contender_cannot_vote: 403,
  invite_required: 403,
  guest_not_allowed: 403,
  not_a_contender: 403,
  not_found: 404,
  already_voted: 409,
  slug_taken: 409,
  already_invited: 409,
  battle_rate_limit_exceeded: 429,
  judging_mode_not_supported: 501,
};

const STATUS_BY_SQLSTATE: Record<string, ErrorStatus> = {
  '28000': 401,
  '42501': 403,
  P0002: 404,
  '23505': 409,
  '55000': 409,
  '54000': 429,
  '0A000': 501,
};

function statusForSqlstate(state: string): ErrorStatus | undefined {
  if (STATUS_BY_SQLSTATE[state]) return STATUS_BY_SQLSTATE[state];
  if (state.startsWith('22')) return 400; // data exception: bad value, out of range, bad encoding
  if (state === '23514' || state === '23502' || state === '23503' || state === '23P01') return 400;
  return undefined;
}

export function isPgError(err: unknown): err is PgErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as PgErrorLike).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((err as PgErrorLike).code!);
}

function retryAfterFrom(hint?: string): number | undefined {
  const m = hint?.match(/retry_after=(\d+)/);
  return m ? Number(m[1]) : undefined;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (!isPgError(err)) return new AppError('internal', 'internal error', 500, { cause: err });
  const state = err.code!;
  if (err.detail?.startsWith('lf_')) {
    const code = err.detail.slice(3);
    const status = STATUS_BY_CODE[code] ?? statusForSqlstate(state) ?? 400;
    return new AppError(code, err.message ?? code, status, { cause: err, retryAfter: retryAfterFrom(err.hint) });
  }
  const status = statusForSqlstate(state);
  if (!status) return new AppError('internal', 'internal error', 500, { cause: err });
  switch (state) {
    case '23505':
      return new AppError('conflict', `already exists${err.constraint ? ` (${err.constraint})` : ''}`, 409, { cause: err });
    case '23503':
      return new AppError('invalid_reference', `refers to something that does not exist${err.constraint ? ` (${err.constraint})` : ''}`, 400, { cause: err });
    case '23514':
    case '23502':
      return new AppError('invalid_input', `a value breaks a rule${err.constraint ? ` (${err.constraint})` : ''}`, 400, { cause: err });
    default:
      if (status === 400) return new AppError('invalid_input', 'a value is not valid', 400, { cause: err });
      return new AppError(status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'conflict', 'request refused', status, { cause: err });
  }
}
