import { describe, expect, it } from 'vitest';
import { lensValuesText } from '../../web/src/wizard/lens-choice.ts';

describe('lensValuesText', () => {
  it('lists the filled-in values of the declared parameters only, in their order', () => {
    const params = [{ label: 'tone', required: true }, { label: 'extra', required: false }];
    // audience was typed for a lens chosen before; extra is blank (its default applies).
    expect(lensValuesText({ audience: 'pirates', extra: '  ', tone: 'dry' }, params)).toBe('tone: dry');
    expect(lensValuesText({ audience: 'pirates' }, params)).toBe('');
  });
});
