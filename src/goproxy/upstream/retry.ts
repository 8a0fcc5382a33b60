/**
 * @module goproxy/upstream/retry
 * Retries of transient upstream failures with exponential backoff and full jitter
 * (delay = random() × min(maxDelay, baseDelay × 2^attempt)). Randomness and sleeping are
 * injected so tests are deterministic.
 */
import { StevedoreError } from '../../errors.ts';

export interface RetryOptions {
  /** Total attempts including the first. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Transient: timeouts and upstream failures (5xx, 429, resets, truncation). Not-found, gone and invalid content are final. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof StevedoreError)) return false;
  if (e.code === 'GOPROXY_UPSTREAM_TIMEOUT') return true;
  if (e.code !== 'GOPROXY_UPSTREAM_FAILED') return false;
  const status = e.data['status'];
  return status === undefined || status === 429 || (typeof status === 'number' && status >= 500);
}

export function backoffDelay(attempt: number, o: RetryOptions): number {
  return Math.floor(o.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt));
}

export async function withRetry<T>(o: RetryOptions, fn: (attempt: number) => Promise<T>, onRetry?: (e: unknown, attempt: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (attempt + 1 >= o.attempts || !isTransient(e)) throw e;
      onRetry?.(e, attempt);
      await o.sleep(backoffDelay(attempt, o));
    }
  }
}
