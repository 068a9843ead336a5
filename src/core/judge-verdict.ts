// The AI judge's structured verdict: its zod schema, extraction from a free-form model reply, and position-bias cancellation.
import { z } from 'zod';
import { SCORECARD_RESULTS } from './scoring.ts';

export const VERDICT_WINNERS = ['A', 'B', 'draw'] as const;
export type VerdictWinner = (typeof VERDICT_WINNERS)[number];

// Models are asked for exactly 'A' | 'B' | 'draw'; we forgive case and padding, nothing more.
const winnerSchema = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed.toLowerCase() === 'draw' ? 'draw' : trimmed.toUpperCase();
}, z.enum(VERDICT_WINNERS));

const resultSchema = z.enum(SCORECARD_RESULTS);

export const criterionVerdictSchema = z.object({
  criterionId: z.string().min(1),
  resultA: resultSchema,
  resultB: resultSchema,
  explanation: z.string(),
});

export const judgeVerdictSchema = z.object({
  winner: winnerSchema,
  criteria: z
    .array(criterionVerdictSchema)
    .refine((items) => new Set(items.map((c) => c.criterionId)).size === items.length, {
      message: 'each criterionId may appear only once',
    })
    .optional(),
  explanation: z.string(),
});

export type CriterionVerdict = z.infer<typeof criterionVerdictSchema>;
export type JudgeVerdict = z.infer<typeof judgeVerdictSchema>;

export type VerdictParseReason = 'no_json_object' | 'invalid_json' | 'schema_mismatch';
export type VerdictParse =
  | { ok: true; verdict: JudgeVerdict }
  | { ok: false; code: 'judge_bad_json'; reason: VerdictParseReason; message: string; issues: string[] };

// Each '{' tried costs a scan to its matching '}', so bound the attempts: a reply with thousands of
// braces is not a verdict, and judging must not stall on it.
const MAX_CANDIDATES = 500;

/** The end (exclusive) of the balanced JSON-looking object starting at `start`, honouring strings; -1 if unclosed. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Extracts and validates the verdict from a model reply. The reply may wrap the object in ```json
 * fences or surround it with prose: every balanced `{…}` is a candidate, and the last one that is a
 * valid verdict wins (models tend to reason first and answer last).
 */
export function parseJudgeVerdict(reply: string): VerdictParse {
  const starts: number[] = [];
  for (let i = reply.indexOf('{'); i !== -1; i = reply.indexOf('{', i + 1)) starts.push(i);

  let sawCandidate = false;
  let largestParsed: { length: number; issues: string[] } | null = null;
  for (const start of starts.slice(-MAX_CANDIDATES).reverse()) {
    const end = objectEnd(reply, start);
    if (end === -1) continue;
    sawCandidate = true;
    let value: unknown;
    try {
      value = JSON.parse(reply.slice(start, end));
    } catch {
      continue;
    }
    const checked = judgeVerdictSchema.safeParse(value);
    if (checked.success) return { ok: true, verdict: checked.data };
    // Report the outermost object's problems, not those of a nested criteria item.
    if (!largestParsed || end - start > largestParsed.length) {
      const issues = checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      largestParsed = { length: end - start, issues };
    }
  }

  if (largestParsed) {
    return fail('schema_mismatch', `The judge's JSON does not match the verdict schema.`, largestParsed.issues);
  }
  if (sawCandidate) return fail('invalid_json', `The judge's reply contains no parseable JSON object.`, []);
  return fail('no_json_object', `The judge's reply contains no JSON object.`, []);
}

function fail(reason: VerdictParseReason, message: string, issues: string[]): VerdictParse {
  return { ok: false, code: 'judge_bad_json', reason, message, issues };
}

const SWAP: Record<VerdictWinner, VerdictWinner> = { A: 'B', B: 'A', draw: 'draw' };

/** Re-expresses a verdict given with the contenders presented in swapped order in the original order. */
export function unswapVerdict(swapped: JudgeVerdict): JudgeVerdict {
  return {
    ...swapped,
    winner: SWAP[swapped.winner],
    ...(swapped.criteria && {
      criteria: swapped.criteria.map((c) => ({ ...c, resultA: c.resultB, resultB: c.resultA })),
    }),
  };
}

export interface CombinedVerdict {
  /** The original contender both runs chose, else 'draw'. */
  winner: VerdictWinner;
  /** Whether both runs named the same outcome (two draws agree too). */
  agreed: boolean;
  /** Winner of the run in original order. */
  firstWinner: VerdictWinner;
  /** Winner of the swapped run, translated back to the original order. */
  swappedWinner: VerdictWinner;
}

/**
 * Position-bias cancellation: the pair is judged twice, the second time with the contenders swapped
 * (there 'A' is the original B). A contender wins only if both runs pick it; any disagreement —
 * including one run calling a draw — is a draw, so a judge that always prefers the first slot
 * cannot decide a battle.
 */
export function combineSwapped(first: JudgeVerdict, swapped: JudgeVerdict): CombinedVerdict {
  const firstWinner = first.winner;
  const swappedWinner = SWAP[swapped.winner];
  const agreed = firstWinner === swappedWinner;
  return { winner: agreed ? firstWinner : 'draw', agreed, firstWinner, swappedWinner };
}
