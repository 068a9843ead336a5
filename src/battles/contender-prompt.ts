// What an AI contender is asked: the battle's task, its lens rendered from the frozen snapshot, and the frozen handicap.
import { renderLensWithSnapshot, type LensParam, type RenderReport } from '../core/lens-render.ts';
import type { GenerateRequest } from '../providers/index.ts';
import type { JobError } from './jobs/job.ts';

/** Used when the handicap names no max_tokens (Anthropic requires a value on every call). */
export const DEFAULT_MAX_TOKENS = 1024;

/** The keys of handicap_config the worker applies (checked at publication by fn_frozen_judging_rules). */
export interface Handicap {
  max_tokens?: number;
  temperature?: number;
  time_limit_ms?: number;
}

export interface LensAssignment {
  lensId: string;
  /** The pinned version, or the latest published one when the assignment named none. */
  versionId: string | null;
  version: number | null;
  templateBody: string | null;
  params: LensParam[];
  inputSnapshot: Record<string, unknown>;
  pinned: boolean;
}

export interface ContenderTask {
  model: string;
  /** The AI lenser's own system prompt. */
  personaPrompt: string | null;
  /** The task text every contender of the battle gets. */
  task: string;
  handicap: Handicap;
  lens: LensAssignment | null;
}

/** The lens part of a run record: which lens and version ran, and everything rendering noticed. */
export interface LensReport extends Partial<RenderReport> {
  lensId: string;
  versionId: string | null;
  version: number | null;
  pinned: boolean;
  missing?: string[];
}

export type BuiltRequest =
  | { ok: true; request: GenerateRequest; params: Record<string, unknown>; lensReport: LensReport | null }
  | { ok: false; error: JobError; lensReport: LensReport | null };

/**
 * The rendered lens is the contender's method and goes in the system prompt, after the persona's
 * own; the task is the user message, identical for every contender so entries stay comparable.
 * A missing required lens parameter blocks the run (lens_param_missing, not retryable); unknown
 * tokens, extra values and defaults used are reported in the run record.
 */
export function buildContenderRequest(t: ContenderTask): BuiltRequest {
  let lensText: string | null = null;
  let lensReport: LensReport | null = null;
  if (t.lens) {
    const base = { lensId: t.lens.lensId, versionId: t.lens.versionId, version: t.lens.version, pinned: t.lens.pinned };
    if (t.lens.templateBody === null) {
      return {
        ok: false,
        lensReport: base,
        error: { code: 'lens_not_published', message: 'the assigned lens has no published version to run', retryable: false },
      };
    }
    const rendered = renderLensWithSnapshot(t.lens.templateBody, t.lens.inputSnapshot, t.lens.params);
    if (!rendered.ok) {
      return {
        ok: false,
        lensReport: { ...base, missing: rendered.missing },
        error: { code: rendered.code, message: rendered.message, retryable: false },
      };
    }
    lensText = rendered.text;
    lensReport = { ...base, ...rendered.report };
  }
  const system = [t.personaPrompt, lensText].filter((part): part is string => !!part && part.trim() !== '').join('\n\n');
  const request: GenerateRequest = {
    model: t.model,
    ...(system !== '' && { system }),
    messages: [{ role: 'user', content: t.task }],
    maxTokens: t.handicap.max_tokens ?? DEFAULT_MAX_TOKENS,
    ...(t.handicap.temperature !== undefined && { temperature: t.handicap.temperature }),
    ...(t.handicap.time_limit_ms !== undefined && { timeoutMs: t.handicap.time_limit_ms }),
  };
  const params = {
    max_tokens: request.maxTokens,
    temperature: request.temperature ?? null,
    time_limit_ms: request.timeoutMs ?? null,
  };
  return { ok: true, request, params, lensReport };
}

/** Workflow definitions with steps ({"steps": [{"title": "...", "prompt": "..."}]}) become a numbered procedure. */
export function workflowProcedure(definition: unknown): string | null {
  const steps = (definition as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps) || steps.length === 0) return null;
  const lines = steps.map((step, i) => {
    const s = step as { title?: unknown; prompt?: unknown };
    const title = typeof s.title === 'string' && s.title.trim() !== '' ? `${s.title.trim()}: ` : '';
    const prompt = typeof s.prompt === 'string' ? s.prompt.trim() : JSON.stringify(step);
    return `${i + 1}. ${title}${prompt}`;
  });
  return ['Follow this workflow, step by step, and give the final result:', ...lines].join('\n');
}

/** The task text: the creator's prompt, then the generated challenge or the workflow's procedure. */
export function taskText(taskPrompt: string, extra: string | null): string {
  return extra ? `${taskPrompt}\n\n${extra}` : taskPrompt;
}
