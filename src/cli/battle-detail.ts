// The battle detail the API returns (v_battle_full), how the CLI finds a battle by id or slug, and
// how it names entries by letter. During blind voting the contenders (and so their slots) are hidden
// from voters who have not voted yet; entries are then lettered A, B, ... in the order the server
// lists them (by integrity hash, the same for everyone), and `vote --contender A` uses that letter.
import type { ApiClient } from './client.ts';
import { isUuid } from './context.ts';
import { CliError, EXIT, usageError } from './errors.ts';

export interface Contender {
  id: string;
  slot: string;
  contender_type: string;
  display_name: string;
  contender_status: string;
  entry_mode: string;
  profile_id: string | null;
  ai_lenser_id: string | null;
}

export interface Entry {
  id: string;
  contender_id: string;
  content_text: string | null;
  content_url: string | null;
  content_media: unknown[];
  submitted_at: string;
  integrity_hash: string;
}

export interface Result {
  contender_id: string;
  raw_vote_count: number;
  weighted_vote_sum: number | string;
  draw_count: number;
  rank_position: number | null;
}

export interface BattleDetail {
  id: string;
  slug: string;
  title: string;
  task_prompt: string;
  status: string;
  battle_type: string;
  task_source: string;
  contender_structure: string;
  judging_mode: string;
  challenge_type: string | null;
  content_type: string;
  voter_eligibility: string;
  max_contenders: number;
  invite_only: boolean;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
  published_at: string | null;
  finalized_at: string | null;
  winner_contender_id: string | null;
  total_vote_count: number;
  rule_snapshot_sha256: string | null;
  rules_frozen_at: string | null;
  finalize_summary: { draw?: boolean } | null;
  creator: { id: string; handle: string; display_name: string };
  contender_count: number;
  contenders: Contender[];
  entries: Entry[];
  results: Result[];
  my_vote: { vote_id: string; voted_contender_id: string | null; is_draw: boolean } | null;
}

export async function getBySlug(client: ApiClient, slug: string): Promise<BattleDetail> {
  try {
    return await client.get<BattleDetail>(`/api/battles/by-slug/${encodeURIComponent(slug)}`);
  } catch (err) {
    if (err instanceof CliError && err.code === 'not_found') {
      throw new CliError('not_found', `no battle with slug "${slug}" (or you may not see it)`, EXIT.refused, { status: err.status });
    }
    throw err;
  }
}

/** The full detail of a battle named by id or slug. */
export async function getBattle(client: ApiClient, ref: string): Promise<BattleDetail> {
  if (!isUuid(ref)) return getBySlug(client, ref);
  return client.get<BattleDetail>(`/api/battles/${ref}`);
}

/** A battle id from an id (used as is) or a slug (looked up). */
export async function resolveBattleId(client: ApiClient, ref: string): Promise<string> {
  return isUuid(ref) ? ref : (await getBySlug(client, ref)).id;
}

/** True when the caller sees who is behind the entries (and so the real slots). */
export function identitiesVisible(b: BattleDetail): boolean {
  return b.contenders.length > 0 || b.contender_count === 0;
}

/** Letter of each entry's contender: its slot when visible, else its position in the blind list. */
export function entryLetters(b: BattleDetail): Map<string, string> {
  const letters = new Map<string, string>();
  if (b.contenders.length > 0) {
    for (const c of b.contenders) letters.set(c.id, c.slot);
  } else {
    b.entries.forEach((e, i) => letters.set(e.contender_id, String.fromCharCode(65 + i)));
  }
  return letters;
}

export function contenderName(b: BattleDetail, contenderId: string | null): string | undefined {
  if (!contenderId) return undefined;
  const c = b.contenders.find((x) => x.id === contenderId);
  return c ? `${c.slot} ${c.display_name}` : entryLetters(b).get(contenderId);
}

/** A contender id from an id or a letter, read the way `lf battle show` letters the entries. */
export function resolveContender(b: BattleDetail, ref: string): string {
  if (isUuid(ref)) return ref;
  if (!/^[A-Za-z]$/.test(ref)) throw usageError(`--contender takes a contender id or a letter A-Z, not "${ref}"`);
  const letter = ref.toUpperCase();
  for (const [id, l] of entryLetters(b)) if (l === letter) return id;
  const known = [...entryLetters(b).values()].join(', ') || 'none';
  throw usageError(`battle ${b.slug} has no contender ${letter} (letters: ${known})`, `see: lf battle show ${b.slug}`);
}
