// The generated challenge of a battle: its prompt and hidden answer key, made once from the secret seed.
import { sha256Hex } from '../core/canonical-json.ts';
import { getChallenge } from '../core/challenges/index.ts';
import { serviceClaims, withClaims } from '../db/claims.ts';
import type { Db } from '../db/db.ts';
import { JobFailure } from './jobs/job.ts';

export interface ChallengeInstance {
  challengeType: string;
  prompt: string;
  answerKey: unknown;
}

/**
 * Reads the battle's challenge, generating and storing it on first use. Generation is pure
 * (src/core/challenges: the same seed and options give the same challenge), so whichever job comes
 * first (challenge_prepare, a contender run, auto_score) writes the same row; a race is settled by
 * the primary key. The seed must match the SHA-256 frozen in the rule snapshot.
 */
export async function ensureChallenge(db: Db, battleId: string): Promise<ChallengeInstance | null> {
  return withClaims(db, serviceClaims(), async (tx) => {
    const existing = await tx.query<{ challenge_type: string; prompt: string; answer_key: unknown }>(
      'select challenge_type, prompt, answer_key from battles.challenge_instances where battle_id = $1::uuid',
      [battleId],
    );
    if (existing.rows[0]) {
      const row = existing.rows[0];
      return { challengeType: row.challenge_type, prompt: row.prompt, answerKey: row.answer_key };
    }
    const { rows } = await tx.query<{ spec: { type: string; options: unknown; seed_sha256: string } | null; seed: string | null }>(
      `select b.rule_snapshot #> '{judging,challenge}' as spec, s.seed
         from battles.battles b left join battles.challenge_secrets s on s.battle_id = b.id
        where b.id = $1::uuid`,
      [battleId],
    );
    const spec = rows[0]?.spec;
    if (!spec || typeof spec !== 'object') return null;
    const seed = rows[0].seed;
    if (seed === null || sha256Hex(seed) !== spec.seed_sha256) {
      throw new JobFailure({ code: 'challenge_seed_mismatch', message: 'the challenge seed does not match the rule snapshot', retryable: false });
    }
    const challenge = getChallenge(spec.type);
    if (!challenge) {
      throw new JobFailure({ code: 'challenge_unknown', message: `no generator for challenge ${spec.type}`, retryable: false });
    }
    let generated;
    try {
      generated = challenge.generate(seed, spec.options ?? {});
    } catch (err) {
      throw new JobFailure({
        code: 'challenge_options_invalid',
        message: `the ${spec.type} options are not valid: ${(err as Error).message.slice(0, 500)}`,
        retryable: false,
      });
    }
    await tx.query(
      `insert into battles.challenge_instances (battle_id, challenge_type, options, seed_sha256, prompt, prompt_sha256, answer_key)
       values ($1::uuid, $2::text, $3::jsonb, $4::text, $5::text, $6::text, $7::jsonb)
       on conflict (battle_id) do nothing`,
      [battleId, spec.type, JSON.stringify(spec.options ?? {}), spec.seed_sha256, generated.prompt, sha256Hex(generated.prompt), JSON.stringify(generated.answerKey)],
    );
    return { challengeType: spec.type, prompt: generated.prompt, answerKey: generated.answerKey };
  });
}
