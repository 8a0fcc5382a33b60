// Table tests for GOPROXY list parsing and GOPRIVATE-style prefix patterns.
import { describe, expect, it } from 'vitest';
import { parseGoproxyList } from './goproxy-list.ts';
import { globMatch, matchPrefixPatterns } from './patterns.ts';

describe('parseGoproxyList', () => {
  it.each([
    ['https://proxy.golang.org,direct', [{ kind: 'url', url: 'https://proxy.golang.org', fallBackOnError: false }, { kind: 'direct', fallBackOnError: false }]],
    ['http://a:1|file:///tmp/x,off', [{ kind: 'url', url: 'http://a:1', fallBackOnError: true }, { kind: 'url', url: 'file:///tmp/x', fallBackOnError: false }, { kind: 'off', fallBackOnError: false }]],
    ['proxy.example.com/', [{ kind: 'url', url: 'https://proxy.example.com', fallBackOnError: false }]],
    ['direct,https://ignored', [{ kind: 'direct', fallBackOnError: false }]],
    [' ,,http://x ', [{ kind: 'url', url: 'http://x', fallBackOnError: false }]],
  ])('%s', (v, want) => expect(parseGoproxyList(v)).toEqual(want));
  it.each([['ftp://x', 'scheme'], ['nonsense', 'not a URL'], ['', 'empty']])('rejects %s', (v, why) => expect(() => parseGoproxyList(v)).toThrow(why));
});

describe('matchPrefixPatterns', () => {
  it.each([
    ['*.corp.example.com', 'git.corp.example.com/team/repo', true],
    ['example.com/private', 'example.com/private/sub', true],
    ['example.com/private/', 'example.com/private', true],
    ['example.com/private', 'example.com/privateer', false],
    ['example.com/*/secret', 'example.com/team/secret/x', true],
    ['example.com/*/secret', 'example.com/a/b/secret', false],
    ['other.com,example.com', 'example.com/x', true],
    ['', 'example.com/x', false],
    ['example.com/[a-c]x', 'example.com/bx/y', true],
  ])('%s matches %s: %s', (globs, mod, want) => expect(matchPrefixPatterns(globs, mod)).toBe(want));
  it('is not exponential on hostile globs', () => {
    expect(globMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(2000))).toBe(false);
  });
});
