// Property tests at the API edge: whatever body a client sends to any /rpc/<fn> route or REST POST
// route, as anon or signed in, the answer is never a 5xx, and every refusal is the JSON envelope.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPC_LIST } from '../../src/battles/rpc-catalog.ts';
import { createApiClient, expectEnvelope, votingBattle, battleArgs, type ApiResponse } from './api-client.ts';

// FUZZ_SCALE=10 runs ten times as many cases (a deeper local hunt); the default keeps the suite quick.
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

let api: Awaited<ReturnType<typeof createApiClient>>;
let token: string;
let knownIds: string[];
let routes: Route[];
let getRoutes: Array<{ path: string; query: string[] }>;

interface Route {
  /** Path template, e.g. /api/battles/{battle_id}/votes. */
  path: string;
  /** The JSON schema of the body, as the OpenAPI document states it. */
  body: JsonSchema;
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

beforeAll(async () => {
  api = await createApiClient();
  const me = await api.user();
  token = me.token;
  // Real ids make generated bodies reach the database instead of stopping at "not found".
  const voting = await votingBattle(api);
  const draft = (await api.post('/api/battles', battleArgs(), { token })).body as string;
  const open = (await api.post('/api/battles', battleArgs(), { token })).body as string;
  await api.post(`/api/battles/${open}/publish`, undefined, { token });
  knownIds = [voting.id, ...voting.contenders, draft, open, me.id];

  // Every POST route of the OpenAPI document: each /rpc/<fn> and the REST routes.
  const doc = (await api.get('/api/docs/openapi.json')).body;
  routes = Object.entries<any>(doc.paths)
    .filter(([, item]) => item.post)
    .map(([path, item]) => ({ path, body: item.post.requestBody?.content?.['application/json']?.schema ?? { type: 'object', properties: {} } }));
  for (const def of RPC_LIST) expect(routes.map((r) => r.path)).toContain(`/rpc/${def.name}`);
  getRoutes = Object.entries<any>(doc.paths)
    .filter(([path, item]) => item.get && path.startsWith('/api/battles'))
    .map(([path, item]) => ({ path, query: (item.get.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name) }));
  expect(getRoutes.length).toBeGreaterThan(5);
  expect(routes.length).toBeGreaterThan(RPC_LIST.length + 20);
});
afterAll(async () => {
  await api.db.destroy();
});

const DRAFT_KEYS = ['title', 'task_prompt', 'rubric_id', 'task_source', 'contender_structure', 'judging_mode', 'challenge_type',
  'voter_eligibility', 'max_contenders', 'content_type', 'voting_opens_at', 'voting_closes_at', 'handicap_config', 'workflow_id'];
const ENUM_VALUES = ['draft', 'open', 'voting', 'published', 'archived', 'ai_vs_ai', 'human_vs_human', 'human_vs_ai', 'lens',
  'workflow', 'challenge', 'community_vote', 'ai_judge', 'rubric_score', 'auto_score', 'open', 'lenser_only', 'verified_lenser',
  'human_only', 'ai_only', 'contender_a', 'contender_b', 'draw', 'text', 'code', 'link', 'manual', 'execution_output',
  'math_calculation', 'scripted', 'ai_model'];
const NASTY_STRINGS = ['\u0000', 'a\u0000b', '', '   ', "'; drop table battles.battles; --", '%s%n%x', '\\x00', '\ud800', '\uffff',
  '💥'.repeat(50), 'select 1', 'null', '1e999', 'NaN', '-infinity', 'infinity', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z',
  '294277-01-01T00:00:00Z', '1970-01-01T00:00:00+25:00', '00000000-0000-0000-0000-000000000000', 'x'.repeat(300), 'a'.repeat(5001)];
const NASTY_NUMBERS = [0, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e21, 1e308, -1e308, 5e-324];
// Number texts JSON.stringify cannot produce: overflow to Infinity, or beyond double precision.
const RAW_NUMBERS = ['1e999', '-1e999', '123456789012345678901234567890', '-0', '1E-400', '0.1e1'];

const leaf = (ids: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(...NASTY_NUMBERS)) },
    { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null)) },
    { weight: 2, arbitrary: fc.constantFrom(...ENUM_VALUES) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
    { weight: 1, arbitrary: fc.oneof(fc.emailAddress(), fc.webUrl()) },
  );

const value = (ids: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: leaf(ids) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(fc.dictionary(fc.string({ maxLength: 8 }), leaf(ids), { maxKeys: 4 }), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...DRAFT_KEYS), fc.string({ maxLength: 8 })), leaf(ids), { maxKeys: 4 }) },
  );

const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());

/** A value the schema accepts (mostly), so the body gets past validation and reaches the SQL. */
function fromSchema(schema: JsonSchema | undefined, ids: string[], key = '', depth = 0): fc.Arbitrary<unknown> {
  // The draft patch is free-form JSON in the schema; its fields are the draft's columns.
  if (key === 'patch') {
    const field = (k: string) => fc.oneof({ weight: 3, arbitrary: fromSchema(DRAFT_FIELD_SCHEMAS[k], ids, k, depth + 1) }, { weight: 1, arbitrary: leaf(ids) });
    return fc.record(Object.fromEntries(DRAFT_KEYS.map((k) => [k, field(k)])), { requiredKeys: [] });
  }
  if (!schema || depth > 3) return leaf(ids);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  const options: fc.Arbitrary<unknown>[] = [];
  if (types.includes('null')) options.push(fc.constant(null));
  if (types.includes('string')) {
    if (schema.format === 'uuid') options.push(fc.oneof(fc.constantFrom(...ids), fc.uuid()));
    else if (schema.format === 'email') options.push(fc.emailAddress());
    else if (schema.format === 'date-time') options.push(isoDate);
    else if (schema.format === 'uri') options.push(fc.webUrl());
    else if (schema.pattern) options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((v) => v.length <= (schema.maxLength ?? 200)));
    else options.push(fc.string({ unit: 'binary', minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 60, 60)) }));
  }
  const lo = Math.max(schema.minimum ?? -1000, -1e6) - 1;
  const hi = Math.min(schema.maximum ?? 1000, 1e6) + 1;
  if (types.includes('integer')) options.push(fc.integer({ min: lo, max: hi }));
  if (types.includes('number')) options.push(fc.double({ min: lo, max: hi, noNaN: true }));
  if (types.includes('boolean')) options.push(fc.boolean());
  if (types.includes('array')) {
    const items = schema.items?.enum ? fc.subarray(schema.items.enum) : fc.array(fromSchema(schema.items, ids, '', depth + 1), { maxLength: 4 });
    options.push(items);
  }
  if (types.includes('object')) {
    if (schema.properties) {
      const props = Object.entries(schema.properties).map(([k, v]) => [k, fromSchema(v, ids, k, depth + 1)] as const);
      options.push(fc.record(Object.fromEntries(props), { requiredKeys: (schema.required ?? []).filter((k) => k in schema.properties!) }));
    } else {
      options.push(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }));
    }
  }
  return options.length ? fc.oneof(...options) : leaf(ids);
}

// Draft fields as fn_battles_update_draft reads them (db/migrations/0008_battles_create.sql).
const DRAFT_FIELD_SCHEMAS: Record<string, JsonSchema> = {
  title: { type: 'string', minLength: 1, maxLength: 200 },
  task_prompt: { type: 'string', minLength: 1, maxLength: 500 },
  rubric_id: { type: 'string', format: 'uuid' },
  task_source: { enum: ['lens', 'workflow', 'challenge', 'elsewhere'] },
  contender_structure: { enum: ['ai_vs_ai', 'human_vs_human', 'human_vs_ai', 'solo'] },
  judging_mode: { enum: ['community_vote', 'ai_judge', 'rubric_score', 'auto_score', 'coin_flip'] },
  challenge_type: { type: 'string', pattern: '^[a-z][a-z0-9_]{1,20}$' },
  voter_eligibility: { enum: ['open', 'lenser_only', 'verified_lenser', 'human_only', 'ai_only', 'nobody'] },
  max_contenders: { type: 'integer', minimum: 1, maximum: 30 },
  content_type: { enum: ['text', 'code', 'markdown', 'image', 'video', 'audio', 'link', 'smell'] },
  voting_opens_at: { type: 'string', format: 'date-time' },
  voting_closes_at: { type: 'string', format: 'date-time' },
  handicap_config: { type: ['object', 'array', 'string', 'null'] },
  workflow_id: { type: 'string', format: 'uuid' },
};

const toJson = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return 'null';
  }
};

/** A JSON text for a route: shaped like its arguments, or anything at all. */
function jsonBody(route: Route, ids: string[]): fc.Arbitrary<string> {
  const props = route.body.properties ?? {};
  const keys = Object.keys(props);
  const someKey = keys.length ? fc.constantFrom(...keys) : fc.string({ maxLength: 8 });
  const wellFormed = fc.record(
    Object.fromEntries(
      keys.map((k) => [
        k,
        fc.oneof(
          { weight: 12, arbitrary: fromSchema(props[k], ids, k) },
          { weight: 1, arbitrary: value(ids) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
      ]),
    ),
  );
  return fc.oneof(
    // Mostly well-formed arguments with the odd hostile one: these reach the SQL functions.
    { weight: 6, arbitrary: wellFormed.map(toJson) },
    { weight: 3, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, value(ids)])), { requiredKeys: [] }).map(toJson) },
    { weight: 1, arbitrary: fc.jsonValue().map(toJson) },
    { weight: 1, arbitrary: fc.object().map(toJson) },
    { weight: 1, arbitrary: fc.anything({ withBigInt: false }).map(toJson) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), value(ids), { maxKeys: 5 }).map(toJson) },
    { weight: 1, arbitrary: fc.tuple(someKey, fc.constantFrom(...RAW_NUMBERS)).map(([k, n]) => `{${JSON.stringify(k)}: ${n}}`) },
  );
}

function concretePath(template: string, ids: string[]): fc.Arbitrary<string> {
  if (!template.includes('{')) return fc.constant(template);
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s) || 'x') },
    )
    .map((id) => template.replace(/\{\w+\}/g, id));
}

function describeFailure(method: string, path: string, body: string | Uint8Array, res: ApiResponse): string {
  const shown = typeof body === 'string' ? body.slice(0, 500) : `<${body.length} bytes>`;
  return `${method} ${path} ${shown} -> ${res.status} ${res.text.slice(0, 500)}`;
}

/** The property every answer keeps: below 500, and the error envelope whenever it refuses. */
function checkAnswer(res: ApiResponse, what: string): void {
  if (res.status >= 500) throw new Error(`5xx: ${what}`);
  if (res.status >= 400) {
    try {
      expectEnvelope(res);
    } catch (err) {
      throw new Error(`not the error envelope: ${what}\n${(err as Error).message}`, { cause: err });
    }
  }
}

async function send(path: string, body: string | Uint8Array, opts: { token?: string; contentType?: string }) {
  const headers: Record<string, string> = {};
  if (opts.contentType) headers['content-type'] = opts.contentType;
  const res = await api.request('POST', path, { raw: body, token: opts.token, headers });
  checkAnswer(res, describeFailure('POST', path, body, res));
  return res;
}

const routeArb = () => fc.constantFrom(...routes);

describe('random bodies never produce a 5xx', () => {
  it('JSON bodies to every route as anon', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeArb().chain((r) => fc.tuple(concretePath(r.path, knownIds), jsonBody(r, knownIds))),
        async ([path, body]) => {
          await send(path, body, { contentType: 'application/json' });
        },
      ),
      { numRuns: 120 * SCALE },
    );
  });

  it('JSON bodies to every route as a signed-in user', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeArb().chain((r) => fc.tuple(concretePath(r.path, knownIds), jsonBody(r, knownIds))),
        async ([path, body]) => {
          await send(path, body, { token, contentType: 'application/json' });
        },
      ),
      { numRuns: 180 * SCALE },
    );
  });

  it('raw, non-JSON bodies with any content type', async () => {
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.constantFrom('', ' ', '{', '}', 'null', 'true', '1', '"x"', '[]', '{}}', '\u0000', '\ufeff{}', '{"a":1', 'a=1&b=2',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'),
    );
    const contentType = fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/octet-stream');
    await fc.assert(
      fc.asyncProperty(
        routeArb().chain((r) => concretePath(r.path, knownIds)),
        raw,
        contentType,
        fc.boolean(),
        async (path, body, type, signedIn) => {
          await send(path, body, { token: signedIn ? token : undefined, contentType: type });
        },
      ),
      { numRuns: 100 * SCALE },
    );
  });
});

describe('random query strings never produce a 5xx', () => {
  it('on every GET read route, as anon and signed in', async () => {
    const queryValue = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(...NASTY_STRINGS, ...RAW_NUMBERS, ...ENUM_VALUES, 'results', 'open,voting', ',,', '-1', '0', '101', '999999999999'),
      isoDate,
      fc.uuid(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...getRoutes).chain((r) =>
          fc.tuple(
            concretePath(r.path, knownIds),
            fc.dictionary(fc.oneof(fc.constantFrom(...(r.query.length ? r.query : ['x'])), fc.string({ maxLength: 6 })), queryValue, { maxKeys: 4 }),
          ),
        ),
        fc.boolean(),
        async ([path, query], signedIn) => {
          const url = `${path}?${new URLSearchParams(query).toString()}`;
          const res = await api.get(url, { token: signedIn ? token : undefined });
          checkAnswer(res, `GET ${url} -> ${res.status} ${res.text.slice(0, 300)}`);
        },
      ),
      { numRuns: 80 * SCALE },
    );
  });
});

describe('every route against a fixed set of hostile bodies', () => {
  // Deterministic companions to the random runs: each route sees each of these at least once.
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const hostile = (keys: string[]): string[] => {
    const all = (v: string) => `{${keys.map((k) => `"${k}": ${v}`).join(', ')}}`;
    return [
      '{}',
      all('"\\u0000"'),
      all('1e999'),
      all('{"a": {"b": [1, "\\u0000"]}}'),
      all(nested(10_000)),
      `{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}`,
    ];
  };

  it('answers each with a status below 500 and the envelope on refusals, anon and signed in', async () => {
    for (const route of routes) {
      for (const body of hostile(Object.keys(route.body.properties ?? {}))) {
        for (const who of [undefined, token]) {
          const path = route.path.replace(/\{\w+\}/g, knownIds[0]);
          await send(path, body, { token: who, contentType: 'application/json' });
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses deeply nested JSON with 400 invalid_input (regression: a 500 from JSON.stringify overflowing)', async () => {
    const deep = `{"title": "t", "slug": "deep-nesting", "task_prompt": "p", "handicap_config": {"a": ${nested(10_000)}}}`;
    const res = await send('/rpc/fn_battles_create', deep, { token, contentType: 'application/json' });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    const rest = await send('/api/battles', deep, { token, contentType: 'application/json' });
    expect(rest.status, rest.text).toBe(400);
  });
});
