/**
 * @module cachekey/ignore/glob
 * One .dockerignore pattern, matched the way moby/patternmatcher matches it, without regular
 * expressions: the pattern becomes a token list that is run as an NFA over the path's code
 * points, so matching costs O(path × pattern) whatever the input (no backtracking blowups on
 * hostile patterns such as `*a*a*a*a*b`).
 *
 * Semantics reproduced from patternmatcher (behaviour, re-stated, not its code):
 * - `*` = any run of non-`/`; `?` = one non-`/`; `[...]` = a character class (`^` negates, `!`
 *   is a literal); `\x` escapes x.
 * - `**` followed by `/` or by more text = "any prefix ending in `/`, or nothing"; `**` at the
 *   end = anything. `**` at the very start with no other wildcard after it is a plain suffix
 *   test (so `**foo` also matches `barfoo`: a patternmatcher quirk, kept on purpose).
 * - A pattern without wildcards is an exact string comparison; `foo/**` is a prefix test.
 */

type Token =
  | { readonly t: 'lit'; readonly c: number }
  | { readonly t: 'any' } // ? : one code point except '/'
  | { readonly t: 'star' } // * : non-'/' run
  | { readonly t: 'globstar' } // (.*/)?
  | { readonly t: 'dotstar' } // .* (trailing ** after other text)
  | { readonly t: 'class'; readonly neg: boolean; readonly ranges: readonly (readonly [number, number])[] };

type MatchType = 'exact' | 'prefix' | 'suffix' | 'nfa';

const SLASH = 0x2f;

export class GlobError extends Error {}

export interface CompiledGlob {
  readonly pattern: string;
  /** Number of `/`-separated parts (used for parent-directory matching). */
  readonly dirs: number;
  match(path: string): boolean;
}

/** Compile a cleaned pattern; throws GlobError for what Go's filepath.Match rejects. */
export function compileGlob(pattern: string): CompiledGlob {
  const cps = Array.from(pattern, (ch) => ch.codePointAt(0) ?? 0);
  const tokens: Token[] = [];
  let type: MatchType = 'exact';
  let i = 0;
  let iteration = 0;
  while (i < cps.length) {
    const ch = cps[i++] ?? 0;
    if (ch === 0x2a /* * */) {
      if (cps[i] === 0x2a) {
        i++;
        if (cps[i] === SLASH) i++;
        if (i >= cps.length) {
          if (type === 'exact') type = 'prefix';
          else {
            tokens.push({ t: 'dotstar' });
            type = 'nfa';
          }
        } else {
          tokens.push({ t: 'globstar' });
          type = 'nfa';
        }
        if (iteration === 0) type = 'suffix';
      } else {
        tokens.push({ t: 'star' });
        type = 'nfa';
      }
    } else if (ch === 0x3f /* ? */) {
      tokens.push({ t: 'any' });
      type = 'nfa';
    } else if (ch === 0x5c /* \ */) {
      if (i < cps.length) {
        tokens.push({ t: 'lit', c: cps[i++] ?? 0 });
        type = 'nfa';
      } else {
        // Go's filepath.Match rejects a trailing backslash.
        throw new GlobError(`bad pattern ${JSON.stringify(pattern)}: trailing backslash`);
      }
    } else if (ch === 0x5b /* [ */) {
      const parsed = parseClass(cps, i, pattern);
      tokens.push(parsed.token);
      i = parsed.next;
      type = 'nfa';
    } else if (ch === 0x5d /* ] */) {
      // A stray ']' is literal in Go's filepath.Match and in the regexp patternmatcher builds.
      tokens.push({ t: 'lit', c: ch });
      type = 'nfa';
    } else {
      tokens.push({ t: 'lit', c: ch });
    }
    iteration++;
  }
  const dirs = pattern.split('/').length;
  switch (type) {
    case 'exact':
      return { pattern, dirs, match: (p) => p === pattern };
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return { pattern, dirs, match: (p) => p.startsWith(prefix) };
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      return {
        pattern,
        dirs,
        match: (p) => p.endsWith(suffix) || (suffix.startsWith('/') && p === suffix.slice(1)),
      };
    }
    case 'nfa':
      return { pattern, dirs, match: (p) => runNfa(tokens, p) };
  }
}

function parseClass(cps: readonly number[], start: number, pattern: string): { token: Token; next: number } {
  let i = start;
  let neg = false;
  if (cps[i] === 0x5e /* ^ */) {
    neg = true;
    i++;
  }
  const ranges: [number, number][] = [];
  let first = true;
  for (;;) {
    if (i >= cps.length) throw new GlobError(`bad pattern ${JSON.stringify(pattern)}: unterminated [`);
    let c = cps[i++] ?? 0;
    if (c === 0x5d && !first) break;
    if (c === 0x5d && first) throw new GlobError(`bad pattern ${JSON.stringify(pattern)}: empty []`);
    first = false;
    if (c === 0x5c) {
      if (i >= cps.length) throw new GlobError(`bad pattern ${JSON.stringify(pattern)}: unterminated [`);
      c = cps[i++] ?? 0;
    }
    let hi = c;
    if (cps[i] === 0x2d /* - */ && cps[i + 1] !== undefined && cps[i + 1] !== 0x5d) {
      i++;
      hi = cps[i++] ?? 0;
      if (hi === 0x5c) {
        if (i >= cps.length) throw new GlobError(`bad pattern ${JSON.stringify(pattern)}: unterminated [`);
        hi = cps[i++] ?? 0;
      }
      if (hi < c) throw new GlobError(`bad pattern ${JSON.stringify(pattern)}: bad range`);
    }
    ranges.push([c, hi]);
  }
  return { token: { t: 'class', neg, ranges }, next: i };
}

function classMatches(tok: Extract<Token, { t: 'class' }>, c: number): boolean {
  let hit = false;
  for (const [lo, hi] of tok.ranges) {
    if (c >= lo && c <= hi) {
      hit = true;
      break;
    }
  }
  return hit !== tok.neg;
}

/**
 * Thompson-style simulation. State 2k = "before token k", 2k+1 = "inside globstar k".
 * Each input code point is processed once against at most 2n+2 states.
 */
function runNfa(tokens: readonly Token[], path: string): boolean {
  const n = tokens.length;
  const size = 2 * n + 2;
  let cur = new Uint8Array(size);
  let next = new Uint8Array(size);
  const addClosure = (set: Uint8Array, state: number): void => {
    let s = state;
    for (;;) {
      if (set[s] === 1) return;
      set[s] = 1;
      if (s % 2 === 1) return;
      const tok = tokens[s / 2];
      if (tok === undefined) return;
      if (tok.t === 'star' || tok.t === 'dotstar' || tok.t === 'globstar') s += 2;
      else return;
    }
  };
  addClosure(cur, 0);
  for (const ch of path) {
    const c = ch.codePointAt(0) ?? 0;
    next.fill(0);
    let any = false;
    for (let s = 0; s < size - 2; s++) {
      if (cur[s] !== 1) continue;
      const k = s >> 1;
      const tok = tokens[k];
      if (tok === undefined) continue;
      switch (tok.t) {
        case 'lit':
          if (s % 2 === 0 && c === tok.c) addClosure(next, s + 2);
          break;
        case 'any':
          if (s % 2 === 0 && c !== SLASH) addClosure(next, s + 2);
          break;
        case 'class':
          if (s % 2 === 0 && classMatches(tok, c)) addClosure(next, s + 2);
          break;
        case 'star':
          if (c !== SLASH) addClosure(next, s);
          break;
        case 'dotstar':
          addClosure(next, s);
          break;
        case 'globstar':
          addClosure(next, 2 * k + 1);
          if (c === SLASH) addClosure(next, 2 * k + 2);
          break;
      }
    }
    for (let s = 0; s < size; s++) if (next[s] === 1) any = true;
    if (!any) return false;
    [cur, next] = [next, cur];
  }
  return cur[2 * n] === 1;
}
