// What the CLI touches outside itself, behind one interface so tests can run it in-process: output
// streams, environment, stdin, the hidden password prompt, fetch and the host name.
import os from 'node:os';
import { CliError, EXIT } from './errors.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** All of stdin as text (for --password-stdin, --file - and --prompt-file -). */
  readStdin(): Promise<string>;
  /** Asks for a secret without echoing it; absent when stdin is not a terminal. */
  promptHidden?: (question: string) => Promise<string>;
  fetch: typeof fetch;
  hostname(): string;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHiddenOnTty(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new CliError('cancelled', 'cancelled', EXIT.usage));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    process.stderr.write(question);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    readStdin: () => readAll(process.stdin),
    promptHidden: process.stdin.isTTY ? promptHiddenOnTty : undefined,
    fetch: (input, init) => fetch(input, init),
    hostname: () => os.hostname(),
  };
}
