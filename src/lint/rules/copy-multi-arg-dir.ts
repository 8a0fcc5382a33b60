/**
 * @module lint/rules/copy-multi-arg-dir
 * hadolint DL3021: COPY (or ADD) with several sources needs a destination directory ending in
 * `/`; BuildKit fails the build otherwise. Destinations with variables are skipped. Adding the
 * `/` is a suggestion: it turns a failing build into a working one, which is a change.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'copy-multi-arg-dir',
  meta: {
    category: 'correctness',
    severity: 'error',
    hasSuggestions: true,
    aliases: ['DL3021'],
    docs: {
      description: 'When COPY or ADD has several sources, the destination is a directory and has to end in /, or the build fails.',
      bad: 'FROM alpine:3.20\nCOPY go.mod go.sum /src\n',
      good: 'FROM alpine:3.20\nCOPY go.mod go.sum /src/\n',
    },
  },
  messages: {
    dir: 'with several sources, the destination of {{keyword}} must be a directory: end it with /',
    addSlash: 'Add a trailing / to the destination',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(ins) {
        if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.sources.length < 2) return;
        const dest = ins.dest.raw.replace(/^["']|["']$/g, '');
        if (dest === '' || dest.includes('$') || dest.endsWith('/') || dest.endsWith('\\')) return;
        const r = ins.dest.range;
        const verbatim = ctx.text.slice(r.start.offset, r.end.offset) === ins.dest.raw && !ins.node.json;
        ctx.report({
          messageId: 'dir', range: r, data: { keyword: ins.keyword },
          ...(verbatim ? { suggestions: [{ message: 'Add a trailing / to the destination', fix: { edits: [{ start: r.end.offset, end: r.end.offset, text: '/' }] } }] } : {}),
        });
      },
    };
  },
});
