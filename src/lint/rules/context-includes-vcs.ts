/**
 * @module lint/rules/context-includes-vcs
 * A `.dockerignore` exists but lets `.git`, `node_modules` or build output into a whole-context
 * COPY. `.git` changes on every commit and invalidates the COPY; `node_modules` and build output
 * are large and platform-specific. The fix appends `.git`/`node_modules` to `.dockerignore`
 * (FixData `files`, written by `fix --write`); build output is only suggested, since some
 * builds copy prebuilt artifacts on purpose.
 */
import { copiesWholeContext } from '../knowledge/copy.ts';
import { defineRule, type FileWrite } from '../rule.ts';

const BUILD_OUTPUT = ['dist', 'build', 'target', 'bin', 'out'];

export default defineRule({
  id: 'context-includes-vcs',
  meta: {
    category: 'cache',
    severity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    needsContext: true,
    docs: {
      description: '.dockerignore should exclude .git, node_modules and build output when the whole context is copied.',
      rationale: 'Files in the context that the build does not need still invalidate the cache when they change, and bloat the layer.',
      bad: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\n',
      good: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\n',
      contextFiles: { '.git/HEAD': 'ref: refs/heads/main\n', '.dockerignore': '*.md\n', 'main.go': 'package main\n' },
      goodContextFiles: { '.git/HEAD': 'ref: refs/heads/main\n', '.dockerignore': '*.md\n.git\n', 'main.go': 'package main\n' },
    },
  },
  messages: {
    included: '{{file}} does not exclude {{paths}}, which `{{keyword}} .` copies',
  },
  defaultOptions: {},
  create(ctx) {
    let reported = false;
    return {
      instruction(i) {
        const view = ctx.context;
        if (reported || view === undefined || !copiesWholeContext(i)) return;
        const file = view.dockerignore();
        if (file === undefined) return; // dockerignore-missing reports this case
        const ignore = file.text;
        const fixable = ['.git', 'node_modules'].filter((p) => view.exists(p) && !view.isIgnored(p));
        const output = BUILD_OUTPUT.filter((p) => view.exists(p) && view.listFiles().some((f) => f.startsWith(`${p}/`)) && !view.isIgnored(p));
        if (fixable.length + output.length === 0) return;
        reported = true;
        const prefix = ignore === '' || ignore.endsWith('\n') ? '' : '\n';
        const write = (paths: readonly string[]): FileWrite => ({ path: file.path, content: `${prefix}${paths.join('\n')}\n`, mode: 'append' });
        ctx.report({
          messageId: 'included',
          data: { file: file.path, paths: [...fixable, ...output].join(', '), keyword: i.keyword },
          range: i.node.range,
          ...(fixable.length > 0 ? { fix: { edits: [], files: [write(fixable)] } } : {}),
          ...(output.length > 0 ? { suggestions: [{ message: `exclude ${[...fixable, ...output].join(', ')}`, fix: { edits: [], files: [write([...fixable, ...output])] } }] } : {}),
        });
      },
    };
  },
});
