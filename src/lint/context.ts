/**
 * @module lint/context
 * The build context as lint rules see it: a read-only view over a directory (lazy, cached reads,
 * a bounded walk) and its effective ignore file (`<Dockerfile>.dockerignore` before
 * `.dockerignore`), matched with BuildKit's semantics by src/cachekey's matcher.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createIgnoreMatcher, readIgnoreFile, type IgnoreMatcher } from '../cachekey/index.ts';
import { StevedoreError } from '../errors.ts';
import type { ContextView } from './rule.ts';

/** Walk bound: a huge context must not make lint slow; rules only look for a few names. */
const MAX_FILES = 20_000;
const NOT_DESCENDED = new Set(['.git', 'node_modules']);

/**
 * The context's ignore rules as BuildKit applies them, through the cache-key part's matcher (one
 * implementation of .dockerignore for the whole product). A pattern BuildKit itself rejects
 * (`!` alone, a malformed class) fails the build before any COPY runs; for lint that is "no
 * usable ignore file", so rules that depend on exclusions stay silent rather than guess.
 */
export function ignoreMatcherOf(text: string, source = '.dockerignore'): IgnoreMatcher | undefined {
  try {
    return createIgnoreMatcher(readIgnoreFile(text), source);
  } catch (e) {
    if (e instanceof StevedoreError && e.code === 'CACHEKEY_IGNORE_BAD_PATTERN') return undefined;
    throw e;
  }
}

export interface ContextOptions {
  /** The Dockerfile being linted: its `<name>.dockerignore` takes precedence over `.dockerignore`. */
  readonly dockerfile?: string;
}

/** A ContextView over a real directory. Reads are lazy and cached. */
export function contextFromDirectory(root: string, options: ContextOptions = {}): ContextView {
  let matcher: IgnoreMatcher | null | undefined;
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
      if (matcher === undefined) {
        const file = view.dockerignore();
        matcher = file === undefined ? null : ignoreMatcherOf(file.text, file.path) ?? null;
      }
      return matcher !== null && matcher.excludes(path);
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
