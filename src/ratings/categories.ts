// Leaderboard categories and rated entity kinds: the names the SQL (0018_leaderboards.sql) and the
// API share. A category is 'overall' or '<axis>:<value>' for one battle axis.
import { z } from 'zod';

export const ENTITY_KINDS = ['lenser', 'model'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const CATEGORY_AXES = ['judging_mode', 'task_source', 'challenge_type', 'content_type'] as const;

/** Same pattern as the CHECK on reputation.leaderboard_snapshots.category. */
export const CATEGORY_PATTERN = /^(overall|(judging_mode|task_source|challenge_type|content_type):[a-z0-9_]{1,64})$/;

export const categorySchema = z
  .string()
  .regex(CATEGORY_PATTERN, "a category is 'overall' or '<judging_mode|task_source|challenge_type|content_type>:<value>'");

export const entityKindSchema = z.enum(ENTITY_KINDS);

export function isCategory(value: string): boolean {
  return CATEGORY_PATTERN.test(value);
}
