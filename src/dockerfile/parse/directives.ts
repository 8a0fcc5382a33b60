/**
 * @module dockerfile/parse/directives
 * Parser directives (`# syntax=`, `# escape=`, `# check=`): recognised only in the comment
 * lines at the very top of the file; the first line that is not a known directive ends the
 * block. Keys are case-insensitive; a key may appear once. Matching is done by index with the
 * same acceptance as BuildKit's `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (\s = [\t\n\f\r ]).
 */
import { isGoSpace } from '../expand/chars.ts';

const KNOWN = new Set(['syntax', 'escape', 'check']);

const isReSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number): boolean => isAlpha(c) || (c >= 0x30 && c <= 0x39);

export interface DirectiveMatch {
  readonly name: string;
  readonly value: string;
  /** Offsets within the given line of the value. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export type DirectiveResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'directive'; readonly match: DirectiveMatch }
  | { readonly kind: 'duplicate'; readonly name: string };

/** Stateful, like BuildKit's DirectiveParser: once a line is not a directive, no later line is. */
export class DirectiveScanner {
  private done = false;
  private readonly seen = new Set<string>();

  /** `line` is the physical line with its newline removed and leading whitespace trimmed. */
  scan(line: string): DirectiveResult {
    if (this.done) return { kind: 'none' };
    const m = line.charCodeAt(0) === 0x23 ? matchDirective(line) : undefined;
    if (m === undefined || !KNOWN.has(m.name)) {
      this.done = true;
      return { kind: 'none' };
    }
    if (this.seen.has(m.name)) return { kind: 'duplicate', name: m.name };
    this.seen.add(m.name);
    return { kind: 'directive', match: m };
  }
}

function matchDirective(line: string): DirectiveMatch | undefined {
  let i = 1;
  while (i < line.length && isGoSpace(line.charCodeAt(i))) i++;
  const keyStart = i;
  if (!isAlpha(line.charCodeAt(i))) return undefined;
  while (i < line.length && isAlnum(line.charCodeAt(i))) i++;
  const name = line.slice(keyStart, i).toLowerCase();
  while (i < line.length && isReSpace(line.charCodeAt(i))) i++;
  if (line.charCodeAt(i) !== 0x3d) return undefined;
  i++;
  const afterEq = i;
  let end = line.length;
  if (end === afterEq) return undefined;
  while (i < end && isReSpace(line.charCodeAt(i))) i++;
  if (i === end) {
    // Only whitespace after '=': the lazy group still takes one character (the last one).
    return { name, value: line.slice(end - 1), valueStart: end - 1, valueEnd: end };
  }
  // '.' does not match '\n'; there is none in a physical line.
  while (end > i && isReSpace(line.charCodeAt(end - 1))) end--;
  return { name, value: line.slice(i, end), valueStart: i, valueEnd: end };
}
