// The API reference: the OpenAPI document at /api/docs/openapi.json and a readable page at /docs,
// both generated from the same zod schemas the routes validate with.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

type Doc = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

function fieldsOf(schema: unknown): string {
  const s = schema as { properties?: Record<string, { type?: unknown; enum?: unknown[] }>; required?: string[] } | undefined;
  if (!s?.properties) return '';
  return Object.entries(s.properties)
    .map(([name, p]) => {
      const type = p.enum ? p.enum.join(' | ') : Array.isArray(p.type) ? p.type.join('|') : String(p.type ?? 'any');
      const req = s.required?.includes(name) ? '' : '?';
      return `<code>${escape(name)}${req}</code> <small>${escape(type)}</small>`;
    })
    .join(', ');
}

export function renderDocsPage(doc: Doc): string {
  const rows: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, { summary?: string; deprecated?: boolean; requestBody?: { content?: Record<string, { schema?: unknown }> }; tags?: string[] }>)) {
      const body = op.requestBody?.content?.['application/json']?.schema;
      rows.push(
        `<tr${op.deprecated ? ' class="dep"' : ''}><td><b>${method.toUpperCase()}</b></td><td><code>${escape(path)}</code></td>` +
          `<td>${escape(op.summary ?? '')}${op.deprecated ? ' <em>(deprecated)</em>' : ''}</td><td>${fieldsOf(body)}</td></tr>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>LenserFight API</title><style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}
td{border-bottom:1px solid #ddd;padding:.4rem;vertical-align:top}code{background:#f3f3f3;padding:0 .2rem}.dep{opacity:.6}small{color:#555}</style></head>
<body><h1>LenserFight API <small>${escape(doc.info.version)}</small></h1>
<p>Machine-readable: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>. Send <code>Authorization: Bearer &lt;token&gt;</code>;
errors are <code>{"error":{"code","message"}}</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Body</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></body></html>`;
}

export function registerDocs(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const config = {
    openapi: '3.1.0',
    info: { title: 'LenserFight API', version: deps.version ?? '0.1.0', description: 'Battles, votes, judging and ratings.' },
  };
  app.doc31('/api/docs/openapi.json', config);
  app.get('/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document(config))));
}
