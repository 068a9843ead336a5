// Judged battles between humans, published with their entries in: what the ai_judge, rubric_score
// and judged-ELO tests build on.
import type { Db } from '../../src/db/db.ts';
import { makeUser, type Actor } from '../support/actors.ts';
import { battleRow, uniqueSlug } from '../support/battle-fixtures.ts';

export interface JudgedBattle {
  id: string;
  slug: string;
  creator: Actor;
  /** Contender ids in slot order (A, B, C …), each with the text it submitted. */
  contenders: string[];
  /** The humans behind them, in the same order. */
  lensers: Actor[];
}

/**
 * A challenge battle between humans judged by the AI, with the given entries in slot order, moved
 * to scoring. `judgeModel` null names none (publication then freezes the operator default).
 */
export async function judgedBattle(db: Db, judgeModel: string | null, texts: string[], opts: { rubric?: boolean } = {}): Promise<JudgedBattle> {
  const creator = await makeUser(db);
  const rubric = opts.rubric
    ? await creator.rpc<string>('fn_rubrics_create', { title: 'Craft', criteria: [{ title: 'Imagery', weight: 2 }, { title: 'Clarity' }] })
    : undefined;
  const slug = uniqueSlug('judged');
  const id = await creator.rpc<string>('fn_battles_create', {
    title: 'Judged', slug, task_prompt: 'Describe rain.', judging_mode: 'ai_judge', max_contenders: texts.length,
    ...(rubric && { rubric_id: rubric }),
  });
  if (judgeModel !== null) await creator.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: judgeModel });
  await creator.rpc('fn_publish_battle', { battle_id: id });
  const contenders: string[] = [];
  const lensers: Actor[] = [];
  for (const text of texts) {
    const human = await makeUser(db);
    contenders.push(await human.rpc<string>('fn_battles_join', { battle_id: id }));
    await human.rpc('fn_battles_submit', { battle_id: id, text });
    lensers.push(human);
  }
  await creator.rpc('fn_battle_start_scoring', { battle_id: id });
  return { id, slug, creator, contenders, lensers };
}

export interface RubricBattle {
  id: string;
  creator: Actor;
  criteria: { id: string; weight: number }[];
  judges: Actor[];
  contenders: { id: string; actor: Actor }[];
}

export interface RubricBattleOptions {
  /** Named human judges (default none). */
  judges?: number;
  contenders?: number;
  /** Makes the AI judge score instead. */
  judgeModel?: string;
  /** Entry texts in slot order (default `entry <i>`). */
  texts?: string[];
  /** false leaves the battle open (default: moved to scoring). */
  scoring?: boolean;
}

/**
 * A challenge battle between humans scored on a four-criterion weighted rubric, published and with
 * entries submitted, moved to scoring unless `scoring` is false.
 */
export async function rubricBattle(db: Db, opts: RubricBattleOptions = {}): Promise<RubricBattle> {
  const creator = await makeUser(db);
  const rubric = await creator.rpc<string>('fn_rubrics_create', {
    title: 'Craft', criteria: [{ title: 'Imagery', weight: 3 }, { title: 'Clarity', weight: 1 }, { title: 'Form', weight: 2 }, { title: 'Voice', weight: 0.5 }],
  });
  const n = opts.contenders ?? 2;
  const id = await creator.rpc<string>('fn_battles_create', {
    title: 'Rubric', slug: uniqueSlug('rubric'), task_prompt: 'Describe rain.', judging_mode: 'rubric_score', rubric_id: rubric, max_contenders: n,
  });
  if (opts.judgeModel) await creator.rpc('fn_battles_set_judging', { battle_id: id, judge_model_id: opts.judgeModel });
  const judges: Actor[] = [];
  for (let i = 0; i < (opts.judges ?? 0); i++) {
    const j = await makeUser(db);
    await creator.rpc('fn_battles_name_judge', { battle_id: id, profile_id: j.id });
    judges.push(j);
  }
  await creator.rpc('fn_publish_battle', { battle_id: id });
  const contenders: RubricBattle['contenders'] = [];
  for (let i = 0; i < n; i++) {
    const actor = await makeUser(db);
    contenders.push({ id: await actor.rpc<string>('fn_battles_join', { battle_id: id }), actor });
    await actor.rpc('fn_battles_submit', { battle_id: id, text: opts.texts?.[i] ?? `entry ${i}` });
  }
  if (opts.scoring !== false) await creator.rpc('fn_battle_start_scoring', { battle_id: id });
  const snapshot = (await battleRow(db, id)).rule_snapshot;
  const criteria = snapshot.rubric.criteria.map((c: any) => ({ id: c.id, weight: Number(c.weight) }));
  return { id, creator, criteria, judges, contenders };
}
