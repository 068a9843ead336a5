// Battles over the REST routes of src/api/routes/battles.ts: the feed, the full battle, and every
// action a creator, contender or voter takes. Shapes follow fn_battle_gets_feed and v_battle_full.
import type { ContenderStructure, JudgingMode, LegacyBattleType, TaskSource } from '../../../src/core/axes.ts';
import { del, get, post, query } from './client.ts';

export type BattleStatus = 'draft' | 'open' | 'executing' | 'voting' | 'scoring' | 'closed' | 'published' | 'archived';
export type VoterEligibility = 'open' | 'lenser_only' | 'verified_lenser' | 'human_only' | 'ai_only';
export type ContentType = 'text' | 'code' | 'markdown' | 'image' | 'video' | 'audio' | 'link';

interface Axes {
  task_source: TaskSource;
  contender_structure: ContenderStructure;
  judging_mode: JudgingMode;
  challenge_type: string | null;
  battle_type: LegacyBattleType;
}

export interface FeedRow extends Axes {
  id: string;
  slug: string;
  title: string;
  status: BattleStatus;
  voter_eligibility: VoterEligibility;
  total_vote_count: number;
  contender_count: number;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
  created_at: string;
  creator_handle: string;
  cursor: string;
}

export interface Contender {
  id: string;
  slot: string;
  contender_type: 'human' | 'ai_model' | 'ai_agent';
  display_name: string;
  contender_status: 'pending' | 'accepted' | 'active' | 'withdrawn' | 'disqualified' | 'eliminated';
  entry_mode: string;
  joined_at: string;
  profile_id: string | null;
  ai_lenser_id: string | null;
  /** Handle of the human's profile or of the AI persona: their page is /u/<handle>. */
  handle: string | null;
}

export interface Entry {
  id: string;
  contender_id: string;
  content_text: string | null;
  content_url: string | null;
  content_media: Array<Record<string, unknown>>;
  source_type: string;
  submitted_at: string | null;
  integrity_hash: string;
  revision_of_id: string | null;
  /** Moderation status of the entry (submission_status_enum). */
  status: 'pending' | 'streaming' | 'submitted' | 'withdrawn' | 'disqualified';
}

export interface ResultRow {
  contender_id: string;
  raw_vote_count: number;
  weighted_vote_sum: number | string;
  draw_count: number;
  rank_position: number | null;
}

export interface MyVote {
  vote_id: string;
  voted_contender_id: string | null;
  vote_value: 'contender_a' | 'contender_b' | 'draw' | null;
  is_draw: boolean;
  created_at: string;
}

export type RuleSnapshot = Record<string, unknown>;

export interface Battle extends Axes {
  id: string;
  slug: string;
  title: string;
  task_prompt: string;
  status: BattleStatus;
  content_type: ContentType;
  voter_eligibility: VoterEligibility;
  max_contenders: number;
  invite_only: boolean;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
  published_at: string | null;
  finalized_at: string | null;
  cancelled_at: string | null;
  archived_at: string | null;
  winner_contender_id: string | null;
  total_vote_count: number;
  handicap_config: Record<string, unknown>;
  rule_snapshot: RuleSnapshot | null;
  rule_snapshot_sha256: string | null;
  rules_frozen_at: string | null;
  finalize_summary: Record<string, unknown> | null;
  rubric_id: string | null;
  created_at: string;
  updated_at: string;
  creator: { id: string; handle: string; display_name: string };
  contender_count: number;
  /** Empty while voting is blind for this viewer. */
  contenders: Contender[];
  entries: Entry[];
  /** Tallies, only after the battle is closed. */
  results: ResultRow[];
  my_vote: MyVote | null;
}

export interface Eligibility {
  can_vote: boolean;
  code: string | null;
  message: string | null;
}

export interface PublishResult {
  battle_id: string;
  status: BattleStatus;
  rule_snapshot: RuleSnapshot;
  rule_snapshot_sha256: string;
}

/** fn_battle_execution_status: the AI runs and judging jobs of a battle. */
export interface ExecutionStatus {
  battle_id: string;
  status: BattleStatus;
  failed: boolean;
  jobs: Array<{ id: number; kind: string; slot: string | null; status: string; attempts: number; max_attempts: number; error_code: string | null; error_message: string | null }>;
  totals: { runs: number; input_tokens: number; output_tokens: number; cost_usd: number | string } | null;
}

/** GET /api/battles/:id/invitations (creator). Links are not stored, only their hashes. */
export interface Invitation {
  invitation_id: string;
  email: string;
  status: 'pending' | 'accepted' | 'expired';
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_handle: string | null;
}

/** GET /api/battles/:id/judging: what the creator set for judging. */
export interface JudgingSettings {
  judge_model_id: string | null;
  judge_model: { id: string; display_name: string; provider: string } | null;
  challenge_options: Record<string, unknown>;
  challenge_seed_chosen: boolean;
  judges: Array<{ profile_id: string; handle: string; display_name: string }>;
}

export type FeedTab = 'open' | 'voting' | 'results';

export interface FeedFilters {
  task_source?: string;
  contender_structure?: string;
  judging_mode?: string;
}

export const FEED_PAGE_SIZE = 20;

/** The lifecycle moves the creator makes from the battle page (POST /api/battles/:id/<action>). */
export type LifecycleAction =
  | 'publish' | 'retract' | 'start-execution' | 'open-voting' | 'close-voting' | 'start-scoring'
  | 'finalize' | 'close' | 'publish-results' | 'archive' | 'cancel';

export interface CreateBattleArgs {
  title: string;
  slug: string;
  task_prompt: string;
  task_source: TaskSource;
  contender_structure: ContenderStructure;
  judging_mode: JudgingMode;
  challenge_type?: string;
  invite_only?: boolean;
  content_type?: ContentType;
  voter_eligibility?: VoterEligibility;
  max_contenders?: number;
  rubric_id?: string;
  voting_opens_at?: string;
  voting_closes_at?: string;
}

/** The API path of a battle, for its reads and actions (here, in judging.ts and in lenses.ts). */
export const battlePath = (battleId: string) => `/api/battles/${encodeURIComponent(battleId)}`;

/** GET URL of a feed page; index.html's head-start script builds the same URL for the first page. */
export function feedUrl(tab: FeedTab, filters: FeedFilters, cursor: string | undefined): string {
  return `/api/battles${query({ status: tab, task_source: filters.task_source, contender_structure: filters.contender_structure, judging_mode: filters.judging_mode, limit: FEED_PAGE_SIZE, cursor })}`;
}

export const battlesApi = {
  feed: (tab: FeedTab, filters: FeedFilters, cursor: string | undefined, signal?: AbortSignal) => get<FeedRow[]>(feedUrl(tab, filters, cursor), signal),
  bySlug: (slug: string, signal?: AbortSignal) => get<Battle>(`/api/battles/by-slug/${encodeURIComponent(slug)}`, signal),
  byId: (battleId: string, signal?: AbortSignal) => get<Battle>(battlePath(battleId), signal),
  eligibility: (battleId: string, signal?: AbortSignal) => get<Eligibility>(`${battlePath(battleId)}/eligibility`, signal),
  create: (args: CreateBattleArgs) => post<string>('/api/battles', args),
  saveDraft: (battleId: string, patch: Record<string, unknown>) => post<void>(`${battlePath(battleId)}/draft`, { patch }),
  deleteDraft: (battleId: string) => del<void>(battlePath(battleId)),
  publish: (battleId: string) => post<PublishResult>(`${battlePath(battleId)}/publish`),
  act: (battleId: string, action: LifecycleAction) => post<unknown>(`${battlePath(battleId)}/${action}`),
  join: (battleId: string) => post<string>(`${battlePath(battleId)}/join`),
  withdraw: (battleId: string) => post<void>(`${battlePath(battleId)}/withdraw`),
  submit: (battleId: string, entry: { text?: string; url?: string }) => post<string>(`${battlePath(battleId)}/submissions`, entry),
  vote: (battleId: string, vote: { voted_contender_id?: string; is_draw?: boolean; vote_value?: 'draw'; rationale?: string }) =>
    post<{ vote_id: string; total_vote_count: number }>(`${battlePath(battleId)}/votes`, vote),
  invite: (battleId: string, email: string) => post<Array<{ invitation_id: string; token: string }>>(`${battlePath(battleId)}/invitations`, { email }),
  invitations: (battleId: string, signal?: AbortSignal) => get<Invitation[]>(`${battlePath(battleId)}/invitations`, signal),
  renewInvitation: (battleId: string, invitationId: string) =>
    post<{ invitation_id: string; token: string }>(`${battlePath(battleId)}/invitations/${encodeURIComponent(invitationId)}/renew`),
  judging: (battleId: string, signal?: AbortSignal) => get<JudgingSettings>(`${battlePath(battleId)}/judging`, signal),
  addAiContender: (battleId: string, aiLenserId: string) => post<string>(`${battlePath(battleId)}/ai-contenders`, { ai_lenser_id: aiLenserId }),
  /** Judge model of an ai_judge / rubric_score draft (null: the server's default judge). */
  setJudging: (battleId: string, judgeModelId: string | null) => post<void>(`${battlePath(battleId)}/judging`, judgeModelId ? { judge_model_id: judgeModelId } : {}),
  nameJudge: (battleId: string, profileId: string) => post<void>(`${battlePath(battleId)}/judges`, { profile_id: profileId }),
  removeJudge: (battleId: string, profileId: string) => del<boolean>(`${battlePath(battleId)}/judges/${encodeURIComponent(profileId)}`),
  execution: (battleId: string, signal?: AbortSignal) => get<ExecutionStatus>(`${battlePath(battleId)}/execution`, signal),
  retryRuns: (battleId: string) => post<unknown>(`${battlePath(battleId)}/retry-runs`),
  acceptInvitation: (token: string) => post<string>('/api/invitations/accept', { token }),
};
