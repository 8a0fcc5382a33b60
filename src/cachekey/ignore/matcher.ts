/**
 * @module cachekey/ignore/matcher
 * An ordered list of .dockerignore patterns with `!` exceptions, evaluated like
 * patternmatcher's MatchesOrParentMatches (what BuildKit's fsutil walker amounts to): the last
 * pattern that matches the path or one of its parent directories decides.
 */
import { StevedoreError } from '../../errors.ts';
import { cleanPath } from '../path.ts';
import { compileGlob, GlobError, type CompiledGlob } from './glob.ts';

interface Rule {
  readonly glob: CompiledGlob;
  readonly exclusion: boolean;
}

export interface IgnoreMatcher {
  /** The patterns as given (after the ignore-file reader's normalisation). */
  readonly patterns: readonly string[];
  /** true when some `!` pattern exists (then excluded directories must still be walked). */
  readonly hasExceptions: boolean;
  /** true when the context-relative path is excluded from the build context. */
  excludes(path: string): boolean;
  /** false when nothing below this excluded directory can be re-included by a `!` pattern. */
  mayReinclude(dir: string): boolean;
}

/** Build a matcher; `source` names the file the patterns came from, for error messages. */
export function createIgnoreMatcher(patterns: readonly string[], source = '.dockerignore'): IgnoreMatcher {
  const rules: Rule[] = [];
  let hasExceptions = false;
  for (const [n, raw] of patterns.entries()) {
    let p = raw.trim();
    if (p === '') continue;
    p = cleanPath(p);
    let exclusion = false;
    if (p.startsWith('!')) {
      if (p.length === 1) {
        throw new StevedoreError('CACHEKEY_IGNORE_BAD_PATTERN', `${source}: illegal exclusion pattern "!" (pattern ${n + 1})`, {
          data: { source, pattern: raw },
        });
      }
      exclusion = true;
      hasExceptions = true;
      p = p.slice(1);
    }
    try {
      rules.push({ glob: compileGlob(p), exclusion });
    } catch (e) {
      if (e instanceof GlobError) {
        throw new StevedoreError('CACHEKEY_IGNORE_BAD_PATTERN', `${source}: ${e.message} (pattern ${n + 1})`, {
          data: { source, pattern: raw },
          cause: e,
        });
      }
      throw e;
    }
  }
  const excludes = (file: string): boolean => {
    const path = cleanPath(file);
    if (path === '.') return false;
    const slash = path.lastIndexOf('/');
    const parents = slash < 0 ? [] : path.slice(0, slash).split('/');
    let matched = false;
    for (const rule of rules) {
      // Only a rule that could flip the current answer needs evaluating.
      if (rule.exclusion !== matched) continue;
      let match = rule.glob.match(path);
      if (!match) {
        let prefix = '';
        for (const part of parents) {
          prefix = prefix === '' ? part : `${prefix}/${part}`;
          if (rule.glob.match(prefix)) {
            match = true;
            break;
          }
        }
      }
      if (match) matched = !rule.exclusion;
    }
    return matched;
  };
  const mayReinclude = (dir: string): boolean => {
    if (!hasExceptions) return false;
    const d = cleanPath(dir).split('/');
    for (const rule of rules) {
      if (!rule.exclusion) continue;
      // Compare the literal leading parts of the exception with the directory, part by part:
      // the exception can match below `dir` unless some literal part differs.
      const parts = rule.glob.pattern.split('/');
      let possible = true;
      for (let i = 0; i < Math.min(parts.length, d.length); i++) {
        const part = parts[i] ?? '';
        if (/[*?[\\]/.test(part)) break;
        if (part !== d[i]) {
          possible = false;
          break;
        }
      }
      if (possible) return true;
    }
    return false;
  };
  return { patterns, hasExceptions, excludes, mayReinclude };
}
