/**
 * @module lint/rules/pipefail
 * hadolint DL4006: a RUN with a pipe (`curl ... | tar x`) under a shell without `-o pipefail`:
 * the step succeeds when an earlier command of the pipe fails, so a failed download yields a
 * "successful" build. The stage's effective SHELL (inherited from parent stages) counts, and so
 * does `set -o pipefail` earlier in the same RUN. Non-POSIX shells (pwsh, cmd) and exec-form
 * RUN are skipped; heredoc bodies are not scanned. No fix: the right shell depends on the image
 * (`/bin/sh` on alpine is busybox ash, which has pipefail; dash does not).
 */
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

const NON_POSIX = /(?:^|[/\\])(?:pwsh|powershell|cmd)(?:\.exe)?$/i;

/** Offset of the first unquoted pipe `|` (not `||`) in text[from, to), or -1. Linear. */
function firstPipe(text: string, from: number, to: number, escape: string): number {
  let i = from;
  let wordStart = true;
  while (i < to) {
    const c = text[i]!;
    if (c === escape || (c === '\\' && escape !== '\\')) {
      i += 2;
      wordStart = false;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close === -1 || close >= to ? to : close + 1;
      wordStart = false;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < to && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
      wordStart = false;
      continue;
    }
    if (c === '#' && wordStart) {
      while (i < to && text[i] !== '\n') i++;
      continue;
    }
    if (c === '|') {
      if (text[i + 1] === '|') {
        i += 2;
        wordStart = true;
        continue;
      }
      return i;
    }
    wordStart = c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '(';
    i++;
  }
  return -1;
}

function shellHasPipefail(shell: readonly string[]): boolean {
  const prog = shell[0] ?? '';
  const base = prog.slice(prog.lastIndexOf('/') + 1);
  // As hadolint: `/bin/sh -o pipefail` does not count, /bin/sh may be dash, which lacks the option.
  if (!['bash', 'zsh', 'ash'].includes(base)) return false;
  for (let i = 1; i < shell.length; i++) {
    const a = shell[i]!;
    if (/^-[A-Za-z]*o$/.test(a) && shell[i + 1] === 'pipefail') return true;
  }
  return false;
}

export default defineRule({
  id: 'pipefail',
  meta: {
    category: 'correctness',
    severity: 'warning',
    aliases: ['DL4006'],
    docs: {
      description: 'A RUN that pipes commands must enable pipefail (SHELL or `set -o pipefail`), or a failure early in the pipe does not fail the step.',
      bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n',
      good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n',
    },
  },
  messages: { pipefail: 'this RUN pipes commands and its shell reports only the last command\'s status, so a failure earlier in the pipe does not fail the build; enable pipefail (a SHELL with -o pipefail, or `set -o pipefail` first)' },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(ins, step) {
        if (ins.keyword !== 'RUN' || ins.form !== 'shell' || step === undefined) return;
        const shell = step.state.shell;
        if (NON_POSIX.test(shell[0] ?? '')) return;
        if (shellHasPipefail(shell)) return;
        const r = ins.node.restRange;
        const pipe = firstPipe(ctx.text, r.start.offset, r.end.offset, ctx.ast.escapeChar);
        if (pipe === -1) return;
        const before = ctx.text.slice(r.start.offset, pipe);
        if (/\bset\s+-[A-Za-z]*o\s+pipefail\b/.test(before) || /\bset\s+-o\s+pipefail\b/.test(before)) return;
        ctx.report({ messageId: 'pipefail', range: rangeAt(ctx.text, pipe, pipe + 1) });
      },
    };
  },
});
