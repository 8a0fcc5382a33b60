/**
 * @module lint/position
 * Offsets ↔ 1-based line/column for rules that report on a slice of an instruction (a shell
 * command, a flag value). The line-start table is built once per text and cached for the last
 * text seen, since the engine lints one file at a time.
 */
import type { Position, Range } from '../dockerfile/index.ts';

let cachedText: string | undefined;
let cachedStarts: number[] = [];

function lineStarts(text: string): number[] {
  if (text === cachedText) return cachedStarts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  cachedText = text;
  cachedStarts = starts;
  return starts;
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  const off = Math.max(0, Math.min(offset, text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= off) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: off - starts[lo]! + 1, offset: off };
}

export function rangeAt(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, Math.max(start, end)) };
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return offset - positionAt(text, offset).column + 1;
}

/** The indentation (spaces/tabs) of the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const s = lineStartOf(text, offset);
  let e = s;
  while (text[e] === ' ' || text[e] === '\t') e++;
  return text.slice(s, e);
}
