// Every battle RPC the API exposes as POST /rpc/<name>: its SQL signature and the zod schema of its
// JSON body. Names and argument names follow reference/battle-schema.md (SQL adds the p_ prefix).
import { z } from 'zod';
import { PROVIDER_KEY_NAME } from '../config/config.ts';
import type { RpcShape, RpcSignature } from '../db/rpc.ts';

const uuid = z.uuid();
const text = (max: number) => z.string().max(max);
const title = z.string().trim().min(1).max(200);
const slug = z
  .string()
  .min(3)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes');
const timestamp = z.iso.datetime({ offset: true });
const limit = (max: number) => z.number().int().min(1).max(max);

export const STATUSES = ['draft', 'open', 'executing', 'voting', 'scoring', 'closed', 'published', 'archived'] as const;
export const BATTLE_TYPES = [
  'ai_vs_ai',
  'human_vs_human_ai_votes',
  'human_vs_human_open_votes',
  'human_vs_ai',
  'workflow_battle',
  'lenser_battle',
] as const;
export const TASK_SOURCES = ['lens', 'workflow', 'challenge'] as const;
export const CONTENDER_STRUCTURES = ['ai_vs_ai', 'human_vs_human', 'human_vs_ai'] as const;
export const JUDGING_MODES = ['community_vote', 'ai_judge', 'rubric_score', 'auto_score'] as const;
export const VOTER_ELIGIBILITY = ['open', 'lenser_only', 'verified_lenser', 'human_only', 'ai_only'] as const;
export const VOTE_VALUES = ['contender_a', 'contender_b', 'draw'] as const;
export const CONTENT_TYPES = ['text', 'code', 'markdown', 'image', 'video', 'audio', 'link'] as const;

/** The handicap keys the worker applies; the database refuses any other (battles.fn_check_handicap). */
const handicap = z
  .object({
    max_tokens: z.number().int().min(1).max(100_000).optional(),
    temperature: z.number().min(0).max(2).optional(),
    time_limit_ms: z.number().min(1_000).max(3_600_000).optional(),
  })
  .strict();

type Arg = { pg: string; schema: z.ZodType };
const a = (pg: string, schema: z.ZodType): Arg => ({ pg, schema });

export interface RpcDefinition extends RpcSignature {
  name: string;
  summary: string;
  body: z.ZodObject;
  deprecated?: boolean;
  /** A lookup whose null answer means "no such thing" (404), with this noun. */
  notFoundWhenNull?: string;
}

function rpc(
  name: string,
  shape: RpcShape,
  summary: string,
  args: Record<string, Arg>,
  opts: { deprecated?: boolean; schema?: string; notFoundWhenNull?: string } = {},
): RpcDefinition {
  const params: Record<string, string> = {};
  const shapeObj: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(args)) {
    params[k] = v.pg;
    shapeObj[k] = v.schema;
  }
  return {
    name,
    fn: `${opts.schema ?? 'battles'}.${name}`,
    shape,
    summary,
    params,
    body: z.object(shapeObj).strict(),
    deprecated: opts.deprecated,
    notFoundWhenNull: opts.notFoundWhenNull ?? (shape === 'row' ? 'record' : undefined),
  };
}

const battleId = { battle_id: a('uuid', uuid) };

// A lens version's parameters (lenses.versions.params; labels as in src/core/lens-render.ts).
const lensParams = z
  .array(
    z
      .object({
        label: z.string().trim().min(1).max(100).regex(/^[^\s[\]]+$/, 'no spaces or brackets'),
        required: z.boolean().optional(),
        default: z.string().max(10_000).optional(),
        description: text(2000).optional(),
      })
      .strict(),
  )
  .max(100);

// Parameter values of a lens assignment: text per label (numbers and booleans are rendered as text).
const lensValues = z.record(z.string().min(1).max(100), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]));

const createArgs = {
  title: a('text', title),
  slug: a('text', slug),
  task_prompt: a('text', z.string().trim().min(1).max(50_000)),
  rubric_id: a('uuid', uuid.optional()),
  task_source: a('text', z.enum(TASK_SOURCES).optional()),
  contender_structure: a('battles.contender_structure_enum', z.enum(CONTENDER_STRUCTURES).optional()),
  judging_mode: a('battles.judging_mode_enum', z.enum(JUDGING_MODES).optional()),
  challenge_type: a('text', z.string().regex(/^[a-z][a-z0-9_]{1,63}$/).optional()),
  voter_eligibility: a('battles.voter_eligibility_enum', z.enum(VOTER_ELIGIBILITY).optional()),
  max_contenders: a('integer', z.number().int().min(2).max(26).optional()),
  content_type: a('text', z.enum(CONTENT_TYPES).optional()),
  invite_only: a('boolean', z.boolean().optional()),
  voting_opens_at: a('timestamptz', timestamp.optional()),
  voting_closes_at: a('timestamptz', timestamp.optional()),
  handicap_config: a('jsonb', handicap.optional()),
  workflow_id: a('uuid', uuid.optional()),
};

const keyset = {
  limit: a('integer', limit(200).optional()),
  before_ts: a('timestamptz', timestamp.optional()),
  before_id: a('uuid', uuid.optional()),
};

export const RPC_LIST: RpcDefinition[] = [
  rpc('fn_battles_create', 'scalar', 'Create a draft battle', createArgs),
  rpc('fn_battles_create_from_template', 'scalar', 'Create a draft from a template', {
    template_id: a('uuid', uuid),
    title: a('text', title),
    slug: a('text', slug),
  }),
  rpc('fn_battles_clone', 'scalar', 'Clone a battle you can see into a new draft', {
    ...battleId,
    title: a('text', title),
    slug: a('text', slug),
  }),
  rpc('fn_battles_create_template', 'scalar', 'Save a battle as a reusable template', {
    ...battleId,
    title: a('text', title),
    is_public: a('boolean', z.boolean().optional()),
  }),
  rpc('fn_battles_update_draft', 'void', 'Edit a draft (wizard autosave)', {
    ...battleId,
    patch: a('jsonb', z.record(z.string(), z.unknown())),
  }),
  rpc('fn_rubrics_create', 'scalar', 'Create a rubric with weighted criteria', {
    title: a('text', title),
    criteria: a(
      'jsonb',
      z
        .array(
          z
            .object({ title: title, description: text(2000).optional(), weight: z.number().positive().max(1000).optional() })
            .strict(),
        )
        .min(1)
        .max(50),
    ),
    description: a('text', text(5000).optional()),
    is_public: a('boolean', z.boolean().optional()),
  }),
  rpc('fn_publish_battle', 'scalar', 'Freeze the rule snapshot and open the battle', battleId),
  rpc('fn_battles_open', 'void', 'Open a draft for entries (older name of fn_publish_battle)', battleId),
  rpc('fn_battles_retract', 'void', 'Return an open battle with no entries to draft', battleId),
  rpc('fn_battles_delete', 'void', 'Soft-delete a draft', battleId),
  rpc('fn_battle_start_execution', 'void', 'Move an open battle to executing (AI contenders run)', battleId),
  rpc('fn_battle_open_voting', 'void', 'Open voting', battleId),
  rpc('fn_battle_close_voting', 'void', 'Close voting and move to scoring', battleId),
  rpc('fn_battle_start_scoring', 'void', 'Move to scoring (automatic judging modes)', battleId),
  rpc('fn_battles_finalize', 'void', 'Compute the winner and ranks; the battle is closed', battleId),
  rpc('fn_battles_close', 'void', 'Close voting if open, then finalize', battleId),
  rpc('fn_battles_publish_results', 'void', 'Publish the results of a closed battle', battleId),
  rpc('fn_battles_archive', 'void', 'Archive (hide from the feed)', battleId),
  rpc('fn_battles_cancel', 'void', 'Cancel a live battle', { ...battleId, reason: a('text', text(2000).optional()) }),
  rpc('fn_battles_join', 'scalar', 'Join as a contender (idempotent)', battleId),
  rpc('fn_battles_add_ai_contender', 'scalar', 'Add an AI lenser as a contender (creator)', {
    ...battleId,
    ai_lenser_id: a('uuid', uuid),
  }),
  rpc('fn_battles_withdraw', 'void', 'Withdraw your entry', battleId),
  rpc('fn_battles_invite', 'scalar', 'Invite a contender by email', { ...battleId, email: a('text', z.email().max(254)) }),
  rpc('fn_battles_invite_with_token', 'rows', 'Invite by email and get the invitation link token', {
    ...battleId,
    email: a('text', z.email().max(254)),
  }),
  rpc('fn_battle_invitations', 'rows', 'Invitations of a battle with their status (creator)', battleId),
  rpc('fn_battles_renew_invitation', 'rows', 'A new link for a pending invitation; the old one stops working (creator)', {
    ...battleId,
    invitation_id: a('uuid', uuid),
  }),
  rpc('fn_battles_accept_invitation', 'scalar', 'Accept an invitation (by token, or by id when signed in with the invited email)', {
    invitation_id: a('uuid', uuid.optional()),
    token: a('text', z.string().min(16).max(200).optional()),
  }),
  rpc('fn_battles_submit', 'scalar', 'Submit (or revise) your entry', {
    ...battleId,
    text: a('text', text(200_000).optional()),
    url: a('text', z.url({ protocol: /^https?$/ }).max(2000).optional()),
    media: a('jsonb', z.array(z.record(z.string(), z.unknown())).max(20).optional()),
    run_id: a('uuid', uuid.optional()),
    artifact_id: a('uuid', uuid.optional()),
    source_type: a('text', z.enum(['manual', 'execution_output', 'hybrid', 'imported']).optional()),
    adapter_id: a('uuid', uuid.optional()),
    model_id: a('uuid', uuid.optional()),
  }),
  rpc('fn_submit_vote', 'scalar', 'Cast your vote', {
    ...battleId,
    voted_contender_id: a('uuid', uuid.nullable().optional()),
    vote_value: a('battles.vote_value_enum', z.enum(VOTE_VALUES).optional()),
    is_draw: a('boolean', z.boolean().optional()),
    rationale: a('text', text(5000).optional()),
  }),
  rpc('fn_battle_vote_eligibility', 'scalar', 'Whether you may vote, and why not', battleId),
  rpc('fn_battle_get_full', 'row', 'Full battle state for the detail view', { slug: a('text', z.string().min(1).max(100)) }, {
    notFoundWhenNull: 'battle',
  }),
  rpc('fn_battle_gets_feed', 'rows', 'Cursor-paginated feed', {
    status: a('battles.battle_status_enum', z.enum(STATUSES).optional()),
    battle_type: a('battles.battle_type_enum', z.enum(BATTLE_TYPES).optional()),
    limit: a('integer', limit(100).optional()),
    cursor: a('text', z.string().max(200).optional()),
    statuses: a('battles.battle_status_enum[]', z.array(z.enum(STATUSES)).min(1).max(8).optional()),
    task_source: a('text', z.enum(TASK_SOURCES).optional()),
    contender_structure: a('battles.contender_structure_enum', z.enum(CONTENDER_STRUCTURES).optional()),
    judging_mode: a('battles.judging_mode_enum', z.enum(JUDGING_MODES).optional()),
  }),
  rpc('fn_battles_leaderboard', 'rows', 'Ranked contender list of one battle', battleId),
  rpc('fn_battles_get_public', 'scalar', 'A battle as public JSON', battleId, { notFoundWhenNull: 'battle' }),
  rpc(
    'fn_battles_list_public',
    'rows',
    'Deprecated: published battles by offset (use fn_battle_gets_feed)',
    { limit: a('integer', limit(100).optional()), offset: a('integer', z.number().int().min(0).max(100_000).optional()) },
    { deprecated: true },
  ),
  rpc('fn_battle_get_comments', 'rows', 'Comments, newest first (keyset)', { ...battleId, ...keyset }),
  rpc('fn_battle_post_comment', 'scalar', 'Comment on a battle', { ...battleId, body: a('text', z.string().trim().min(1).max(5000)) }),
  rpc('fn_get_global_messages', 'rows', 'Broadcast messages, newest first (keyset)', { ...battleId, ...keyset }),
  rpc('fn_post_global_message', 'rows', 'Post a broadcast message (handle and role come from your identity)', {
    ...battleId,
    body: a('text', z.string().trim().min(1).max(2000)),
    sender_handle: a('text', text(100).optional()),
    sender_role: a('text', text(50).optional()),
  }),
  rpc('fn_set_verified', 'void', 'Mark a lenser verified (operators)', {
    profile_id: a('uuid', uuid),
    verified: a('boolean', z.boolean().optional()),
  }, { schema: 'lensers' }),
  // 'scripted' is not offered: it is the demo seed's stand-in, written by the seed only (0015_identity_rpcs.sql).
  rpc('fn_models_create', 'scalar', 'Register a model (operators)', {
    provider: a('text', z.enum(['anthropic', 'openai_compatible'])),
    model_id: a('text', z.string().min(1).max(200)),
    display_name: a('text', z.string().trim().min(1).max(100)),
    base_url: a('text', z.url({ protocol: /^https?$/ }).max(500).optional()),
    price_in_per_mtok: a('numeric', z.number().min(0).max(100_000).optional()),
    price_out_per_mtok: a('numeric', z.number().min(0).max(100_000).optional()),
    api_key_env: a('text', z.string().regex(PROVIDER_KEY_NAME, 'the name of an LF_PROVIDER_KEY_… environment variable, not a key').optional()),
  }, { schema: 'ai' }),
  rpc('fn_ai_lensers_create', 'scalar', 'Create an AI lenser (a persona you own, bound to a model)', {
    handle: a('text', z.string().regex(/^[a-z0-9_]{3,30}$/)),
    display_name: a('text', z.string().trim().min(1).max(80)),
    model_id: a('uuid', uuid),
    agent_kind: a('text', z.enum(['ai_model', 'ai_agent']).optional()),
    system_prompt: a('text', text(20_000).optional()),
  }, { schema: 'agents' }),
  rpc('fn_lenser_get_profile', 'scalar', 'A lenser profile with their battles', {
    handle: a('text', z.string().min(1).max(30)),
  }, { schema: 'lensers', notFoundWhenNull: 'lenser' }),
  rpc('fn_ai_lensers_list', 'rows', 'AI lensers (all, or only yours)', {
    owned_only: a('boolean', z.boolean().optional()),
  }, { schema: 'agents' }),
  rpc('fn_models_list', 'rows', 'Active models', {}, { schema: 'ai' }),
  rpc('fn_rubrics_list', 'rows', 'Rubrics you may use (public and yours)', {}),
  rpc('fn_lenses_create', 'scalar', 'Create a lens with its first published version', {
    slug: a('text', slug),
    title: a('text', title),
    template_body: a('text', z.string().min(1).max(50_000)),
    params: a('jsonb', lensParams.optional()),
    description: a('text', text(5000).optional()),
    is_public: a('boolean', z.boolean().optional()),
  }, { schema: 'lenses' }),
  rpc('fn_lens_versions_create', 'scalar', 'Add a version to a lens you own (published unless publish is false)', {
    lens_id: a('uuid', uuid),
    template_body: a('text', z.string().min(1).max(50_000)),
    params: a('jsonb', lensParams.optional()),
    publish: a('boolean', z.boolean().optional()),
  }, { schema: 'lenses' }),
  rpc('fn_battles_assign_lens', 'scalar', 'Assign a lens version and its parameter values to an AI contender (creator, draft or open)', {
    ...battleId,
    contender_id: a('uuid', uuid),
    lens_id: a('uuid', uuid),
    version_id: a('uuid', uuid.optional()),
    input_snapshot: a('jsonb', z.record(z.string(), z.unknown()).optional()),
  }),
  rpc('fn_lenses_list', 'rows', 'Lenses you may use (public and yours) with their published versions and parameters', {}, { schema: 'lenses' }),
  rpc('fn_lens_get', 'scalar', 'A lens with its versions, templates and declared parameters', {
    lens_id: a('uuid', uuid),
  }, { schema: 'lenses', notFoundWhenNull: 'lens' }),
  rpc('fn_battles_set_lens', 'scalar', "Set (or clear) the battle's lens for every AI contender, with its parameter values (creator, draft or open)", {
    ...battleId,
    lens_id: a('uuid', uuid.nullable().optional()),
    version_id: a('uuid', uuid.nullable().optional()),
    input_snapshot: a('jsonb', lensValues.optional()),
  }),
  rpc('fn_battle_lens', 'scalar', "The battle's lens and each AI contender's lens assignment", battleId),
  rpc('fn_battles_set_judging', 'void', 'Set the judge model and challenge settings of a draft (creator)', {
    ...battleId,
    judge_model_id: a('uuid', uuid.optional()),
    challenge_options: a('jsonb', z.record(z.string(), z.unknown()).optional()),
    challenge_seed: a('text', z.string().min(1).max(200).optional()),
  }),
  rpc('fn_battle_judging', 'scalar', 'Judge model, challenge options and named judges of a battle', battleId),
  rpc('fn_battles_name_judge', 'void', 'Name a human judge of a rubric_score draft (creator)', {
    ...battleId,
    profile_id: a('uuid', uuid),
  }),
  rpc('fn_battles_remove_judge', 'scalar', 'Remove a named judge from a draft (creator); true when they were one', {
    ...battleId,
    profile_id: a('uuid', uuid),
  }),
  rpc('fn_battles_submit_scorecards', 'scalar', 'Score one entry on the rubric (named judges, while scoring)', {
    ...battleId,
    contender_id: a('uuid', uuid),
    scores: a(
      'jsonb',
      z
        .array(
          z
            .object({
              criterion_id: uuid,
              result: z.enum(['pass', 'partial', 'fail', 'skipped']),
              explanation: text(5000).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(50),
    ),
  }),
  rpc('fn_battle_challenge', 'scalar', 'The generated challenge (prompt; the seed once results are out)', battleId, {
    notFoundWhenNull: 'challenge',
  }),
  rpc('fn_battle_execution_status', 'scalar', 'Runs and judging jobs of a battle, with failures, tokens and cost', battleId),
  rpc('fn_battle_retry_runs', 'scalar', 'Queue again the runs or judging that failed (creator or operator)', battleId),
];

export const RPCS: ReadonlyMap<string, RpcDefinition> = new Map(RPC_LIST.map((r) => [r.name, r]));

export function rpcDefinition(name: string): RpcDefinition {
  const def = RPCS.get(name);
  if (!def) throw new Error(`unknown rpc ${name}`);
  return def;
}
