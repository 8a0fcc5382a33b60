/**
 * @module lint/rules/dockerignore-missing
 * `COPY .` (or ADD) of the whole context with no `.dockerignore`: `.git`, local build output
 * and stray secrets are sent to the builder and copied into the layer, and any change to them
 * (a commit!) invalidates the copy. The fix creates `.dockerignore` through the FixData `files`
 * channel (only `fix --write` writes it), listing `.git` and, when present, `node_modules` —
 * entries a build never needs, so the copied tree is otherwise unchanged.
 */
import { copiesWholeContext } from '../knowledge/copy.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'dockerignore-missing',
  meta: {
    category: 'cache',
    severity: 'warning',
    fixable: 'code',
    needsContext: true,
    docs: {
      description: 'A Dockerfile that copies the whole context needs a .dockerignore.',
      rationale: 'Without one, .git and other local files enter the build context and the layer; every commit changes .git and invalidates the COPY and everything after it.',
      bad: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\n',
      good: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\n',
      contextFiles: { 'main.go': 'package main\n', '.git/HEAD': 'ref: refs/heads/main\n' },
      goodContextFiles: { 'main.go': 'package main\n', '.git/HEAD': 'ref: refs/heads/main\n', '.dockerignore': '.git\n' },
    },
  },
  messages: {
    missing: '`{{keyword}} .` copies the whole build context, but there is no .dockerignore',
  },
  defaultOptions: {},
  create(ctx) {
    let reported = false;
    return {
      instruction(i) {
        const view = ctx.context;
        if (reported || view === undefined || !copiesWholeContext(i)) return;
        if (view.dockerignore() !== undefined) return;
        reported = true;
        const lines = ['.git', ...(view.exists('node_modules') ? ['node_modules'] : [])];
        ctx.report({
          messageId: 'missing',
          data: { keyword: i.keyword },
          range: i.node.range,
          fix: { edits: [], files: [{ path: '.dockerignore', content: `${lines.join('\n')}\n`, mode: 'create' }] },
        });
      },
    };
  },
});
