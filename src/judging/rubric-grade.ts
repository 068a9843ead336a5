// The AI grader's reply for one entry on a rubric: its zod schema and extraction from a free-form model reply.
//
// Extraction follows parseJudgeVerdict (src/core/judge-verdict.ts): every balanced {…} in the reply
// is a candidate, the last valid one wins (models reason first and answer last), and a reply that
// does not answer every criterion exactly once is refused (judge_bad_json), so it is retried.
import { z } from 'zod';
import { SCORECARD_RESULTS } from '../core/scoring.ts';

export const rubricGradeSchema = z.object({
  criteria: z
    .array(z.object({ criterionId: z.string().min(1), result: z.enum(SCORECARD_RESULTS), explanation: z.string().default('') }))
    .min(1),
  explanation: z.string().default(''),
});

export type RubricGrade = z.infer<typeof rubricGradeSchema>;

export type GradeParse = { ok: true; grade: RubricGrade } | { ok: false; code: 'judge_bad_json'; message: string };

const MAX_CANDIDATES = 500;

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

/** The grade in a reply, checked to name exactly the expected criterion keys. */
export function parseRubricGrade(reply: string, expectedKeys: readonly string[]): GradeParse {
  const starts: number[] = [];
  for (let i = reply.indexOf('{'); i !== -1; i = reply.indexOf('{', i + 1)) starts.push(i);
  let problem = `The grader's reply contains no JSON object.`;
  for (const start of starts.slice(-MAX_CANDIDATES).reverse()) {
    const end = objectEnd(reply, start);
    if (end === -1) continue;
    let value: unknown;
    try {
      value = JSON.parse(reply.slice(start, end));
    } catch {
      problem = `The grader's reply contains no parseable JSON object.`;
      continue;
    }
    const checked = rubricGradeSchema.safeParse(value);
    if (!checked.success) {
      problem = `The grader's JSON does not match the grade schema.`;
      continue;
    }
    const keys = checked.data.criteria.map((c) => c.criterionId.trim());
    const expected = new Set(expectedKeys);
    if (keys.length !== expected.size || new Set(keys).size !== keys.length || !keys.every((k) => expected.has(k))) {
      problem = `The grader must answer each criterion (${expectedKeys.join(', ')}) exactly once; it answered ${keys.join(', ') || 'none'}.`;
      continue;
    }
    return { ok: true, grade: { ...checked.data, criteria: checked.data.criteria.map((c) => ({ ...c, criterionId: c.criterionId.trim() })) } };
  }
  return { ok: false, code: 'judge_bad_json', message: problem };
}
