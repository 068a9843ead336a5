// Cost of a call from its token usage and the model row's prices per million tokens.
import { describe, expect, it } from 'vitest';
import { computeCost } from '../../src/providers/cost.ts';

describe('computeCost', () => {
  it('charges input and output tokens at their own price per million', () => {
    const cost = computeCost({ inputTokens: 1_234, outputTokens: 567 }, { priceInPerMtok: 3, priceOutPerMtok: 15 });
    expect(cost).toEqual({ inputUsd: 0.003702, outputUsd: 0.008505, totalUsd: 0.012207 });
  });

  it('charges exactly the price for a million tokens', () => {
    const cost = computeCost({ inputTokens: 1_000_000, outputTokens: 1_000_000 }, { priceInPerMtok: 0.25, priceOutPerMtok: 1.25 });
    expect(cost).toEqual({ inputUsd: 0.25, outputUsd: 1.25, totalUsd: 1.5 });
  });

  it('accepts prices as the decimal strings pg returns for NUMERIC columns', () => {
    const cost = computeCost({ inputTokens: 2_000, outputTokens: 1_000 }, { priceInPerMtok: '3.000000', priceOutPerMtok: '15.000000' });
    expect(cost.totalUsd).toBe(0.021);
  });

  it('rounds to whole nano-dollars, so binary noise does not show', () => {
    const cost = computeCost({ inputTokens: 3, outputTokens: 0 }, { priceInPerMtok: 0.1, priceOutPerMtok: 0 });
    expect(cost.inputUsd).toBe(3e-7);
    const tenCalls = Array.from({ length: 10 }, () =>
      computeCost({ inputTokens: 100, outputTokens: 100 }, { priceInPerMtok: 0.1, priceOutPerMtok: 0.2 }),
    );
    expect(tenCalls[0]?.totalUsd).toBe(0.00003);
    const nano = tenCalls.reduce((sum, c) => sum + Math.round(c.totalUsd * 1e9), 0);
    expect(nano).toBe(300_000);
  });

  it('costs nothing for no tokens or free models (local servers)', () => {
    expect(computeCost({ inputTokens: 0, outputTokens: 0 }, { priceInPerMtok: 3, priceOutPerMtok: 15 }).totalUsd).toBe(0);
    expect(computeCost({ inputTokens: 900, outputTokens: 90 }, { priceInPerMtok: 0, priceOutPerMtok: 0 }).totalUsd).toBe(0);
  });

  it('refuses negative or fractional token counts and negative or unreadable prices', () => {
    const prices = { priceInPerMtok: 1, priceOutPerMtok: 1 };
    expect(() => computeCost({ inputTokens: -1, outputTokens: 0 }, prices)).toThrow(RangeError);
    expect(() => computeCost({ inputTokens: 1.5, outputTokens: 0 }, prices)).toThrow(RangeError);
    expect(() => computeCost({ inputTokens: 1, outputTokens: 1 }, { priceInPerMtok: -1, priceOutPerMtok: 1 })).toThrow(RangeError);
    expect(() => computeCost({ inputTokens: 1, outputTokens: 1 }, { priceInPerMtok: 'abc', priceOutPerMtok: 1 })).toThrow(RangeError);
    expect(() => computeCost({ inputTokens: 1, outputTokens: 1 }, { priceInPerMtok: '', priceOutPerMtok: 1 })).toThrow(RangeError);
  });
});
