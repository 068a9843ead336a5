import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindActor, makeAiLenser } from '../support/actors.ts';
import { deadUrl, login, removeConfigDirs, signUp, startApi, type ApiServer, type CliUser } from './harness.ts';

let api: ApiServer;
let creator: CliUser & { id: string };
let alice: CliUser & { id: string };
let bob: CliUser & { id: string };
let voter: CliUser & { id: string };

beforeAll(async () => {
  api = await startApi();
  creator = await signUp(api.url, 'cli_creator');
  alice = await signUp(api.url, 'cli_alice');
  bob = await signUp(api.url, 'cli_bob');
  voter = await signUp(api.url, 'cli_voter');
  for (const u of [creator, alice, bob, voter]) await login(u);
});
afterAll(async () => {
  await api.close();
  removeConfigDirs();
});

/** A battle opened by `creator` with entries from alice and bob, voting open. */
async function battleInVoting(slug: string) {
  const created = await creator.run(['battle', 'create', '--title', `Battle ${slug}`, '--slug', slug, '--prompt', 'Write a haiku', '--json']);
  expect(created.code, created.stderr).toBe(0);
  expect((await creator.run(['battle', 'open', slug])).code).toBe(0);
  for (const [u, text] of [[alice, 'rain on the tin roof'], [bob, 'grey drops, quiet street']] as const) {
    expect((await u.run(['battle', 'join', slug])).code).toBe(0);
    expect((await u.run(['battle', 'submit', slug, '--text', text])).code).toBe(0);
  }
  expect((await creator.run(['battle', 'start-voting', slug])).code).toBe(0);
  return created.json<{ id: string }>().id;
}

describe('lf battle: the whole lifecycle through the CLI', () => {
  it('create → open → join/submit → start-voting → vote by letter → finalize → publish, and show/list display the winner', async () => {
    const promptFile = path.join(creator.configDir, 'prompt.txt');
    writeFileSync(promptFile, 'Write a haiku about rain');
    const created = await creator.run([
      'battle', 'create', '--title', 'Haiku duel', '--slug', 'haiku-duel', '--prompt-file', promptFile,
      '--challenge-type', 'haiku', '--eligibility', 'lenser_only', '--max-contenders', '2', '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { id, status } = created.json();
    expect(status).toBe('draft');

    const opened = await creator.run(['battle', 'open', 'haiku-duel', '--json']);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.json()).toMatchObject({ battle_id: id, status: 'open', rule_snapshot_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(opened.json().rule_snapshot.voter_eligibility).toBe('lenser_only');

    const aJoin = await alice.run(['battle', 'join', id, '--json']);
    const bJoin = await bob.run(['battle', 'join', 'haiku-duel', '--json']);
    expect(aJoin.code, aJoin.stderr).toBe(0);
    expect(bJoin.code, bJoin.stderr).toBe(0);
    const entryFile = path.join(bob.configDir, 'entry.txt');
    writeFileSync(entryFile, 'grey drops, quiet street');
    expect((await alice.run(['battle', 'submit', 'haiku-duel', '--text', 'rain on the tin roof', '--json'])).json().submission_id).toBeTruthy();
    expect((await bob.run(['battle', 'submit', 'haiku-duel', '--file', entryFile, '--json'])).code).toBe(0);

    const voting = await creator.run(['battle', 'start-voting', 'haiku-duel', '--json']);
    expect(voting.json()).toEqual({ battle_id: id, status: 'voting' });

    // The voter sees the entries without who wrote them, lettered in ballot order.
    const blind = await voter.run(['battle', 'show', 'haiku-duel', '--json']);
    const ballot = blind.json();
    expect(ballot.contenders).toEqual([]);
    expect(ballot.entries).toHaveLength(2);
    const human = await voter.run(['battle', 'show', 'haiku-duel']);
    expect(human.stdout).toContain('hidden until you vote');
    expect(human.stdout).toMatch(/\[A\] contender/);

    const vote = await voter.run(['battle', 'vote', 'haiku-duel', '--contender', 'A', '--rationale', 'vivid', '--json']);
    expect(vote.code, vote.stderr).toBe(0);
    const chosen = ballot.entries[0].contender_id as string;
    expect(vote.json()).toMatchObject({ battle_id: id, voted_contender_id: chosen, total_vote_count: 1 });

    const final = await creator.run(['battle', 'finalize', 'haiku-duel', '--json']);
    expect(final.code, final.stderr).toBe(0);
    expect(final.json()).toMatchObject({ status: 'closed', winner_contender_id: chosen, draw: false });

    const pub = await creator.run(['battle', 'publish', 'haiku-duel', '--json']);
    expect(pub.json()).toEqual({ battle_id: id, status: 'published' });

    const shown = (await voter.run(['battle', 'show', 'haiku-duel', '--json'])).json();
    expect(shown.status).toBe('published');
    expect(shown.winner_contender_id).toBe(chosen);
    const winner = shown.contenders.find((c: { id: string }) => c.id === chosen);
    const showHuman = await alice.run(['battle', 'show', 'haiku-duel']);
    expect(showHuman.stdout).toMatch(new RegExp(`winner\\s+${winner.slot} ${winner.display_name}`));
    expect(showHuman.stdout).toContain('Write a haiku about rain');

    const list = await voter.run(['battle', 'list', '--status', 'results', '--json']);
    const row = list.json().items.find((r: { slug: string }) => r.slug === 'haiku-duel');
    expect(row).toMatchObject({ status: 'published', total_vote_count: 1, winner: { contender_id: chosen, slot: winner.slot } });
    const listHuman = await voter.run(['battle', 'list']);
    expect(listHuman.stdout).toMatch(new RegExp(`haiku-duel\\s+published\\s+1\\s+2\\s+${winner.slot} ${winner.display_name}`));
  });
});

describe('lf battle: refusals, usage errors, unreachable server', () => {
  it('a second vote is refused with exit 1 and error already_voted', async () => {
    await battleInVoting('twice-voted');
    const first = await voter.run(['battle', 'vote', 'twice-voted', '--contender', 'b']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Voted for ballot entry B \(slot [AB] cli_(alice|bob)\) in twice-voted/);
    const again = await voter.run(['battle', 'vote', 'twice-voted', '--draw']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error already_voted: /);
    expect(again.stdout).toBe('');
  });

  it('contenders cannot vote, only the creator may open voting, unknown slugs are not_found', async () => {
    await battleInVoting('refusals');
    const own = await alice.run(['battle', 'vote', 'refusals', '--contender', 'A', '--json']);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/^error contender_cannot_vote: /);
    expect(own.stdout).toBe('');

    const notMine = await voter.run(['battle', 'close-voting', 'refusals']);
    expect(notMine.code).toBe(1);
    expect(notMine.stderr).toMatch(/^error forbidden: /);

    const missing = await voter.run(['battle', 'show', 'no-such-battle']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error not_found: no battle with slug "no-such-battle"/);
  });

  it('usage errors exit 2 before any request', async () => {
    const cases: string[][] = [
      ['battle', 'submit', 'x'],
      ['battle', 'submit', 'x', '--text', 'a', '--url', 'https://example.com'],
      ['battle', 'create', '--slug', 'no-title', '--prompt', 'p'],
      ['battle', 'create', '--title', 't', '--slug', 'no-prompt'],
      ['battle', 'create', '--title', 't', '--slug', 's', '--prompt', 'p', '--max-contenders', 'many'],
      ['battle', 'create', '--title', 't', '--slug', 's', '--prompt', 'p', '--judging', 'dice'],
      ['battle', 'create', '--title', 't', '--slug', 's', '--prompt', 'p', '--voting-closes', 'someday'],
      ['battle', 'vote', 'x'],
      ['battle', 'list', '--limit', '0'],
      ['battle', 'frobnicate'],
      ['--act-as', 'not-a-uuid', 'battle', 'list'],
      ['--api-url', 'ftp://example.com', 'battle', 'list'],
      [],
    ];
    for (const argv of cases) {
      const r = await voter.run(argv, { env: { API_URL: await deadUrl() } });
      expect(r.code, `lf ${argv.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr.length, argv.join(' ')).toBeGreaterThan(0);
    }
    // A letter the battle does not have is a usage error too.
    await battleInVoting('letters');
    const z = await voter.run(['battle', 'vote', 'letters', '--contender', 'Z']);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain('no contender Z');
  });

  it('an unreachable server exits 3 and names the URL', async () => {
    const url = await deadUrl();
    const r = await voter.run(['battle', 'list', '--json'], { env: { API_URL: url } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`error unreachable: cannot reach the LenserFight API at ${url}`);
    expect(r.stdout).toBe('');
    const viaFlag = await voter.run(['--api-url', url, 'auth', 'whoami']);
    expect(viaFlag.code).toBe(3);
    expect(viaFlag.stderr).toContain(url);
  });
});

describe('lf battle: feed, clone, archive, act-as', () => {
  it('list pages with --limit/--cursor and --all follows the cursor to the end', async () => {
    const lister = await signUp(api.url, 'cli_lister');
    await login(lister);
    for (const n of [1, 2, 3, 4, 5]) {
      const r = await lister.run(['battle', 'create', '--title', `Page ${n}`, '--slug', `page-${n}`, '--prompt', 'p']);
      expect(r.code, r.stderr).toBe(0);
      expect((await lister.run(['battle', 'open', `page-${n}`])).code).toBe(0);
    }
    const first = (await lister.run(['battle', 'list', '--status', 'open', '--limit', '2', '--json'])).json();
    expect(first.items.map((r: { slug: string }) => r.slug)).toEqual(['page-5', 'page-4']);
    expect(first.next_cursor).toBeTruthy();
    const second = (await lister.run(['battle', 'list', '--status', 'open', '--limit', '2', '--cursor', first.next_cursor, '--json'])).json();
    expect(second.items.map((r: { slug: string }) => r.slug)).toEqual(['page-3', 'page-2']);
    const all = (await lister.run(['battle', 'list', '--status', 'open', '--limit', '2', '--all', '--json'])).json();
    const slugs = all.items.map((r: { slug: string }) => r.slug);
    expect(slugs.filter((s: string) => s.startsWith('page-'))).toEqual(['page-5', 'page-4', 'page-3', 'page-2', 'page-1']);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(all.next_cursor).toBeNull();
    const human = await lister.run(['battle', 'list', '--status', 'open', '--limit', '2']);
    expect(human.stdout).toMatch(/^SLUG\s+STATUS/);
    expect(human.stdout).toContain('More: lf battle list --cursor');
  });

  it('clone copies a battle into a new draft; archive hides it from the feed', async () => {
    const src = await creator.run(['battle', 'create', '--title', 'Original', '--slug', 'original', '--prompt', 'p', '--json']);
    const cloned = await creator.run(['battle', 'clone', 'original', '--title', 'Copy', '--slug', 'copy-of-original', '--json']);
    expect(cloned.code, cloned.stderr).toBe(0);
    expect(cloned.json()).toMatchObject({ slug: 'copy-of-original', status: 'draft', cloned_from: src.json().id });
    expect((await creator.run(['battle', 'show', 'copy-of-original', '--json'])).json().task_prompt).toBe('p');

    expect((await creator.run(['battle', 'open', 'original'])).code).toBe(0);
    const archived = await creator.run(['battle', 'archive', 'original', '--json']);
    expect(archived.json()).toMatchObject({ status: 'archived' });
    const feed = (await creator.run(['battle', 'list', '--all', '--json'])).json();
    expect(feed.items.some((r: { slug: string }) => r.slug === 'original')).toBe(false);
    const onlyArchived = (await creator.run(['battle', 'list', '--status', 'archived', '--json'])).json();
    expect(onlyArchived.items.map((r: { slug: string }) => r.slug)).toContain('original');

    const draftAgain = await creator.run(['battle', 'archive', 'copy-of-original']);
    expect(draftAgain.code).toBe(1);
    expect(draftAgain.stderr).toMatch(/^error invalid_transition: /);
  });

  it('--act-as sends X-Lenserfight-Act-As: the AI lenser joins, not its owner', async () => {
    const owner = await signUp(api.url, 'cli_owner');
    await login(owner);
    const ai = await makeAiLenser(api.db, bindActor(api.db, owner.id, owner.handle, { sub: owner.id, role: 'authenticated' }));
    const r = await creator.run(['battle', 'create', '--title', 'Bots', '--slug', 'bots', '--prompt', 'p', '--structure', 'ai_vs_ai']);
    expect(r.code, r.stderr).toBe(0);
    await creator.run(['battle', 'open', 'bots']);
    const joined = await owner.run(['--act-as', ai.ai_lenser_id, 'battle', 'join', 'bots', '--json']);
    expect(joined.code, joined.stderr).toBe(0);
    const detail = (await owner.run(['battle', 'show', 'bots', '--json'])).json();
    expect(detail.contenders).toHaveLength(1);
    expect(detail.contenders[0]).toMatchObject({ contender_type: 'ai_model', ai_lenser_id: ai.ai_lenser_id });
  });
});
