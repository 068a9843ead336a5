// What one call cost: token usage times the model row's prices per million tokens (price_in/out_per_mtok), in USD.
import type { TokenUsage } from './types.ts';

/** Mirrors the model row; strings are accepted because `pg` returns NUMERIC columns as strings. */
export interface ModelPrices {
  priceInPerMtok: number | string;
  priceOutPerMtok: number | string;
}

export interface CallCost {
  inputUsd: number;
  outputUsd: number;
  /** Exactly inputUsd + outputUsd at nano-dollar precision. */
  totalUsd: number;
}

/**
 * cost = inputTokens * priceIn / 1e6 + outputTokens * priceOut / 1e6.
 * Each part is rounded to whole nano-dollars (1e-9 USD) before summing, which removes binary
 * floating-point noise (0.1 * 3 = 0.30000000000000004) and keeps sums of many calls stable;
 * a nano-dollar is far below any price step a provider publishes.
 */
export function computeCost(usage: TokenUsage, prices: ModelPrices): CallCost {
  const inputTokens = tokenCount(usage.inputTokens, 'inputTokens');
  const outputTokens = tokenCount(usage.outputTokens, 'outputTokens');
  const priceIn = price(prices.priceInPerMtok, 'priceInPerMtok');
  const priceOut = price(prices.priceOutPerMtok, 'priceOutPerMtok');
  // USD per million tokens equals nano-USD per thousandth of a token: tokens * price * 1000 nano-USD.
  const inputNano = Math.round(inputTokens * priceIn * 1_000);
  const outputNano = Math.round(outputTokens * priceOut * 1_000);
  return {
    inputUsd: inputNano / 1e9,
    outputUsd: outputNano / 1e9,
    totalUsd: (inputNano + outputNano) / 1e9,
  };
}

function tokenCount(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

function price(value: number | string, name: string): number {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed < 0) {
    throw new RangeError(`${name} must be a non-negative number, got ${JSON.stringify(value)}`);
  }
  return parsed;
}
