// docs/configuration.md documents every environment variable the config reads and every database
// setting the migrations read, with its default.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '../../src/config/config.ts';

const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/configuration.md'), 'utf8');
/** Table rows of the page: `| `NAME` … | default | meaning |`. */
const rows = new Map(
  doc.split('\n').flatMap((line) => {
    const m = /^\| `([^`]+)`(?: \/ `([^`]+)`)? \| ([^|]+) \|/.exec(line);
    return m ? [[m[1], m[3].trim()] as const, ...(m[2] ? [[m[2], m[3].trim()] as const] : [])] : [];
  }),
);

describe('docs/configuration.md', () => {
  it.each([...ENV_VARIABLES])('documents %s with its default', (name) => {
    expect(rows.get(name), `${name} has no row`).toBeDefined();
  });

  it('documents every app.* setting the migrations read, with a default', () => {
    const sql = readdirSync(path.join(root, 'db/migrations'))
      .map((f) => readFileSync(path.join(root, 'db/migrations', f), 'utf8'))
      .join('\n');
    const read = new Set([...sql.matchAll(/ops\.setting(?:_int)?\('(app\.[a-z_]+)'/g)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(3);
    for (const name of read) expect(rows.get(name), `${name} has no row`).toBeDefined();
  });
});
