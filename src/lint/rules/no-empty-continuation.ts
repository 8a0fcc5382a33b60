/**
 * @module lint/rules/no-empty-continuation
 * BuildKit's NoEmptyContinuation: an empty (whitespace-only) line inside a line continuation.
 * BuildKit skips such lines today and plans to make them an error. Comment lines inside a
 * continuation are not empty lines. One finding per instruction, at its first empty line; the
 * fix deletes the empty lines, which BuildKit ignores, so the instruction cannot change.
 * Lines are walked with BuildKit's continuation test (escape char, optional blanks, end of
 * line; a doubled escape does not continue), so heredoc bodies are never looked at.
 */
import { rangeAt } from '../position.ts';
import { defineRule, type TextEdit } from '../rule.ts';

interface Line {
  readonly start: number;
  /** End of the content, before the line break. */
  readonly end: number;
  /** Start of the next line. */
  readonly next: number;
}

function lineAt(text: string, start: number): Line {
  const nl = text.indexOf('\n', start);
  const next = nl === -1 ? text.length : nl + 1;
  let end = nl === -1 ? text.length : nl;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end, next };
}

function continues(text: string, line: Line, escape: string): boolean {
  let e = line.end;
  while (e > line.start && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  if (e === line.start || text[e - 1] !== escape) return false;
  // `\\` at the end is an escaped escape, not a continuation (BuildKit's `([^\\])\\[ \t]*$|^\\[ \t]*$`).
  return e - 1 === line.start || text[e - 2] !== escape;
}

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\v' && c !== '\f') return false;
  }
  return true;
}

function isComment(text: string, line: Line): boolean {
  let i = line.start;
  while (i < line.end && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === '#';
}

export default defineRule({
  id: 'no-empty-continuation',
  meta: {
    category: 'correctness',
    severity: 'warning',
    fixable: 'code',
    aliases: ['NoEmptyContinuation'],
    docs: {
      description: 'A blank line in the middle of a continued instruction is skipped today, but BuildKit has announced it will become an error.',
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl\n',
    },
  },
  messages: { empty: 'empty line inside a continued instruction; BuildKit skips it for now but has announced it will become an error, so delete it (or turn it into a comment)' },
  defaultOptions: {},
  create(ctx) {
    const text = ctx.text;
    const escape = ctx.ast.escapeChar;
    return {
      end() {
        for (const node of ctx.ast.instructions) {
          let line = lineAt(text, node.range.start.offset);
          const empties: Line[] = [];
          walk: while (continues(text, line, escape) && line.next < text.length) {
            line = lineAt(text, line.next);
            // Empty and comment lines keep the continuation going.
            while (isBlank(text, line) || isComment(text, line)) {
              if (isBlank(text, line)) empties.push(line);
              if (line.next >= text.length) break walk;
              line = lineAt(text, line.next);
            }
          }
          const first = empties[0];
          if (first === undefined) continue;
          // A blank last line without a line break has nothing to delete that matters.
          const edits: TextEdit[] = empties.filter((l) => l.next > l.end).map((l) => ({ start: l.start, end: l.next, text: '' }));
          ctx.report({
            messageId: 'empty', range: rangeAt(text, first.start, first.end),
            ...(edits.length > 0 ? { fix: { edits } } : {}),
          });
        }
      },
    };
  },
});
