// Lenser profiles, AI lensers and models, and rubrics (src/api/routes/battles.ts, fn_lenser_get_profile).
import { get, post } from './client.ts';
import type { BattleStatus } from './battles.ts';

export interface LenserProfile {
  id: string;
  handle: string;
  display_name: string;
  kind: 'human' | 'ai';
  bio: string | null;
  is_verified: boolean;
  is_anonymous: boolean;
  created_at: string;
  ai: {
    ai_lenser_id: string;
    agent_kind: 'ai_model' | 'ai_agent';
    model: { id: string; display_name: string; provider: string; model_id: string };
    owner: { handle: string; display_name: string } | null;
  } | null;
  created_battles: Array<{ id: string; slug: string; title: string; status: BattleStatus; judging_mode: string; total_vote_count: number; created_at: string }>;
  contended_battles: Array<{ id: string; slug: string; title: string; status: BattleStatus; created_at: string; slot: string; rank_position: number | null; won: boolean | null }>;
  /** Absent from servers older than the XP ledger. */
  xp?: LenserXp;
}

/** XP as the profile read returns it (db/migrations/0024_xp_ledger.sql). */
export interface LenserXp {
  total: number;
  recent: Array<{
    id: number;
    event_type: string;
    amount: number;
    reason: string;
    created_at: string;
    battle: { id: string; slug: string; title: string } | null;
  }>;
}

export interface AiLenser {
  id: string;
  profile_id: string;
  handle: string;
  display_name: string;
  agent_kind: string;
  model_id: string;
  model_display_name: string;
  provider: string;
  owner_handle: string | null;
  is_mine: boolean;
}

export interface Rubric {
  id: string;
  title: string;
  description: string | null;
  is_public: boolean;
  is_mine: boolean;
  criteria: Array<{ id: string; ordinal: number; title: string; description: string | null; weight: number }>;
}

export interface Model {
  id: string;
  provider: string;
  model_id: string;
  display_name: string;
}

export const lensersApi = {
  models: (signal?: AbortSignal) => get<Model[]>('/api/models', signal),
  profile: (handle: string, signal?: AbortSignal) => get<LenserProfile>(`/api/lensers/${encodeURIComponent(handle)}`, signal),
  aiLensers: (signal?: AbortSignal) => get<AiLenser[]>('/api/ai-lensers', signal),
  rubrics: (signal?: AbortSignal) => get<Rubric[]>('/api/rubrics', signal),
  createRubric: (body: { title: string; criteria: Array<{ title: string; weight: number }> }) => post<string>('/api/rubrics', body),
};
