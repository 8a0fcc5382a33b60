import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './context-includes-vcs.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY . .\n', context: { '.git/HEAD': 'x', '.dockerignore': '.git\n' } },
    { name: 'no .dockerignore: dockerignore-missing reports it', code: 'FROM alpine:3.20\nCOPY . .\n', context: { '.git/HEAD': 'x' } },
    { name: 'excluded by a glob', code: 'FROM alpine:3.20\nCOPY . .\n', context: { '.git/HEAD': 'x', 'node_modules/a.js': '', '.dockerignore': '**/.git\nnode_*\n' } },
    { name: 'nothing to exclude', code: 'FROM alpine:3.20\nCOPY . .\n', context: { 'main.go': '', '.dockerignore': '*.md\n' } },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCOPY . .\n', context: { '.git/HEAD': 'x', '.dockerignore': '*.md\n' }, errors: [{ messageId: 'included', line: 2, column: 1 }] },
    {
      name: 're-included by a negation',
      code: 'FROM alpine:3.20\nCOPY . .\n',
      context: { 'node_modules/a.js': '', '.dockerignore': 'node_modules\n!node_modules\n' },
      errors: [{ messageId: 'included', line: 2, column: 1 }],
    },
    {
      name: 'build output only: suggestion',
      code: 'FROM alpine:3.20\nCOPY . .\n',
      context: { 'dist/app.js': '', '.dockerignore': '.git\n' },
      errors: [{ messageId: 'included', line: 2, column: 1 }],
      suggestions: ['FROM alpine:3.20\nCOPY . .\n'],
    },
  ],
});
