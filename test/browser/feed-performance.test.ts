// The feed with 1,000 battles in the database: how long from navigation start until the first screen
// of cards is on the page (the lf:feed-first-screen performance mark), measured in chromium on the
// embedded database. The figure is printed and written to test-artifacts/feed-timing.json; the only
// bound asserted is a loose one so a broken page cannot hang the run. Also: infinite scroll walks
// the keyset cursor without repeats, and the axis filters narrow the feed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/actors.ts';
import { openPage, screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const BATTLES = 1000;
const suite = useServerAndBrowser();

beforeAll(async () => {
  const creator = await makeUser(suite.server.db, 'feed_seeder');
  // Straight into the table: the axes cycle through the 12 valid combinations that need no rubric or
  // challenge type, and each block of 12 takes the next status (open, voting, published); one battle
  // a minute into the past.
  await suite.server.db.query(
    `insert into battles.battles (creator_lenser_id, principal_id, title, slug, task_prompt, status, battle_type,
       task_source, contender_structure, judging_mode, voting_closes_at, total_vote_count, created_at)
     select $1, $1, 'Seeded battle number ' || g, 'seeded-battle-' || g, 'Write the best answer to task ' || g,
            (array['open', 'voting', 'published'])[1 + (g / 12) % 3]::battles.battle_status_enum,
            c.battle_type, c.task_source, c.contender_structure, c.judging_mode,
            case when (g / 12) % 3 = 1 then now() + interval '2 days' end, g % 7, now() - g * interval '1 minute'
       from generate_series(1, $2::integer) g
       cross join lateral (
         select * from battles.axes_combinations
          where battle_type is not null and judging_mode in ('community_vote', 'ai_judge')
          order by task_source, contender_structure, judging_mode
          offset g % 12 limit 1) c`,
    [creator.id, BATTLES],
  );
  const { rows } = await suite.server.db.query<{ n: number }>('select count(*)::int as n from battles.battles');
  expect(rows[0].n).toBe(BATTLES);
});

/** Milliseconds from navigation start to the first screen of feed cards, in a fresh browser context. */
async function measureFirstScreen(): Promise<{ ms: number; cards: number; breakdown: Record<string, number | undefined> }> {
  const page = await openPage(suite.browser, suite.server.url);
  try {
    await page.goto('/', { waitUntil: 'commit' });
    await page.waitForSelector('html[data-feed-ready]', { timeout: 10_000 });
    const ms = await page.evaluate(() => performance.getEntriesByName('lf:feed-first-screen')[0]?.startTime ?? NaN);
    const cards = await page.getByTestId('battle-card').count();
    const breakdown = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const feed = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/battles?')) as PerformanceResourceTiming | undefined;
      const js = performance.getEntriesByType('resource').find((r) => /assets\/index-.*\.js$/.test(r.name)) as PerformanceResourceTiming | undefined;
      return { html_ms: Math.round(nav.responseEnd), dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd), app_js_ms: js && Math.round(js.responseEnd), feed_request_start_ms: feed && Math.round(feed.startTime), feed_response_end_ms: feed && Math.round(feed.responseEnd) };
    });
    return { ms, cards, breakdown };
  } finally {
    await page.context().close();
  }
}

describe('the feed with 1,000 battles', () => {
  it('renders the first screen of cards; the time from navigation start is reported', async () => {
    const runs: number[] = [];
    const breakdowns: Array<Record<string, number | undefined>> = [];
    let cards = 0;
    // The first load meets a server that has not answered a feed query yet; the others are warm.
    for (let i = 0; i < 5; i++) {
      const r = await measureFirstScreen();
      runs.push(Math.round(r.ms));
      breakdowns.push(r.breakdown);
      cards = r.cards;
    }
    const sorted = [...runs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`feed first screen: ${runs[0]} ms (first load), median ${median} ms over ${runs.length} fresh loads, with ${BATTLES} battles (${cards} cards on the first screen)`);
    mkdirSync(path.resolve('test-artifacts'), { recursive: true });
    writeFileSync(path.resolve('test-artifacts/feed-timing.json'), `${JSON.stringify({
      measured_at: new Date().toISOString(), battles: BATTLES, first_screen_cards: cards,
      first_load_ms: runs[0], median_ms: median, runs_ms: runs, breakdowns,
      what: 'performance mark lf:feed-first-screen (startTime, ms since navigation start) in Debian chromium, fresh browser context per load, embedded PGlite',
    }, null, 2)}\n`);
    expect(cards).toBe(20);
    // The figure is reported, not asserted (speed is measured, not tested); a hang fails at the wait above.
    expect(runs.every(Number.isFinite)).toBe(true);
  });

  it('loads the next pages on scroll along the keyset cursor, never repeating a battle', async () => {
    const page = await openPage(suite.browser, suite.server.url);
    await page.goto('/?status=voting');
    await page.getByTestId('battle-card').first().waitFor();
    for (let expected = 40; expected <= 80; expected += 20) {
      await page.locator('.feed-sentinel').scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="battle-card"]').length >= n, expected);
    }
    const titles = await page.locator('[data-testid="battle-card"] h2').allInnerTexts();
    expect(titles.length).toBeGreaterThanOrEqual(80);
    expect(new Set(titles).size).toBe(titles.length);
    // Newest first: seeded battle numbers grow as creation times go back.
    const numbers = titles.map((t) => Number(t.replace(/\D+/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers.every((n) => Math.floor(n / 12) % 3 === 1)).toBe(true);
    await page.context().close();
  });

  it('narrows the feed by the three axes and says so when nothing matches', async () => {
    const page = await openPage(suite.browser, suite.server.url);
    await page.goto('/?status=open');
    await page.getByTestId('battle-card').first().waitFor();
    // On a wide screen the filters are always shown; the phone toggle stays hidden.
    expect(await page.getByRole('button', { name: /^Filters/ }).isVisible()).toBe(false);
    await page.getByLabel('Judging').selectOption('ai_judge');
    await page.waitForURL(/judging_mode=ai_judge/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="battle-card"]')].length > 0
      && [...document.querySelectorAll('[data-testid="battle-card"]')].every((c) => c.textContent!.includes('AI judge')));
    await page.getByLabel('Contenders').selectOption('ai_vs_ai');
    await page.getByLabel('Task').selectOption('workflow');
    await page.waitForURL(/task_source=workflow/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="battle-card"]')].length > 0
      && [...document.querySelectorAll('[data-testid="battle-card"]')].every((c) => /Workflow[\s\S]*AI vs AI[\s\S]*AI judge/.test(c.textContent!)));
    await screenshot(page, 'feed-filtered');
    await page.getByLabel('Judging').selectOption('auto_score');
    await page.getByText('No battles match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByTestId('battle-card').first().waitFor();
    await screenshot(page, 'feed-1000');
    expect(page.jsErrors).toEqual([]);
    await page.context().close();
  });

  it('shows an error state with a working retry when the feed cannot be loaded', async () => {
    const page = await openPage(suite.browser, suite.server.url);
    let fail = true;
    await page.route('**/api/battles?*', (route) => (fail
      ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'the database is down' } }) })
      : route.continue()));
    await page.goto('/');
    await page.getByText('The feed could not be loaded').waitFor();
    await page.getByText('The database is down').waitFor();
    await screenshot(page, 'feed-error');
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('battle-card').first().waitFor();
    await page.context().close();
  });
});
