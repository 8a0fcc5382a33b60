/**
 * @module goproxy/protocol/patterns
 * GOPRIVATE / GONOPROXY / GONOSUMDB matching with the go command's meaning
 * (golang.org/x/mod/module MatchPrefixPatterns): comma-separated path.Match globs matched
 * against the leading path elements of a module path; a trailing "/" in a pattern is ignored.
 */

/** path.Match for one element-aligned pattern; "*" and "?" never cross "/". Linear-ish: backtracks only on "*". */
export function globMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const pc = pattern[p];
    if (pc === '*') {
      starP = p++;
      starN = n;
      continue;
    }
    if (pc !== undefined && name[n] !== '/') {
      if (pc === '?') {
        p++;
        n++;
        continue;
      }
      if (pc === '[') {
        const end = pattern.indexOf(']', p + 1);
        if (end > p + 1) {
          let set = pattern.slice(p + 1, end);
          const neg = set.startsWith('^');
          if (neg) set = set.slice(1);
          let hit = false;
          for (let k = 0; k < set.length; k++) {
            if (set[k + 1] === '-' && k + 2 < set.length) {
              if (name[n]! >= set[k]! && name[n]! <= set[k + 2]!) hit = true;
              k += 2;
            } else if (set[k] === name[n]) hit = true;
          }
          if (hit !== neg) {
            p = end + 1;
            n++;
            continue;
          }
        }
      } else if (pc === '\\' && pattern[p + 1] === name[n]) {
        p += 2;
        n++;
        continue;
      } else if (pc === name[n]) {
        p++;
        n++;
        continue;
      }
    } else if (pc === '/' && name[n] === '/') {
      p++;
      n++;
      continue;
    }
    // Mismatch: let the last "*" absorb one more character, but never a "/".
    if (starP >= 0 && name[starN] !== '/') {
      p = starP + 1;
      n = ++starN;
      continue;
    }
    return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether `modulePath` (or one of its leading element prefixes) matches any of the comma-separated globs. */
export function matchPrefixPatterns(globs: string, modulePath: string): boolean {
  for (let glob of globs.split(',')) {
    glob = glob.trim().replace(/\/+$/, '');
    if (glob === '') continue;
    const n = glob.split('/').length;
    const elems = modulePath.split('/');
    if (elems.length < n) continue;
    if (globMatch(glob, elems.slice(0, n).join('/'))) return true;
  }
  return false;
}
