// Lenses over src/api/routes/lenses.ts: the catalogue the wizard picks from, one lens with its
// versions, and the battle's lens that every AI contender runs with.
import type { LensParam } from '../../../src/core/lens-render.ts';
import { battlePath } from './battles.ts';
import { get, post } from './client.ts';

export interface LensVersionSummary {
  id: string;
  version: number;
  published_at: string;
  params: LensParam[];
}

export interface LensSummary {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  is_public: boolean;
  is_mine: boolean;
  owner_handle: string | null;
  latest_version: number;
  /** Published versions, newest first. */
  versions: LensVersionSummary[];
}

export interface LensVersion {
  id: string;
  version: number;
  status: 'draft' | 'published' | 'deprecated';
  published_at: string | null;
  template_body: string;
  params: LensParam[];
}

export interface Lens extends Omit<LensSummary, 'versions' | 'latest_version'> {
  versions: LensVersion[];
}

export type LensValues = Record<string, string>;

export interface BattleLens {
  lens: { lens_id: string; title: string; slug: string; version_id: string | null; version: number | null; input_snapshot: LensValues; set_at: string } | null;
  assignments: Array<{
    contender_id: string; slot: string; display_name: string; lens_id: string; title: string;
    version_id: string | null; version: number | null; input_snapshot: LensValues; assigned_at: string;
  }>;
}

export interface NewLens {
  slug: string;
  title: string;
  template_body: string;
  params: LensParam[];
  description?: string;
  is_public?: boolean;
}

export const lensesApi = {
  list: (signal?: AbortSignal) => get<LensSummary[]>('/api/lenses', signal),
  get: (lensId: string, signal?: AbortSignal) => get<Lens>(`/api/lenses/${encodeURIComponent(lensId)}`, signal),
  create: (lens: NewLens) => post<{ lens_id: string; version_id: string; version: number }>('/api/lenses', lens),
  battleLens: (battleId: string, signal?: AbortSignal) => get<BattleLens>(`${battlePath(battleId)}/lens`, signal),
  /** lensId null clears the battle's lens; versionId null means the latest published version. */
  setBattleLens: (battleId: string, lensId: string | null, versionId: string | null, values: LensValues) =>
    post<{ assigned: number }>(`${battlePath(battleId)}/lens`, lensId ? { lens_id: lensId, version_id: versionId, input_snapshot: values } : {}),
};
