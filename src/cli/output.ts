// Command output: human-readable lines and tables, or (with --json) exactly one JSON document on
// stdout and nothing else there. Warnings and errors go to stderr in both modes.
import type { CliIo } from './io.ts';

export type Cell = string | number | boolean | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined || v === '') return '-';
  return String(v);
}

/** Columns padded to their widest cell; the last column is not padded. */
export function renderTable(headers: string[], rows: Cell[][]): string {
  const text = [headers, ...rows.map((r) => r.map(cell))];
  const widths = headers.map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  return text
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n') + '\n';
}

export function renderFields(fields: Array<[string, Cell]>): string {
  const width = Math.max(...fields.map(([k]) => k.length));
  return fields.map(([k, v]) => `${k.padEnd(width)}  ${cell(v)}`).join('\n') + '\n';
}

export class Output {
  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** The command's result: the JSON document with --json, else whatever `human` prints. */
  result(value: unknown, human: () => void): void {
    if (this.json) this.io.stdout(JSON.stringify(value ?? null, null, 2) + '\n');
    else human();
  }

  line(text = ''): void {
    if (!this.json) this.io.stdout(text + '\n');
  }

  table(headers: string[], rows: Cell[][]): void {
    if (!this.json) this.io.stdout(renderTable(headers, rows));
  }

  fields(fields: Array<[string, Cell]>): void {
    if (!this.json) this.io.stdout(renderFields(fields));
  }

  warn(text: string): void {
    this.io.stderr(`warning: ${text}\n`);
  }
}
