/**
 * @module lint/shell
 * A small, linear POSIX-ish word splitter for RUN text, computed once per file by the engine
 * (hadolint's `premap parseShell`). It understands quotes, backslash escapes, `&&` `||` `;` `|`
 * `&`, newlines, comments, redirections, heredoc markers and `$(...)`/backquote substitutions
 * (kept inside their word), and maps every command back to offsets of the original file text.
 * It is not a shell: it never expands variables, and control words (`if`, `then`, `do` ...)
 * are dropped so the command after them is seen.
 */
import type { ShellCommand } from './rule.ts';

/** Reserved words that start or end a compound command; they are not the command's argv[0]. */
const CONTROL_WORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'case', 'esac', '!', '{', '}', 'time']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export interface SplitOptions {
  /** The Dockerfile escape character: `\` + newline (or backtick + newline) continues the line. */
  readonly continuation?: '\\' | '`' | undefined;
}

interface Builder {
  argv: string[];
  assignments: Record<string, string>;
  start: number;
  end: number;
  /** true while only assignments (and `env`) have been seen. */
  prefix: boolean;
}

/**
 * Splits `text[from, to)` into simple commands. Offsets in the result index `text` itself, so
 * passing the whole file with a slice keeps positions exact.
 */
export function splitShell(text: string, from = 0, to = text.length, options: SplitOptions = {}): ShellCommand[] {
  const cont = options.continuation;
  const out: ShellCommand[] = [];
  let cmd: Builder | undefined;
  let word = '';
  let wordStart = -1;
  let wordEnd = -1;
  /** The next word is a redirection target or heredoc delimiter: drop it from argv. */
  let skipNextWord = false;
  let i = from;

  const endWord = (): void => {
    if (wordStart < 0) return;
    const w = word;
    const s = wordStart;
    const e = wordEnd;
    word = '';
    wordStart = -1;
    if (skipNextWord) {
      skipNextWord = false;
      if (cmd !== undefined) cmd.end = e;
      return;
    }
    cmd ??= { argv: [], assignments: {}, start: s, end: e, prefix: true };
    cmd.end = e;
    if (cmd.prefix && ASSIGNMENT.test(w)) {
      const eq = w.indexOf('=');
      cmd.assignments[w.slice(0, eq)] = w.slice(eq + 1);
      return;
    }
    if (cmd.prefix && cmd.argv.length === 0 && (w === 'env' || CONTROL_WORDS.has(w))) {
      // `env A=B go build` behaves as `A=B go build`; control words introduce the real command.
      if (CONTROL_WORDS.has(w) && Object.keys(cmd.assignments).length === 0) cmd = undefined;
      return;
    }
    cmd.prefix = false;
    cmd.argv.push(w);
  };
  const endCommand = (): void => {
    endWord();
    skipNextWord = false;
    if (cmd !== undefined && (cmd.argv.length > 0 || Object.keys(cmd.assignments).length > 0)) {
      out.push({ argv: cmd.argv, assignments: cmd.assignments, start: cmd.start, end: cmd.end });
    }
    cmd = undefined;
  };
  const addChar = (ch: string, at: number, rawEnd: number): void => {
    if (wordStart < 0) wordStart = at;
    word += ch;
    wordEnd = rawEnd;
  };

  while (i < to) {
    const c = text[i]!;
    // Dockerfile line continuation (only meaningful in the main RUN line).
    if (cont !== undefined && c === cont && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      // BuildKit drops comment lines and empty lines inside a continuation.
      for (;;) {
        let j = i;
        while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
        if (j < to && text[j] === '#') {
          while (j < to && text[j] !== '\n') j++;
          i = j + 1;
          continue;
        }
        if (j < to && (text[j] === '\n' || text[j] === '\r')) {
          i = text[j] === '\r' ? j + 2 : j + 1;
          continue;
        }
        break;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '\n' || c === ';') {
      endCommand();
      i++;
      continue;
    }
    if (c === '&' || c === '|') {
      // `&&`, `||`, `|`, `&`, and `|&` all end the simple command; `>&`/`2>&1` are handled below.
      endCommand();
      i += text[i + 1] === c || (c === '|' && text[i + 1] === '&') ? 2 : 1;
      continue;
    }
    if (c === '(' || c === ')') {
      endCommand();
      i++;
      continue;
    }
    if (c === '#' && wordStart < 0) {
      while (i < to && text[i] !== '\n') i++;
      continue;
    }
    if (c === '>' || c === '<') {
      // A redirection: an fd number just before it belongs to it, not to argv.
      if (wordStart >= 0 && /^[0-9]+$/.test(word)) {
        word = '';
        wordStart = -1;
      } else {
        endWord();
      }
      let j = i + 1;
      while (j < to && (text[j] === '>' || text[j] === '<' || text[j] === '&' || text[j] === '|' || text[j] === '-')) j++;
      // `2>&1`: the target is the digit word that follows; skipping it is harmless.
      cmd ??= { argv: [], assignments: {}, start: i, end: j, prefix: true };
      skipNextWord = true;
      i = j;
      continue;
    }
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (i + 1 < to) addChar(text[i + 1]!, i, i + 2);
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close === -1 || close >= to ? to : close;
      if (wordStart < 0) wordStart = i;
      word += text.slice(i + 1, stop);
      wordEnd = Math.min(stop + 1, to);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      if (wordStart < 0) wordStart = i;
      let j = i + 1;
      while (j < to && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < to) {
          const n = text[j + 1]!;
          if (n === '\n') {
            j += 2;
            continue;
          }
          word += n === '"' || n === '\\' || n === '$' || n === '`' ? n : '\\' + n;
          j += 2;
          continue;
        }
        if (text[j] === '$' && text[j + 1] === '(') {
          const k = skipSubstitution(text, j + 2, to);
          word += text.slice(j, k);
          j = k;
          continue;
        }
        word += text[j]!;
        j++;
      }
      wordEnd = Math.min(j + 1, to);
      i = j + 1;
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      const k = skipSubstitution(text, i + 2, to);
      if (wordStart < 0) wordStart = i;
      word += text.slice(i, k);
      wordEnd = k;
      i = k;
      continue;
    }
    if (c === '`' && cont !== '`') {
      let k = text.indexOf('`', i + 1);
      k = k === -1 || k >= to ? to : k + 1;
      if (wordStart < 0) wordStart = i;
      word += text.slice(i, k);
      wordEnd = k;
      i = k;
      continue;
    }
    addChar(c, i, i + 1);
    i++;
  }
  endCommand();
  return out;
}

/** Index just past the `)` closing a `$(` whose body starts at `i` (depth- and quote-aware, linear). */
function skipSubstitution(text: string, i: number, to: number): number {
  let depth = 1;
  while (i < to) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close === -1 || close >= to ? to : close + 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return to;
}

/** Shells whose stdin script we can read as POSIX shell (a heredoc body fed to them is split). */
export const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/usr/bin/env', '/usr/bin/bash']);
