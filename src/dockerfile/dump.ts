/**
 * @module dockerfile/dump
 * BuildKit's AST Dump format, byte for byte: one `(keyword [flags] "arg"...)` line per
 * instruction, strings quoted with Go's strconv.Quote rules (\a \b \f \n \r \t \v, \xNN for
 * other control characters, \uNNNN / \UNNNNNNNN for non-printable runes, printable Unicode
 * kept as is).
 */
import type { DockerfileAst, InstructionNode } from './types.ts';
import { trimGoSpace } from './expand/chars.ts';

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

function isGoPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** Go strconv.Quote. Unpaired surrogates (impossible in Go strings) are written as U+FFFD, as Go would decode them. */
export function goQuote(s: string): string {
  const out: string[] = ['"'];
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    out.push(s.slice(run, i));
    let cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    run = i + 1;
    out.push(escapeRune(cp));
  }
  out.push(s.slice(run), '"');
  return out.join('');
}

function escapeRune(cp: number): string {
  switch (cp) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (isGoPrint(cp)) return String.fromCodePoint(cp);
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** One node as BuildKit's Node.Dump() writes it (without the surrounding parentheses). */
export function dumpNode(node: InstructionNode): string {
  let s = node.keywordText.toLowerCase();
  if (node.flags.length > 0) s += ' [' + node.flags.map((f) => goQuote(f.text)).join(' ') + ']';
  if (node.inner !== undefined) s += ' (' + dumpNode(node.inner) + ')';
  for (const a of node.args) s += ' ' + goQuote(a);
  return trimGoSpace(s);
}

/** The whole file: `(node)\n` per instruction (BuildKit's Dump output plus the trailing newline its tests add). */
export function dump(ast: DockerfileAst): string {
  const out: string[] = [];
  for (const n of ast.instructions) out.push('(' + dumpNode(n) + ')\n');
  return out.join('');
}
