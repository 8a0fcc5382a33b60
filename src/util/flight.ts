/**
 * @module util/flight
 * Singleflight: at most one in-flight execution per key; concurrent callers with the same key
 * share the first caller's promise. Used by the goproxy part so that however many clients ask
 * for the same artifact at once, the upstream is fetched exactly once (Athens needed this,
 * gomods/athens PR #2050; goproxy/goproxy lacks it).
 */

export interface FlightResult<T> {
  readonly value: T;
  /** True when this caller joined a flight started by another caller. */
  readonly shared: boolean;
}

export class Flight<T> {
  readonly #inflight = new Map<string, Promise<T>>();

  /** Run `fn` for `key` unless a run for `key` is already in flight; then share its outcome. */
  async do(key: string, fn: () => Promise<T>): Promise<FlightResult<T>> {
    const existing = this.#inflight.get(key);
    if (existing !== undefined) return { value: await existing, shared: true };
    const p = (async () => fn())();
    this.#inflight.set(key, p);
    try {
      return { value: await p, shared: false };
    } finally {
      // Only the starter removes the entry, and only if it is still its own promise.
      if (this.#inflight.get(key) === p) this.#inflight.delete(key);
    }
  }

  /** Whether a run for `key` is in flight right now. */
  has(key: string): boolean {
    return this.#inflight.has(key);
  }

  get size(): number {
    return this.#inflight.size;
  }
}
