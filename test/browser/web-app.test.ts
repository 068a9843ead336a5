// The web app's own checks that need no browser: its TypeScript (web/tsconfig.json, not covered by the
// root type-check), the per-voter order of blind entries, and the stale-build check `npm start` runs.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hash32, orderForViewer, positionLetter } from '../../web/src/battles/voter-order.ts';

describe('the web app', () => {
  it('type-checks (tsc -p web)', () => {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'web'], { stdio: 'pipe' });
  });

  it('orders blind entries the same way every time for one voter, and differently across voters', () => {
    const entries = [{ id: 'e-1' }, { id: 'e-2' }];
    const first = orderForViewer(entries, 'voter-1:battle-1').map((e) => e.id);
    expect(orderForViewer([...entries].reverse(), 'voter-1:battle-1').map((e) => e.id)).toEqual(first);
    // Over many voters both orders occur, close to half each.
    let aFirst = 0;
    for (let v = 0; v < 2000; v++) if (orderForViewer(entries, `voter-${v}:battle-1`)[0].id === 'e-1') aFirst++;
    expect(aFirst).toBeGreaterThan(850);
    expect(aFirst).toBeLessThan(1150);
    expect(hash32('abc')).toBe(hash32('abc'));
    expect([0, 1, 2].map(positionLetter)).toEqual(['A', 'B', 'C']);
  });

  it('npm start builds the web app only when it is missing or older than its sources', () => {
    const run = () => execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { encoding: 'utf8' });
    // globalSetup has just built it; if a source changed since (another edit), this run rebuilds and
    // the next one must find it fresh.
    const first = run();
    expect(first).toMatch(/dist\/web is up to date|built into dist\/web/);
    expect(run()).toContain('dist/web is up to date');
  });
});
