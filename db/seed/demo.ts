// Demo data for the embedded start: a few lensers, an AI lenser on the scripted demo model, a lens
// with parameters, and battles in every stage (open for entries, in voting, with published results).
// Everything goes through the same RPCs users call, so the data obeys every rule. The whole seed is
// one transaction that ends by writing the marker row: a seed that fails halfway leaves nothing
// behind, and the next start seeds again.
import type { Db, Queryable } from '../../src/db/db.ts';
import { setClaims, userClaims, type Claims } from '../../src/db/claims.ts';
import { rpcIn } from '../../src/battles/rpc.ts';
import { createAccount } from '../../src/identity/accounts.ts';

export const DEMO_LOGIN = { email: 'demo@lenserfight.local', password: 'lenserfight-demo' };

/** The ops.settings row a finished seed leaves (its value: when). */
export const SEEDED_MARKER = 'app.demo_seeded';

// Two starts seeding one server at once queue here; the second finds the marker and stops.
const SEED_LOCK = 7160443101;

async function seededIn(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ marker: boolean; legacy: boolean }>(
    `select exists (select 1 from ops.settings where key = $1) as marker,
            exists (select 1 from ops.accounts where lower(email) = lower($2)) as legacy`,
    [SEEDED_MARKER, DEMO_LOGIN.email],
  );
  // Data directories seeded before the marker existed have the demo account and no marker; a seed
  // in one transaction never leaves the account without the marker.
  return rows[0].marker || rows[0].legacy;
}

export async function isSeeded(db: Db): Promise<boolean> {
  return seededIn(db);
}

/** Seeds the demo data unless it is there already; true when this call seeded it. */
export async function seedDemo(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [SEED_LOCK]);
    if (await seededIn(tx)) return false;
    await seedInto(tx);
    return true;
  });
}

async function seedInto(tx: Queryable): Promise<void> {
  // The server's own rights first (accounts, the scripted model, the marker), then every step as the
  // user who takes it.
  await tx.query(`insert into ops.settings (key, value) values ($1, now()::text)`, [SEEDED_MARKER]);
  const demo = await createAccount(tx, { ...DEMO_LOGIN, handle: 'demo', displayName: 'Demo Lenser', isVerified: true });
  const people = [];
  for (const [handle, name] of [['ada', 'Ada'], ['grace', 'Grace'], ['linus', 'Linus'], ['margaret', 'Margaret'], ['alan', 'Alan']]) {
    people.push(await createAccount(tx, { email: `${handle}@lenserfight.local`, password: DEMO_LOGIN.password, handle, displayName: name, isVerified: true }));
  }
  const [ada, grace, linus, margaret, alan] = people.map((p) => userClaims(p.id));
  const me = userClaims(demo.id);

  // The scripted model is a stand-in that needs no network: demo data only.
  await tx.query(
    `with m as (insert into ai.models (provider, model_id, display_name) values ('scripted', 'demo-scripted-1', 'Demo scripted model') returning id),
          p as (insert into lensers.profiles (handle, display_name, kind) values ('demo_bot', 'Demo Bot', 'ai') returning id)
     insert into agents.ai_lensers (profile_id, owner_profile_id, model_id) select p.id, $1, m.id from p, m`,
    [demo.id],
  );

  const call = async (claims: Claims, name: string, args: Record<string, unknown>) => {
    await setClaims(tx, claims);
    return rpcIn(tx, name, args);
  };

  // Finished, results published. Its voting opened a day ago: in one transaction now() never moves,
  // and a voting window must open before it closes.
  const haiku = await call(me, 'fn_battles_create', {
    title: 'Haiku about the first rain', slug: 'haiku-first-rain',
    task_prompt: 'Write a haiku (5-7-5) about the **first rain** after a long summer.',
    voting_opens_at: new Date(Date.now() - 24 * 3600_000).toISOString(),
  }) as string;
  await call(me, 'fn_publish_battle', { battle_id: haiku });
  const cAda = await call(ada, 'fn_battles_join', { battle_id: haiku }) as string;
  await call(grace, 'fn_battles_join', { battle_id: haiku });
  await call(ada, 'fn_battles_submit', { battle_id: haiku, text: 'Dust lifts its old face —\nthe first drops darken the road,\nsummer exhales slow.' });
  await call(grace, 'fn_battles_submit', { battle_id: haiku, text: 'Tin roof drum begins,\ncracked earth drinks the thunder in,\ncrickets hold their breath.' });
  await call(me, 'fn_battle_open_voting', { battle_id: haiku });
  await call(linus, 'fn_submit_vote', { battle_id: haiku, voted_contender_id: cAda, vote_value: 'contender_a', rationale: 'The exhale line.' });
  await call(margaret, 'fn_submit_vote', { battle_id: haiku, voted_contender_id: cAda, vote_value: 'contender_a' });
  await call(alan, 'fn_submit_vote', { battle_id: haiku, is_draw: true, vote_value: 'draw' });
  await call(me, 'fn_battles_close', { battle_id: haiku });
  await call(me, 'fn_battles_publish_results', { battle_id: haiku });

  // In voting now.
  const sql = await call(grace, 'fn_battles_create', {
    title: 'Explain a SQL join to a ten-year-old', slug: 'explain-sql-join',
    task_prompt: 'Explain what an `INNER JOIN` does to a ten-year-old, in under 120 words.',
    content_type: 'markdown',
  }) as string;
  await call(grace, 'fn_publish_battle', { battle_id: sql });
  await call(linus, 'fn_battles_join', { battle_id: sql });
  await call(alan, 'fn_battles_join', { battle_id: sql });
  await call(linus, 'fn_battles_submit', { battle_id: sql, text: 'Imagine two lists of friends: one of who likes pizza, one of who likes football. A join finds the friends on **both** lists.' });
  await call(alan, 'fn_battles_submit', { battle_id: sql, text: 'Two card piles, match cards with the same name, keep only pairs. That is an inner join.' });
  await call(grace, 'fn_battle_open_voting', { battle_id: sql });

  // Open for entries.
  const open = await call(margaret, 'fn_battles_create', {
    title: 'Best one-line product tagline for a bike lock', slug: 'bike-lock-tagline',
    task_prompt: 'Write one tagline (max 12 words) for a bike lock that cannot be cut.',
    max_contenders: 4,
  }) as string;
  await call(margaret, 'fn_publish_battle', { battle_id: open });
  await call(ada, 'fn_battles_join', { battle_id: open });
  await call(ada, 'fn_battles_submit', { battle_id: open, text: 'Steel nerves for your steel steed.' });

  // A public lens with parameters, for lens battles (the wizard's task step offers it).
  await call(me, 'fn_lenses_create', {
    slug: 'explain-like-a-teacher', title: 'Explain like a teacher',
    description: 'Answers as a patient teacher would, for the audience you name.',
    template_body: 'You are a patient teacher. Explain for [[audience]], in a [[tone]] tone, in at most [[max_words]] words. Use one concrete example.',
    params: [
      { label: 'audience', required: true, description: 'Who the explanation is for, e.g. "ten-year-olds"' },
      { label: 'tone', required: false, default: 'friendly', description: 'How it sounds' },
      { label: 'max_words', required: true, default: '150', description: 'A word limit' },
    ],
  });

  // A draft only its creator sees.
  await call(me, 'fn_battles_create', { title: 'My unfinished idea', slug: 'my-unfinished-idea', task_prompt: 'Draft: to be written.' });
}
