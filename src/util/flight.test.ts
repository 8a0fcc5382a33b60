// Singleflight: concurrent callers share one run; errors are shared; later calls run again.
import { describe, expect, it } from 'vitest';
import { Flight } from './flight.ts';

describe('Flight', () => {
  it('runs once for concurrent callers of a key and marks joiners as shared', async () => {
    const f = new Flight<number>();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const calls = Array.from({ length: 5 }, () => f.do('k', async () => (await gate, ++runs)));
    expect(f.has('k')).toBe(true);
    release();
    const results = await Promise.all(calls);
    expect(runs).toBe(1);
    expect(results.map((r) => r.value)).toEqual([1, 1, 1, 1, 1]);
    expect(results.filter((r) => r.shared)).toHaveLength(4);
    expect(f.size).toBe(0);
    expect((await f.do('k', () => Promise.resolve(++runs))).value).toBe(2);
  });

  it('shares a failure with every waiter, then forgets it', async () => {
    const f = new Flight<number>();
    const a = f.do('k', () => Promise.reject(new Error('boom')));
    const b = f.do('k', () => Promise.resolve(1));
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect((await f.do('k', () => Promise.resolve(7))).value).toBe(7);
  });

  it('keeps keys independent', async () => {
    const f = new Flight<string>();
    const [x, y] = await Promise.all([f.do('a', () => Promise.resolve('A')), f.do('b', () => Promise.resolve('B'))]);
    expect([x.value, y.value, x.shared, y.shared]).toEqual(['A', 'B', false, false]);
  });
});
