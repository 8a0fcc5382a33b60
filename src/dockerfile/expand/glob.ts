/**
 * @module dockerfile/expand/glob
 * Shell patterns for ${v#p}, ${v%p}, ${v/p/r}: `*`, `?`, backslash escapes and (optionally)
 * `[...]` bracket expressions. BuildKit turns the pattern into a Go regexp; we match the same
 * strings without a regexp engine: the pattern is split at `*` into fixed-length segments and
 * each segment is placed once, left to right, so matching is O(n·m) in the worst case with no
 * backtracking blow-up on hostile patterns.
 *
 * Semantics kept from BuildKit: `?` matches one code point except newline; `\}` and `\/` mean
 * the character itself; `\*`, `\?`, `\\` are literals; any other escape is an error. BuildKit
 * has no bracket expressions (it escapes `[`), so `brackets` is off in BuildKit mode.
 * Known difference: Go's `.*` does not cross a newline; our `*` does.
 */

export type GlobToken =
  | { readonly kind: 'lit'; readonly cp: number }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'class'; readonly negate: boolean; readonly ranges: readonly (readonly [number, number])[] };

export class GlobError extends Error {}

/** Parses a pattern into tokens. Throws GlobError on an invalid escape. */
export function compileGlob(pattern: string, brackets: boolean): GlobToken[] {
  const cps = Array.from(pattern, (c) => c.codePointAt(0)!);
  const out: GlobToken[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (c === 0x2a) out.push({ kind: 'star' });
    else if (c === 0x3f) out.push({ kind: 'any' });
    else if (c === 0x5c) {
      const n = cps[i + 1];
      if (n === 0x7d || n === 0x2f) continue; // the escape belongs to ${...} syntax, not the pattern
      if (n !== 0x2a && n !== 0x3f && n !== 0x5c) {
        throw new GlobError(`invalid escape '\\${n === undefined ? '' : String.fromCodePoint(n)}'`);
      }
      out.push({ kind: 'lit', cp: n });
      i++;
    } else if (c === 0x5b && brackets) {
      const cls = parseClass(cps, i);
      if (cls === undefined) out.push({ kind: 'lit', cp: c });
      else {
        out.push(cls.token);
        i = cls.end;
      }
    } else out.push({ kind: 'lit', cp: c });
  }
  return out;
}

function parseClass(cps: readonly number[], start: number): { token: GlobToken; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (cps[i] === 0x21 || cps[i] === 0x5e) {
    negate = true;
    i++;
  }
  const ranges: [number, number][] = [];
  let first = true;
  for (; i < cps.length; i++) {
    let c = cps[i]!;
    if (c === 0x5d && !first) return { token: { kind: 'class', negate, ranges }, end: i };
    first = false;
    if (c === 0x5c && i + 1 < cps.length) c = cps[++i]!;
    if (cps[i + 1] === 0x2d && i + 2 < cps.length && cps[i + 2] !== 0x5d) {
      let hi = cps[i + 2]!;
      i += 2;
      if (hi === 0x5c && i + 1 < cps.length) hi = cps[++i]!;
      ranges.push([c, hi]);
    } else ranges.push([c, c]);
  }
  return undefined; // no closing bracket: `[` is a literal, as in sh
}

function tokenMatches(t: GlobToken, cp: number): boolean {
  switch (t.kind) {
    case 'lit':
      return t.cp === cp;
    case 'any':
      return cp !== 0x0a;
    case 'class': {
      let hit = false;
      for (const [lo, hi] of t.ranges) if (cp >= lo && cp <= hi) hit = true;
      return hit !== t.negate && cp !== 0x0a;
    }
    case 'star':
      return false;
  }
}

interface Shape {
  readonly leadingStar: boolean;
  readonly trailingStar: boolean;
  readonly segments: readonly (readonly GlobToken[])[];
}

function shape(tokens: readonly GlobToken[]): Shape {
  const segments: GlobToken[][] = [];
  let cur: GlobToken[] = [];
  let stars = 0;
  for (const t of tokens) {
    if (t.kind === 'star') {
      stars++;
      if (cur.length > 0) segments.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length > 0) segments.push(cur);
  const leadingStar = tokens[0]?.kind === 'star';
  const trailingStar = stars > 0 && tokens[tokens.length - 1]?.kind === 'star';
  return { leadingStar, trailingStar, segments };
}

function segAt(seg: readonly GlobToken[], v: readonly number[], p: number): boolean {
  if (p + seg.length > v.length) return false;
  for (let i = 0; i < seg.length; i++) if (!tokenMatches(seg[i]!, v[p + i]!)) return false;
  return true;
}

function segFirst(seg: readonly GlobToken[], v: readonly number[], p: number): number {
  for (let q = p; q + seg.length <= v.length; q++) if (segAt(seg, v, q)) return q;
  return -1;
}

function segLast(seg: readonly GlobToken[], v: readonly number[], p: number): number {
  for (let q = v.length - seg.length; q >= p; q--) if (segAt(seg, v, q)) return q;
  return -1;
}

/** End of the shortest (lazy) or longest (greedy) match anchored at `from`, or -1. */
function anchoredEnd(s: Shape, v: readonly number[], from: number, greedy: boolean): number {
  const segs = s.segments;
  if (!s.leadingStar && !s.trailingStar && segs.length <= 1) {
    const seg = segs[0] ?? [];
    return segAt(seg, v, from) ? from + seg.length : -1;
  }
  let p = from;
  let i = 0;
  if (!s.leadingStar) {
    const seg = segs[0]!;
    if (!segAt(seg, v, p)) return -1;
    p += seg.length;
    i = 1;
  }
  const lastFloating = s.trailingStar ? segs.length : segs.length - 1;
  for (; i < lastFloating; i++) {
    const seg = segs[i]!;
    const q = segFirst(seg, v, p);
    if (q < 0) return -1;
    p = q + seg.length;
  }
  if (s.trailingStar) return greedy ? v.length : p;
  const seg = segs[segs.length - 1]!;
  const q = greedy ? segLast(seg, v, p) : segFirst(seg, v, p);
  return q < 0 ? -1 : q + seg.length;
}

/** Leftmost match at or after `from` (greedy extent, as a regexp replace does), or undefined. */
function leftmost(s: Shape, v: readonly number[], from: number): [number, number] | undefined {
  if (s.leadingStar || s.segments.length === 0) {
    const e = anchoredEnd(s, v, from, true);
    return e < 0 ? undefined : [from, e];
  }
  // The earliest occurrence of the first segment leaves the most room for the rest, so if the
  // rest cannot match after it, it cannot match after any later one either.
  const q = segFirst(s.segments[0]!, v, from);
  if (q < 0) return undefined;
  const e = anchoredEnd(s, v, q, true);
  return e < 0 ? undefined : [q, e];
}

const toCps = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);
const fromCps = (cps: readonly number[], a: number, b: number): string => {
  let out = '';
  for (let i = a; i < b; i += 4096) out += String.fromCodePoint(...cps.slice(i, Math.min(b, i + 4096)));
  return out;
};

/** ${v#p} / ${v##p}: removes the shortest / longest matching prefix. */
export function trimPrefixGlob(tokens: readonly GlobToken[], value: string, greedy: boolean): string {
  const v = toCps(value);
  const e = anchoredEnd(shape(tokens), v, 0, greedy);
  return e < 0 ? value : fromCps(v, e, v.length);
}

/** ${v%p} / ${v%%p}: removes the shortest / longest matching suffix (by reversing both sides, as BuildKit does). */
export function trimSuffixGlob(tokens: readonly GlobToken[], value: string, greedy: boolean): string {
  const v = toCps(value).reverse();
  const e = anchoredEnd(shape([...tokens].reverse()), v, 0, greedy);
  if (e < 0) return value;
  return fromCps(v.slice(e).reverse(), 0, v.length - e);
}

/** ${v/p/r} and ${v//p/r}. replaceAll follows Go's ReplaceAllString, including its `$0`/`$$` template syntax. */
export function replaceGlob(tokens: readonly GlobToken[], value: string, replacement: string, all: boolean): string {
  const s = shape(tokens);
  const v = toCps(value);
  if (!all) {
    const m = leftmost(s, v, 0);
    return m === undefined ? value : fromCps(v, 0, m[0]) + replacement + fromCps(v, m[1], v.length);
  }
  const parts: string[] = [];
  let lastEnd = 0;
  let lastMatchEnd = -1;
  let search = 0;
  while (search <= v.length) {
    const m = leftmost(s, v, search);
    if (m === undefined) break;
    parts.push(fromCps(v, lastEnd, m[0]));
    // Go: no replacement for an empty match right after the previous match.
    if (m[1] > lastMatchEnd || m[0] === 0) parts.push(expandTemplate(replacement, fromCps(v, m[0], m[1])));
    lastEnd = m[1];
    lastMatchEnd = m[1];
    search = m[1] > search ? m[1] : search + 1;
  }
  parts.push(fromCps(v, lastEnd, v.length));
  return parts.join('');
}

/** Go regexp Expand for a pattern without capture groups: $0 / ${0} is the match, $$ is $, other names are empty. */
function expandTemplate(t: string, match: string): string {
  if (!t.includes('$')) return t;
  let out = '';
  let i = 0;
  while (i < t.length) {
    const d = t.indexOf('$', i);
    if (d < 0) break;
    out += t.slice(i, d);
    i = d + 1;
    if (t[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string;
    if (t[i] === '{') {
      const close = t.indexOf('}', i);
      name = close < 0 ? '' : t.slice(i + 1, close);
      if (name === '' || !/^[\p{L}\p{Nd}_]+$/u.test(name)) {
        out += '$';
        continue;
      }
      i = close + 1;
    } else {
      const m = /^[\p{L}\p{Nd}_]+/u.exec(t.slice(i, i + 256));
      if (m === null) {
        out += '$';
        continue;
      }
      name = m[0];
      i += name.length;
    }
    if (/^0+$/.test(name)) out += match;
  }
  return out + t.slice(i);
}
