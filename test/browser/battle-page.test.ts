// The battle page on the real server: judge verdicts and rubric scorecards of battles judged by the
// execution worker against the local provider servers, moderation status in the contender view,
// results publication, contender profile links, and the voting board's behaviour (per-voter order,
// countdown and live refresh, phone width, focus order, no layout shift).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, makeAiLenser, makeUser, type Actor } from '../support/actors.ts';
import { STRONG_TEXT } from '../e2e/harness.ts';
import { launchBrowser, openPage, openSignedIn, screenshot, type TestPage } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let judgeModel: string;
let seq = 0;
const pages: TestPage[] = [];

beforeAll(async () => {
  server = await startServer({ ai: true });
  browser = await launchBrowser();
  judgeModel = await server.ai!.addModel('anthropic', 'judge-scripted');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(actor: Actor, opts?: { width?: number; height?: number }): Promise<TestPage> {
  const p = await openSignedIn(browser, server.url, await server.tokenFor(actor.id), opts);
  pages.push(p);
  return p;
}

async function visitor(opts?: { width?: number; height?: number }): Promise<TestPage> {
  const p = await openPage(browser, server.url, opts);
  pages.push(p);
  return p;
}

/** GET as a signed-in actor (or a visitor), through the real HTTP API. */
async function apiGet<T>(path: string, actor?: Actor): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = actor ? { authorization: `Bearer ${await server.tokenFor(actor.id)}` } : {};
  const res = await fetch(`${server.url}${path}`, { headers });
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
  const creator = host ?? await makeUser(server.db, `judged_host_${n}`);
  const strong = await makeUser(server.db, `long_writer_${n}`);
  const weak = await makeUser(server.db, `short_writer_${n}`);
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
    server.ai!.providers.anthropic.reset();
    const creator = await signedIn(s.creator);
    await creator.goto(`/b/${s.slug}`);
    await creator.getByRole('button', { name: 'Start scoring' }).click();
    // The worker judges the pair through the provider server; the live page picks up the result.
    await creator.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    expect(await creator.getByTestId('winner').innerText()).toContain(s.strong.handle);

    const verdicts = creator.getByTestId('verdict');
    expect(await verdicts.count()).toBe(1);
    const text = await verdicts.first().innerText();
    expect(text).toContain(`${s.strong.handle} vs ${s.weak.handle}: ${s.strong.handle} wins`);
    expect(text).toContain('both orders agree');
    expect(text).toContain(`In slot order (${s.strong.handle} shown first)`);
    expect(text).toContain(`Swapped order (${s.weak.handle} shown first)`);
    expect(text.match(/the longer entry covers the task better/g)).toHaveLength(2);
    expect(text).toContain('Judge: judge-scripted (anthropic)');
    // Two judge calls were made over the wire, one per order.
    const calls = server.ai!.providers.anthropic.requests.filter((r) => (r.body as { model?: string }).model === 'judge-scripted');
    expect(calls).toHaveLength(2);
    await screenshot(creator, 'battle-results-ai-judge');

    // The API answers what the page shows, and a reader sees verdicts exactly when they see results.
    const own = await apiGet<Array<{ winner_contender_id: string; agreed: boolean; runs: Array<{ winner_contender_id: string }> }>>(`/api/battles/${s.id}/verdicts`, s.creator);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject([{ winner_contender_id: s.strongId, agreed: true, runs: [{ winner_contender_id: s.strongId }, { winner_contender_id: s.strongId }] }]);
    const stranger = await makeUser(server.db);
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
    const owner = await makeUser(server.db, `draft_owner_${n}`);
    const id = await owner.rpc<string>('fn_battles_create', { title: 'Hidden draft', slug: `hidden-draft-${n}`, task_prompt: 'x', judging_mode: 'ai_judge' });
    const other = await makeUser(server.db);
    const hidden = await apiGet<{ error: { code: string } }>(`/api/battles/${id}/verdicts`, other);
    expect(hidden).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'battle not found' } } });
    expect(await apiGet(`/api/battles/${id}/verdicts`, owner)).toEqual({ status: 200, body: [] });
    expect((await apiGet<{ error: { code: string } }>('/api/battles/not-a-uuid/verdicts')).body.error.code).toBe('invalid_input');
  });
});

describe('rubric scorecards on the real server', () => {
  it('shows each criterion\'s result, weight and explanation per contender of a rubric_score battle the judge model graded', async () => {
    const n = ++seq;
    const host = await makeUser(server.db, `rubric_host_${n}`);
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
    const stranger = await makeUser(server.db);
    const results = (await apiGet<{ results: unknown[] }>(`/api/battles/${s.id}`, stranger)).body.results.length > 0;
    expect((await apiGet<unknown[]>(`/api/battles/${s.id}/scorecards`, stranger)).body.length > 0).toBe(results);
    expect((await apiGet<{ error: { code: string } }>(`/api/battles/${s.id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}/scorecards`, stranger)).status).toBe(404);
    expect(creator.jsErrors).toEqual([]);
  });
});

describe('the contender view', () => {
  it('shows a contender that a moderator disqualified their entry, and another that theirs awaits review', async () => {
    const n = ++seq;
    const creator = await makeUser(server.db, `mod_host_${n}`);
    const out = await makeUser(server.db, `ruled_out_${n}`);
    const waiting = await makeUser(server.db, `in_review_${n}`);
    const slug = `moderated-${n}`;
    const id = await creator.rpc<string>('fn_battles_create', { title: 'Moderated limerick', slug, task_prompt: 'A limerick.' });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    for (const who of [out, waiting]) {
      await who.rpc('fn_battles_join', { battle_id: id });
      await who.rpc('fn_battles_submit', { battle_id: id, text: `There once was a poet called ${who.handle}` });
    }
    // There is no moderation RPC yet: set the entries' status as an operator's tool would.
    const setStatus = (who: Actor, status: string) => server.db.query(
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
    const creator = await makeUser(server.db, `link_host_${n}`);
    const human = await makeUser(server.db, `linked_human_${n}`);
    const owner = await makeUser(server.db, `bot_keeper_${n}`);
    const bot = await makeAiLenser(server.db, owner, `linked_bot_${n}`);
    const slug = `linked-${n}`;
    const id = await creator.rpc<string>('fn_battles_create', { title: 'Linked names', slug, task_prompt: 'A riddle.', contender_structure: 'human_vs_ai' });
    await creator.rpc('fn_publish_battle', { battle_id: id });
    const persona = actingAs(server.db, owner, bot.ai_lenser_id);
    for (const who of [human, persona]) {
      await who.rpc('fn_battles_join', { battle_id: id });
      await who.rpc('fn_battles_submit', { battle_id: id, text: `A riddle from ${who === human ? 'a person' : 'a bot'}` });
    }
    await creator.rpc('fn_battle_open_voting', { battle_id: id });

    const voter = await signedIn(await makeUser(server.db, `link_voter_${n}`));
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

describe('the battle page', () => {
  it('raised no uncaught errors in any page', () => {
    expect(pages.flatMap((p) => p.jsErrors)).toEqual([]);
  });
});
