/**
 * @module dockerfile/expand/chars
 * Character classes with Go's definitions (unicode.IsSpace, IsLetter, IsDigit), which BuildKit's
 * parser and shell lexer use; JavaScript's \s differs (it includes U+FEFF and excludes U+0085).
 */

/** Go unicode.IsSpace on a code point. */
export function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) {
    return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  }
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** The whitespace class of BuildKit's `[\t\v\f\r ]+` splitting regex. */
export function isSplitSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

export function isGoLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

export function isGoDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

/** strings.TrimSpace: trims Go whitespace on both ends (by code unit; all Go spaces are BMP). */
export function trimGoSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Index of the first non-Go-space code unit at or after i. */
export function skipGoSpace(s: string, i: number): number {
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return i;
}
