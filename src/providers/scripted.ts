// Scripted provider, FOR THE DEMO SEED ONLY: deterministic text made from the prompt, no network, no model.
//
// The embedded demo (`npm start` with seed data) must show finished AI battles on a machine with no
// keys and no internet. This provider stands in for a model there: the same prompt always yields
// the same text, usage and request id, so seeded battles and their tests are reproducible. It is
// not a model, never judges anything, and model rows using it are demo rows.
import { createHash } from 'node:crypto';
import { ProviderError } from './errors.ts';
import { checkRequest } from './provider-call.ts';
import { sleep } from './retry.ts';
import type { GenerateRequest, GenerateResult, ModelProvider } from './types.ts';

export interface ScriptedProviderOptions {
  /** Simulated thinking time, so demo battles pass through their running state; default 0. */
  latencyMs?: number;
}

const OPENINGS = [
  'Here is a plan in three steps.',
  'A short answer first, then the reasoning.',
  'Consider the problem from the end.',
  'Two approaches come to mind; the simpler one wins.',
  'Start with what is known for certain.',
] as const;

export class ScriptedProvider implements ModelProvider {
  readonly kind = 'scripted' as const;
  readonly #latencyMs: number;

  constructor(options: ScriptedProviderOptions = {}) {
    this.#latencyMs = options.latencyMs ?? 0;
  }

  async generate(req: GenerateRequest): Promise<GenerateResult> {
    checkRequest(req, 'scripted');
    const started = performance.now();
    if (this.#latencyMs > 0 || req.signal?.aborted) {
      try {
        await sleep(this.#latencyMs, req.signal ?? new AbortController().signal);
      } catch {
        throw new ProviderError('provider_aborted', `scripted call to ${req.model} was aborted by the caller`, {
          provider: 'scripted',
          model: req.model,
        });
      }
    }
    const prompt = [req.system ?? '', ...req.messages.map((m) => `${m.role}: ${m.content}`)].join('\n');
    const digest = createHash('sha256').update(`${req.model}\n${prompt}`).digest('hex');
    const lastUser = [...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const topic = words(lastUser).slice(0, 12).join(' ');
    const opening = OPENINGS[parseInt(digest.slice(0, 8), 16) % OPENINGS.length];
    const full = words(`[scripted demo answer ${digest.slice(0, 8)}] ${opening} On "${topic}": the answer is ${digest.slice(8, 14)}.`);
    // One token per word, like the wire-protocol test servers.
    const truncated = full.length > req.maxTokens;
    const output = truncated ? full.slice(0, req.maxTokens) : full;
    return {
      text: output.join(' '),
      usage: { inputTokens: words(prompt).length, outputTokens: output.length },
      latencyMs: Math.round(performance.now() - started),
      requestId: `scripted_${digest.slice(0, 24)}`,
      model: req.model,
      stopReason: truncated ? 'max_tokens' : 'end_turn',
      rawStopReason: truncated ? 'max_tokens' : 'end_turn',
      attempts: 1,
    };
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind };
  }
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
