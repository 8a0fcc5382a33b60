// The one duration parser for config and flags.
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250], ['30s', 30_000], ['5m', 300_000], ['1h30m', 5_400_000], ['2d', 172_800_000], ['1.5s', 1500], ['1500', 1500], [' 10s ', 10_000],
  ])('%s = %i ms', (s, ms) => expect(parseDuration(s)).toBe(ms));
  it.each([['', 'empty'], ['s', 'expected a number'], ['10 parsecs', 'missing unit at position 3'], ['1.2.3s', 'bad number'], ['10x', 'unknown unit "x"'], ['3m2', 'missing unit']])('rejects %j', (s, why) =>
    expect(() => parseDuration(s, 'timeouts.read')).toThrow(why),
  );
  it('names the setting in the error', () => expect(() => parseDuration('soon', 'ttl.list')).toThrow(/invalid ttl\.list "soon"/));
  it('is linear on hostile input', () => expect(() => parseDuration('1'.repeat(100_000) + 'q')).toThrow());
});

describe('formatDuration', () => {
  it.each([[250, '250ms'], [90_000, '1m30s'], [3_600_000, '1h'], [1500, '1s500ms']])('%i → %s', (ms, s) => expect(formatDuration(ms)).toBe(s));
});
