// .dockerignore matching (BuildKit semantics for the cases lint needs) and the directory view.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contextFromDirectory, isExcluded, parseDockerignore } from './context.ts';

const cases: [string, string, string, boolean][] = [
  ['plain name', '.git', '.git/HEAD', true],
  ['leading slash and trailing slash', '/node_modules/', 'node_modules/a/b.js', true],
  ['star in a segment', '*.md', 'README.md', true],
  ['star does not cross /', '*.md', 'docs/a.md', false],
  ['double star', '**/*.md', 'docs/a/b.md', true],
  ['question mark', 'file?.txt', 'file1.txt', true],
  ['character class', 'bin/[a-c]*', 'bin/build', true],
  ['negated class', 'x[!a]', 'xa', false],
  ['last match wins: re-include', '*.md\n!README.md', 'README.md', false],
  ['comments and blank lines ignored', '# .git\n\n', '.git', false],
  ['exception then exclude again', 'dist\n!dist\ndist', 'dist/a', true],
];

describe('dockerignore matching', () => {
  it.each(cases)('%s', (_name, patterns, path, want) => {
    expect(isExcluded(parseDockerignore(patterns), path)).toBe(want);
  });

  it('is not exponential on hostile patterns', () => {
    expect(isExcluded(parseDockerignore(`${'**/'.repeat(40)}x`), `${'a/'.repeat(200)}y`)).toBe(false);
    expect(isExcluded(parseDockerignore(`${'*a'.repeat(30)}b`), 'a'.repeat(5000))).toBe(false);
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
