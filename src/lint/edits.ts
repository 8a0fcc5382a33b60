/**
 * @module lint/edits
 * Builders for the edits rules emit as fixes and suggestions: adding `RUN` flags, inserting a
 * whole line before an instruction (keeping its indentation and the file's line ending),
 * replacing a word, and moving a line. Rules stay declarative; offsets are computed here once.
 */
import type { DockerfileAst, InstructionNode } from '../dockerfile/index.ts';
import { indentOf, lineStartOf } from './position.ts';
import type { TextEdit } from './rule.ts';

/** Inserts ` <flags>` right after the instruction keyword (`RUN --mount=... cmd`). */
export function insertFlags(node: InstructionNode, flags: readonly string[]): TextEdit {
  const at = node.keywordRange.end.offset;
  return { start: at, end: at, text: flags.map((f) => ` ${f}`).join('') };
}

/** Inserts whole lines before the line where `node` starts, with the same indentation. */
export function insertLinesBefore(ast: DockerfileAst, node: InstructionNode, lines: readonly string[]): TextEdit {
  const start = lineStartOf(ast.text, node.range.start.offset);
  const indent = indentOf(ast.text, node.range.start.offset);
  return { start, end: start, text: lines.map((l) => `${indent}${l}${ast.eol}`).join('') };
}

/** The full source lines of an instruction: [start of its first line, after its last line break). */
export function lineSpan(ast: DockerfileAst, node: InstructionNode): { start: number; end: number } {
  const start = lineStartOf(ast.text, node.range.start.offset);
  let end = node.range.end.offset;
  // range.end may stop before or after the newline; extend to include exactly one line break.
  if (ast.text[end - 1] !== '\n') {
    const nl = ast.text.indexOf('\n', end);
    end = nl === -1 ? ast.text.length : nl + 1;
  }
  return { start, end };
}
