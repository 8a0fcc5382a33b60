/**
 * @module dockerfile/parse/line-parsers
 * Per-keyword argument parsing, with the behaviour of BuildKit's line parsers: exec (JSON) form
 * detection, whitespace splitting, ENV/LABEL name-value groups, ARG words, HEALTHCHECK's type
 * word. The result is the argument list BuildKit's AST holds (what Dump prints).
 */
import { isGoSpace, isSplitSpace } from '../expand/chars.ts';

/** A parse failure inside an instruction; the caller adds the location. */
export class LineParseError extends Error {
  constructor(
    readonly code: 'DOCKERFILE_INVALID_JSON' | 'DOCKERFILE_ENV_NO_VALUE' | 'DOCKERFILE_ENV_SYNTAX',
    message: string,
  ) {
    super(message);
  }
}

export interface ParsedArgs {
  readonly args: string[];
  readonly json: boolean;
  /** Flat [start, end) offset pairs in rest, one pair per argument. */
  readonly spans: number[];
}

const NONE: ParsedArgs = { args: [], json: false, spans: [] };
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Exec form: a valid JSON array of strings. undefined = not JSON (fall back); throws on a non-string element. */
export function parseJsonArray(rest: string): string[] | undefined {
  let i = 0;
  while (i < rest.length && isGoSpace(rest.charCodeAt(i))) i++;
  if (rest.charCodeAt(i) !== 0x5b) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(rest.slice(i));
  } catch {
    // Named fallback: invalid JSON is shell form, exactly as in BuildKit.
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const v of value as unknown[]) {
    if (typeof v !== 'string') {
      // Go's decoder fails (so BuildKit falls back to shell form) where JSON.parse succeeds:
      // nesting deeper than 10000 and numbers beyond float64.
      if (goRejects(rest.slice(i), value as unknown[])) return undefined;
      throw new LineParseError('DOCKERFILE_INVALID_JSON', 'in the JSON (exec) form every element of the array must be a string');
    }
    // Go's decoder turns unpaired surrogate escapes into U+FFFD.
    out.push(v.replace(LONE_SURROGATE, '\ufffd'));
  }
  return out;
}

function goRejects(text: string, value: unknown[]): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > 10000) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) return true;
    if (Array.isArray(v)) for (const x of v as unknown[]) stack.push(x);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return false;
}

/** parseStringsWhitespaceDelimited: split on [\t\v\f\r ]+ (rest is already trimmed). */
export function splitWhitespace(rest: string): ParsedArgs {
  if (rest === '') return NONE;
  const args: string[] = [];
  const spans: number[] = [];
  let i = 0;
  while (i <= rest.length) {
    let j = i;
    while (j < rest.length && !isSplitSpace(rest.charCodeAt(j))) j++;
    args.push(rest.slice(i, j));
    spans.push(i, j);
    if (j >= rest.length) break;
    while (j < rest.length && isSplitSpace(rest.charCodeAt(j))) j++;
    i = j;
  }
  return { args, json: false, spans };
}

/** Offsets of the top-level string elements of a JSON array already decoded into `count` strings. */
export function jsonSpans(rest: string, count: number): number[] {
  const out: number[] = [];
  let i = rest.indexOf('[') + 1;
  for (let k = 0; k < count; k++) {
    while (i < rest.length && rest.charCodeAt(i) !== 0x22) i++;
    const s = i;
    i++;
    while (i < rest.length && rest.charCodeAt(i) !== 0x22) i += rest.charCodeAt(i) === 0x5c ? 2 : 1;
    i++;
    out.push(s, Math.min(i, rest.length));
  }
  return out;
}

function jsonArgs(rest: string, arr: string[]): ParsedArgs {
  return { args: arr, json: true, spans: jsonSpans(rest, arr.length) };
}

/** BuildKit parseWords: words split on whitespace, quotes and escapes kept as written. Returns [word, start, end] triples. */
export function parseWordsWithOffsets(rest: string, escape: number): [string, number, number][] {
  const words: [string, number, number][] = [];
  let inWord = false;
  let quote = 0;
  let blankOk = false;
  let buf: string[] = [];
  let start = 0;
  let pos = 0;
  const push = (end: number): void => {
    if (blankOk || buf.length > 0) words.push([buf.join(''), start, end]);
    buf = [];
    blankOk = false;
  };
  while (pos < rest.length) {
    const c = rest.codePointAt(pos)!;
    const w = c > 0xffff ? 2 : 1;
    if (!inWord) {
      if (isGoSpace(c)) {
        pos += w;
        continue;
      }
      inWord = true;
      start = pos;
    }
    if (quote === 0) {
      if (isGoSpace(c)) {
        push(pos);
        inWord = false;
        pos += w;
        continue;
      }
      if (c === 0x27 || c === 0x22) {
        quote = c;
        blankOk = true;
      } else if (c === escape) {
        if (pos + w >= rest.length) {
          pos += w;
          continue; // an escape at the end of the line is dropped
        }
        buf.push(String.fromCodePoint(c));
        pos += w;
        const n = rest.codePointAt(pos)!;
        buf.push(String.fromCodePoint(n));
        pos += n > 0xffff ? 2 : 1;
        continue;
      }
      buf.push(String.fromCodePoint(c));
      pos += w;
      continue;
    }
    if (c === quote) quote = 0;
    else if (c === escape && quote !== 0x27) {
      if (pos + w >= rest.length) {
        quote = 0;
        pos += w;
        continue;
      }
      buf.push(String.fromCodePoint(c));
      pos += w;
      const n = rest.codePointAt(pos)!;
      buf.push(String.fromCodePoint(n));
      pos += n > 0xffff ? 2 : 1;
      continue;
    }
    buf.push(String.fromCodePoint(c));
    pos += w;
  }
  if (inWord) push(rest.length);
  return words;
}

function parseNameVal(rest: string, key: string, escape: number): ParsedArgs {
  const words = parseWordsWithOffsets(rest, escape);
  if (words.length === 0) return NONE;
  if (!words[0]![0].includes('=')) {
    let i = 0;
    while (i < rest.length && !isSplitSpace(rest.charCodeAt(i))) i++;
    if (i >= rest.length) throw new LineParseError('DOCKERFILE_ENV_NO_VALUE', `${key} must have two arguments`);
    let j = i;
    while (j < rest.length && isSplitSpace(rest.charCodeAt(j))) j++;
    return { args: [rest.slice(0, i), rest.slice(j), ''], json: false, spans: [0, i, j, rest.length, rest.length, rest.length] };
  }
  const args: string[] = [];
  const spans: number[] = [];
  for (const [word, s, e] of words) {
    const eq = word.indexOf('=');
    if (eq < 0) {
      throw new LineParseError('DOCKERFILE_ENV_SYNTAX', `${JSON.stringify(word)} has no =: write each pair as name=value`);
    }
    args.push(word.slice(0, eq), word.slice(eq + 1), '=');
    spans.push(s, s + eq, s + eq + 1, e, s + eq, s + eq + 1);
  }
  return { args, json: false, spans };
}

function maybeJson(rest: string): ParsedArgs {
  if (rest === '') return NONE;
  const arr = parseJsonArray(rest);
  return arr === undefined ? { args: [rest], json: false, spans: [0, rest.length] } : jsonArgs(rest, arr);
}

function maybeJsonToList(rest: string): ParsedArgs {
  const arr = parseJsonArray(rest);
  return arr === undefined ? splitWhitespace(rest) : jsonArgs(rest, arr);
}

function healthConfig(rest: string): ParsedArgs {
  let sep = 0;
  while (sep < rest.length && !isGoSpace(rest.charCodeAt(sep))) sep++;
  if (sep === 0) return NONE;
  let next = sep;
  while (next < rest.length && isGoSpace(rest.charCodeAt(next))) next++;
  const cmd = maybeJson(rest.slice(next));
  return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json, spans: [0, sep, ...cmd.spans.map((o) => o + next)] };
}

/** Arguments for every keyword except ONBUILD (which nests a whole instruction; see parse.ts). */
export function parseArgs(keywordLower: string, rest: string, escape: number): ParsedArgs {
  switch (keywordLower) {
    case 'add':
    case 'copy':
    case 'volume':
      return maybeJsonToList(rest);
    case 'run':
    case 'cmd':
    case 'entrypoint':
    case 'shell':
      return maybeJson(rest);
    case 'env':
      return parseNameVal(rest, 'ENV', escape);
    case 'label':
      return parseNameVal(rest, 'LABEL', escape);
    case 'arg': {
      const words = parseWordsWithOffsets(rest, escape);
      return { args: words.map((w) => w[0]), json: false, spans: words.flatMap((w) => [w[1], w[2]]) };
    }
    case 'from':
    case 'expose':
      return splitWhitespace(rest);
    case 'maintainer':
    case 'user':
    case 'workdir':
    case 'stopsignal':
      return rest === '' ? NONE : { args: [rest], json: false, spans: [0, rest.length] };
    case 'healthcheck':
      return healthConfig(rest);
    default:
      // Unknown keywords keep one empty argument (BuildKit's parseIgnore).
      return { args: [''], json: false, spans: [0, 0] };
  }
}
