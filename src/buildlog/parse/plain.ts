/**
 * @module buildlog/parse/plain
 * BuildKit `--progress=plain` lines (`#N …`), old (≤ v0.8: `#N sha256:` digest lines, `executor
 * failed running`) and new. A line-at-a-time state machine: `#N name` after a blank line (or for
 * an unseen N) is a header, `#N <secs> text` is process output, `DONE`/`CACHED`/`ERROR:`/
 * `CANCELED` end the vertex, anything else is a status line kept as output.
 */
import type { RecordBuilder } from '../record.ts';

export interface PlainContext {
  readonly builder: RecordBuilder;
  prevBlank: boolean;
}

/** Reads `#N` and returns N and the text after `#N `; null when the line is not a plain line. */
export function splitPlain(text: string): { n: number; rest: string } | null {
  if (text.charCodeAt(0) !== 35) return null;
  let i = 1;
  while (i < text.length && i < 9) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  if (i === 1) return null;
  if (i < text.length && text.charCodeAt(i) !== 32) return null;
  return { n: Number(text.slice(1, i)), rest: text.slice(i + 1) };
}

/** `0.084 text` / `12.34 text` / `105.2` → the text; null if the line does not start with seconds. */
export function splitSeconds(rest: string): string | null {
  let i = 0;
  let dot = false;
  while (i < rest.length && i < 12) {
    const c = rest.charCodeAt(i);
    if (c === 46 && !dot && i > 0) dot = true;
    else if (c < 48 || c > 57) break;
    i++;
  }
  if (!dot || rest.charCodeAt(i - 1) === 46) return null;
  if (i === rest.length) return '';
  if (rest.charCodeAt(i) !== 32) return null;
  return rest.slice(i + 1);
}

// Searching for the first non-hex character (a global regex, started at an offset) measured
// faster than matching 64 hex digits or a charCode loop.
const NON_HEX = /[^0-9a-f]/g;

/** True when text[from..] is all lower-case hex (the caller checked the length: 64 digits). */
function isHex(text: string, from: number): boolean {
  NON_HEX.lastIndex = from;
  return !NON_HEX.test(text);
}

/** Offset of the text after `#N `, or -1 when the line is not a plain line (no allocation). */
function restOffset(text: string): number {
  if (text.charCodeAt(0) !== 35) return -1;
  let i = 1;
  while (i < text.length && i < 9) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  if (i === 1) return -1;
  if (i === text.length) return i;
  return text.charCodeAt(i) === 32 ? i + 1 : -1;
}

/** Offset of the text after `<secs> ` starting at `from` (text.length for a bare `<secs>`), or -1. */
function secondsOffset(text: string, from: number): number {
  let i = from;
  let dot = false;
  while (i < text.length && i - from < 12) {
    const c = text.charCodeAt(i);
    if (c === 46 && !dot && i > from) dot = true;
    else if (c < 48 || c > 57) break;
    i++;
  }
  if (!dot || text.charCodeAt(i - 1) === 46) return -1;
  if (i === text.length) return i;
  return text.charCodeAt(i) === 32 ? i + 1 : -1;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Number.parseFloat(text.slice(from)) without the substring, for the usual `12.3s`: with at most
 * 15 digits, digits / 10^k is one correctly rounded division, exactly what parseFloat returns.
 * Anything else (sign, exponent, long numbers) goes to parseFloat itself.
 */
function secondsAt(text: string, from: number): number {
  let i = from;
  let num = 0;
  let scale = 0;
  let digits = 0;
  let dot = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      num = num * 10 + (c - 48);
      digits++;
      if (dot) scale++;
    } else if (c === 46 && !dot && digits > 0) dot = true;
    else break;
  }
  const next = i < text.length ? text.charCodeAt(i) : -1;
  if (digits === 0 || digits > 15 || next === 101 || next === 69) return Number.parseFloat(text.slice(from));
  return num / POW10[scale]!;
}

function restIs(text: string, off: number, s: string): boolean {
  return text.length - off === s.length && text.startsWith(s, off);
}

// The per-line hot path of plain logs: offsets instead of substrings, one slice per output line.
export function handlePlain(ctx: PlainContext, text: string, line: number, ts: string | null): boolean {
  const off = restOffset(text);
  if (off === -1) return false;
  const b = ctx.builder;
  // restOffset saw 1–8 digits after `#`; read them without a substring.
  let n = 0;
  for (let i = 1; i < off; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  b.kinds.plain++;
  const so = secondsOffset(text, off);
  // `#0 building with "default" instance using docker driver` describes the builder; not a step.
  if (n === 0 && b.getPlain(0) === undefined) {
    b.loose.add(line, text.slice(so === -1 ? off : so));
    return true;
  }
  const existing = b.getPlain(n);
  if (existing === undefined) {
    const step = b.addPlain(n, so === -1 ? text.slice(off) : '', line);
    if (so !== -1) step.output.add(line, text.slice(so));
    stamp(step, ts);
    return true;
  }
  stamp(existing, ts);
  if (so !== -1) {
    existing.output.add(line, so === text.length ? '' : text.slice(so));
    return true;
  }
  if (restIs(text, off, existing.name) || restIs(text, off, '...')) return true;
  if (text.length - off === 71 && text.startsWith('sha256:', off) && isHex(text, off + 7)) {
    b.kinds.legacy++;
    return true;
  }
  if (restIs(text, off, 'CACHED')) {
    existing.cached = true;
    return true;
  }
  if (text.startsWith('DONE ', off)) {
    const secs = secondsAt(text, off + 5);
    if (!Number.isNaN(secs)) existing.duration = secs;
    return true;
  }
  if (restIs(text, off, 'CANCELED')) {
    existing.canceled = true;
    return true;
  }
  if (text.startsWith('ERROR', off) && (text.charCodeAt(off + 5) === 58 || text.charCodeAt(off + 5) === 32)) {
    const msg = text.slice(off + (text.charCodeAt(off + 5) === 58 ? 7 : 6));
    existing.error = msg;
    existing.errorLine = line;
    if (msg.endsWith('context canceled')) existing.canceled = true;
    if (msg.startsWith('executor failed running')) b.kinds.legacy++;
    existing.output.add(line, `ERROR: ${msg}`);
    return true;
  }
  const rest = text.slice(off);
  if (existing.name.length === 0 && !rest.startsWith('WARN: ')) {
    existing.rename(rest);
    b.renamed(existing);
    return true;
  }
  existing.output.add(line, rest);
  return true;
}

function stamp(step: { start: string | null; end: string | null }, ts: string | null): void {
  if (ts === null) return;
  step.start ??= ts;
  step.end = ts;
}
