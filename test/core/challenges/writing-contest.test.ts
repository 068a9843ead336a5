// The writing_contest challenge: seeded constraints, per-constraint checks and the weighted score.
import { describe, expect, it } from 'vitest';
import {
  WRITING_DIFFICULTIES,
  checkWriting,
  generateWritingKey,
  writingPrompt,
  type WritingAnswerKey,
  type WritingConstraints,
} from '../../../src/core/challenges/writing-contest.ts';

const keyWith = (constraints: Partial<WritingConstraints>): WritingAnswerKey => ({
  challenge: 'writing_contest',
  version: 1,
  topic: 'a test',
  constraints: { wordCount: { min: 10, max: 20 }, keywords: [], paragraphs: 1, title: false, ...constraints },
});

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');
const resultOf = (key: WritingAnswerKey, text: string, id: string) =>
  checkWriting(key, text).details.find((d) => d.criterionId === id)?.result;

describe('generateWritingKey', () => {
  it('gives the same constraints for the same seed and different ones for other seeds', () => {
    expect(generateWritingKey('s1')).toEqual(generateWritingKey('s1'));
    const many = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(generateWritingKey(i))));
    expect(many.size).toBeGreaterThan(10);
  });

  it('pins the constraints of a known seed', () => {
    expect(generateWritingKey('pinned', { difficulty: 'hard' })).toMatchInlineSnapshot(`
      {
        "challenge": "writing_contest",
        "constraints": {
          "forbiddenLetter": "w",
          "keywords": [
            "station",
            "clock",
            "thunder",
            "ribbon",
          ],
          "paragraphs": 3,
          "title": true,
          "wordCount": {
            "max": 184,
            "min": 154,
          },
        },
        "topic": "a letter that arrives forty years late",
        "version": 1,
      }
    `);
  });

  it.each(WRITING_DIFFICULTIES)('makes %s prompts that can be satisfied: keywords avoid the forbidden letter or word', (difficulty) => {
    for (let seed = 0; seed < 50; seed++) {
      const { constraints: c } = generateWritingKey(seed, { difficulty });
      expect(new Set(c.keywords).size).toBe(c.keywords.length);
      expect(c.wordCount.min).toBeLessThan(c.wordCount.max);
      for (const keyword of c.keywords) {
        if (c.forbiddenLetter) expect(keyword).not.toContain(c.forbiddenLetter);
        expect(keyword).not.toBe(c.forbiddenWord);
      }
    }
  });

  it('scales with difficulty: easy has no title and a forbidden word, harder levels a title and a forbidden letter', () => {
    const easy = generateWritingKey('d', { difficulty: 'easy' }).constraints;
    const hard = generateWritingKey('d', { difficulty: 'hard' }).constraints;
    expect(easy).toMatchObject({ title: false, paragraphs: 2 });
    expect(easy.forbiddenWord).toBeDefined();
    expect(easy.forbiddenLetter).toBeUndefined();
    expect(easy.keywords).toHaveLength(2);
    expect(hard.title).toBe(true);
    expect(hard.forbiddenLetter).toBeDefined();
    expect(hard.keywords).toHaveLength(4);
    expect(hard.wordCount.max - hard.wordCount.min).toBe(30);
  });

  it('refuses an unknown difficulty', () => {
    expect(() => generateWritingKey('x', { difficulty: 'epic' } as never)).toThrow();
  });
});

describe('writingPrompt', () => {
  it('states every constraint', () => {
    const key = keyWith({ keywords: ['river', 'clock'], forbiddenLetter: 'z', forbiddenWord: 'very', paragraphs: 3, title: true });
    const prompt = writingPrompt(key);
    for (const phrase of ['a test', '10 and 20 words', 'river, clock', 'letter "z"', 'word "very"', 'Exactly 3 paragraphs', 'title']) {
      expect(prompt).toContain(phrase);
    }
  });

  it('asks for no title and omits absent constraints', () => {
    const prompt = writingPrompt(keyWith({}));
    expect(prompt).toContain('Do not add a title.');
    expect(prompt).not.toMatch(/letter|Use each/);
  });
});

describe('checkWriting', () => {
  it.each([
    [9, 'partial'],
    [10, 'pass'],
    [20, 'pass'],
    [22, 'partial'],
    [23, 'fail'],
    [8, 'fail'],
  ])('judges %i words against 10–20 as %s (partial within 10%% of a bound)', (n, expected) => {
    expect(resultOf(keyWith({}), words(n), 'word_count')).toBe(expected);
  });

  it('counts contractions and hyphenated words as one word each', () => {
    const { details } = checkWriting(keyWith({}), "Don't stop the well-known, rock’n’roll 42 band.");
    expect(details[0].note).toBe('7 words; asked for 10–20');
  });

  it('finds keywords as whole words, ignoring case, one criterion each', () => {
    const key = keyWith({ keywords: ['ocean', 'clock'] });
    const { details } = checkWriting(key, `The Ocean's edge. ${words(10)} oceans clockwork`);
    expect(details.filter((d) => d.criterionId.startsWith('keyword:')).map((d) => [d.criterionId, d.result, d.weight])).toEqual([
      ['keyword:ocean', 'pass', 1],
      ['keyword:clock', 'fail', 1],
    ]);
  });

  it('fails the forbidden letter in any case or with an accent', () => {
    const key = keyWith({ forbiddenLetter: 'e' });
    expect(resultOf(key, 'Zoo day, warm sun', 'forbidden_letter')).toBe('pass');
    expect(resultOf(key, 'Big E', 'forbidden_letter')).toBe('fail');
    expect(resultOf(key, 'café', 'forbidden_letter')).toBe('fail');
  });

  it('fails the forbidden word only as a whole word', () => {
    const key = keyWith({ forbiddenWord: 'very' });
    expect(resultOf(key, 'Every day', 'forbidden_word')).toBe('pass');
    expect(resultOf(key, 'It was VERY good', 'forbidden_word')).toBe('fail');
  });

  it('gives an empty text no credit for avoiding letters or words', () => {
    const key = keyWith({ forbiddenLetter: 'z', forbiddenWord: 'very', keywords: ['x'] });
    const result = checkWriting(key, '   \n\n ');
    expect(result.score).toBe(0);
    expect(result.details.every((d) => d.result === 'fail')).toBe(true);
  });

  it('counts paragraphs separated by blank lines, including whitespace-only and CRLF ones', () => {
    const key = keyWith({ paragraphs: 3 });
    expect(resultOf(key, 'One.\r\n\r\nTwo.\n \t\nThree.\nstill three.', 'paragraphs')).toBe('pass');
    expect(resultOf(key, 'One.\n\n\n\nTwo.', 'paragraphs')).toBe('fail');
  });

  it('accepts a title line and leaves it out of the word and paragraph counts', () => {
    const key = keyWith({ title: true, paragraphs: 2 });
    const { details } = checkWriting(key, `# The Last Lantern\n\n${words(6)}\n\n${words(6)}`);
    expect(Object.fromEntries(details.map((d) => [d.criterionId, d.result]))).toEqual({
      word_count: 'pass',
      paragraphs: 'pass',
      title: 'pass',
    });
    expect(details.find((d) => d.criterionId === 'title')?.note).toBe('title "The Last Lantern"');
  });

  it.each([
    ['a sentence ending in a period', 'This is not a title.\n\nBody text here.'],
    ['a first block of two lines', 'Title\nsecond line\n\nBody text here.'],
    ['a title longer than 12 words', `${words(13)}\n\nBody text here.`],
    ['a title with no body', 'Only A Title'],
  ])('fails the title for %s', (_name, text) => {
    expect(resultOf(keyWith({ title: true }), text, 'title')).toBe('fail');
  });

  it('accepts a bold title', () => {
    expect(resultOf(keyWith({ title: true }), '**Rain Again**\n\nBody text.', 'title')).toBe('pass');
  });

  it('counts a missing title block as body text', () => {
    const key = keyWith({ title: true, paragraphs: 2 });
    expect(resultOf(key, 'First paragraph ends.\n\nSecond.', 'paragraphs')).toBe('pass');
  });

  it('weights length, keywords and the forbidden letter 2 each and paragraphs and title 1 each', () => {
    const key = keyWith({ keywords: ['river', 'clock'], forbiddenLetter: 'z', paragraphs: 2, title: true });
    const text = `River Song\n\nThe river ran past the clock. ${words(4)}\n\n${words(4)}`;
    const result = checkWriting(key, text);
    expect(result.details.map((d) => [d.criterionId, d.weight, d.result])).toEqual([
      ['word_count', 2, 'pass'],
      ['keyword:river', 1, 'pass'],
      ['keyword:clock', 1, 'pass'],
      ['forbidden_letter', 2, 'pass'],
      ['paragraphs', 1, 'pass'],
      ['title', 1, 'pass'],
    ]);
    expect(result.score).toBe(1);
    // A near miss on length (partial) and a missing keyword: (2·0.5 + 1 + 0 + 2 + 1 + 1) / 8.
    const worse = checkWriting(key, `River Song\n\nThe river ran. ${words(2)}\n\n${words(4)}`);
    expect(worse.score).toBeCloseTo(6 / 8, 12);
  });
});
