import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOC, renderRouteTable, withRouteTable } from '../../scripts/api-doc.ts';

describe('docs/api.md', () => {
  it('lists exactly the routes the app serves (run `npx tsx scripts/api-doc.ts` to refresh)', () => {
    const current = readFileSync(API_DOC, 'utf8');
    expect(current).toBe(withRouteTable(current, renderRouteTable()));
  });
});
