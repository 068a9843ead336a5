// The CLI's one error type and its exit codes (docs/cli.md lists them): every failure a command can
// meet ends as a CliError, and the exit code says which kind it was.
export const EXIT = {
  ok: 0,
  /** The API refused the request (its error code is printed). */
  refused: 1,
  /** The command line was wrong: unknown option, missing argument, bad value. */
  usage: 2,
  /** The server could not be reached (or did not answer in time). */
  unreachable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  /** Extra lines printed after the error, e.g. what to run next. */
  readonly hint?: string;
  /** HTTP status of an API refusal. */
  readonly status?: number;

  constructor(code: string, message: string, exitCode: ExitCode, opts: { hint?: string; status?: number; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCode;
    this.hint = opts.hint;
    this.status = opts.status;
  }
}

export function usageError(message: string, hint?: string): CliError {
  return new CliError('usage', message, EXIT.usage, { hint });
}
