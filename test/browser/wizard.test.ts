// The creation wizard in a real browser: a lens battle with a required parameter (refused while
// empty, rendered in the preview, saved as the AI contenders' assignment), the rubric builder's
// weights and shares as frozen, a draft resumed with everything it had, the steps whose saved parts
// load on their own (judging settings, lens) not saved before those parts are in, and the wizard on
// a phone and by keyboard.
import { describe, expect, it } from 'vitest';
import { makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { openSignedIn, pageText, screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();

const signedIn = async (actor: Actor, opts?: { width?: number; height?: number }) => openSignedIn(suite.browser, suite.server.url, await suite.server.tokenFor(actor.id), opts);
type Page = Awaited<ReturnType<typeof signedIn>>;

const stepHeading = (page: Page, n: number) => page.getByRole('heading', { name: new RegExp(`Step ${n} of 6`) });

async function saveAndContinue(page: Page, to: number) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await stepHeading(page, to).waitFor();
}

describe('a lens battle', () => {
  it('creates a lens, refuses the task step while a required parameter is empty, previews the lens and freezes the assignment', async () => {
    const maker = await makeUser(suite.server.db, 'lens_maker');
    const bot = await makeAiLenser(suite.server.db, maker, 'tide_bot');
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
    // The message is still on screen from the last attempt; this refusal shows as focus coming back
    // from the button to the field (a save in flight would keep it on the button).
    await page.locator('#lens-param-audience:focus').waitFor();
    expect(await page.getByRole('alert').getByText('Missing value for required lens parameter: audience.').count()).toBe(1);
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

    const { rows } = await suite.server.db.query<{ input_snapshot: unknown; version_id: string | null }>(
      `select a.input_snapshot, a.version_id from battles.contender_lens_assignments a
         join battles.contender_entity_map m on m.contender_id = a.contender_id where m.ai_lenser_id = $1`, [bot.ai_lenser_id]);
    expect(rows).toEqual([{ input_snapshot: { audience: 'ten-year-olds' }, version_id: null }]);
    expect(page.jsErrors).toEqual([]);
  });
  it('reviews only the values of the lens chosen last, not those typed for a lens chosen before it', async () => {
    const maker = await makeUser(suite.server.db, 'lens_switcher');
    for (const [slug, title, template, label] of [['pirate-voice', 'Pirate voice', 'Speak to [[audience]].', 'audience'], ['dry-wit', 'Dry wit', 'Be [[tone]].', 'tone']]) {
      await maker.rpc('fn_lenses_create', { slug, title, template_body: template, params: [{ label, required: true }] });
    }
    const id = await maker.rpc<string>('fn_battles_create', {
      title: 'Two lenses', slug: 'two-lenses', task_prompt: 'Explain rain.', task_source: 'lens', contender_structure: 'ai_vs_ai',
    });
    const page = await signedIn(maker);
    await page.goto(`/new/${id}?step=2`);
    await page.locator('#lens-select').selectOption({ label: 'Pirate voice (yours)' });
    await page.locator('#lens-param-audience').fill('pirates');
    await page.getByTestId('lens-preview').getByText('Speak to pirates.').waitFor();
    await page.locator('#lens-select').selectOption({ label: 'Dry wit (yours)' });
    await page.locator('#lens-param-tone').fill('dry');
    await page.getByTestId('lens-preview').getByText('Be dry.').waitFor();
    for (const n of [3, 4, 5, 6]) await saveAndContinue(page, n);
    const review = await page.locator('dl.review').innerText();
    expect(review).toContain('Dry wit, latest (now version 1) · tone: dry');
    expect(review).not.toContain('pirates');
    const saved = await suite.server.db.query<{ input_snapshot: unknown }>('select input_snapshot from battles.battle_lenses where battle_id = $1', [id]);
    expect(saved.rows).toEqual([{ input_snapshot: { tone: 'dry' } }]);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});

describe('the rubric builder', () => {
  it('shows each criterion\'s share as weights change and criteria come and go, and freezes exactly those criteria and weights', async () => {
    const maker = await makeUser(suite.server.db, 'rubric_builder');
    const id = await maker.rpc<string>('fn_battles_create', { title: 'Weighted essay', slug: 'weighted-essay', task_prompt: 'Write an essay on rivers.' });
    const page = await signedIn(maker);
    await page.goto(`/new/${id}?step=3`);
    await page.getByLabel('Build a rubric').check();
    await page.getByLabel('Rubric name').fill('River rubric');
    const shares = () => page.locator('.criteria-list .criterion-share').allInnerTexts();
    const bars = () => page.getByLabel('How the weights split').locator('.weight-bar').allInnerTexts();
    expect(await shares()).toEqual(['67%', '33%']);

    await page.getByLabel('Weight of criterion 2').fill('3');
    expect(await shares()).toEqual(['40%', '60%']);
    await page.getByRole('button', { name: 'Add criterion' }).click();
    // A criterion without a title has no share and does not count in the others'.
    expect(await shares()).toEqual(['40%', '60%', '—']);
    await page.getByLabel('Criterion 3', { exact: true }).fill('Originality');
    expect(await shares()).toEqual(['33%', '50%', '17%']);
    expect(await bars()).toEqual(['Correctness · 33%', 'Clarity · 50%', 'Originality · 17%']);
    await page.getByRole('button', { name: 'Remove criterion 1' }).click();
    expect(await page.locator('.criteria-list input[id^="criterion-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Clarity', 'Originality']);
    expect(await shares()).toEqual(['75%', '25%']);

    // A weight out of range is refused on the spot.
    await page.getByLabel('Weight of criterion 2').fill('0');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('A weight above 0, at most 1000.').waitFor();
    expect(await page.getByLabel('Weight of criterion 2').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Weight of criterion 2').evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('A weight above 0, at most 1000.');
    expect(await stepHeading(page, 3).count()).toBe(1);
    await page.getByLabel('Weight of criterion 2').fill('1.5');
    expect(await shares()).toEqual(['67%', '33%']);
    await screenshot(page, 'wizard-3-rubric-builder');
    for (const n of [4, 5, 6]) await saveAndContinue(page, n);
    expect(await pageText(page)).toContain('River rubric');
    await page.getByRole('button', { name: 'Publish battle' }).click();
    const rules = await page.getByTestId('rule-snapshot').innerText();
    expect(rules).toContain('River rubric: Clarity (×3), Originality (×1.5)');

    const { rows } = await suite.server.db.query<{ rubric: { title: string; criteria: Array<{ ordinal: number; title: string; weight: number }> } }>(
      `select rule_snapshot -> 'rubric' as rubric from battles.battles where id = $1`, [id]);
    expect(rows[0].rubric.title).toBe('River rubric');
    expect(rows[0].rubric.criteria.map(({ ordinal, title, weight }) => ({ ordinal, title, weight: Number(weight) }))).toEqual([
      { ordinal: 1, title: 'Clarity', weight: 3 },
      { ordinal: 2, title: 'Originality', weight: 1.5 },
    ]);
    expect(page.jsErrors).toEqual([]);
  });
});

/** A datetime-local value `days` from now (the browser runs in UTC). */
const localInput = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

describe('resuming a draft', () => {
  it('restores every step after leaving mid-way: entry, task, judge model, judges, rubric, voting, contenders, invitations', async () => {
    const maker = await makeUser(suite.server.db, 'resume_maker');
    const judge = await makeUser(suite.server.db, 'resume_judge');
    const mistaken = await makeUser(suite.server.db, 'resume_mistaken');
    await makeAiLenser(suite.server.db, null, 'resume_model');
    const page = await signedIn(maker);
    await page.goto('/new');
    await page.getByLabel('Title').fill('Resume everything');
    await page.getByLabel(/^Rubric score/).check();
    await page.getByRole('button', { name: 'Create draft and continue' }).click();
    await stepHeading(page, 2).waitFor();
    const base = page.url().replace(/\?step=\d$/, '');

    await page.getByLabel('Entries are').selectOption('markdown');
    await page.getByLabel('Task', { exact: true }).fill('Describe a **river** in spring.');
    await saveAndContinue(page, 3);
    await page.getByLabel('AI judge model').selectOption({ label: 'resume_model (scripted)' });
    await page.getByLabel('Name a human judge').fill(`@${judge.handle}`);
    await page.getByRole('button', { name: 'Add judge' }).click();
    await page.getByRole('list', { name: 'Named judges' }).getByText(`@${judge.handle}`).waitFor();
    // A judge named by mistake is taken back at once.
    await page.getByLabel('Name a human judge').fill(`@${mistaken.handle}`);
    await page.getByRole('button', { name: 'Add judge' }).click();
    await page.getByRole('list', { name: 'Named judges' }).getByText(`@${mistaken.handle}`).waitFor();
    await page.getByRole('button', { name: `Remove judge @${mistaken.handle}` }).click();
    await page.getByRole('list', { name: 'Named judges' }).getByText(`@${mistaken.handle}`).waitFor({ state: 'detached' });
    const { rows: named } = await suite.server.db.query<{ profile_id: string }>(
      `select j.profile_id from battles.judges j join battles.battles b on b.id = j.battle_id where b.title = 'Resume everything'`);
    expect(named.map((r) => r.profile_id)).toEqual([judge.id]);
    await page.getByLabel('Build a rubric').check();
    await page.getByLabel('Rubric name').fill('Spring rubric');
    await saveAndContinue(page, 4);
    await page.locator('#eligibility-verified_lenser').check();
    const opens = localInput(2);
    const closes = localInput(4);
    await page.getByLabel('Voting opens').fill(opens);
    await page.getByLabel('Voting closes').fill(closes);
    await saveAndContinue(page, 5);
    await page.getByLabel('Maximum contenders').fill('3');
    await page.getByLabel('Email').fill('river@example.test');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const firstLink = await page.getByRole('list', { name: 'Invitations' }).locator('code').textContent();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await stepHeading(page, 6).waitFor();
    await page.close();

    // Another visit, from the address alone.
    const again = await signedIn(maker);
    await again.goto(`${base}?step=5`);
    await stepHeading(again, 5).waitFor();
    expect(await again.getByLabel('Maximum contenders').inputValue()).toBe('3');
    const invite = again.getByTestId('invitation');
    await invite.getByText('river@example.test').waitFor();
    expect(await invite.innerText()).toContain('Not accepted yet');
    // The link is not stored; a new one replaces it.
    await again.getByRole('button', { name: 'New link for river@example.test' }).click();
    const newLink = await invite.locator('code').textContent();
    expect(newLink).toMatch(/\/invite\/[0-9a-f]{64}\?b=resume-everything-/);
    expect(newLink).not.toBe(firstLink);

    await again.getByRole('button', { name: /Format/ }).click();
    await stepHeading(again, 1).waitFor();
    expect(await again.getByLabel('Title').inputValue()).toBe('Resume everything');
    expect(await again.locator('#axis-judgingMode-rubric_score').isChecked()).toBe(true);
    expect(await again.locator('#entry-false').isChecked()).toBe(true);
    // Who can enter can still change on a draft.
    await again.locator('#entry-true').check();
    await saveAndContinue(again, 2);
    await again.reload();
    await stepHeading(again, 2).waitFor();
    expect(await again.getByLabel('Entries are').inputValue()).toBe('markdown');
    expect(await again.getByLabel('Task', { exact: true }).inputValue()).toBe('Describe a **river** in spring.');
    await again.getByTestId('task-preview').locator('strong', { hasText: 'river' }).waitFor();
    await saveAndContinue(again, 3);
    // The judge model comes with the draft's judging settings and its name with the models list, each
    // its own request: wait for both before reading the choice.
    await again.locator('#judge-model option:checked', { hasText: 'resume_model' }).waitFor({ state: 'attached' });
    expect(await again.locator('#judge-model option:checked').innerText()).toBe('resume_model (scripted)');
    await again.getByRole('list', { name: 'Named judges' }).getByText(`@${judge.handle}`).waitFor();
    expect(await again.locator('#rubric-mode-existing').isChecked()).toBe(true);
    expect(await again.locator('#rubric-select option:checked').innerText()).toBe('Spring rubric (yours)');
    await saveAndContinue(again, 4);
    expect(await again.locator('#eligibility-verified_lenser').isChecked()).toBe(true);
    expect(await again.getByLabel('Voting opens').inputValue()).toBe(opens);
    expect(await again.getByLabel('Voting closes').inputValue()).toBe(closes);
    await saveAndContinue(again, 5);
    await saveAndContinue(again, 6);
    const review = await pageText(again);
    expect(review).toContain('Up to 3, invite-only');
    expect(review).toContain('Verified lensers');
    expect(review).toContain('resume_model');
    expect(review).toContain('Spring rubric');
    await again.getByRole('button', { name: 'Publish battle' }).click();
    const rules = await again.getByTestId('rule-snapshot').innerText();
    expect(rules).toContain('Up to 3, invite-only');
    expect(rules).toContain('Verified lensers');
    expect(rules).toContain('1 named human judge');
    expect(rules).toContain('Spring rubric: Correctness (×2), Clarity (×1)');
    expect(rules).toContain('Markdown');
    expect(again.jsErrors).toEqual([]);
  });
});

/** Holds the page's first GET of `path` until release(); later requests go straight through. */
async function holdGet(page: Page, path: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => { release = r; });
  await page.route(`**${path}`, async (route) => {
    if (route.request().method() === 'GET') await released;
    await route.continue();
  });
  return release;
}

/** Fails the page's GETs of `path` with a 500 until ok() is called. */
async function failGet(page: Page, path: string) {
  let failing = true;
  await page.route(`**${path}`, (route) => failing && route.request().method() === 'GET'
    ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Something went wrong on the server.' } }) })
    : route.continue());
  return () => { failing = false; };
}

/** A step whose saved `part` failed to load says so, and Save and continue keeps the page on it. */
async function expectNotSavedWhileUnread(page: Page, part: string, step: number) {
  await page.getByText(`The ${part} could not be loaded`).waitFor();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('alert').filter({ hasText: 'Not saved' }).getByText(`Could not load the draft's ${part}, so this step was not saved`).waitFor();
  expect(await stepHeading(page, step).count()).toBe(1);
}

/** What the API holds for a draft, read with the creator's token. */
async function readApi<T>(actor: Actor, path: string): Promise<T> {
  const res = await fetch(`${suite.server.url}${path}`, { headers: { authorization: `Bearer ${await suite.server.tokenFor(actor.id)}` } });
  expect(res.status).toBe(200);
  return res.json() as Promise<T>;
}

describe('the parts of a resumed draft that load on their own', () => {
  async function judgedDraft(handle: string) {
    const maker = await makeUser(suite.server.db, handle);
    const bot = await makeAiLenser(suite.server.db, maker, `${handle}_model`);
    const id = await maker.rpc<string>('fn_battles_create', { title: 'Judged draft', slug: `${handle.replace(/_/g, '-')}-draft`, task_prompt: 'Judge this.', judging_mode: 'ai_judge' });
    await maker.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: bot.model_id });
    const judgeModel = async () => (await readApi<{ judge_model_id: string | null }>(maker, `/api/battles/${id}/judging`)).judge_model_id;
    return { maker, bot, id, judgeModel };
  }

  it('does not save the judging step while its settings load, so the saved judge model is kept', async () => {
    const { maker, bot, id, judgeModel } = await judgedDraft('held_judging');
    const page = await signedIn(maker);
    const release = await holdGet(page, `/api/battles/${id}/judging`);
    await page.goto(`/new/${id}?step=3`);
    await page.getByRole('region', { name: 'Judges' }).getByRole('status').waitFor();
    expect(await page.getByRole('button', { name: 'Save and continue' }).isDisabled()).toBe(true);
    // Back saves the step too: not while the settings load.
    await page.getByRole('button', { name: 'Back' }).click();
    await stepHeading(page, 2).waitFor();
    await page.getByRole('alert').getByText('Still loading the draft\'s judging settings; this step was not saved.').waitFor();
    release();
    expect(await judgeModel()).toBe(bot.model_id);

    await saveAndContinue(page, 3);
    await page.locator('#judge-model option:checked', { hasText: 'held_judging_model' }).waitFor({ state: 'attached' });
    await saveAndContinue(page, 4);
    expect(await judgeModel()).toBe(bot.model_id);
    expect(page.jsErrors).toEqual([]);
  });

  it('refuses to save the judging step when its settings did not load, and saves once they are loaded again', async () => {
    const { maker, bot, id, judgeModel } = await judgedDraft('failed_judging');
    const page = await signedIn(maker);
    const ok = await failGet(page, `/api/battles/${id}/judging`);
    await page.goto(`/new/${id}?step=3`);
    await expectNotSavedWhileUnread(page, 'judging settings', 3);
    expect(await judgeModel()).toBe(bot.model_id);

    ok();
    await page.getByRole('button', { name: 'Load it again' }).click();
    await page.locator('#judge-model option:checked', { hasText: 'failed_judging_model' }).waitFor({ state: 'attached' });
    await saveAndContinue(page, 4);
    expect(await judgeModel()).toBe(bot.model_id);
    expect(page.jsErrors).toEqual([]);
  });

  it('waits for the next draft\'s own judging settings when the page moves from one draft to another', async () => {
    const maker = await makeUser(suite.server.db, 'two_drafts');
    const drafts = [];
    for (const name of ['first', 'second']) {
      const bot = await makeAiLenser(suite.server.db, maker, `two_drafts_${name}_model`);
      const id = await maker.rpc<string>('fn_battles_create', { title: `Draft ${name}`, slug: `two-drafts-${name}`, task_prompt: 'Judge this.', judging_mode: 'ai_judge' });
      await maker.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: bot.model_id });
      drafts.push({ id, model: bot.model_id });
    }
    const [first, second] = drafts;
    const page = await signedIn(maker);
    await page.goto(`/new/${first.id}?step=3`);
    await page.locator('#judge-model option:checked', { hasText: 'two_drafts_first_model' }).waitFor({ state: 'attached' });
    // To the second draft inside the app (the page stays mounted and still holds the first's data) ...
    await page.evaluate((path) => { history.pushState(null, '', path); dispatchEvent(new PopStateEvent('popstate')); }, `/new/${second.id}?step=3`);
    await page.locator('#judge-model option:checked', { hasText: 'two_drafts_second_model' }).waitFor({ state: 'attached' });
    // ... and back, with the first draft's settings held: its battle arrives, its judging has not.
    const release = await holdGet(page, `/api/battles/${first.id}/judging`);
    await page.goBack();
    await page.waitForFunction(() => document.title.includes('Draft first'));
    await page.getByRole('region', { name: 'Judges' }).getByRole('status').waitFor();
    expect(await page.getByRole('button', { name: 'Save and continue' }).isDisabled()).toBe(true);
    release();
    await page.locator('#judge-model option:checked', { hasText: 'two_drafts_first_model' }).waitFor({ state: 'attached' });
    await saveAndContinue(page, 4);
    const judgeModel = async (id: string) => (await readApi<{ judge_model_id: string | null }>(maker, `/api/battles/${id}/judging`)).judge_model_id;
    expect(await judgeModel(first.id)).toBe(first.model);
    expect(await judgeModel(second.id)).toBe(second.model);
    expect(page.jsErrors).toEqual([]);
  });

  it('says when a draft created here cannot be read back, instead of waiting for ever, and goes on once it is read', async () => {
    const maker = await makeUser(suite.server.db, 'unread_draft');
    await makeAiLenser(suite.server.db, null, 'unread_draft_model');
    const page = await signedIn(maker);
    let failing = true;
    await page.route(/\/api\/battles\/[0-9a-f-]{36}$/, (route) => failing && route.request().method() === 'GET'
      ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Something went wrong on the server.' } }) })
      : route.continue());
    await page.goto('/new');
    await page.getByLabel('Title').fill('Unread draft');
    await page.getByLabel(/^AI judge/).check();
    await page.getByRole('button', { name: 'Create draft and continue' }).click();
    await stepHeading(page, 2).waitFor();
    await page.getByLabel('Task', { exact: true }).fill('Judge a haiku.');
    await saveAndContinue(page, 3);
    await page.getByText('The judging settings could not be loaded').waitFor();
    failing = false;
    await page.getByRole('button', { name: 'Load it again' }).click();
    await page.getByLabel('AI judge model').selectOption({ label: 'unread_draft_model (scripted)' });
    await saveAndContinue(page, 4);
    const id = page.url().match(/\/new\/([0-9a-f-]{36})/)![1];
    const { judge_model_id } = await readApi<{ judge_model_id: string | null }>(maker, `/api/battles/${id}/judging`);
    const { rows } = await suite.server.db.query<{ id: string }>(`select m.id from ai.models m where m.model_id = 'unread_draft_model'`);
    expect(judge_model_id).toBe(rows[0].id);
    expect(page.jsErrors).toEqual([]);
  });

  async function lensDraft(handle: string) {
    const maker = await makeUser(suite.server.db, handle);
    const lensIds: Record<string, string> = {};
    for (const [slug, title, template, label] of [[`${handle.replace(/_/g, '-')}-pirate`, 'Pirate voice', 'Speak to [[audience]].', 'audience'], [`${handle.replace(/_/g, '-')}-dry`, 'Dry wit', 'Be [[tone]].', 'tone']]) {
      lensIds[title] = (await maker.rpc<{ lens_id: string }>('fn_lenses_create', { slug, title, template_body: template, params: [{ label, required: true }] })).lens_id;
    }
    const id = await maker.rpc<string>('fn_battles_create', {
      title: 'Lens draft', slug: `${handle.replace(/_/g, '-')}-draft`, task_prompt: 'Explain rain.', task_source: 'lens', contender_structure: 'ai_vs_ai',
    });
    await maker.rpc('fn_battles_set_lens', { battle_id: id, lens_id: lensIds['Pirate voice'], input_snapshot: { audience: 'pirates' } });
    type Saved = { lens: { lens_id: string; input_snapshot: unknown } | null };
    const savedLens = async () => {
      const { lens } = await readApi<Saved>(maker, `/api/battles/${id}/lens`);
      return lens && { lens_id: lens.lens_id, input_snapshot: lens.input_snapshot };
    };
    return { maker, id, lensIds, savedLens };
  }

  it('offers no lens to pick and does not save the task step until the saved lens is in, then keeps what is picked after it', async () => {
    const { maker, id, lensIds, savedLens } = await lensDraft('held_lens');
    const page = await signedIn(maker);
    const release = await holdGet(page, `/api/battles/${id}/lens`);
    await page.goto(`/new/${id}?step=2`);
    await stepHeading(page, 2).waitFor();
    expect(await page.getByRole('button', { name: 'Save and continue' }).isDisabled()).toBe(true);
    await page.getByRole('region', { name: 'Lens' }).getByText('Loading the saved lens…').waitFor();
    expect(await page.locator('#lens-select').count()).toBe(0);
    release();
    await page.getByTestId('lens-preview').getByText('Speak to pirates.').waitFor();
    expect(await savedLens()).toEqual({ lens_id: lensIds['Pirate voice'], input_snapshot: { audience: 'pirates' } });

    await page.locator('#lens-select').selectOption({ label: 'Dry wit (yours)' });
    await page.locator('#lens-param-tone').fill('dry');
    await saveAndContinue(page, 3);
    expect(await savedLens()).toEqual({ lens_id: lensIds['Dry wit'], input_snapshot: { tone: 'dry' } });
    expect(page.jsErrors).toEqual([]);
  });

  it('refuses to save the task step when the saved lens did not load, and saves once it is loaded again', async () => {
    const { maker, id, lensIds, savedLens } = await lensDraft('failed_lens');
    const page = await signedIn(maker);
    const ok = await failGet(page, `/api/battles/${id}/lens`);
    await page.goto(`/new/${id}?step=2`);
    await expectNotSavedWhileUnread(page, 'saved lens', 2);
    expect(await savedLens()).toEqual({ lens_id: lensIds['Pirate voice'], input_snapshot: { audience: 'pirates' } });

    ok();
    await page.getByRole('button', { name: 'Load it again' }).click();
    await page.getByTestId('lens-preview').getByText('Speak to pirates.').waitFor();
    await saveAndContinue(page, 3);
    expect(await savedLens()).toEqual({ lens_id: lensIds['Pirate voice'], input_snapshot: { audience: 'pirates' } });
    expect(page.jsErrors).toEqual([]);
  });
});

/** Elements whose box pokes out of the viewport sideways, and the page's scroll width. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('.wizard *')].filter((el) => {
      const r = el.getBoundingClientRect();
      if (!r.width || el.closest('.stepper ol, pre, .sr-only')) return false;
      return r.left < -0.5 || r.right > w + 0.5;
    }).map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className} ${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 5) };
  });
}

/**
 * Tab from the focused step heading through the step until focus leaves the wizard panel: each
 * stop's label and box, in tab order.
 */
async function tabStops(page: Page) {
  const stops: Array<{ name: string; top: number; bottom: number; left: number }> = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || !el.closest('.wizard-panel')) return null;
      const r = el.getBoundingClientRect();
      const name = el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.innerText || el.innerText || el.id;
      return { name: name.trim().split('\n')[0], top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left };
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

/** Pairs of consecutive tab stops where the second comes visually before the first (reading order). */
function outOfOrder(stops: Awaited<ReturnType<typeof tabStops>>): string[] {
  const bad: string[] = [];
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1], stops[i]];
    const sameRow = b.top < a.bottom && a.top < b.bottom;
    if (sameRow ? b.left < a.left : b.top < a.top) bad.push(`${a.name} → ${b.name}`);
  }
  return bad;
}

describe('the wizard on a phone and by keyboard', () => {
  async function fullDraft() {
    const maker = await makeUser(suite.server.db);
    const bot = await makeAiLenser(suite.server.db, maker);
    const lens = await maker.rpc<{ lens_id: string }>('fn_lenses_create', {
      slug: `phone-lens-${Date.now()}`, title: 'A lens with a rather long title for a small screen',
      template_body: 'Answer as a [[persona_with_a_long_label]] would, for [[audience]].',
      params: [{ label: 'persona_with_a_long_label', required: true, description: 'Who answers' }, { label: 'audience', required: false, default: 'everyone' }],
    });
    const id = await maker.rpc<string>('fn_battles_create', {
      title: 'A battle seen on a phone', slug: `phone-battle-${Date.now()}`, task_prompt: 'Explain `git rebase` in a long sentence with a link https://example.test/a/very/long/path/that/should/wrap.',
      task_source: 'lens', contender_structure: 'ai_vs_ai', judging_mode: 'rubric_score',
    });
    await maker.rpc('fn_battles_set_lens', { battle_id: id, lens_id: lens.lens_id, input_snapshot: { persona_with_a_long_label: 'a patient teacher' } });
    await maker.rpc('fn_battles_add_ai_contender', { battle_id: id, ai_lenser_id: bot.ai_lenser_id });
    await maker.rpc('fn_battles_invite_with_token', { battle_id: id, email: 'someone.with.a.long.address@example.test' });
    await maker.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: bot.model_id });
    return { maker, id };
  }

  it('fits every step into 360 px without sideways scrolling, and each step still works there', async () => {
    const { maker, id } = await fullDraft();
    const phone = await signedIn(maker, { width: 360, height: 780 });
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await phone.goto(`/new/${id}?step=${n}`);
      await stepHeading(phone, n).waitFor();
      if (n === 2) {
        await phone.getByTestId('lens-preview').getByText('Answer as a a patient teacher would, for everyone.').waitFor();
        await phone.getByText('Create a lens').click();
        await phone.getByLabel('Template').fill('Speak as [[a_really_quite_long_parameter_name_indeed]].');
      }
      if (n === 3) {
        await phone.getByLabel('AI judge model').waitFor(); // after the draft's judging settings
        await phone.getByLabel('Build a rubric').check();
        await phone.getByRole('button', { name: 'Add criterion' }).click();
      }
      if (n === 5) await phone.getByTestId('invitation').waitFor();
      expect(await overflow(phone), `step ${n}`).toEqual({ scrollWidth: 360, out: [] });
      const next = phone.getByRole('button', { name: n === 6 ? 'Publish battle' : 'Save and continue' });
      const box = (await next.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      await screenshot(phone, `wizard-phone-step-${n}`);
    }
    // Usable, not just visible: go through the steps on the phone and publish.
    await phone.goto(`/new/${id}?step=3`);
    await phone.getByLabel('Build a rubric').check();
    await phone.getByLabel('Rubric name').fill('Phone rubric');
    await saveAndContinue(phone, 4);
    await saveAndContinue(phone, 5);
    await saveAndContinue(phone, 6);
    await phone.getByRole('button', { name: 'Publish battle' }).tap().catch(() => phone.getByRole('button', { name: 'Publish battle' }).click());
    await phone.getByTestId('rule-snapshot').waitFor();
    expect(await overflow(phone)).toEqual({ scrollWidth: 360, out: [] });
    await screenshot(phone, 'wizard-phone-published');
    expect(phone.jsErrors).toEqual([]);
  });

  it('moves focus to the step heading on every step change, and Tab follows the visual order', async () => {
    const { maker, id } = await fullDraft();
    for (const width of [1280, 360]) {
      const page = await signedIn(maker, { width, height: 900 });
      await page.goto(`/new/${id}?step=1`);
      await stepHeading(page, 1).waitFor();
      for (const n of [1, 2, 3, 4, 5, 6]) {
        if (n > 1) {
          await page.getByRole('button', { name: 'Save and continue' }).click();
          await stepHeading(page, n).waitFor();
        }
        if (n > 1) {
          await page.waitForFunction(() => document.activeElement?.id === 'step-heading', null, { timeout: 5000 })
            .catch(async () => { throw new Error(`width ${width}, step ${n}: focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`); });
        }
        if (n === 3) {
          await page.getByLabel('AI judge model').waitFor(); // after the draft's judging settings
          await page.getByLabel('Build a rubric').check();
          await page.getByLabel('Rubric name').fill(`Keyboard rubric ${width}`);
        }
        await page.locator('#step-heading').focus();
        const stops = await tabStops(page);
        expect(stops.length, `width ${width}, step ${n}`).toBeGreaterThan(1);
        expect(outOfOrder(stops), `width ${width}, step ${n}: ${stops.map((s) => s.name).join(' | ')}`).toEqual([]);
        // The last stop of every step is its forward button.
        expect(stops.at(-1)!.name).toBe(n === 6 ? 'Publish battle' : 'Save and continue');
      }
      // Back, and through the stepper: the heading takes focus each time.
      await page.getByRole('button', { name: 'Back' }).click();
      await stepHeading(page, 5).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
      await page.getByRole('button', { name: /Task/ }).click();
      await stepHeading(page, 2).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
      expect(page.jsErrors).toEqual([]);
      await page.close();
    }
  });
});
