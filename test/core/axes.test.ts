// The battle axes table: 36 combinations, 21 valid, stable reason codes and legacy battle types.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AUTO_SCORED_CHALLENGES,
  CONTENDER_STRUCTURES,
  JUDGING_MODES,
  LEGACY_BATTLE_TYPES,
  TASK_SOURCES,
  checkAxes,
  listCombinations,
  type AxesInput,
} from '../../src/core/axes.ts';
import { renderAxesMarkdown } from '../../src/core/axes-doc.ts';

// An independent restatement of the rules from the brief, used as the oracle.
function expectedValid(t: string, s: string, j: string): boolean {
  if (j === 'auto_score' && t !== 'challenge') return false;
  if (t === 'lens' && s === 'human_vs_human') return false;
  if (t === 'workflow' && s !== 'ai_vs_ai') return false;
  return true;
}

describe('listCombinations', () => {
  const rows = listCombinations();

  it('lists all 36 combinations exactly once, in enum order', () => {
    expect(rows).toHaveLength(36);
    const keys = rows.map((r) => `${r.taskSource}/${r.contenderStructure}/${r.judgingMode}`);
    expect(new Set(keys).size).toBe(36);
    expect(keys[0]).toBe('lens/ai_vs_ai/community_vote');
    expect(keys[35]).toBe('challenge/human_vs_ai/auto_score');
  });

  it('marks 21 combinations valid and 15 invalid, matching the three rules', () => {
    expect(rows.filter((r) => r.valid)).toHaveLength(21);
    expect(rows.filter((r) => !r.valid)).toHaveLength(15);
    for (const r of rows) expect(r.valid).toBe(expectedValid(r.taskSource, r.contenderStructure, r.judgingMode));
  });

  it('gives every invalid row a stable code and a message, auto_score taking precedence', () => {
    const counts: Record<string, number> = {};
    for (const r of rows) {
      if (r.valid) continue;
      counts[r.code] = (counts[r.code] ?? 0) + 1;
      expect(r.message.length).toBeGreaterThan(10);
    }
    expect(counts).toEqual({ auto_score_needs_challenge: 6, lens_needs_ai_contender: 3, workflow_needs_ai_vs_ai: 6 });
  });

  it('never maps a combination to lenser_battle, and maps every other legacy type at least once', () => {
    const types = new Set(rows.flatMap((r) => (r.valid ? [r.battleType] : [])));
    expect(types.has('lenser_battle')).toBe(false);
    expect([...types].sort()).toEqual(LEGACY_BATTLE_TYPES.filter((t) => t !== 'lenser_battle').sort());
  });

  it('agrees with checkAxes on every row', () => {
    for (const r of rows) {
      const result = checkAxes({ ...r, challengeType: 'math_calculation' });
      if (r.valid) expect(result).toEqual({ ok: true, battleType: r.battleType });
      else expect(result).toEqual({ ok: false, code: r.code, message: r.message });
    }
  });
});

describe('checkAxes', () => {
  const base: AxesInput = { taskSource: 'challenge', contenderStructure: 'ai_vs_ai', judgingMode: 'community_vote' };

  it.each([
    ['workflow', 'ai_vs_ai', 'ai_judge', 'workflow_battle'],
    ['lens', 'ai_vs_ai', 'rubric_score', 'ai_vs_ai'],
    ['lens', 'human_vs_ai', 'community_vote', 'human_vs_ai'],
    ['challenge', 'human_vs_human', 'community_vote', 'human_vs_human_open_votes'],
    ['challenge', 'human_vs_human', 'ai_judge', 'human_vs_human_ai_votes'],
    ['challenge', 'human_vs_human', 'rubric_score', 'human_vs_human_ai_votes'],
  ] as const)('maps %s × %s × %s to battle_type %s', (taskSource, contenderStructure, judgingMode, battleType) => {
    expect(checkAxes({ taskSource, contenderStructure, judgingMode })).toEqual({ ok: true, battleType });
  });

  it('maps human_vs_human auto_score challenges to human_vs_human_ai_votes', () => {
    const result = checkAxes({ ...base, contenderStructure: 'human_vs_human', judgingMode: 'auto_score', challengeType: 'writing_contest' });
    expect(result).toEqual({ ok: true, battleType: 'human_vs_human_ai_votes' });
  });

  it.each(AUTO_SCORED_CHALLENGES)('accepts auto_score for the auto-scored challenge %s', (challengeType) => {
    expect(checkAxes({ ...base, judgingMode: 'auto_score', challengeType }).ok).toBe(true);
  });

  it.each([undefined, null, '', 'trivia', 'MATH_CALCULATION'])(
    'refuses auto_score with challenge_type %j as auto_score_needs_auto_scored_challenge',
    (challengeType) => {
      const result = checkAxes({ ...base, judgingMode: 'auto_score', challengeType });
      expect(result).toMatchObject({ ok: false, code: 'auto_score_needs_auto_scored_challenge' });
      if (!result.ok) expect(result.message).toContain('math_calculation');
    },
  );

  it('ignores challenge_type for judging modes other than auto_score', () => {
    expect(checkAxes({ ...base, challengeType: 'anything' })).toEqual({ ok: true, battleType: 'ai_vs_ai' });
  });

  it('reports the table rule before the challenge_type rule', () => {
    const result = checkAxes({ taskSource: 'lens', contenderStructure: 'ai_vs_ai', judgingMode: 'auto_score' });
    expect(result).toMatchObject({ ok: false, code: 'auto_score_needs_challenge' });
  });

  it.each([
    [{ taskSource: 'battle' }, 'task_source'],
    [{ contenderStructure: 'ai_vs_human' }, 'contender_structure'],
    [{ judgingMode: undefined }, 'judging_mode'],
  ])('refuses unknown axis values from untrusted input as unknown_axis_value (%j)', (patch, name) => {
    const result = checkAxes({ ...base, ...patch } as unknown as AxesInput);
    expect(result).toMatchObject({ ok: false, code: 'unknown_axis_value' });
    if (!result.ok) expect(result.message).toContain(name);
  });

  it('exports the enums with the values of the schema reference', () => {
    expect(TASK_SOURCES).toEqual(['lens', 'workflow', 'challenge']);
    expect(CONTENDER_STRUCTURES).toEqual(['ai_vs_ai', 'human_vs_human', 'human_vs_ai']);
    expect(JUDGING_MODES).toEqual(['community_vote', 'ai_judge', 'rubric_score', 'auto_score']);
  });
});

describe('docs/axes.md', () => {
  it('matches the table generated from listCombinations() (run scripts/axes-doc.ts to refresh)', () => {
    const onDisk = readFileSync(new URL('../../docs/axes.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderAxesMarkdown());
  });

  it('has one table row per combination', () => {
    const tableRows = renderAxesMarkdown().split('\n').filter((l) => /^\| (lens|workflow|challenge) /.test(l));
    expect(tableRows).toHaveLength(36);
  });
});
