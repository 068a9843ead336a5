// The pages around the main flow, each with data set up through the RPCs: who may not vote and why,
// guests, invitations, leaderboards from decided battles (and "not available yet" when a server has
// no ratings API), AI lenser profiles, the wizard's axis rules and draft resume, and accessibility
// basics (labels, landmarks, skip link). Judge verdicts on the real server: battle-page.test.ts.
import { describe, expect, it } from 'vitest';
import { recomputeLeaderboards } from '../../src/ratings/leaderboard-job.ts';
import { makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { openPage, openSignedIn, pageText, screenshot, unlabelledControls } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();
let seq = 0;

interface Seeded {
  id: string;
  slug: string;
  creator: Actor;
  a: Actor;
  b: Actor;
  contenders: [string, string];
}

/** A battle with two entries, in voting. */
async function votingBattle(extra: Record<string, unknown> = {}): Promise<Seeded> {
  const n = ++seq;
  const creator = await makeUser(suite.server.db, `maker_${n}`);
  const a = await makeUser(suite.server.db, `alpha_${n}`);
  const b = await makeUser(suite.server.db, `bravo_${n}`);
  const slug = `pages-battle-${n}`;
  const id = await creator.rpc<string>('fn_battles_create', { title: `Limerick about tea ${n}`, slug, task_prompt: 'Write a limerick about **tea**.', ...extra });
  await creator.rpc('fn_publish_battle', { battle_id: id });
  const ca = await a.rpc<string>('fn_battles_join', { battle_id: id });
  const cb = await b.rpc<string>('fn_battles_join', { battle_id: id });
  await a.rpc('fn_battles_submit', { battle_id: id, text: 'A kettle that sang in the night' });
  await b.rpc('fn_battles_submit', { battle_id: id, text: 'There once was a cup in Darjeeling' });
  await creator.rpc('fn_battle_open_voting', { battle_id: id });
  return { id, slug, creator, a, b, contenders: [ca, cb] };
}

const signedIn = async (actor: Actor, opts?: { width?: number }) => openSignedIn(suite.browser, suite.server.url, await suite.server.tokenFor(actor.id), opts);

describe('voting eligibility in the browser', () => {
  it('tells a contender they cannot vote, and shows them the names', async () => {
    const s = await votingBattle();
    const page = await signedIn(s.a);
    await page.goto(`/b/${s.slug}`);
    await page.getByTestId('ineligible').getByText('Contenders cannot vote in their own battle.').waitFor();
    expect((await page.getByTestId('entry-name').allInnerTexts()).sort()).toEqual([s.a.handle, s.b.handle]);
    expect(await page.getByRole('button', { name: /Choose A/ }).count()).toBe(0);
    await screenshot(page, 'battle-ineligible-contender');
    expect(page.jsErrors).toEqual([]);
  });

  it('asks a visitor to sign in; as a guest they vote a draw with the keyboard', async () => {
    const s = await votingBattle();
    const page = await openPage(suite.browser, suite.server.url);
    await page.goto(`/b/${s.slug}`);
    await page.getByTestId('ineligible').getByText('Sign in to vote.').waitFor();
    expect(await page.getByTestId('entry-card').getByText('Hidden until you vote', { exact: true }).count()).toBe(2);
    await page.getByTestId('ineligible').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Continue as guest' }).click();
    await page.waitForURL(new RegExp(`/b/${s.slug}$`));
    await page.getByRole('button', { name: /Choose A/ }).waitFor();
    await page.keyboard.press('0');
    expect(await page.getByRole('button', { name: /It's a draw/ }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId('vote-announcement').getByText(/Your vote is recorded: a draw\./).waitFor();
    await page.getByText('You voted: a draw.').waitFor();
    expect((await page.getByTestId('entry-name').allInnerTexts()).sort()).toEqual([s.a.handle, s.b.handle]);
  });

  it('tells a guest that only registered lensers may vote where that is the rule', async () => {
    const s = await votingBattle({ voter_eligibility: 'lenser_only' });
    const page = await openPage(suite.browser, suite.server.url);
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Continue as guest' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`/b/${s.slug}`);
    await page.getByTestId('ineligible').getByText('Only registered lensers may vote in this battle.').waitFor();
    await screenshot(page, 'battle-ineligible-guest');
  });
});

describe('invitations', () => {
  it('turns an invitation link into a contender seat; others cannot see the battle', async () => {
    const n = ++seq;
    const creator = await makeUser(suite.server.db, `host_${n}`);
    const slug = `invite-only-${n}`;
    const id = await creator.rpc<string>('fn_battles_create', { title: 'Invite-only sonnet', slug, task_prompt: 'A sonnet.', invite_only: true });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    const [{ token }] = await creator.rpc<Array<{ token: string }>>('fn_battles_invite_with_token', { battle_id: id, email: 'guest_star@example.test' });

    // Invite-only battles are visible to their creator, invitees and contenders only.
    const outsider = await signedIn(await makeUser(suite.server.db, `outsider_${n}`));
    await outsider.goto(`/b/${slug}`);
    await outsider.getByText(/invite-only and you are not invited/).waitFor();

    const invitee = await openPage(suite.browser, suite.server.url);
    await invitee.goto(`/invite/${token}?b=${slug}`);
    await invitee.getByRole('link', { name: 'Sign up to accept' }).click();
    await invitee.getByLabel('Email').fill('guest_star@example.test');
    await invitee.getByLabel('Password').fill('correct horse battery');
    await invitee.getByLabel('Handle').fill(`star_${n}`);
    await invitee.getByRole('button', { name: 'Sign up' }).click();
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.waitForURL(new RegExp(`/b/${slug}$`));
    await invitee.getByTestId('my-entry').getByText(/Contender A/).waitFor();
  });
});

describe('leaderboards and judging read-outs', () => {
  it('says leaderboards are not available yet on a server without the ratings API', async () => {
    const page = await openPage(suite.browser, suite.server.url);
    await page.route('**/api/leaderboards/**', (route) => route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'no route for GET /api/leaderboards/overall' } } }));
    await page.goto('/leaderboards');
    await page.getByTestId('not-available').getByText('Leaderboards are not available yet').waitFor();
    await screenshot(page, 'leaderboard-unavailable');
  });

  it('ranks lensers with intervals, record, win rate and ELO, and charts a history, from decided battles', async () => {
    // Three battles among three lensers, decided by votes: ace beats bo twice, bo beats cy once.
    const n = ++seq;
    const [ace, bo, cy] = await Promise.all(['ace', 'bo', 'cy'].map((h) => makeUser(suite.server.db, `${h}_${n}`)));
    const voters = await Promise.all([0, 1, 2].map((i) => makeUser(suite.server.db, `ballot_${n}_${i}`)));
    const host = await makeUser(suite.server.db, `ranked_host_${n}`);
    for (const [k, [x, y]] of ([[ace, bo], [ace, bo], [bo, cy]] as Array<[Actor, Actor]>).entries()) {
      const id = await host.rpc<string>('fn_battles_create', { title: `Ranked ${n}.${k}`, slug: `ranked-${n}-${k}`, task_prompt: 'Go.' });
      await host.rpc('fn_publish_battle', { battle_id: id });
      const cx = await x.rpc<string>('fn_battles_join', { battle_id: id });
      await y.rpc('fn_battles_join', { battle_id: id });
      await x.rpc('fn_battles_submit', { battle_id: id, text: 'mine' });
      await y.rpc('fn_battles_submit', { battle_id: id, text: 'theirs' });
      await host.rpc('fn_battle_open_voting', { battle_id: id });
      for (const v of voters) await v.rpc('fn_submit_vote', { battle_id: id, voted_contender_id: cx });
      await host.rpc('fn_battles_close', { battle_id: id });
      await host.rpc('fn_battles_publish_results', { battle_id: id }); // leaderboards count published results
    }
    await recomputeLeaderboards(suite.server.db, { categories: ['overall'] });

    const page = await openPage(suite.browser, suite.server.url);
    await page.goto('/leaderboards');
    const table = page.getByTestId('leaderboard');
    await table.waitFor();
    const aceRow = table.locator('tbody tr', { hasText: ace.handle });
    // Bradley–Terry counts every vote as an outcome (3 voters × 2 battles); ELO counts battles.
    expect(await aceRow.innerText()).toMatch(/\t6\t6–0–0\t100%/);
    expect(await table.locator('tbody tr', { hasText: cy.handle }).innerText()).toMatch(/\t3\t0–3–0\t0%/);
    expect(await aceRow.getByRole('img', { name: /^\d+, 95% interval \d+ to \d+$/ }).count()).toBe(1);
    await page.getByRole('button', { name: `History of ${ace.handle}` }).click();
    await page.getByTestId('rating-history').locator('canvas').first().waitFor();
    expect(await page.getByTestId('rating-history').innerText()).toContain(`${ace.handle}: 2 rated battles, from 1000 to`);
    await screenshot(page, 'leaderboard-three');
    await page.getByRole('button', { name: 'Models' }).click();
    await page.waitForURL(/entity=model/);
    await page.getByText(/Not computed yet|No ratings in this category yet/).waitFor();
    expect(page.jsErrors).toEqual([]);
  });
});

describe('AI battles', () => {
  it('shows the AI work behind a battle, its failure, and lets the creator queue it again', async () => {
    const owner = await makeUser(suite.server.db, 'bot_host');
    const one = await makeAiLenser(suite.server.db, owner, 'bot_one');
    const two = await makeAiLenser(suite.server.db, owner, 'bot_two');
    const id = await owner.rpc<string>('fn_battles_create', { title: 'Bots write a riddle', slug: 'bots-riddle', task_prompt: 'Write a riddle.', contender_structure: 'ai_vs_ai' });
    await owner.rpc('fn_battles_add_ai_contender', { battle_id: id, ai_lenser_id: one.ai_lenser_id });
    await owner.rpc('fn_battles_add_ai_contender', { battle_id: id, ai_lenser_id: two.ai_lenser_id });
    await owner.rpc('fn_publish_battle', { battle_id: id });
    await owner.rpc('fn_battle_start_execution', { battle_id: id });

    // No worker runs in this test: the two contender runs wait in the queue.
    const page = await signedIn(owner);
    await page.goto('/b/bots-riddle');
    const panel = page.getByTestId('execution');
    await panel.getByText('AI entry · A').waitFor();
    expect(await panel.getByText('queued').count()).toBe(2);

    await suite.server.db.query(
      `update execution.jobs set status = 'dead', finished_at = now(), attempts = max_attempts,
              last_error_code = 'provider_unavailable', last_error_message = 'the model did not answer'
        where battle_id = $1`, [id]);
    await page.reload();
    await panel.getByText('Some AI work failed').waitFor();
    expect(await panel.getByText('provider_unavailable: the model did not answer').count()).toBe(2);
    await screenshot(page, 'battle-ai-failed');
    await panel.getByRole('button', { name: 'Retry failed work' }).click();
    await panel.getByText('Queued again.').waitFor();
    await panel.getByText('queued').first().waitFor();
    expect(page.jsErrors).toEqual([]);
  });
});

describe('profiles, wizard rules and accessibility', () => {
  it('shows an AI lenser with its model and owner', async () => {
    const owner = await makeUser(suite.server.db, 'bot_owner');
    await makeAiLenser(suite.server.db, owner, 'robo_poet');
    const page = await openPage(suite.browser, suite.server.url);
    await page.goto('/u/robo_poet');
    const model = await page.getByTestId('ai-model').innerText();
    expect(model).toContain('Runs on robo_poet');
    expect(model).toContain('scripted');
    expect(model).toContain('owned by bot_owner');
    await screenshot(page, 'profile-ai');
    await page.goto('/u/nobody_here');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });

  it('keeps the axes valid in the wizard, requires a challenge type for auto score, and resumes a draft', async () => {
    const maker = await makeUser(suite.server.db, 'axes_maker');
    const page = await signedIn(maker);
    await page.goto('/new');
    await page.getByLabel('Title').fill('Mental arithmetic sprint');
    expect(await page.locator('#axis-taskSource-lens').isDisabled()).toBe(true);
    await page.getByLabel(/^AI vs AI/).check();
    expect(await page.locator('#axis-taskSource-lens').isDisabled()).toBe(false);
    expect(await page.locator('#axis-taskSource-workflow').isDisabled()).toBe(false);
    await page.getByLabel(/^Auto score/).check();
    expect(await page.locator('#axis-taskSource-lens').isDisabled()).toBe(true);
    expect(await pageText(page)).toContain('Auto score works only for challenges');
    await page.getByRole('button', { name: 'Create draft and continue' }).click();
    await page.getByText(/auto_score needs a challenge_type/).waitFor();
    await page.getByLabel('Challenge type').selectOption('math_calculation');
    await page.getByRole('button', { name: 'Create draft and continue' }).click();
    await page.waitForURL(/\/new\/[0-9a-f-]{36}\?step=2$/);
    const draftUrl = page.url().replace('step=2', 'step=1');

    const again = await signedIn(maker);
    await again.goto(draftUrl);
    expect(await again.getByLabel('Title').inputValue()).toBe('Mental arithmetic sprint');
    expect(await again.locator('#axis-judgingMode-auto_score').isChecked()).toBe(true);
    expect(await again.locator('#axis-contenderStructure-ai_vs_ai').isChecked()).toBe(true);
    expect(await again.getByLabel('Address').getAttribute('readonly')).not.toBeNull();
    // Lens picking waits for the lens API.
    await again.goto(draftUrl.replace('step=1', 'step=2'));
    await again.getByRole('heading', { name: /Step 2 of 6/ }).waitFor();
    expect(await unlabelledControls(again)).toEqual([]);
  });

  it('sets the judges of a rubric-scored battle in the wizard, and the frozen rules name them', async () => {
    const maker = await makeUser(suite.server.db, 'rubric_maker');
    const judge = await makeUser(suite.server.db, 'fair_judge');
    await makeAiLenser(suite.server.db, null, 'judge_model_x');
    const id = await maker.rpc<string>('fn_battles_create', { title: 'Scored essay', slug: 'scored-essay', task_prompt: 'Write an essay.', judging_mode: 'rubric_score' });
    const page = await signedIn(maker);
    await page.goto(`/new/${id}?step=3`);
    await page.getByLabel('AI judge model').selectOption({ label: 'judge_model_x (scripted)' });
    await page.getByLabel('Name a human judge').fill('@nobody_at_all');
    await page.getByRole('button', { name: 'Add judge' }).click();
    await page.getByText('No lenser is called @nobody_at_all.').waitFor();
    await page.getByLabel('Name a human judge').fill(`@${judge.handle}`);
    await page.getByRole('button', { name: 'Add judge' }).click();
    await page.getByRole('list', { name: 'Named judges' }).getByText(`@${judge.handle}`).waitFor();
    expect(await page.locator('#rubric-mode-none').isDisabled()).toBe(true);
    await page.getByLabel('Build a rubric').check();
    await page.getByLabel('Rubric name').fill('Essay rubric');
    await screenshot(page, 'wizard-3-judging');
    for (const n of [4, 5, 6]) {
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByRole('heading', { name: new RegExp(`Step ${n} of 6`) }).waitFor();
    }
    expect(await pageText(page)).toContain('judge_model_x');
    await page.getByRole('button', { name: 'Publish battle' }).click();
    const rules = await page.getByTestId('rule-snapshot').innerText();
    expect(rules).toContain('rubric_weighted_v1');
    expect(rules).toContain('1 named human judge');
    expect(rules).toContain('Essay rubric: Correctness (×2), Clarity (×1)');
  });

  it('labels every form control, has landmarks, and starts keyboard users at a skip link', async () => {
    const user = await makeUser(suite.server.db, 'a11y_user');
    const s = await votingBattle();
    const visitor = await openPage(suite.browser, suite.server.url);
    for (const path of ['/', '/signin', '/signup', '/leaderboards']) {
      await visitor.goto(path);
      await visitor.getByRole('main').waitFor();
      expect(await unlabelledControls(visitor), path).toEqual([]);
    }
    expect(await visitor.getByRole('banner').count()).toBe(1);
    expect(await visitor.getByRole('contentinfo').count()).toBe(1);
    expect(await visitor.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
    await visitor.goto('/');
    await visitor.getByRole('main').waitFor();
    await visitor.keyboard.press('Tab');
    expect(await visitor.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await visitor.keyboard.press('Enter');
    expect(await visitor.evaluate(() => document.activeElement?.id)).toBe('main');

    const page = await signedIn(user);
    const wizardDraft = await user.rpc<string>('fn_battles_create', { title: 'Labels', slug: 'labels-check', task_prompt: 'x' });
    for (const path of ['/new', ...[1, 2, 3, 4, 5, 6].map((n) => `/new/${wizardDraft}?step=${n}`), `/b/${s.slug}`, '/settings/tokens']) {
      await page.goto(path);
      await page.getByRole('main').locator('h1, h2').first().waitFor();
      // The vote form comes with its own request (who may vote): check it too.
      if (path.startsWith('/b/')) await page.getByLabel(/Why\?/).waitFor();
      if (path.includes('step=3')) await page.getByLabel('Build a rubric').check();
      expect(await unlabelledControls(page), path).toEqual([]);
    }
    expect(page.jsErrors).toEqual([]);
  });
});
