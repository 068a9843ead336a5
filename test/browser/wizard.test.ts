// The creation wizard in a real browser: a lens battle with a required parameter (refused while
// empty, rendered in the preview, saved as the AI contenders' assignment), the rubric builder's
// weights and shares as frozen, a draft resumed with everything it had, and the wizard on a phone
// and by keyboard.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { launchBrowser, openSignedIn, pageText, screenshot } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signedIn = async (actor: Actor, opts?: { width?: number; height?: number }) => openSignedIn(browser, server.url, await server.tokenFor(actor.id), opts);
type Page = Awaited<ReturnType<typeof signedIn>>;

const stepHeading = (page: Page, n: number) => page.getByRole('heading', { name: new RegExp(`Step ${n} of 6`) });

async function saveAndContinue(page: Page, to: number) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await stepHeading(page, to).waitFor();
}

describe('a lens battle', () => {
  it('creates a lens, refuses the task step while a required parameter is empty, previews the lens and freezes the assignment', async () => {
    const maker = await makeUser(server.db, 'lens_maker');
    const bot = await makeAiLenser(server.db, maker, 'tide_bot');
    const page = await signedIn(maker);
    await page.goto('/new');
    await page.getByLabel('Title').fill('Explain the tides');
    await page.getByLabel(/^AI vs AI/).check();
    await page.locator('#axis-taskSource-lens').check();
    await page.getByRole('button', { name: 'Create draft and continue' }).click();
    await stepHeading(page, 2).waitFor();
    const draftUrl = page.url();

    // No lens exists yet: create one here; it is selected at once.
    await page.getByText('No lenses you can use exist yet.').waitFor();
    await page.getByText('Create a lens').click();
    await page.getByLabel('Lens name').fill('Tide teacher');
    await page.getByLabel('Template').fill('Explain for [[audience]] in a [[tone]] tone. [[extra]]');
    await page.getByLabel('Default for tone').fill('warm');
    await page.getByLabel('Required', { exact: true }).nth(2).uncheck();
    await page.getByRole('button', { name: 'Create lens' }).click();
    await page.getByLabel('Lens', { exact: true }).and(page.locator('select')).waitFor();
    expect(await page.locator('#lens-select option:checked').innerText()).toBe('Tide teacher (yours)');
    expect(await page.locator('#lens-version option:checked').innerText()).toBe('Latest (now version 1)');

    await page.getByLabel('Task', { exact: true }).fill('Why are there **two** high tides a day?');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('alert').getByText('Missing value for required lens parameter: audience.').waitFor();
    await page.locator('#lens-param-audience-error').getByText('audience is required.').waitFor();
    expect(await stepHeading(page, 2).count()).toBe(1);
    expect(await page.locator('#lens-param-audience').getAttribute('aria-invalid')).toBe('true');
    // Blank is still missing, as the renderer (and the server) count it.
    await page.locator('#lens-param-audience').fill('   ');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('alert').getByText('Missing value for required lens parameter: audience.').waitFor();
    expect(await stepHeading(page, 2).count()).toBe(1);

    await page.locator('#lens-param-audience').fill('ten-year-olds');
    await page.getByTestId('lens-preview').getByText('Explain for ten-year-olds in a warm tone.').waitFor();
    expect(await page.locator('#lens-param-audience-error').count()).toBe(0);
    await screenshot(page, 'wizard-2-lens');
    await saveAndContinue(page, 3);

    // Resumed elsewhere, the lens and its value come back.
    const again = await signedIn(maker);
    await again.goto(draftUrl);
    await again.getByTestId('lens-preview').getByText('Explain for ten-year-olds in a warm tone.').waitFor();
    expect(await again.locator('#lens-param-audience').inputValue()).toBe('ten-year-olds');
    await again.close();

    await saveAndContinue(page, 4);
    await saveAndContinue(page, 5);
    await page.getByRole('listitem').filter({ hasText: 'tide_bot' }).getByRole('button', { name: 'Add' }).click();
    await page.getByRole('list').getByText('A · tide_bot').waitFor();
    await saveAndContinue(page, 6);
    expect(await pageText(page)).toContain('Tide teacher, latest (now version 1) · audience: ten-year-olds');
    await page.getByRole('button', { name: 'Publish battle' }).click();
    await page.getByTestId('rule-snapshot').waitFor();
    const assignment = await page.getByTestId('lens-assignments').innerText();
    expect(assignment).toContain('Tide teacher');
    expect(assignment).toContain('Assigned to A (tide_bot)');
    expect(assignment).toMatch(/audience\s+ten-year-olds/);
    await screenshot(page, 'wizard-6-lens-published');

    const { rows } = await server.db.query<{ input_snapshot: unknown; version_id: string | null }>(
      `select a.input_snapshot, a.version_id from battles.contender_lens_assignments a
         join battles.contender_entity_map m on m.contender_id = a.contender_id where m.ai_lenser_id = $1`, [bot.ai_lenser_id]);
    expect(rows).toEqual([{ input_snapshot: { audience: 'ten-year-olds' }, version_id: null }]);
    expect(page.jsErrors).toEqual([]);
  });
});
