// The writing_contest challenge: a seeded prompt with checkable constraints, scored as a weighted rubric.
//
// Constraints and how a text is read:
// - Blocks are separated by blank lines. With a title required, the first block must be a single
//   line of 1–12 words not ending in . ! ? , ; : (Markdown `#`, `*`, `_` around it are ignored); the
//   title is then left out of the word and paragraph counts. Without one, every block is a paragraph.
// - Words are runs of letters and digits, joined by ' ’ or - ("don't", "well-known" are one word).
// - Keywords and the forbidden word match whole words, ignoring case ("ocean's" contains "ocean",
//   "oceans" does not). The forbidden letter is checked ignoring case and accents ("é" contains "e").
// - Word count passes inside [min, max], is partial within 10% outside a bound, else fails. Every
//   other constraint passes or fails. Weights: length, keywords (shared between them) and the
//   forbidden letter/word 2 each; paragraph count and title 1 each — the first three are the craft.
import { z } from 'zod';
import { seededRandom } from '../random.ts';
import { weightedScore, type RubricCriterion, type ScorecardResult } from '../scoring.ts';

export const WRITING_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const writingOptionsSchema = z.object({ difficulty: z.enum(WRITING_DIFFICULTIES).default('medium') });
export type WritingOptions = z.input<typeof writingOptionsSchema>;

export const writingAnswerKeySchema = z.object({
  challenge: z.literal('writing_contest'),
  version: z.literal(1),
  topic: z.string(),
  constraints: z.object({
    wordCount: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }).refine((w) => w.min <= w.max),
    keywords: z.array(z.string().min(1)),
    forbiddenLetter: z.string().length(1).optional(),
    forbiddenWord: z.string().min(1).optional(),
    paragraphs: z.number().int().min(1),
    title: z.boolean(),
  }),
});
export type WritingAnswerKey = z.infer<typeof writingAnswerKeySchema>;
export type WritingConstraints = WritingAnswerKey['constraints'];

const TOPICS = [
  "a lighthouse keeper's last night on duty", 'a city where it never stops raining', 'the first day at a new school',
  'a letter that arrives forty years late', 'a robot learning to cook', 'two rivals stuck in a lift',
  'the last tree in a desert town', 'a map that redraws itself', 'a musician who loses their hearing',
  'a market at midnight', 'a message found in a bottle', 'the day the bridge closed',
] as const;
const KEYWORDS = [
  'lantern', 'harbor', 'clock', 'mirror', 'orchard', 'thunder', 'ribbon', 'compass', 'engine', 'garden',
  'silver', 'window', 'bread', 'river', 'ladder', 'feather', 'candle', 'station', 'pocket', 'whistle',
] as const;
const FORBIDDEN_WORDS = ['very', 'really', 'suddenly', 'thing', 'nice', 'just'] as const;
// Rare letters keep a lipogram feasible; hard mode asks for commoner ones.
const FORBIDDEN_LETTERS = { medium: ['z', 'q', 'x', 'j'], hard: ['k', 'w', 'y', 'v'] } as const;

/** A seeded prompt: the same seed and difficulty always give the same constraints. */
export function generateWritingKey(seed: string | number, options: WritingOptions = {}): WritingAnswerKey {
  const { difficulty } = writingOptionsSchema.parse(options);
  const rng = seededRandom(`writing_contest:${difficulty}:${seed}`);
  const topic = rng.pick(TOPICS);
  const [minLow, minHigh, width] = { easy: [80, 120, 80], medium: [150, 200, 60], hard: [120, 180, 30] }[difficulty];
  const min = rng.int(minLow, minHigh);
  const forbiddenLetter = difficulty === 'easy' ? undefined : rng.pick(FORBIDDEN_LETTERS[difficulty]);
  const forbiddenWord = difficulty === 'easy' ? rng.pick(FORBIDDEN_WORDS) : undefined;
  // Keywords never contain the forbidden letter, so every prompt can be fully satisfied.
  const pool = KEYWORDS.filter((word) => !forbiddenLetter || !word.includes(forbiddenLetter));
  const keywords = rng.shuffle(pool).slice(0, { easy: 2, medium: 3, hard: 4 }[difficulty]);
  return {
    challenge: 'writing_contest',
    version: 1,
    topic,
    constraints: {
      wordCount: { min, max: min + width },
      keywords,
      ...(forbiddenLetter && { forbiddenLetter }),
      ...(forbiddenWord && { forbiddenWord }),
      paragraphs: difficulty === 'hard' ? rng.int(3, 5) : difficulty === 'medium' ? 3 : 2,
      title: difficulty !== 'easy',
    },
  };
}

/** The task text shown to contenders. */
export function writingPrompt(key: WritingAnswerKey): string {
  const c = key.constraints;
  return [
    `Write a short piece about: ${key.topic}.`,
    '',
    'Constraints:',
    `- Length: between ${c.wordCount.min} and ${c.wordCount.max} words${c.title ? ' (the title does not count)' : ''}.`,
    ...(c.keywords.length > 0 ? [`- Use each of these words at least once: ${c.keywords.join(', ')}.`] : []),
    ...(c.forbiddenLetter ? [`- Do not use the letter "${c.forbiddenLetter}" anywhere, in upper or lower case.`] : []),
    ...(c.forbiddenWord ? [`- Do not use the word "${c.forbiddenWord}".`] : []),
    `- Exactly ${c.paragraphs} paragraphs, separated by blank lines.`,
    c.title
      ? '- Start with a title on its own line (at most 12 words, no closing punctuation), then a blank line.'
      : '- Do not add a title.',
  ].join('\n');
}

export interface ConstraintResult {
  criterionId: string;
  weight: number;
  result: ScorecardResult;
  note: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const countWords = (text: string) => text.match(WORD)?.length ?? 0;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hasWord = (text: string, word: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
const foldAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function titleOf(block: string): string | null {
  if (block.includes('\n')) return null;
  const title = block.replace(/^#+\s*/, '').replace(/^[*_]+|[*_]+$/g, '').trim();
  const words = countWords(title);
  return words >= 1 && words <= 12 && !/[.!?,;:]$/.test(title) ? title : null;
}

/** Checks every constraint; returns one result per criterion and the weighted score (0..1). */
export function checkWriting(key: WritingAnswerKey, text: string): { score: number; details: ConstraintResult[] } {
  const c = key.constraints;
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map((b) => b.trim()).filter((b) => b !== '');
  const title = c.title && blocks.length > 1 ? titleOf(blocks[0]) : null;
  const body = title === null ? blocks : blocks.slice(1);
  const details: ConstraintResult[] = [];
  const add = (criterionId: string, weight: number, result: ScorecardResult, note: string) =>
    details.push({ criterionId, weight, result, note });

  const words = countWords(body.join('\n'));
  const { min, max } = c.wordCount;
  // Partial inside 10% beyond a bound: a near miss on length is not the same as ignoring it.
  const lengthResult = words >= min && words <= max ? 'pass' : words >= 0.9 * min && words <= 1.1 * max ? 'partial' : 'fail';
  add('word_count', 2, lengthResult, `${words} words; asked for ${min}–${max}`);
  for (const keyword of c.keywords) {
    const found = hasWord(text, keyword);
    add(`keyword:${keyword}`, 2 / c.keywords.length, found ? 'pass' : 'fail', found ? `uses "${keyword}"` : `"${keyword}" missing`);
  }
  // An empty text avoids every letter trivially; it must not earn points for that.
  const empty = countWords(text) === 0;
  if (c.forbiddenLetter) {
    const used = foldAccents(text).includes(foldAccents(c.forbiddenLetter));
    const note = empty ? 'no text' : used ? `uses the letter "${c.forbiddenLetter}"` : 'letter avoided';
    add('forbidden_letter', 2, used || empty ? 'fail' : 'pass', note);
  }
  if (c.forbiddenWord) {
    const used = hasWord(text, c.forbiddenWord);
    const note = empty ? 'no text' : used ? `uses the word "${c.forbiddenWord}"` : 'word avoided';
    add('forbidden_word', 2, used || empty ? 'fail' : 'pass', note);
  }
  add('paragraphs', 1, body.length === c.paragraphs ? 'pass' : 'fail', `${body.length} paragraphs; asked for ${c.paragraphs}`);
  if (c.title) add('title', 1, title !== null ? 'pass' : 'fail', title !== null ? `title "${title}"` : 'no title line');

  const criteria: RubricCriterion[] = details.map((d) => ({ id: d.criterionId, weight: d.weight }));
  const score = weightedScore(criteria, new Map(details.map((d) => [d.criterionId, d.result])));
  return { score: score ?? 0, details };
}
