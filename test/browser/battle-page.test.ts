// The battle page on the real server: judge verdicts and rubric scorecards of battles judged by the
// execution worker against the local provider servers, moderation status in the contender view,
// results publication, contender profile links, and the voting board's behaviour (per-voter order,
// countdown and live refresh, phone width, focus order, no layout shift).
import { beforeAll, describe, expect, it } from 'vitest';
import { actingAs, makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { STRONG_TEXT } from '../e2e/harness.ts';
import { correctBattleResult } from '../../src/ratings/operator-actions.ts';
import { orderForViewer } from '../../web/src/battles/voter-order.ts';
import { openPage, openSignedIn, screenshot, type TestPage } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser({ ai: true });
let judgeModel: string;
let seq = 0;
const pages: TestPage[] = [];

beforeAll(async () => {
  judgeModel = await suite.server.ai!.addModel('anthropic', 'judge-scripted');
});

async function signedIn(actor: Actor, opts?: { width?: number; height?: number }): Promise<TestPage> {
  const p = await openSignedIn(suite.browser, suite.server.url, await suite.server.tokenFor(actor.id), opts);
  pages.push(p);
  return p;
}

/**
 * Goes to `path` and waits until the page knows who is looking: openSignedIn stores the token only,
 * and until GET /api/auth/me answers, the voting board orders the entries for a visitor.
 */
async function gotoAs(page: TestPage, actor: Actor, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('link', { name: `Your profile (@${actor.handle})` }).waitFor();
}

async function visitor(opts?: { width?: number; height?: number }): Promise<TestPage> {
  const p = await openPage(suite.browser, suite.server.url, opts);
  pages.push(p);
  return p;
}

/** GET as a signed-in actor (or a visitor), through the real HTTP API. */
async function apiGet<T>(path: string, actor?: Actor): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = actor ? { authorization: `Bearer ${await suite.server.tokenFor(actor.id)}` } : {};
  const res = await fetch(`${suite.server.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as T };
}

const WEAK_TEXT = 'I am not sure.';

interface Judged {
  id: string;
  slug: string;
  creator: Actor;
  strong: Actor;
  weak: Actor;
  strongId: string;
  weakId: string;
}

/**
 * A human vs human battle judged by the scripted judge model (served by the local Anthropic-format
 * server), with a long entry and a short one, left open for entries.
 */
async function judgedBattle(mode: 'ai_judge' | 'rubric_score', extra: Record<string, unknown> = {}, host?: Actor): Promise<Judged> {
  const n = ++seq;
  const creator = host ?? await makeUser(suite.server.db, `judged_host_${n}`);
  const strong = await makeUser(suite.server.db, `long_writer_${n}`);
  const weak = await makeUser(suite.server.db, `short_writer_${n}`);
  const slug = `judged-${mode.replace('_', '-')}-${n}`;
  const id = await creator.rpc<string>('fn_battles_create', {
    title: `Judged rain ${n}`, slug, task_prompt: 'Describe the first rain after summer.', judging_mode: mode, ...extra,
  });
  await creator.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: judgeModel });
  await creator.rpc('fn_publish_battle', { battle_id: id });
  const strongId = await strong.rpc<string>('fn_battles_join', { battle_id: id });
  const weakId = await weak.rpc<string>('fn_battles_join', { battle_id: id });
  await strong.rpc('fn_battles_submit', { battle_id: id, text: STRONG_TEXT });
  await weak.rpc('fn_battles_submit', { battle_id: id, text: WEAK_TEXT });
  return { id, slug, creator, strong, weak, strongId, weakId };
}

describe('judge verdicts on the real server', () => {
  it('shows the pairwise verdicts of an ai_judge battle the worker judged, both orders with the judge\'s reasons', async () => {
    const s = await judgedBattle('ai_judge');
    suite.server.ai!.providers.anthropic.reset();
    const creator = await signedIn(s.creator);
    await creator.goto(`/b/${s.slug}`);
    await creator.getByRole('button', { name: 'Start scoring' }).click();
    // The worker judges the pair through the provider server; the live page picks up the result.
    await creator.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    expect(await creator.getByTestId('winner').innerText()).toContain(s.strong.handle);

    // The verdicts load on their own request once the results show: wait for them before counting.
    const verdicts = creator.getByTestId('verdict');
    await verdicts.first().waitFor();
    expect(await verdicts.count()).toBe(1);
    const text = await verdicts.first().innerText();
    expect(text).toContain(`${s.strong.handle} vs ${s.weak.handle}: ${s.strong.handle} wins`);
    expect(text).toContain('both orders agree');
    expect(text).toContain(`In slot order (${s.strong.handle} shown first)`);
    expect(text).toContain(`Swapped order (${s.weak.handle} shown first)`);
    expect(text.match(/the longer entry covers the task better/g)).toHaveLength(2);
    expect(text).toContain('Judge: judge-scripted (anthropic)');
    // Two judge calls were made over the wire, one per order.
    const calls = suite.server.ai!.providers.anthropic.requests.filter((r) => (r.body as { model?: string }).model === 'judge-scripted');
    expect(calls).toHaveLength(2);
    await screenshot(creator, 'battle-results-ai-judge');

    // The API answers what the page shows, and a reader sees verdicts exactly when they see results.
    const own = await apiGet<Array<{ winner_contender_id: string; agreed: boolean; runs: Array<{ winner_contender_id: string }> }>>(`/api/battles/${s.id}/verdicts`, s.creator);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject([{ winner_contender_id: s.strongId, agreed: true, runs: [{ winner_contender_id: s.strongId }, { winner_contender_id: s.strongId }] }]);
    const stranger = await makeUser(suite.server.db);
    const asStranger = async () => {
      const battle = await apiGet<{ results: unknown[] }>(`/api/battles/${s.id}`, stranger);
      const v = await apiGet<unknown[]>(`/api/battles/${s.id}/verdicts`, stranger);
      return { results: battle.body.results.length > 0, verdicts: v.body.length > 0 };
    };
    const before = await asStranger();
    expect(before.verdicts).toBe(before.results);
    await s.creator.rpc('fn_battles_publish_results', { battle_id: s.id });
    expect(await asStranger()).toEqual({ results: true, verdicts: true });

    const reader = await visitor();
    await reader.goto(`/b/${s.slug}`);
    await reader.getByTestId('verdict').getByText(`${s.strong.handle} wins`, { exact: false }).first().waitFor();
    // The judge's decision rated the battle: the winner gained what the loser lost.
    const changes = reader.getByTestId('rating-changes-heading');
    await changes.locator('tbody tr').nth(1).waitFor();
    const delta = async (who: Actor) => changes.locator('tbody tr', { hasText: who.handle }).locator('td').last().innerText();
    expect(await delta(s.strong)).toMatch(/^\+\d/);
    expect((await delta(s.weak)).slice(1)).toBe((await delta(s.strong)).slice(1));
    expect(creator.jsErrors).toEqual([]);
    expect(reader.jsErrors).toEqual([]);
  });

  it('answers not_found for the verdicts of a battle the caller cannot see, and an empty list before judging', async () => {
    const n = ++seq;
    const owner = await makeUser(suite.server.db, `draft_owner_${n}`);
    const id = await owner.rpc<string>('fn_battles_create', { title: 'Hidden draft', slug: `hidden-draft-${n}`, task_prompt: 'x', judging_mode: 'ai_judge' });
    const other = await makeUser(suite.server.db);
    const hidden = await apiGet<{ error: { code: string } }>(`/api/battles/${id}/verdicts`, other);
    expect(hidden).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'battle not found' } } });
    expect(await apiGet(`/api/battles/${id}/verdicts`, owner)).toEqual({ status: 200, body: [] });
    expect((await apiGet<{ error: { code: string } }>('/api/battles/not-a-uuid/verdicts')).body.error.code).toBe('invalid_input');
  });
});

describe('rubric scorecards on the real server', () => {
  it('shows each criterion\'s result, weight and explanation per contender of a rubric_score battle the judge model graded', async () => {
    const n = ++seq;
    const host = await makeUser(suite.server.db, `rubric_host_${n}`);
    const rubric = await host.rpc<string>('fn_rubrics_create', { title: 'Rain rubric', criteria: [{ title: 'Covers the task', weight: 2 }, { title: 'Clear' }] });
    const s = await judgedBattle('rubric_score', { rubric_id: rubric }, host);
    const creator = await signedIn(s.creator);
    await creator.goto(`/b/${s.slug}`);
    await creator.getByRole('button', { name: 'Start scoring' }).click();
    await creator.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    expect(await creator.getByTestId('winner').innerText()).toContain(s.strong.handle);

    // The scripted grader passes entries of 20 words or more and fails those under 5, saying how many.
    const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
    const cards = creator.getByTestId('scorecard');
    await cards.first().waitFor(); // the scorecards load on their own request
    expect(await cards.count()).toBe(2);
    const rows = async (i: number) => (await cards.nth(i).locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()));
    expect(await cards.nth(0).getByRole('heading').innerText()).toBe(`${s.strong.handle} · score 1`);
    expect(await rows(0)).toEqual([
      ['Covers the task', '×2', 'Pass', `${words(STRONG_TEXT)} words`],
      ['Clear', '×1', 'Pass', `${words(STRONG_TEXT)} words`],
    ]);
    expect(await cards.nth(1).getByRole('heading').innerText()).toBe(`${s.weak.handle} · score 0`);
    expect(await rows(1)).toEqual([
      ['Covers the task', '×2', 'Fail', `${words(WEAK_TEXT)} words`],
      ['Clear', '×1', 'Fail', `${words(WEAK_TEXT)} words`],
    ]);
    await screenshot(creator, 'battle-results-rubric');

    const api = await apiGet<Array<{ contender_id: string; kind: string; weight: number; result: string; scorer: { kind: string } }>>(`/api/battles/${s.id}/scorecards`, s.creator);
    expect(api.status).toBe(200);
    expect(api.body.map((c) => [c.contender_id, c.kind, c.weight, c.result, c.scorer.kind])).toEqual([
      [s.strongId, 'rubric', 2, 'pass', 'model'], [s.strongId, 'rubric', 1, 'pass', 'model'],
      [s.weakId, 'rubric', 2, 'fail', 'model'], [s.weakId, 'rubric', 1, 'fail', 'model'],
    ]);
    // Scorecards follow the results rule, like the verdicts.
    const stranger = await makeUser(suite.server.db);
    const results = (await apiGet<{ results: unknown[] }>(`/api/battles/${s.id}`, stranger)).body.results.length > 0;
    expect((await apiGet<unknown[]>(`/api/battles/${s.id}/scorecards`, stranger)).body.length > 0).toBe(results);
    expect((await apiGet<{ error: { code: string } }>(`/api/battles/${s.id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}/scorecards`, stranger)).status).toBe(404);
    expect(creator.jsErrors).toEqual([]);
  });
});

describe('the contender view', () => {
  it('shows a contender that a moderator disqualified their entry, and another that theirs awaits review', async () => {
    const n = ++seq;
    const creator = await makeUser(suite.server.db, `mod_host_${n}`);
    const out = await makeUser(suite.server.db, `ruled_out_${n}`);
    const waiting = await makeUser(suite.server.db, `in_review_${n}`);
    const slug = `moderated-${n}`;
    const id = await creator.rpc<string>('fn_battles_create', { title: 'Moderated limerick', slug, task_prompt: 'A limerick.' });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    for (const who of [out, waiting]) {
      await who.rpc('fn_battles_join', { battle_id: id });
      await who.rpc('fn_battles_submit', { battle_id: id, text: `There once was a poet called ${who.handle}` });
    }
    // There is no moderation RPC yet: set the entries' status as an operator's tool would.
    const setStatus = (who: Actor, status: string) => suite.server.db.query(
      `update battles.submissions s set status = $2::battles.submission_status_enum
         from battles.contender_entity_map m where m.contender_id = s.contender_id and m.profile_id = $1 and s.is_final`, [who.id, status]);
    await setStatus(out, 'disqualified');
    await setStatus(waiting, 'pending');

    const page = await signedIn(out);
    await page.goto(`/b/${slug}`);
    const status = page.getByTestId('entry-status');
    await status.getByText('Disqualified', { exact: true }).waitFor();
    expect(await status.innerText()).toContain('A moderator disqualified this entry: it does not count in the result.');
    await screenshot(page, 'battle-contender-disqualified');
    const other = await signedIn(waiting);
    await other.goto(`/b/${slug}`);
    await other.getByTestId('entry-status').getByText('Awaiting review', { exact: true }).waitFor();
    expect(await other.getByTestId('entry-status').getByText('Disqualified').count()).toBe(0);
  });
});

describe('contender names', () => {
  it('link to the contenders\' profiles, the human\'s and the AI persona\'s, once names are shown, and not while voting is blind', async () => {
    const n = ++seq;
    const creator = await makeUser(suite.server.db, `link_host_${n}`);
    const human = await makeUser(suite.server.db, `linked_human_${n}`);
    const owner = await makeUser(suite.server.db, `bot_keeper_${n}`);
    const bot = await makeAiLenser(suite.server.db, owner, `linked_bot_${n}`);
    const slug = `linked-${n}`;
    const id = await creator.rpc<string>('fn_battles_create', { title: 'Linked names', slug, task_prompt: 'A riddle.', contender_structure: 'human_vs_ai' });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    const persona = actingAs(suite.server.db, owner, bot.ai_lenser_id);
    for (const who of [human, persona]) {
      await who.rpc('fn_battles_join', { battle_id: id });
      await who.rpc('fn_battles_submit', { battle_id: id, text: `A riddle from ${who === human ? 'a person' : 'a bot'}` });
    }
    await creator.rpc('fn_battle_open_voting', { battle_id: id });

    const voter = await signedIn(await makeUser(suite.server.db, `link_voter_${n}`));
    await voter.goto(`/b/${slug}`);
    await voter.getByRole('button', { name: /Choose A/ }).waitFor();
    const profileLinks = () => voter.locator('main a[href^="/u/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(await profileLinks()).toEqual([`/u/${creator.handle}`]); // only the creator's, in the byline
    await voter.getByRole('button', { name: /Choose A/ }).click();
    await voter.getByRole('button', { name: /Cast vote for A/ }).click();
    await voter.getByText(/You voted for A/).waitFor();
    const side = voter.getByRole('complementary', { name: 'About this battle' });
    expect(await side.getByRole('link', { name: human.handle }).getAttribute('href')).toBe(`/u/${human.handle}`);
    expect(await side.getByRole('link', { name: `linked_bot_${n}` }).getAttribute('href')).toBe(`/u/linked_bot_${n}`);
    expect((await profileLinks()).sort()).toEqual([
      `/u/${creator.handle}`, `/u/${human.handle}`, `/u/${human.handle}`, `/u/linked_bot_${n}`, `/u/linked_bot_${n}`,
    ].sort());
    await voter.getByTestId('entry-card').getByRole('link', { name: `linked_bot_${n}` }).click();
    await voter.waitForURL(new RegExp(`/u/linked_bot_${n}$`));
    expect(await voter.getByTestId('ai-model').innerText()).toContain(`owned by ${owner.handle}`);
  });
});

describe('a corrected result', () => {
  it('shows the operator\'s corrected winner and ranking with the reason', async () => {
    const n = ++seq;
    const host = await makeUser(suite.server.db, `corrected_host_${n}`);
    const [first, second] = await Promise.all(['kept', 'raised'].map((h) => makeUser(suite.server.db, `${h}_${n}`)));
    const id = await host.rpc<string>('fn_battles_create', { title: `Corrected ${n}`, slug: `corrected-${n}`, task_prompt: 'Go.' });
    await host.rpc('fn_publish_battle', { battle_id: id });
    const votedFor = await first.rpc<string>('fn_battles_join', { battle_id: id });
    const raised = await second.rpc<string>('fn_battles_join', { battle_id: id });
    await first.rpc('fn_battles_submit', { battle_id: id, text: 'mine' });
    await second.rpc('fn_battles_submit', { battle_id: id, text: 'theirs' });
    await host.rpc('fn_battle_open_voting', { battle_id: id });
    await (await makeUser(suite.server.db, `stuffer_${n}`)).rpc('fn_submit_vote', { battle_id: id, voted_contender_id: votedFor });
    await host.rpc('fn_battles_close', { battle_id: id });
    await host.rpc('fn_battles_publish_results', { battle_id: id });
    const operator = await makeUser(suite.server.db, `operator_${n}`, { operator: true });
    await correctBattleResult(suite.server.db, operator.claims, id, 'the only vote came from a sock puppet', { winnerContenderId: raised });

    const page = await visitor();
    await page.goto(`/b/corrected-${n}`);
    await page.getByTestId('result-correction').waitFor();
    expect(await page.getByTestId('result-correction').innerText()).toContain('the only vote came from a sock puppet');
    expect(await page.getByTestId('winner').innerText()).toContain(second.handle);
    const ranking = await page.getByTestId('ranking').locator('tbody tr').allInnerTexts();
    expect(ranking[0]).toContain(second.handle);
    expect(ranking[1]).toContain(first.handle);
    await screenshot(page, 'battle-corrected-result');
  });
});

interface Voting {
  id: string;
  slug: string;
  creator: Actor;
  /** Final entries: submission id and text. */
  entries: Array<{ id: string; text: string }>;
}

/** A human battle with `n` entries in voting (or left open, with `open`), created with `extra` arguments. */
async function votingBattle(n: number, extra: Record<string, unknown> = {}, opts: { open?: boolean } = {}): Promise<Voting> {
  const k = ++seq;
  const creator = await makeUser(suite.server.db, `board_host_${k}`);
  const slug = `board-${k}`;
  const id = await creator.rpc<string>('fn_battles_create', { title: `Board ${k}`, slug, task_prompt: 'Name a colour.', max_contenders: Math.max(2, n), ...extra });
  await creator.rpc('fn_publish_battle', { battle_id: id });
  const colours = ['Vermilion, like a kiln at dusk', 'Teal, the shallow end of a reef', 'Ochre, dry clay after the rain', 'Indigo, the last hour of night', 'Saffron, a spice market at noon'];
  for (let i = 0; i < n; i++) {
    const who = await makeUser(suite.server.db, `painter_${k}_${i}`);
    await who.rpc('fn_battles_join', { battle_id: id });
    await who.rpc('fn_battles_submit', { battle_id: id, text: colours[i] });
  }
  if (!opts.open) await creator.rpc('fn_battle_open_voting', { battle_id: id });
  const { rows } = await suite.server.db.query<{ id: string; text: string }>(
    'select id, content_text as text from battles.submissions where battle_id = $1 and is_final', [id]);
  return { id, slug, creator, entries: rows };
}

/** The entries' texts in the order the page shows them. */
async function shownOrder(page: TestPage): Promise<string[]> {
  return page.getByTestId('entry-card').locator('.entry-body').allInnerTexts();
}

describe('the voting board', () => {
  it('shows two voters the same entries in different orders, each the order of their own seed', async () => {
    const b = await votingBattle(4);
    // Voters' ids are random, so pick the first two whose seeds give different orders (with four
    // entries, 23 times in 24 the first two already do); the page must show each exactly its own.
    const expected = (voterId: string) => orderForViewer(b.entries, `${voterId}:${b.id}`).map((e) => e.text);
    const voters: Actor[] = [await makeUser(suite.server.db)];
    while (voters.length < 2) {
      const v = await makeUser(suite.server.db);
      if (expected(v.id).join() !== expected(voters[0].id).join()) voters.push(v);
    }
    const seen: string[][] = [];
    for (const v of voters) {
      const page = await signedIn(v);
      await gotoAs(page, v, `/b/${b.slug}`);
      await page.getByRole('button', { name: /Choose D/ }).waitFor();
      const order = (await shownOrder(page)).map((t) => t.trim());
      expect(order).toEqual(expected(v.id));
      seen.push(order);
      // The same voter sees the same order again on reload.
      await page.reload();
      await page.getByRole('button', { name: /Choose D/ }).waitFor();
      expect((await shownOrder(page)).map((t) => t.trim())).toEqual(order);
    }
    expect(seen[0]).not.toEqual(seen[1]);
    expect([...seen[0]].sort()).toEqual([...seen[1]].sort());
  });

  it('counts down to the opening of voting, and shows a status change by another person without a reload', async () => {
    const t0 = Date.now();
    const opensAt = t0 + 90 * 60_000 + 30_000;
    const b = await votingBattle(2, { voting_opens_at: new Date(opensAt).toISOString(), voting_closes_at: new Date(t0 + 86_400_000).toISOString() }, { open: true });
    const page = await visitor();
    // The page's clock is the test's: set to now, then stopped where the test says.
    await page.clock.install({ time: t0 });
    await page.goto(`/b/${b.slug}`);
    const countdown = page.locator('.battle-head .countdown');
    await expect.poll(() => countdown.innerText()).toMatch(/^Voting opens in 1h (29|30)m$/);
    await page.clock.pauseAt(t0 + 60 * 60_000);
    await expect.poll(() => countdown.innerText()).toBe('Voting opens in 30:30');
    await page.clock.runFor(5_000);
    await expect.poll(() => countdown.innerText()).toBe('Voting opens in 30:25');
    await screenshot(page, 'battle-countdown');

    // The creator opens voting early from elsewhere; the next 10-second refresh shows it.
    await b.creator.rpc('fn_battle_open_voting', { battle_id: b.id });
    expect(await page.getByRole('heading', { name: 'Vote', level: 2 }).count()).toBe(0);
    await page.clock.runFor(10_000);
    await page.getByRole('heading', { name: 'Vote', level: 2 }).waitFor();
    expect(await page.getByTestId('status-line').innerText()).toBe('Voting is open. Entries are shown blind until you vote.');
    // Time on the page: t0 + 1 h + 15 s; voting closes at t0 + 24 h.
    await expect.poll(() => countdown.innerText()).toBe('Voting closes in 22h 59m');
    expect(page.jsErrors).toEqual([]);
  });

  it('fits a 360 px phone: no sideways scrolling, every voting control on screen, uncovered and finger-sized', async () => {
    const b = await votingBattle(2);
    const voter = await makeUser(suite.server.db);
    const page = await signedIn(voter, { width: 360, height: 740 });
    await gotoAs(page, voter, `/b/${b.slug}`);
    await page.getByRole('button', { name: /Choose A/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const controls = [
      page.getByRole('button', { name: /Choose A/ }),
      page.getByRole('button', { name: /Choose B/ }),
      page.getByRole('button', { name: /It's a draw/ }),
      page.getByLabel(/Why\?/),
      page.getByRole('button', { name: /Choose an entry first|Cast vote/ }),
    ];
    for (const control of controls) {
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(box.height).toBeGreaterThanOrEqual(24); // a finger-sized target
      // Nothing covers it: the element at its centre is the control (or inside it).
      const onTop = await control.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return !!hit && (hit === el || el.contains(hit));
      });
      expect(onTop).toBe(true);
    }
    await screenshot(page, 'battle-voting-phone-360');
    await controls[1].click();
    await page.getByLabel(/Why\?/).fill('Warmer.');
    await page.getByRole('button', { name: /Cast vote for B/ }).click();
    await page.getByText(/You voted for B/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('takes the keyboard through entry A, entry B, draw, reason and cast in that order, and nothing moves when the vote is cast', async () => {
    const b = await votingBattle(2);
    const voter = await makeUser(suite.server.db);
    const page = await signedIn(voter);
    await gotoAs(page, voter, `/b/${b.slug}`);
    const chooseA = page.getByRole('button', { name: /Choose A/ });
    await chooseA.waitFor();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      // The button's words without its key hint (<kbd>).
      const words = [...el.childNodes].filter((n) => n.nodeName !== 'KBD').map((n) => n.textContent).join('');
      return el.id === 'vote-rationale' ? 'reason' : words.replace(/\s+/g, ' ').trim();
    });
    await chooseA.focus();
    await page.keyboard.press('Space'); // chooses A, which enables the cast button
    const order = [await focused()];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['Choose A', 'Choose B', "It's a draw", 'reason', 'Cast vote for A']);
    // Shift+Tab walks back the same way.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('reason');

    const boxes = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="entry-card"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    }));
    const before = await boxes();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/You voted for A/).waitFor();
    await page.getByTestId('entry-name').first().locator('a').waitFor(); // names are in
    expect(await boxes()).toEqual(before);
    expect(page.jsErrors).toEqual([]);
  });
});

describe('the battle page', () => {
  it('raised no uncaught errors in any page', () => {
    expect(pages.flatMap((p) => p.jsErrors)).toEqual([]);
  });
});
