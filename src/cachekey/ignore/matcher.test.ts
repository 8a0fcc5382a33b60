/**
 * @module cachekey/ignore/matcher.test
 * The .dockerignore table (`__fixtures__/patterns.json`): BuildKit semantics for `*`, `**`, `!`,
 * leading and trailing `/`, `.` handling, comments, whitespace, BOM, classes; plus pattern
 * errors and the linear-time guarantee on hostile input.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isStevedoreError } from '../../errors.ts';
import { readIgnoreFile } from './ignorefile.ts';
import { createIgnoreMatcher } from './matcher.ts';

interface Table {
  cases: { name: string; ignore: string; expect: Record<string, boolean> }[];
  errors: { name: string; ignore: string; code: string }[];
}
const table = JSON.parse(readFileSync(new URL('./__fixtures__/patterns.json', import.meta.url), 'utf8')) as Table;

describe('dockerignore semantics', () => {
  it.each(table.cases)('$name', ({ ignore, expect: expected }) => {
    const m = createIgnoreMatcher(readIgnoreFile(ignore));
    const got = Object.fromEntries(Object.keys(expected).map((p) => [p, m.excludes(p)]));
    expect(got).toEqual(expected);
  });

  it.each(table.errors)('rejects: $name', ({ ignore, code }) => {
    let err: unknown;
    try {
      createIgnoreMatcher(readIgnoreFile(ignore));
    } catch (e) {
      err = e;
    }
    expect(isStevedoreError(err) && err.code).toBe(code);
  });

  it('normalises lines like ignorefile.ReadAll', () => {
    expect(readIgnoreFile('\ufeff/a/\n# c\n\n ! /b/./c \n!\n')).toEqual(['a', '!b/c', '!']);
  });

  it('matches hostile patterns in linear time (no backtracking)', () => {
    const m = createIgnoreMatcher(['*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/**/**/**/**/**/x']);
    const path = 'a'.repeat(20000);
    const deep = Array.from({ length: 400 }, () => 'd').join('/') + '/y';
    // Correctness only: a backtracking matcher would not return in any reasonable time here.
    expect(m.excludes(path)).toBe(false);
    expect(m.excludes(deep)).toBe(false);
    expect(m.excludes(`${'a'.repeat(100)}b`)).toBe(true);
  });

  it('knows when an excluded directory can hold re-included files', () => {
    const m = createIgnoreMatcher(['build', '!build/keep', 'other']);
    expect(m.mayReinclude('build')).toBe(true);
    expect(m.mayReinclude('other')).toBe(false);
    expect(createIgnoreMatcher(['x']).mayReinclude('x')).toBe(false);
    expect(createIgnoreMatcher(['x', '!**/*.go']).mayReinclude('x')).toBe(true);
  });
});
