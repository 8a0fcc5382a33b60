/**
 * @module lint/context
 * The build context as lint rules see it: a read-only view over a directory, plus a small
 * `.dockerignore` matcher compatible with BuildKit's for the cases lint needs (`*`, `?`, `**`,
 * `[...]` classes, `!` exceptions, last match wins, a matched directory excludes its contents).
 * The full matcher for cache keys lives in src/cachekey; this one only decides lint findings.
 * Matching works on path segments with memoised recursion, so it is O(pattern × path).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve } from 'node:path';
import type { ContextView } from './rule.ts';

/** Walk bound: a huge context must not make lint slow; rules only look for a few names. */
const MAX_FILES = 20_000;
const NOT_DESCENDED = new Set(['.git', 'node_modules']);

interface Pattern {
  readonly negate: boolean;
  readonly segments: readonly string[];
}

export function parseDockerignore(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1).trim();
    }
    const clean = posix.normalize(line).replace(/^\/+/, '').replace(/\/+$/, '');
    if (clean === '' || clean === '.') continue;
    out.push({ negate, segments: clean.split('/') });
  }
  return out;
}

/** Glob match of one segment: `*` `?` `[...]` (with `!`/`^` negation) and `\` escapes. */
function matchSegment(pattern: string, name: string): boolean {
  // Iterative wildcard matching with one backtrack point: linear-ish, no regex on hostile text.
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
    if (pc !== undefined && matchOne(pattern, p, name[n]!)) {
      p = nextToken(pattern, p);
      n++;
      continue;
    }
    if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
      continue;
    }
    return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function nextToken(pattern: string, p: number): number {
  if (pattern[p] === '\\') return p + 2;
  if (pattern[p] === '[') {
    const close = pattern.indexOf(']', p + 2);
    return close === -1 ? p + 1 : close + 1;
  }
  return p + 1;
}

function matchOne(pattern: string, p: number, ch: string): boolean {
  const pc = pattern[p]!;
  if (pc === '?') return ch !== '/';
  if (pc === '\\') return pattern[p + 1] === ch;
  if (pc === '[') {
    const close = pattern.indexOf(']', p + 2);
    if (close === -1) return ch === '[';
    let body = pattern.slice(p + 1, close);
    let neg = false;
    if (body.startsWith('!') || body.startsWith('^')) {
      neg = true;
      body = body.slice(1);
    }
    let hit = false;
    for (let i = 0; i < body.length; i++) {
      if (body[i + 1] === '-' && i + 2 < body.length) {
        if (ch >= body[i]! && ch <= body[i + 2]!) hit = true;
        i += 2;
      } else if (body[i] === ch) hit = true;
    }
    return hit !== neg;
  }
  return pc === ch;
}

/** true when the pattern matches the path or one of its parent directories. */
function matchPattern(pat: readonly string[], path: readonly string[]): boolean {
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    if (i === pat.length) return true; // a matched prefix excludes everything below it
    if (j === path.length) return pat.slice(i).every((s) => s === '**');
    const key = i * (path.length + 1) + j;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const seg = pat[i]!;
    const r = seg === '**' ? go(i + 1, j) || go(i, j + 1) : matchSegment(seg, path[j]!) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

/** BuildKit semantics: the last matching pattern decides; `!` re-includes. */
export function isExcluded(patterns: readonly Pattern[], path: string): boolean {
  const segs = posix.normalize(path).replace(/^\/+/, '').split('/');
  let excluded = false;
  for (const p of patterns) {
    if (p.negate === excluded && matchPattern(p.segments, segs)) excluded = !p.negate;
  }
  return excluded;
}

export interface ContextOptions {
  /** The Dockerfile being linted: its `<name>.dockerignore` takes precedence over `.dockerignore`. */
  readonly dockerfile?: string;
}

/** A ContextView over a real directory. Reads are lazy and cached. */
export function contextFromDirectory(root: string, options: ContextOptions = {}): ContextView {
  let patterns: Pattern[] | undefined;
  let ignore: { path: string; text: string } | null | undefined;
  let files: string[] | undefined;
  const readCache = new Map<string, string | undefined>();
  const view: ContextView = {
    root,
    exists(path) {
      try {
        statSync(join(root, path));
        return true;
      } catch {
        // Named fallback: any stat failure (ENOENT, EACCES) means "not visible to the build".
        return false;
      }
    },
    readFile(path) {
      if (readCache.has(path)) return readCache.get(path);
      let text: string | undefined;
      try {
        text = statSync(join(root, path)).isFile() ? readFileSync(join(root, path), 'utf8') : undefined;
      } catch {
        // Named fallback: unreadable or missing files are "absent" to rules (documented on ContextView).
        text = undefined;
      }
      readCache.set(path, text);
      return text;
    },
    listFiles() {
      files ??= walk(root);
      return files;
    },
    isIgnored(path) {
      patterns ??= parseDockerignore(view.dockerignore()?.text ?? '');
      return isExcluded(patterns, path);
    },
    dockerignore() {
      if (ignore === undefined) {
        ignore = null;
        const candidates = options.dockerfile === undefined ? [] : [`${resolve(root, options.dockerfile)}.dockerignore`];
        candidates.push(join(root, '.dockerignore'));
        for (const abs of candidates) {
          const rel = relative(root, abs);
          const shown = rel.startsWith('..') || isAbsolute(rel) ? abs : rel.split('\\').join('/');
          const text = readText(abs);
          if (text !== undefined) {
            ignore = { path: shown, text };
            break;
          }
        }
      }
      return ignore ?? undefined;
    },
  };
  return view;
}

function readText(abs: string): string | undefined {
  try {
    return statSync(abs).isFile() ? readFileSync(abs, 'utf8') : undefined;
  } catch {
    // Named fallback: a missing or unreadable ignore file means "no ignore file", as for BuildKit.
    return undefined;
  }
}

function walk(root: string): string[] {
  const out: string[] = [];
  const stack = [''];
  while (stack.length > 0 && out.length < MAX_FILES) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      // Named fallback: an unreadable directory is skipped, as a lint cannot fix permissions.
      continue;
    }
    for (const e of entries) {
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (!NOT_DESCENDED.has(e.name)) stack.push(rel);
      } else if (e.isFile()) out.push(rel);
    }
  }
  return out.sort();
}
