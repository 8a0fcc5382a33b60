// .dockerignore matching as lint sees it (the cache-key part's BuildKit-exact matcher) and the directory view.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contextFromDirectory, ignoreMatcherOf } from './context.ts';

const cases: [string, string, string, boolean][] = [
  ['plain name', '.git', '.git/HEAD', true],
  ['leading slash and trailing slash', '/node_modules/', 'node_modules/a/b.js', true],
  ['star in a segment', '*.md', 'README.md', true],
  ['star does not cross /', '*.md', 'docs/a.md', false],
  ['double star', '**/*.md', 'docs/a/b.md', true],
  ['question mark', 'file?.txt', 'file1.txt', true],
  ['character class', 'bin/[a-c]*', 'bin/build', true],
  ['negated class', 'x[^a]', 'xa', false],
  // Go's path.Match negates a class with ^ only: the old lint-only matcher took ! as well.
  ['! inside a class is a literal', 'x[!a]', 'xa', true],
  ['last match wins: re-include', '*.md\n!README.md', 'README.md', false],
  ['comments and blank lines ignored', '# .git\n\n', '.git', false],
  ['exception then exclude again', 'dist\n!dist\ndist', 'dist/a', true],
  ['a parent directory match excludes what is below', 'build', 'build/x/y.o', true],
  ['a re-included file under an excluded directory', 'docs\n!docs/keep.md', 'docs/keep.md', false],
  ['the rest of that directory stays excluded', 'docs\n!docs/keep.md', 'docs/other.md', true],
  ['** alone excludes everything', '**', 'a/b/c', true],
  ['** in the middle matches zero directories', 'a/**/b', 'a/b', true],
  ['a comment only at column 1', ' # not a comment', '# not a comment', true],
  ['CRLF line endings', '*.log\r\n!keep.log\r\n', 'keep.log', false],
  ['. excludes nothing by itself', '.', 'main.go', false],
];

describe('dockerignore matching', () => {
  it.each(cases)('%s', (_name, patterns, path, want) => {
    expect(ignoreMatcherOf(patterns)?.excludes(path)).toBe(want);
  });

  it('is not exponential on hostile patterns', () => {
    expect(ignoreMatcherOf(`${'**/'.repeat(40)}x`)?.excludes(`${'a/'.repeat(200)}y`)).toBe(false);
    expect(ignoreMatcherOf(`${'*a'.repeat(30)}b`)?.excludes('a'.repeat(5000))).toBe(false);
  });

  it('treats a file BuildKit rejects as no usable ignore file', () => {
    expect(ignoreMatcherOf('*.md\n!\n')).toBeUndefined();
  });
});

describe('contextFromDirectory', () => {
  let dir: string | undefined;
  afterEach(() => { if (dir !== undefined) rmSync(dir, { recursive: true, force: true }); });

  it('reads files, lists them without descending .git, and prefers <Dockerfile>.dockerignore', () => {
    dir = mkdtempSync(join(tmpdir(), 'stevedore-ctx-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'x');
    writeFileSync(join(dir, 'main.go'), 'package main\n');
    writeFileSync(join(dir, '.dockerignore'), '.git\n');
    writeFileSync(join(dir, 'Dockerfile.prod.dockerignore'), '*.go\n');
    const plain = contextFromDirectory(dir);
    expect(plain.readFile('main.go')).toBe('package main\n');
    expect(plain.readFile('missing')).toBeUndefined();
    expect(plain.listFiles()).toEqual(['.dockerignore', 'Dockerfile.prod.dockerignore', 'main.go']);
    expect(plain.dockerignore()?.path).toBe('.dockerignore');
    expect(plain.isIgnored('.git')).toBe(true);
    const prod = contextFromDirectory(dir, { dockerfile: join(dir, 'Dockerfile.prod') });
    expect(prod.dockerignore()?.path).toBe('Dockerfile.prod.dockerignore');
    expect(prod.isIgnored('main.go')).toBe(true);
    expect(prod.isIgnored('.git')).toBe(false);
  });
});
