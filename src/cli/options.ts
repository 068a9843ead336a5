// Shared option builders and argument parsers; a bad value is a usage error (exit 2) before any
// request is made.
import { InvalidArgumentError, Option } from 'commander';

export const jsonOption = () => new Option('--json', 'print machine-readable JSON only');

export function integer(min: number, max: number) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('not a whole number.');
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`must be between ${min} and ${max}.`);
    return n;
  };
}

/** Any date Date.parse reads (ISO 8601 recommended); sent as UTC ISO 8601. */
export function timestamp(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('not a date/time (use ISO 8601, e.g. 2030-01-31T18:00:00Z).');
  return new Date(ms).toISOString();
}
