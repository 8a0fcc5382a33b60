/**
 * @module util/duration
 * The one parser for durations in config files and flags: "250ms", "30s", "5m", "1h30m", "2d",
 * or a bare number of milliseconds. Linear time, no regex backtracking on hostile input.
 */
import { StevedoreError } from '../errors.ts';

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Parse a duration to milliseconds; throws CONFIG_INVALID naming the input on bad text. */
export function parseDuration(text: string, what = 'duration'): number {
  const s = text.trim();
  const fail = (why: string): never => {
    throw new StevedoreError('CONFIG_INVALID', `invalid ${what} ${JSON.stringify(text.slice(0, 80))}: ${why}`, {
      data: { input: text.slice(0, 80) },
    });
  };
  if (s === '') fail('empty');
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let i = 0;
  while (i < s.length) {
    const start = i;
    while (i < s.length && ((s[i]! >= '0' && s[i]! <= '9') || s[i] === '.')) i++;
    if (i === start) fail(`expected a number at position ${i + 1}`);
    const num = Number(s.slice(start, i));
    if (!Number.isFinite(num)) fail(`bad number at position ${start + 1}`);
    const ustart = i;
    while (i < s.length && s[i]! >= 'a' && s[i]! <= 'z') i++;
    const unit = s.slice(ustart, i);
    const factor = UNIT_MS[unit];
    if (factor === undefined) fail(unit === '' ? `missing unit at position ${i + 1} (use ms, s, m, h or d)` : `unknown unit "${unit}" (use ms, s, m, h or d)`);
    total += num * factor!;
  }
  if (total > Number.MAX_SAFE_INTEGER) fail('too large');
  return Math.round(total);
}

/** Render milliseconds compactly for help and logs ("1m30s"). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, f] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    const n = Math.floor(rest / f);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * f;
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}
