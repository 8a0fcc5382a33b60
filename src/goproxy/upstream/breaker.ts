/**
 * @module goproxy/upstream/breaker
 * A circuit breaker per upstream: after `threshold` consecutive failures it opens and fails fast
 * for `cooldownMs`; then one trial request is let through (half-open) and its outcome closes or
 * re-opens it. "Not found" answers are successes for the breaker. The clock is injected.
 */
export interface BreakerOptions {
  readonly threshold: number;
  readonly cooldownMs: number;
  readonly now: () => number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  #failures = 0;
  #openedAt = 0;
  #state: BreakerState = 'closed';
  #trialInFlight = false;

  constructor(private readonly opts: BreakerOptions) {}

  get state(): BreakerState {
    if (this.#state === 'open' && this.opts.now() - this.#openedAt >= this.opts.cooldownMs) this.#state = 'half-open';
    return this.#state;
  }

  /** Whether a request may go out now; in half-open only one trial at a time. */
  allow(): boolean {
    const s = this.state;
    if (s === 'closed') return true;
    if (s === 'open') return false;
    if (this.#trialInFlight) return false;
    this.#trialInFlight = true;
    return true;
  }

  success(): void {
    this.#failures = 0;
    this.#state = 'closed';
    this.#trialInFlight = false;
  }

  failure(): void {
    this.#trialInFlight = false;
    this.#failures++;
    if (this.#state === 'half-open' || this.#failures >= this.opts.threshold) {
      this.#state = 'open';
      this.#openedAt = this.opts.now();
    }
  }
}
