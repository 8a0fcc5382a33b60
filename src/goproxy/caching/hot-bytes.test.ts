// The in-memory LRU for small immutable artifacts: byte cap and recency order.
import { describe, expect, it } from 'vitest';
import { HotBytes } from './hot-bytes.ts';

describe('HotBytes', () => {
  it('evicts least recently used entries past the byte cap', () => {
    const h = new HotBytes(10);
    h.set('a', Buffer.alloc(4));
    h.set('b', Buffer.alloc(4));
    expect(h.get('a')?.byteLength).toBe(4); // a is now most recent
    h.set('c', Buffer.alloc(4));
    expect(h.get('b')).toBeUndefined();
    expect(h.get('a')).toBeDefined();
    expect(h.get('c')).toBeDefined();
    expect(h.size).toBe(8);
  });
  it('ignores entries bigger than the cap', () => {
    const h = new HotBytes(3);
    h.set('x', Buffer.alloc(4));
    expect(h.get('x')).toBeUndefined();
  });
});
