/**
 * @module dockerfile/parse/split
 * Splits a logical line into keyword, builder flags and the rest, as BuildKit's splitCommand and
 * extractBuilderFlags do: flags are the leading words that start with `--`, quotes are removed
 * and the escape character escapes one character inside them; a bare `--` ends the flags.
 * BuildKit reads flags byte by byte, so a non-ASCII character inside a flag comes out as its
 * UTF-8 bytes read as Latin-1; we reproduce that so the dump matches.
 */
import { isGoSpace, isSplitSpace } from '../expand/chars.ts';

export interface RawFlag {
  readonly text: string;
  /** Offsets in the logical line. */
  readonly start: number;
  readonly end: number;
}

export interface SplitLine {
  readonly keyword: string;
  readonly keywordStart: number;
  readonly keywordEnd: number;
  readonly flags: readonly RawFlag[];
  readonly rest: string;
  readonly restStart: number;
  readonly restEnd: number;
}

const NO_FLAGS: readonly RawFlag[] = Object.freeze([] as RawFlag[]);

const isAsciiSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

export function splitCommand(line: string, escape: number): SplitLine {
  let a = 0;
  let b = line.length;
  while (a < b && isGoSpace(line.charCodeAt(a))) a++;
  while (b > a && isGoSpace(line.charCodeAt(b - 1))) b--;
  let k = a;
  while (k < b && !isSplitSpace(line.charCodeAt(k))) k++;
  const keyword = line.slice(a, k);
  if (k === b) return { keyword, keywordStart: a, keywordEnd: k, flags: NO_FLAGS, rest: '', restStart: b, restEnd: b };
  let argStart = k;
  while (argStart < b && isSplitSpace(line.charCodeAt(argStart))) argStart++;
  const hasFlags = line.charCodeAt(argStart) === 0x2d && line.charCodeAt(argStart + 1) === 0x2d;
  const { flags, restAt } = hasFlags ? extractFlags(line, argStart, b, escape) : { flags: NO_FLAGS, restAt: argStart };
  let rs = restAt;
  let re = b;
  while (rs < re && isGoSpace(line.charCodeAt(rs))) rs++;
  while (re > rs && isGoSpace(line.charCodeAt(re - 1))) re--;
  return { keyword, keywordStart: a, keywordEnd: k, flags, rest: line.slice(rs, re), restStart: rs, restEnd: re };
}

/**
 * Appends the UTF-8 bytes of cp as Latin-1 characters, as BuildKit's byte-wise reading does.
 * Outside quotes BuildKit also tests each byte with unicode.IsSpace, so a trailing 0x85 or 0xA0
 * byte (U+0085, U+00A0, ...) ends the word: returns true then. (When such a byte sits in the
 * middle of a character BuildKit's rest starts mid-character, which a JS string cannot hold; we
 * end the word after the whole character.)
 */
function pushLatin1Bytes(out: string[], cp: number, spaceEnds: boolean): boolean {
  const bytes = Buffer.from(String.fromCodePoint(cp), 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (spaceEnds && i > 0 && (byte === 0x85 || byte === 0xa0)) return true;
    out.push(String.fromCharCode(byte));
  }
  return false;
}

function extractFlags(line: string, from: number, to: number, escape: number): { flags: readonly RawFlag[]; restAt: number } {
  const flags: RawFlag[] = [];
  let pos = from;
  for (;;) {
    while (pos < to && isAsciiSpace(line.charCodeAt(pos))) pos++;
    if (pos >= to) return { flags, restAt: to };
    if (line.charCodeAt(pos) !== 0x2d || pos + 1 >= to || line.charCodeAt(pos + 1) !== 0x2d) return { flags, restAt: pos };
    const start = pos;
    const out: string[] = [];
    let quote = 0;
    let blankOk = false;
    let ended = false;
    while (pos < to) {
      let c = line.codePointAt(pos)!;
      let w = c > 0xffff ? 2 : 1;
      if (quote === 0) {
        if (isAsciiSpace(c)) {
          ended = true;
          break;
        }
        if (c === 0x27 || c === 0x22) {
          quote = c;
          blankOk = true;
          pos += w;
          continue;
        }
      } else if (c === quote) {
        quote = 0;
        pos += w;
        continue;
      }
      if (c === escape) {
        if (pos + 1 >= to) {
          quote = 0;
          pos++;
          continue;
        }
        pos++;
        c = line.codePointAt(pos)!;
        w = c > 0xffff ? 2 : 1;
      }
      pos += w;
      if (c < 0x80) out.push(String.fromCharCode(c));
      else if (pushLatin1Bytes(out, c, quote === 0)) {
        ended = true;
        break;
      }
    }
    const word = out.join('');
    if (word === '--') {
      // A bare `--` ends the flags (at the end of the line it is simply dropped).
      return { flags, restAt: ended ? pos : to };
    }
    if (blankOk || word.length > 0) flags.push({ text: word, start, end: pos });
    if (!ended) return { flags, restAt: to };
  }
}
