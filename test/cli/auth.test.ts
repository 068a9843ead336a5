import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, removeConfigDirs, signUp, startApi, type ApiServer } from './harness.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
  removeConfigDirs();
});

const credsFile = (dir: string) => path.join(dir, 'credentials.json');

describe('lf auth', () => {
  it('login stores a personal API token (mode 0600), never the password, and whoami works with it', async () => {
    const ann = await signUp(api.url, 'ann_cli');
    const r = await login(ann);
    const out = r.json();
    expect(out).toMatchObject({ handle: 'ann_cli', profile_id: ann.id, token_name: 'lf-cli@test-host', api_url: api.url });
    expect(r.stdout + r.stderr).not.toContain(ann.password);

    const file = credsFile(ann.configDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain(ann.password);
    const stored = JSON.parse(raw);
    expect(stored.token).toMatch(/^lf_pat_/);
    expect(stored.token_id).toBe(out.token_id);

    const who = await ann.run(['auth', 'whoami', '--json']);
    expect(who.code).toBe(0);
    expect(who.json()).toMatchObject({ id: ann.id, handle: 'ann_cli', kind: 'human' });

    const human = await ann.run(['auth', 'whoami']);
    expect(human.stdout).toMatch(/handle\s+@ann_cli/);
    expect(human.stdout).toContain(api.url);
  });

  it('logout revokes the token on the server and deletes the file; the old token is refused', async () => {
    const bo = await signUp(api.url, 'bo_cli');
    await login(bo);
    const saved = readFileSync(credsFile(bo.configDir), 'utf8');

    const out = await bo.run(['auth', 'logout', '--json']);
    expect(out.code).toBe(0);
    expect(out.json()).toMatchObject({ signed_out: true, token_revoked: true });
    expect(existsSync(credsFile(bo.configDir))).toBe(false);

    const anon = await bo.run(['auth', 'whoami']);
    expect(anon.code).toBe(1);
    expect(anon.stderr).toContain('error not_authenticated:');
    expect(anon.stderr).toContain('lf auth login');

    // Put the old token back: the server now refuses it.
    writeFileSync(credsFile(bo.configDir), saved, { mode: 0o600 });
    const revoked = await bo.run(['auth', 'whoami']);
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/^error invalid_token: /);
  });

  it('a wrong password is refused with exit 1 and invalid_credentials', async () => {
    const cy = await signUp(api.url, 'cy_cli');
    const r = await cy.run(['auth', 'login', '--email', cy.email, '--password-stdin'], { stdin: 'not-the-password\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error invalid_credentials: /);
    expect(existsSync(credsFile(cy.configDir))).toBe(false);
  });

  it('login --token stores a given personal token; logout warns that it could not revoke it', async () => {
    const di = await signUp(api.url, 'di_cli');
    const first = await login(di);
    const token = JSON.parse(readFileSync(credsFile(di.configDir), 'utf8')).token as string;
    expect(first.code).toBe(0);

    const other = await signUp(api.url, 'di_other');
    const r = await other.run(['auth', 'login', '--token', token]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('as @di_cli');
    const out = await other.run(['auth', 'logout']);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('not revoked');
    // The first login's token still works.
    expect((await di.run(['auth', 'whoami', '--json'])).json().handle).toBe('di_cli');
  });

  it('signing in again replaces and revokes the previous token', async () => {
    const ed = await signUp(api.url, 'ed_cli');
    await login(ed);
    const old = JSON.parse(readFileSync(credsFile(ed.configDir), 'utf8')).token as string;
    await login(ed);
    const res = await fetch(`${api.url}/api/auth/me`, { headers: { authorization: `Bearer ${old}` } });
    expect(res.status).toBe(401);
    expect((await ed.run(['auth', 'whoami', '--json'])).json().handle).toBe('ed_cli');
  });

  it('usage errors exit 2: no password source, and --token with --email', async () => {
    const fa = await signUp(api.url, 'fa_cli');
    const none = await fa.run(['auth', 'login', '--email', fa.email]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no password given');
    const both = await fa.run(['auth', 'login', '--email', fa.email, '--token', 'lf_pat_x']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be used with');
  });
});
