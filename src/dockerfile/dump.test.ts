/**
 * @module dockerfile/dump.test
 * Go strconv.Quote semantics of the dump: named escapes, \xNN for other control characters,
 * \u / \U for non-printable runes, printable Unicode kept, and the flag list format.
 */
import { describe, expect, it } from 'vitest';
import { dump, goQuote } from './dump.ts';
import { parse } from './parse/parse.ts';

describe('goQuote', () => {
  it.each([
    ['plain', 'abc', '"abc"'],
    ['quote and backslash', 'a"b\\c', '"a\\"b\\\\c"'],
    ['named escapes', '\x07\b\f\n\r\t\v', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['other controls as \\x', '\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['printable unicode kept', 'héllo ♥ 한국어 😀', '"héllo ♥ 한국어 😀"'],
    ['non-printable BMP as \\u', '\u00a0\u00ad\u2028\ufeff', '"\\u00a0\\u00ad\\u2028\\ufeff"'],
    ['non-printable astral as \\U', '\u{e0001}', '"\\U000e0001"'],
    ['lone surrogate decodes as U+FFFD', 'a\ud800b', '"a\ufffdb"'],
  ])('%s', (_name, input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });
});

describe('dump', () => {
  it('writes flags as a Go %q list and nests ONBUILD', () => {
    expect(dump(parse('FROM a\nONBUILD RUN --network=none ["x", "y z"]\nCOPY --link --chmod=755 a b\n'))).toBe(
      '(from "a")\n(onbuild (run ["--network=none"] "x" "y z"))\n(copy ["--link" "--chmod=755"] "a" "b")\n',
    );
  });

  it('lower-cases keywords and reads non-ASCII flag bytes as Latin-1, as BuildKit does', () => {
    expect(dump(parse('from a\nCOPY --chown=é x y\n'))).toBe('(from "a")\n(copy ["--chown=Ã©"] "x" "y")\n');
    // U+0085 is C2 85 in UTF-8; BuildKit sees the byte 0x85 as a space and ends the flag there.
    expect(dump(parse('FROM a\nCOPY --chown=\u00851 x y\n'))).toBe('(from "a")\n(copy ["--chown=Â"] "1" "x" "y")\n');
  });
});
