// One call's time budget and the caller's abort, merged into one AbortSignal that remembers which fired.

export type DeadlineReason = 'timeout' | 'aborted';

export class CallDeadline {
  readonly timeoutMs: number;
  readonly #controller = new AbortController();
  readonly #endsAt: number;
  readonly #timer: NodeJS.Timeout;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort = (): void => this.#fire('aborted');
  #reason: DeadlineReason | null = null;

  constructor(timeoutMs: number, callerSignal?: AbortSignal) {
    this.timeoutMs = timeoutMs;
    this.#endsAt = performance.now() + timeoutMs;
    this.#timer = setTimeout(() => this.#fire('timeout'), timeoutMs);
    this.#callerSignal = callerSignal;
    if (callerSignal?.aborted) this.#fire('aborted');
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  /** Aborts when the caller aborts or the budget runs out; pass it to every request and sleep. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Which of the two ended the call, or null while it is still running. */
  get reason(): DeadlineReason | null {
    return this.#reason;
  }

  remainingMs(): number {
    // Node may fire the timer a fraction of a millisecond before performance.now() reaches #endsAt:
    // once the budget has fired, nothing is left.
    if (this.#reason === 'timeout') return 0;
    return Math.max(0, this.#endsAt - performance.now());
  }

  /** Clears the timer and the listener on the caller's signal; call it when the call settles. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }

  #fire(reason: DeadlineReason): void {
    if (this.#reason) return;
    this.#reason = reason;
    clearTimeout(this.#timer);
    this.#controller.abort();
  }
}
