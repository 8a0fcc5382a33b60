/**
 * @module cachekey/path
 * Slash-path helpers with Go `path.Clean` semantics: BuildKit cleans .dockerignore patterns,
 * COPY sources and selectors with Go's lexical rules, so we need the same results (not
 * node:path's, which differ on edge cases such as a lone "..").
 */

/** Go `path.Clean` on a slash path: collapse `//`, drop `.`, resolve `..` lexically. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** Context-relative form of a COPY source or selector: cleaned, no leading `/`, root is ''. */
export function contextRelative(p: string): string {
  const c = cleanPath('/' + p);
  return c === '/' ? '' : c.slice(1);
}

/** Resolve a COPY/ADD destination against the working directory, keeping a trailing `/`. */
export function resolveDest(dest: string, workdir: string): string {
  const trailing = dest.endsWith('/') || dest === '.' || dest.endsWith('/.');
  const abs = dest.startsWith('/') ? cleanPath(dest) : cleanPath(`${workdir}/${dest}`);
  return trailing && abs !== '/' ? `${abs}/` : abs;
}

/** true when a path contains a glob metacharacter (BuildKit's `containsWildcards`). */
export function hasWildcard(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}
