// The whole life of a battle in a real browser: a creator signs up and builds a battle in the wizard,
// two contenders join and submit, the creator opens voting, a fourth person votes blind (names hidden
// before, shown after, nothing moves), the creator decides and publishes, and the results (with the
// ELO changes), leaderboard, profile, token and sign-in pages show the outcome. Screenshots of each page go to test-artifacts/screenshots.
import { describe, expect, it } from 'vitest';
import { recomputeLeaderboards } from '../../src/ratings/leaderboard-job.ts';
import { lowContrastText, openPage, pageText, screenshot, signUpInUi, type TestPage } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();
const pages: TestPage[] = [];

async function page(opts?: { width?: number; height?: number; colorScheme?: 'light' | 'dark' }): Promise<TestPage> {
  const p = await openPage(suite.browser, suite.server.url, opts);
  pages.push(p);
  return p;
}

/** datetime-local value for a time `days` from now (the browser runs in UTC, see openPage). */
function localInput(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
}

const TITLE = 'Haiku about the sea at night';
const TASK = [
  'Write a **haiku** (5-7-5) about the sea at night.',
  '',
  'Count syllables like this:',
  '',
  '```python',
  'def syllables(line: str) -> int:',
  '    return sum(1 for ch in line if ch in "aeiou")',
  '```',
].join('\n');

describe('a battle from creation to results, in the browser', () => {
  let slug = '';
  let creator: TestPage;
  const creatorHandle = 'cora_creator';

  it('shows the empty feed and the sign-in page to a visitor', async () => {
    const visitor = await page();
    await visitor.goto('/');
    await visitor.getByRole('heading', { name: 'Battles', level: 1 }).waitFor();
    await visitor.getByText('No battles are open for entries').waitFor();
    await screenshot(visitor, 'feed-empty');
    await visitor.goto('/signin');
    await visitor.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(visitor, 'sign-in');
  });

  it('lets a creator sign up and build a battle in the wizard, saving a draft at every step', async () => {
    creator = await page();
    await signUpInUi(creator, creatorHandle, 'Cora Creator');
    await creator.getByRole('link', { name: /Create/ }).first().click();
    await creator.getByRole('heading', { name: /Step 1 of 6/ }).waitFor();

    // Only valid combinations are selectable: human vs human rules out lens and workflow tasks.
    expect(await creator.locator('#axis-taskSource-lens').isDisabled()).toBe(true);
    expect(await creator.locator('#axis-taskSource-workflow').isDisabled()).toBe(true);
    expect(await creator.locator('#axis-judgingMode-auto_score').isDisabled()).toBe(false);
    await creator.getByLabel('Title').fill(TITLE);
    slug = await creator.getByLabel('Address').inputValue();
    expect(slug).toMatch(/^haiku-about-the-sea-at-night-[a-z0-9]{4}$/);
    await screenshot(creator, 'wizard-1-format');
    await creator.getByRole('button', { name: 'Create draft and continue' }).click();
    await creator.waitForURL(/\/new\/[0-9a-f-]{36}\?step=2$/);
    await creator.getByTestId('save-state').getByText(/Draft saved/).waitFor();

    await creator.getByLabel('Entries are').selectOption('markdown');
    await creator.getByLabel('Task', { exact: true }).fill(TASK);
    await creator.locator('[data-testid="task-preview"] strong', { hasText: 'haiku' }).waitFor();
    expect(await creator.locator('[data-testid="task-preview"] .hljs-keyword').count()).toBeGreaterThan(0);
    await screenshot(creator, 'wizard-2-task');
    await creator.getByRole('button', { name: 'Save and continue' }).click();

    await creator.getByRole('heading', { name: /Step 3 of 6/ }).waitFor();
    await creator.getByLabel('Build a rubric').check();
    await creator.getByLabel('Rubric name').fill('Haiku craft');
    await screenshot(creator, 'wizard-3-rubric');
    await creator.getByRole('button', { name: 'Save and continue' }).click();

    await creator.getByRole('heading', { name: /Step 4 of 6/ }).waitFor();
    await creator.getByLabel('Voting closes').fill(localInput(3));
    await screenshot(creator, 'wizard-4-voting');
    await creator.getByRole('button', { name: 'Save and continue' }).click();

    await creator.getByRole('heading', { name: /Step 5 of 6/ }).waitFor();
    await creator.getByLabel('Email').fill('friend@example.test');
    await creator.getByRole('button', { name: 'Create invitation' }).click();
    const inviteLink = await creator.getByRole('list', { name: 'Invitations' }).locator('code').textContent();
    expect(inviteLink).toMatch(new RegExp(`/invite/[0-9a-f]{64}\\?b=${slug}$`));
    await screenshot(creator, 'wizard-5-contenders');
    await creator.getByRole('button', { name: 'Save and continue' }).click();

    await creator.getByRole('heading', { name: /Step 6 of 6/ }).waitFor();
    expect(await pageText(creator)).toContain('Haiku craft');
    await screenshot(creator, 'wizard-6-review');
    await creator.getByRole('button', { name: 'Publish battle' }).click();
    await creator.getByTestId('published').waitFor();
    const sha = await creator.getByTestId('rules-sha256').textContent();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const rules = await creator.getByTestId('rule-snapshot').innerText();
    expect(rules).toContain('Community vote');
    expect(rules).toContain('Haiku craft: Correctness (×2), Clarity (×1)');
    await screenshot(creator, 'wizard-7-published');

    // The battle page shows the same frozen hash and a countdown to the close of voting.
    await creator.getByRole('link', { name: 'Go to the battle' }).click();
    await creator.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await creator.getByTestId('rules-sha256').textContent()).toBe(sha);
    expect(await creator.getByText(/Voting closes in 2d 23h|Voting closes in 3d 0h/).count()).toBe(1);
    expect(await creator.locator('.prose pre.hljs').count()).toBe(1);
  });

  it('lets two contenders join, submit and revise their entries', async () => {
    for (const [handle, name, text] of [
      ['bea_contender', 'Bea Contender', 'Black water breathing\nthe moon drops a silver coin\nwaves count it again'],
      ['cal_contender', 'Cal Contender', 'Night tide, salt and stars\nlighthouse blinks its one slow word\nthe dark answers back'],
    ] as const) {
      const p = await page();
      await signUpInUi(p, handle, name);
      await p.goto(`/b/${slug}`);
      await p.getByRole('button', { name: 'Join as contender' }).click();
      await p.getByTestId('my-entry').waitFor();
      await p.getByRole('textbox', { name: /^Your entry/ }).fill(`${text} (draft)`);
      await p.getByRole('button', { name: 'Submit entry' }).click();
      await p.getByTestId('entry-status').getByText('Submitted').waitFor();
      await p.getByRole('textbox', { name: /^Revise your entry/ }).fill(text);
      await p.getByRole('button', { name: 'Submit revision' }).click();
      await p.getByTestId('entry-status').getByText(/revised/).waitFor();
      if (handle === 'bea_contender') await screenshot(p, 'battle-contender-view');
    }
  });

  it('lets the creator open voting once two entries are in', async () => {
    await creator.reload();
    await creator.getByText('2 entries in. Voting needs at least two.').waitFor();
    await screenshot(creator, 'battle-open-creator');
    await creator.getByRole('button', { name: 'Open voting' }).click();
    await creator.getByText('Voting is open.', { exact: true }).waitFor();
    await creator.locator('article[data-status="voting"]').waitFor();
  });

  it('shows a voter the entries blind, takes the vote by keyboard, then reveals the names without moving anything', async () => {
    const voter = await page();
    await signUpInUi(voter, 'vic_voter', 'Vic Voter');
    await voter.goto(`/b/${slug}`);
    await voter.getByRole('heading', { name: 'Vote' }).waitFor();
    await voter.getByRole('button', { name: /Choose A/ }).waitFor();
    const before = await pageText(voter);
    expect(before).not.toContain('Bea Contender');
    expect(before).not.toContain('Cal Contender');
    expect(await voter.getByTestId('entry-card').getByText('Hidden until you vote', { exact: true }).count()).toBe(2);
    expect(await voter.getByRole('list', { name: 'Names are hidden until you vote' }).getByRole('listitem').count()).toBe(2);
    await screenshot(voter, 'battle-voting');

    const cards = voter.getByTestId('entry-card');
    // Positions in page coordinates (scrolling does not count as layout shift).
    const boxes = () => voter.evaluate(() => [...document.querySelectorAll('[data-testid="entry-card"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    }));
    const boxesBefore = await boxes();
    expect(boxesBefore).toHaveLength(2);
    const firstEntryText = await cards.nth(0).locator('.entry-body').innerText();

    await voter.getByLabel(/Why\?/).fill('The coin image.');
    await voter.getByRole('heading', { name: 'Vote' }).click(); // focus leaves the text box
    await voter.keyboard.press('2');
    expect(await voter.getByRole('button', { name: /Choose B/ }).getAttribute('aria-pressed')).toBe('true');
    await voter.keyboard.press('1');
    expect(await voter.getByRole('button', { name: /Choose A/ }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(voter, 'battle-voting-chosen');
    await voter.keyboard.press('Enter');

    await voter.getByTestId('vote-announcement').getByText(/Your vote is recorded: entry A\. Names are revealed: A was (Bea|Cal) Contender, B was (Bea|Cal) Contender\./).waitFor();
    const names = await voter.getByTestId('entry-name').allInnerTexts();
    expect(names.sort()).toEqual(['Bea Contender', 'Cal Contender']);
    expect(await boxes()).toEqual(boxesBefore);
    expect(await voter.getByText(/You voted for A — (Bea|Cal) Contender\./).count()).toBe(1);
    await screenshot(voter, 'battle-voted');

    // The first entry on this voter's screen is the one voted for; remember whose it is.
    const winnerName = names.length ? await cards.nth(0).getByTestId('entry-name').innerText() : '';
    expect(firstEntryText.length).toBeGreaterThan(10);
    (globalThis as { winnerName?: string }).winnerName = winnerName;

    // Reloading keeps the same order for this voter.
    await voter.reload();
    await voter.getByText(/You voted for A/).waitFor();
    expect(await cards.nth(0).locator('.entry-body').innerText()).toBe(firstEntryText);
    expect(voter.jsErrors).toEqual([]);
  });

  it('lets the creator close voting, finalize and publish; the results show the winner and the vote split', async () => {
    await creator.reload();
    await creator.getByRole('button', { name: 'Close voting', exact: true }).click();
    await creator.getByRole('button', { name: 'Finalize' }).click();
    const winnerName = (globalThis as { winnerName?: string }).winnerName!;
    // Decided but not published: the creator sees the result with a Publish button; others are told
    // it goes public on publication, and see no winner.
    await creator.getByTestId('publication-notice').getByText('Not published yet').waitFor();
    expect(await creator.getByTestId('winner').innerText()).toContain(winnerName);
    const reader = await page();
    await reader.goto(`/b/${slug}`);
    await reader.getByTestId('results-pending').getByText('Results will be public once the creator publishes them').waitFor();
    expect(await reader.getByTestId('winner').count()).toBe(0);
    expect(await reader.getByTestId('ranking').count()).toBe(0);
    await screenshot(reader, 'battle-results-pending');
    await screenshot(creator, 'battle-results-unpublished');

    await creator.getByTestId('publication-notice').getByRole('button', { name: 'Publish results' }).click();
    await creator.getByText('Final result, published.').waitFor();
    expect(await creator.getByTestId('publication-notice').count()).toBe(0);

    // The waiting reader's page picks up the publication by itself (live refresh), without a reload.
    await reader.getByRole('heading', { name: 'Results', level: 2 }).waitFor();
    await reader.getByTestId('winner').waitFor({ timeout: 30_000 });
    expect(await reader.getByTestId('winner').innerText()).toContain(winnerName);
    expect(await reader.getByTestId('winner').innerText()).toContain('1 vote of 1 (100%)');
    const split = await reader.getByTestId('vote-split').innerText();
    expect(split).toContain(`${winnerName} — winner`);
    expect(split).toContain('1 vote · 100%');
    expect(split).toContain('Draw');
    const winnerRow = reader.getByTestId('ranking').locator('tbody tr', { hasText: winnerName });
    expect(await winnerRow.locator('td').first().innerText()).toBe('1');
    expect(await winnerRow.locator('td').nth(2).innerText()).toBe('1');
    // Finalizing rated the battle (online ELO): the winner gained what the other lost.
    const changes = reader.getByTestId('rating-changes-heading');
    await changes.locator('tbody tr').nth(1).waitFor();
    const winnerChange = await changes.locator('tbody tr', { hasText: winnerName }).locator('td').last().innerText();
    const loserChange = await changes.locator('tbody tr', { hasText: /Contender/ }).filter({ hasNotText: winnerName }).locator('td').last().innerText();
    expect(winnerChange).toMatch(/^\+\d/);
    expect(loserChange).toMatch(/^−\d/);
    expect(winnerChange.slice(1)).toBe(loserChange.slice(1));
    await screenshot(reader, 'battle-results');
    expect(reader.jsErrors).toEqual([]);

    await reader.goto('/?status=results');
    await reader.getByTestId('battle-card').filter({ hasText: TITLE }).waitFor();
    await screenshot(reader, 'feed-results');
  });

  it('shows the outcome on the leaderboard once it is recomputed', async () => {
    // The scheduled job (every 10 minutes) does this on a running server.
    await recomputeLeaderboards(suite.server.db, { categories: ['overall', 'judging_mode:community_vote'] });
    const winnerName = (globalThis as { winnerName?: string }).winnerName!;
    const reader = await page();
    await reader.goto('/leaderboards');
    const table = reader.getByTestId('leaderboard');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    const winnerRow = table.locator('tbody tr', { hasText: winnerName });
    expect(await winnerRow.innerText()).toMatch(/1–0–0\s+100%/);
    const loserRow = table.locator('tbody tr').filter({ hasNotText: winnerName });
    expect(await loserRow.innerText()).toMatch(/0–1–0\s+0%/);
    await reader.getByRole('button', { name: `History of ${winnerName}` }).click();
    await reader.getByTestId('rating-history').locator('canvas').first().waitFor();
    expect(await reader.getByTestId('rating-history').innerText()).toContain(`${winnerName}: 1 rated battle, from 1000 to`);
    await screenshot(reader, 'leaderboard');
    await reader.goto('/leaderboards/judging_mode:auto_score');
    await reader.getByText('Not computed yet').waitFor();
  });

  it('shows the battle on the creator and contender profiles', async () => {
    const reader = await page();
    await reader.goto(`/u/${creatorHandle}`);
    await reader.getByTestId('created-battles').getByRole('link', { name: TITLE }).waitFor();
    await reader.getByTestId('profile-ratings').getByText('Not rated yet').waitFor();
    expect(await reader.getByTestId('xp-total').innerText()).toBe('0');
    await screenshot(reader, 'profile-creator');
    const winnerName = (globalThis as { winnerName?: string }).winnerName!;
    const winnerHandle = winnerName.startsWith('Bea') ? 'bea_contender' : 'cal_contender';
    await reader.goto(`/u/${winnerHandle}`);
    const contended = reader.getByTestId('contended-battles');
    await contended.getByRole('link', { name: TITLE }).waitFor();
    expect(await contended.innerText()).toContain('Won');
    // The rating loads on its own request: wait for it before reading it.
    await reader.getByTestId('profile-ratings').getByText('1 rated battle', { exact: true }).waitFor();
    expect(await reader.getByTestId('profile-ratings').innerText()).toMatch(/\d{3,4} ELO\s+1 rated battle/);
    // Publishing the results minted XP: 10 for taking part and 25 for winning (the defaults).
    expect(await reader.getByTestId('xp-total').innerText()).toBe('35');
    const recent = reader.getByRole('list', { name: 'Recent XP' }).getByRole('listitem');
    expect(await recent.count()).toBe(2);
    expect(await recent.first().innerText()).toMatch(/\+(25|10)/);
    expect(await reader.getByTestId('profile-xp').innerText()).toContain(TITLE);
    await screenshot(reader, 'profile-contender');
  });

  it('creates a CLI token shown once with the login command, lists and revokes it', async () => {
    await creator.goto('/settings/tokens');
    await creator.getByRole('heading', { name: 'API tokens' }).waitFor();
    await creator.getByLabel('Token name').fill('laptop');
    await creator.getByRole('button', { name: 'Create token' }).click();
    const token = await creator.getByTestId('token-value').textContent();
    expect(token).toMatch(/^lf_pat_/);
    expect(await creator.getByTestId('token-command').textContent()).toBe(`lf auth login --api-url ${suite.server.url} --token ${token}`);
    await creator.getByTestId('token-list').locator('strong', { hasText: 'laptop' }).waitFor();
    await screenshot(creator, 'tokens');
    await creator.getByRole('button', { name: 'Revoke laptop' }).click();
    await creator.getByRole('group', { name: 'Revoke laptop' }).getByRole('button', { name: 'Revoke' }).click();
    await creator.getByText('No tokens yet.').waitFor();
    // The revoked token no longer works.
    const res = await fetch(`${suite.server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  it('signs out and back in', async () => {
    await creator.getByRole('button', { name: 'Sign out' }).click();
    await creator.getByRole('link', { name: 'Sign in' }).first().click();
    await creator.getByLabel('Email').fill(`${creatorHandle}@example.test`);
    await creator.getByLabel('Password').fill('wrong password');
    await creator.getByRole('button', { name: 'Sign in', exact: true }).click();
    await creator.getByRole('alert').getByText('Email or password is wrong').waitFor();
    await creator.getByLabel('Password').fill('correct horse battery');
    await creator.getByRole('button', { name: 'Sign in', exact: true }).click();
    await creator.getByRole('link', { name: `Your profile (@${creatorHandle})` }).waitFor();
  });

  it('fits a 360 px wide phone screen', async () => {
    const phone = await page({ width: 360, height: 780 });
    await phone.goto('/?status=results');
    await phone.getByTestId('battle-card').first().waitFor();
    // The filters fold behind a toggle on a phone.
    expect(await phone.getByLabel('Judging').isVisible()).toBe(false);
    await screenshot(phone, 'feed-phone-360');
    await phone.getByRole('button', { name: 'Filters', exact: true }).click();
    expect(await phone.getByLabel('Judging').isVisible()).toBe(true);
    expect(await phone.getByRole('button', { name: 'Filters', exact: true }).getAttribute('aria-expanded')).toBe('true');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.goto(`/b/${slug}`);
    await phone.getByTestId('winner').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'battle-results-phone-360');
    await phone.goto('/leaderboards');
    await phone.getByTestId('leaderboard').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'leaderboard-phone-360');
    for (const path of ['/signup', '/settings/tokens', `/u/${creatorHandle}`]) {
      await phone.goto(path);
      await phone.getByRole('main').locator('h1').first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
  });

  it('has a dark scheme for people who ask for one', async () => {
    const dark = await page({ colorScheme: 'dark' });
    await dark.goto(`/b/${slug}`);
    await dark.getByTestId('winner').waitFor();
    const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(15, 17, 32)');
    await screenshot(dark, 'battle-results-dark');
    await dark.goto('/');
    await dark.getByRole('heading', { name: 'Battles', level: 1 }).waitFor();
    await screenshot(dark, 'feed-dark');
  });

  it('keeps text contrast at WCAG AA on the main pages, in both schemes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const p = await page({ colorScheme: scheme });
      for (const path of ['/', '/?status=results', `/b/${slug}`, '/leaderboards', `/u/${creatorHandle}`, '/signin', '/signup']) {
        await p.goto(path);
        await p.getByRole('main').locator('h1').first().waitFor();
        await p.waitForLoadState('networkidle');
        expect(await lowContrastText(p), `${scheme} ${path}`).toEqual([]);
      }
    }
  });

  it('raised no uncaught errors in any page', () => {
    expect(pages.flatMap((p) => p.jsErrors)).toEqual([]);
  });
});
