/**
 * @module dockerfile/expand/plain
 * The lexer's fast path: most words (paths, image names, numbers) contain nothing to expand or
 * unquote, so they are returned as they are and split on whitespace without running the lexer.
 */
import { isGoSpace } from './chars.ts';

/** True when the word has nothing for the lexer to do: no `$`, quotes, `<` or escape character. */
export function isPlain(word: string, esc: number): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x24 || c === 0x27 || c === 0x22 || c === 0x3c || c === esc) return false;
  }
  return true;
}

/** Whitespace splitting of a plain word (what the lexer's word buffer does when nothing is quoted). */
export function splitPlain(word: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= word.length; i++) {
    const space = i === word.length || isGoSpace(word.codePointAt(i)!);
    if (space && start >= 0) {
      out.push(word.slice(start, i));
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  return out;
}
