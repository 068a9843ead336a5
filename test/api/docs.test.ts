// The API reference: /api/docs/openapi.json is an OpenAPI 3.1 document listing every /rpc/<fn> of
// the RPC catalog and the REST routes; /docs renders it as HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPC_LIST } from '../../src/battles/rpc-catalog.ts';
import { createApiClient } from './api-client.ts';

let api: Awaited<ReturnType<typeof createApiClient>>;
let doc: any;
beforeAll(async () => {
  api = await createApiClient();
  const res = await api.get('/api/docs/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => {
  await api.db.destroy();
});

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const REST_ROUTES: Array<[string, string]> = [
  ['get', '/health'],
  ['post', '/api/auth/signup'],
  ['post', '/api/auth/login'],
  ['post', '/api/auth/guest'],
  ['get', '/api/auth/me'],
  ['post', '/api/auth/tokens'],
  ['get', '/api/auth/tokens'],
  ['delete', '/api/auth/tokens/{id}'],
  ['get', '/api/battles'],
  ['post', '/api/battles'],
  ['get', '/api/battles/by-slug/{slug}'],
  ['get', '/api/battles/{battle_id}'],
  ['delete', '/api/battles/{battle_id}'],
  ['get', '/api/battles/{battle_id}/leaderboard'],
  ['get', '/api/battles/{battle_id}/eligibility'],
  ['get', '/api/battles/{battle_id}/comments'],
  ['post', '/api/battles/{battle_id}/comments'],
  ['get', '/api/battles/{battle_id}/messages'],
  ['post', '/api/battles/{battle_id}/messages'],
  ...['publish', 'open', 'retract', 'start-execution', 'open-voting', 'close-voting', 'start-scoring', 'finalize', 'close',
    'publish-results', 'archive', 'cancel', 'join', 'withdraw', 'ai-contenders', 'invitations', 'submissions', 'votes', 'clone',
    'template', 'draft'].map((action): [string, string] => ['post', `/api/battles/{battle_id}/${action}`]),
  ['post', '/api/battles/from-template'],
  ['post', '/api/rubrics'],
  ['post', '/api/invitations/accept'],
];

function resolve(ref: string): unknown {
  expect(ref).toMatch(/^#\//);
  return ref
    .slice(2)
    .split('/')
    .reduce<any>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe('GET /api/docs/openapi.json', () => {
  it('is an OpenAPI 3.1 document with info and paths', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.paths).length).toBeGreaterThan(RPC_LIST.length);
  });

  it('is well formed: every operation has responses, every path parameter is declared, every $ref resolves', () => {
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      expect(path).toMatch(/^\//);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries<any>(item)) {
        expect(METHODS, `${method} ${path}`).toContain(method);
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [status, response] of Object.entries<any>(op.responses)) {
          expect(status, `${method} ${path}`).toMatch(/^[1-5]\d\d$|^default$/);
          expect(response.description ?? resolve(response.$ref), `${method} ${path} ${status}`).toBeTruthy();
        }
        const declared = (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name).sort();
        expect(declared, `${method} ${path}`).toEqual(templated);
        for (const p of op.parameters ?? []) if (p.in === 'path') expect(p.required, `${method} ${path} ${p.name}`).toBe(true);
      }
    }
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolve(ref), ref).toBeTypeOf('object');
    const ids = Object.values<any>(doc.paths).flatMap((item) => Object.values<any>(item).map((op) => op.operationId)).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every /rpc/<fn> of the RPC catalog as a POST with its named arguments', () => {
    for (const def of RPC_LIST) {
      const op = doc.paths[`/rpc/${def.name}`]?.post;
      expect(op, def.name).toBeDefined();
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const resolved = schema?.$ref ? resolve(schema.$ref) : schema;
      expect(Object.keys((resolved as any)?.properties ?? {}).sort(), def.name).toEqual(Object.keys(def.params).sort());
      expect(op.deprecated ?? false, def.name).toBe(def.deprecated ?? false);
    }
    const rpcPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/rpc/'));
    expect(rpcPaths.sort()).toEqual(RPC_LIST.map((d) => `/rpc/${d.name}`).sort());
  });

  it('lists the REST routes', () => {
    for (const [method, path] of REST_ROUTES) expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    expect(doc.paths['/api/battles/{battle_id}/votes'].post.summary).toContain('fn_submit_vote');
  });

  it('documents the error envelope on the error statuses', () => {
    const op = doc.paths['/api/battles'].post;
    for (const status of ['400', '401', '403', '404', '409', '429']) {
      const schema = op.responses[status].content['application/json'].schema;
      const resolved: any = schema.$ref ? resolve(schema.$ref) : schema;
      expect(resolved.properties.error.required).toEqual(expect.arrayContaining(['code', 'message']));
    }
  });
});

describe('GET /docs', () => {
  it('is an HTML page naming every route', async () => {
    const res = await api.get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toMatch(/^<!doctype html>/i);
    expect(res.text).toContain('/api/docs/openapi.json');
    for (const def of RPC_LIST) expect(res.text).toContain(`/rpc/${def.name}`);
    for (const [, path] of REST_ROUTES) expect(res.text).toContain(path);
  });
});
