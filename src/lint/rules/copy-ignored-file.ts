/**
 * @module lint/rules/copy-ignored-file
 * BuildKit's CopyIgnoredFile: a COPY or ADD source from the build context is excluded by the
 * context's `.dockerignore` (or `<Dockerfile>.dockerignore`), so the build fails or silently
 * copies nothing. As in BuildKit: only context sources (no --from, URLs, heredocs), nothing is
 * checked when the ignore file has `!` exceptions (too dynamic to decide statically), and `.`
 * counts only when a pattern excludes everything (`*`, `**`, or `**` slash `*`). Sources with variables
 * are skipped.
 */
import { posix } from 'node:path';
import { ignoreMatcherOf } from '../context.ts';
import { defineRule } from '../rule.ts';

const REMOTE = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/i;

export default defineRule({
  id: 'copy-ignored-file',
  meta: {
    category: 'correctness',
    severity: 'warning',
    needsContext: true,
    aliases: ['CopyIgnoredFile'],
    docs: {
      description: 'COPY and ADD sources should not be excluded by .dockerignore.',
      bad: 'FROM alpine:3.20\nCOPY config.yaml /etc/app/\n',
      good: 'FROM alpine:3.20\nCOPY main.go /src/\n',
      contextFiles: { '.dockerignore': '*.yaml\n', 'config.yaml': 'a: 1\n', 'main.go': 'package main\n' },
    },
  },
  messages: { ignored: '{{keyword}} source "{{path}}" is excluded by .dockerignore, so it never reaches the build context: the step fails or copies less than intended' },
  defaultOptions: {},
  create(ctx) {
    const view = ctx.context;
    const base = posix.basename(ctx.file.replaceAll('\\', '/'));
    const ignoreText = view === undefined ? undefined : view.readFile(`${base}.dockerignore`) ?? view.readFile('.dockerignore');
    const matcher = ignoreText === undefined ? undefined : ignoreMatcherOf(ignoreText);
    const usable = matcher !== undefined && matcher.patterns.length > 0 && !matcher.hasExceptions;
    const excludesAll = matcher !== undefined && matcher.patterns.some((p) => p === '*' || p === '**' || p === '**/*');
    return {
      instruction(ins, _step, stage) {
        if (!usable || matcher === undefined || stage === undefined || (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== undefined) return;
        for (const src of ins.sources) {
          const raw = src.raw;
          if (raw === '' || raw.includes('$') || raw.startsWith('<<') || REMOTE.test(raw)) continue;
          let path = posix.normalize(raw.replaceAll('\\', '/'));
          if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
          if (path === '.' || path === '/') {
            if (!excludesAll) continue;
          } else if (path.startsWith('/') || path.startsWith('../')) continue;
          if (path !== '.' && path !== '/' && !matcher.excludes(path)) continue;
          ctx.report({ messageId: 'ignored', data: { keyword: ins.keyword === 'ADD' ? 'Add' : 'Copy', path }, range: src.range });
        }
      },
    };
  },
});
