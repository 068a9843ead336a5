import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deadUrl } from './harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

async function lf(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/lf.js', ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('bin/lf.js launcher', () => {
  it('node bin/lf.js --help runs the TypeScript CLI through tsx', async () => {
    const r = await lf(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: lf');
    expect(r.stdout).toContain('battle');
    expect(r.stdout).toContain('auth');
  });

  it('passes the exit code to the process (3 when the server is unreachable)', async () => {
    const url = await deadUrl();
    const r = await lf(['battle', 'list'], { API_URL: url, LF_CONFIG_DIR: path.join(root, '.lenserfight', 'no-such-config') });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(url);
  });
});
