/**
 * @module goproxy/cache/hot-bytes
 * A byte-capped LRU of small immutable artifacts (.info, .mod), so warm metadata requests are
 * answered without touching the file system. Only immutable keys go in: no invalidation needed.
 */
export class HotBytes {
  readonly #map = new Map<string, Buffer>();
  #bytes = 0;

  constructor(private readonly capBytes: number) {}

  get(key: string): Buffer | undefined {
    const b = this.#map.get(key);
    if (b !== undefined) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.#map.delete(key);
      this.#map.set(key, b);
    }
    return b;
  }

  set(key: string, b: Buffer): void {
    if (b.byteLength > this.capBytes) return;
    const old = this.#map.get(key);
    if (old !== undefined) {
      this.#bytes -= old.byteLength;
      this.#map.delete(key);
    }
    this.#map.set(key, b);
    this.#bytes += b.byteLength;
    for (const [k, v] of this.#map) {
      if (this.#bytes <= this.capBytes) break;
      this.#map.delete(k);
      this.#bytes -= v.byteLength;
    }
  }

  get size(): number {
    return this.#bytes;
  }
}
