// Lens rendering: [[param]] substitution, escaping, reporting, and the no-injection guarantee.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractParams, renderLensWithSnapshot, type LensParam } from '../../src/core/lens-render.ts';

const req = (label: string, extra: Partial<LensParam> = {}): LensParam => ({ label, required: true, ...extra });
const opt = (label: string, extra: Partial<LensParam> = {}): LensParam => ({ label, required: false, ...extra });

function renderText(template: string, snapshot: Record<string, unknown>, params: LensParam[]): string {
  const result = renderLensWithSnapshot(template, snapshot, params);
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

describe('extractParams', () => {
  it('lists token labels in order of first appearance without duplicates', () => {
    expect(extractParams('[[b]] and [[a]] then [[b]] and [[ a ]]')).toEqual(['b', 'a']);
  });

  it('returns nothing for a template without tokens', () => {
    expect(extractParams('plain [text] with [ [x] ] and ]]')).toEqual([]);
  });

  it('accepts letters, digits, _, -, . and unicode letters in labels', () => {
    expect(extractParams('[[a_b]] [[c-d]] [[e.f]] [[G7]] [[thème]] [[名前]] [[café]]')).toEqual([
      'a_b',
      'c-d',
      'e.f',
      'G7',
      'thème',
      '名前',
      'café',
    ]);
  });

  it('does not treat inner spaces, empty labels, newlines or other punctuation as tokens', () => {
    expect(extractParams('[[two words]] [[]] [[ ]] [[a\n]] [[a!]] [[a/b]] [[$x]]')).toEqual([]);
  });

  it('ignores escaped tokens', () => {
    expect(extractParams('\\[[hidden]] [[shown]]')).toEqual(['shown']);
  });

  it('finds the innermost token in nested brackets and none in an unclosed one', () => {
    expect(extractParams('[[[x]]]')).toEqual(['x']);
    expect(extractParams('[[x] [[y')).toEqual([]);
  });
});

describe('renderLensWithSnapshot', () => {
  it('substitutes declared tokens and reports nothing when everything matches', () => {
    const result = renderLensWithSnapshot('Write about [[topic]] for [[audience]].', { topic: 'tides', audience: 'kids' }, [
      req('topic'),
      req('audience'),
    ]);
    expect(result).toEqual({
      ok: true,
      text: 'Write about tides for kids.',
      report: { unknownTokens: [], extraValues: [], defaultsUsed: [] },
    });
  });

  it('trims spaces and tabs inside the brackets: [[ topic ]] equals [[topic]]', () => {
    expect(renderText('[[ topic ]]|[[\ttopic\t]]|[[topic]]', { topic: 'x' }, [req('topic')])).toBe('x|x|x');
  });

  it('replaces every occurrence of a repeated token', () => {
    expect(renderText('[[a]]-[[a]]-[[a]]', { a: '1' }, [req('a')])).toBe('1-1-1');
  });

  it('replaces adjacent tokens independently', () => {
    expect(renderText('[[a]][[b]][[a]]', { a: 'A', b: 'B' }, [req('a'), req('b')])).toBe('ABA');
  });

  it('renders [[[x]]] as the value wrapped in single brackets', () => {
    expect(renderText('[[[x]]]', { x: 'v' }, [req('x')])).toBe('[v]');
  });

  it('leaves an unclosed [[x and a half-closed [[x] as written', () => {
    expect(renderText('start [[x and [[x] end', { x: 'v' }, [req('x')])).toBe('start [[x and [[x] end');
  });

  it('renders \\[[ as a literal [[ that starts no token', () => {
    expect(renderText('use \\[[topic]] for [[topic]]', { topic: 'T' }, [req('topic')])).toBe('use [[topic]] for T');
  });

  it('treats only \\[[ as an escape, leaving other backslashes untouched', () => {
    expect(renderText('a\\nb \\\\ \\[ [[x]]', { x: 'v' }, [req('x')])).toBe('a\\nb \\\\ \\[ v');
  });

  it('keeps a literal backslash before an escape: \\\\[[x]] renders as \\[[x]]', () => {
    expect(renderText('\\\\[[x]]', { x: 'v' }, [req('x')])).toBe('\\[[x]]');
  });

  it('inserts values verbatim and never re-scans them, so values cannot inject tokens', () => {
    const text = renderText('[[a]] [[b]]', { a: '[[b]]', b: '\\[[a]] $& $1' }, [req('a'), req('b')]);
    expect(text).toBe('[[b]] \\[[a]] $& $1');
  });

  it('substitutes unicode labels and values', () => {
    expect(renderText('Thème : [[thème]] 🎉', { thème: 'la mer 🌊' }, [req('thème')])).toBe('Thème : la mer 🌊 🎉');
  });

  it('is case-sensitive about labels', () => {
    const result = renderLensWithSnapshot('[[Topic]]', { topic: 'x' }, [req('topic')]);
    expect(result).toMatchObject({ ok: true, text: '[[Topic]]', report: { unknownTokens: ['Topic'] } });
  });

  it('stringifies numbers and booleans and renders objects and arrays as JSON', () => {
    const params = ['n', 'f', 't', 'o', 'a', 'z', 'big'].map((l) => req(l));
    const snapshot = { n: 42, f: -0.5, t: false, o: { k: 'v', n: [1] }, a: [1, 'two'], z: 0, big: 12n };
    expect(renderText('[[n]] [[f]] [[t]] [[o]] [[a]] [[z]] [[big]]', snapshot, params)).toBe(
      '42 -0.5 false {"k":"v","n":[1]} [1,"two"] 0 12',
    );
  });

  it('falls back to String() for values JSON cannot express, such as symbols', () => {
    expect(renderText('[[f]]', { f: Symbol.for('s') }, [req('f')])).toBe('Symbol(s)');
  });

  it('reports unknown tokens in order of appearance and leaves them verbatim', () => {
    const result = renderLensWithSnapshot('[[ ghost ]] [[a]] [[zeta]] [[ghost]]', { a: '1' }, [req('a')]);
    expect(result).toEqual({
      ok: true,
      text: '[[ ghost ]] 1 [[zeta]] [[ghost]]',
      report: { unknownTokens: ['ghost', 'zeta'], extraValues: [], defaultsUsed: [] },
    });
  });

  it('reports snapshot values that no parameter declares, sorted, without using them', () => {
    const result = renderLensWithSnapshot('[[a]]', { zz: 1, a: 'x', b: 'unused' }, [req('a')]);
    expect(result).toMatchObject({ ok: true, text: 'x', report: { extraValues: ['b', 'zz'] } });
  });

  it('uses the default when the snapshot has no value and reports it', () => {
    const result = renderLensWithSnapshot('[[a]] [[b]]', { a: 'given' }, [req('a', { default: 'da' }), req('b', { default: 'db' })]);
    expect(result).toMatchObject({ ok: true, text: 'given db', report: { defaultsUsed: ['b'] } });
  });

  it.each([null, '', '   ', undefined])('treats %j as no value, falling back to the default', (value) => {
    const result = renderLensWithSnapshot('[[a]]', { a: value }, [req('a', { default: 'fallback' })]);
    expect(result).toMatchObject({ ok: true, text: 'fallback', report: { defaultsUsed: ['a'], extraValues: [] } });
  });

  it.each([null, '', '  \n ', undefined])('refuses a required parameter whose value is %j with lens_param_missing', (value) => {
    expect(renderLensWithSnapshot('[[a]]', { a: value }, [req('a')])).toEqual({
      ok: false,
      code: 'lens_param_missing',
      missing: ['a'],
      message: 'Missing value for required lens parameter: a.',
    });
  });

  it('treats a blank default as no default', () => {
    expect(renderLensWithSnapshot('[[a]]', {}, [req('a', { default: ' ' })])).toMatchObject({ ok: false, missing: ['a'] });
  });

  it('names every missing required parameter in declaration order', () => {
    const result = renderLensWithSnapshot('[[a]]', { b: 'ok' }, [req('c'), req('b'), req('a')]);
    expect(result).toMatchObject({ ok: false, missing: ['c', 'a'] });
    if (!result.ok) expect(result.message).toBe('Missing value for required lens parameters: c, a.');
  });

  it('blocks on a required parameter even when the template never uses it', () => {
    expect(renderLensWithSnapshot('no tokens', {}, [req('unused')])).toMatchObject({ ok: false, missing: ['unused'] });
  });

  it('renders an optional parameter without value or default as the empty string', () => {
    expect(renderText('a[[o]]b', {}, [opt('o')])).toBe('ab');
  });

  it('uses an optional parameter\u2019s default when present', () => {
    expect(renderText('[[o]]', { o: null }, [opt('o', { default: 'd' })])).toBe('d');
  });

  it('trims declared labels and lets the first of two declarations of a label win', () => {
    const result = renderLensWithSnapshot('[[a]]', {}, [opt(' a ', { default: 'first' }), req('a')]);
    expect(result).toMatchObject({ ok: true, text: 'first', report: { defaultsUsed: ['a'] } });
    expect(renderLensWithSnapshot('[[a]]', {}, [req('a'), req('a')])).toMatchObject({ missing: ['a'] });
  });

  it('does not read inherited properties of the snapshot as values', () => {
    const snapshot = Object.create({ a: 'inherited' }) as Record<string, unknown>;
    expect(renderLensWithSnapshot('[[a]]', snapshot, [req('a')])).toMatchObject({ ok: false, missing: ['a'] });
    expect(renderText('[[toString]]', {}, [opt('toString')])).toBe('');
  });

  it('returns an empty template unchanged', () => {
    expect(renderLensWithSnapshot('', {}, [])).toEqual({
      ok: true,
      text: '',
      report: { unknownTokens: [], extraValues: [], defaultsUsed: [] },
    });
  });
});

describe('renderLensWithSnapshot properties', () => {
  const label = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,8}$/);
  const pad = fc.constantFrom('', ' ', '  ', '\t', ' \t');
  // Plain text that cannot form or break a token boundary (no brackets or backslashes).
  const plain = fc.string({ maxLength: 12 }).map((s) => s.replace(/[[\]\\]/g, ''));
  const value = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '');

  it('leaves no declared token after rendering with a value for every declared parameter', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(label, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(plain, fc.nat(), pad, pad), { maxLength: 10 }),
        plain,
        (labels, parts, tail) => {
          const params = labels.map((l) => req(l));
          // Values are distinct sentinels free of brackets, so any surviving token came from the template.
          const snapshot = Object.fromEntries(labels.map((l, i) => [l, `<v${i}>`]));
          let template = '';
          let expected = '';
          for (const [text, pick, before, after] of parts) {
            const chosen = labels[pick % labels.length];
            template += `${text}[[${before}${chosen}${after}]]`;
            expected += `${text}${snapshot[chosen]}`;
          }
          template += tail;
          expected += tail;
          const result = renderLensWithSnapshot(template, snapshot, params);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.text).toBe(expected);
          expect(extractParams(result.text).filter((l) => labels.includes(l))).toEqual([]);
          expect(result.report).toEqual({ unknownTokens: [], extraValues: [], defaultsUsed: [] });
        },
      ),
    );
  });

  it('inserts arbitrary values verbatim whatever they contain', () => {
    fc.assert(
      fc.property(label, value, plain, plain, (l, v, before, after) => {
        expect(renderText(`${before}[[${l}]]${after}`, { [l]: v }, [req(l)])).toBe(`${before}${v}${after}`);
      }),
    );
  });

  it('never throws and reports every template token as either declared or unknown', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.uniqueArray(label, { maxLength: 3 }), (template, labels) => {
        const result = renderLensWithSnapshot(template, {}, labels.map((l) => opt(l)));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const tokens = extractParams(template);
        expect(result.report.unknownTokens).toEqual(tokens.filter((t) => !labels.includes(t)));
      }),
    );
  });

  it('is the identity on text without [[', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }).filter((s) => !s.includes('[[')), (template) => {
        expect(renderText(template, {}, [])).toBe(template);
      }),
    );
  });
});
