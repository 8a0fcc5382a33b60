import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './copy-ignored-file.ts';

runRuleTests(rule, {
  valid: [
    { name: 'not ignored', code: 'FROM alpine:3.20\nCOPY main.go /src/\n', context: { '.dockerignore': '*.md\n', 'main.go': '' } },
    { name: 'no .dockerignore', code: 'FROM alpine:3.20\nCOPY README.md /src/\n', context: { 'README.md': '' } },
    { name: 'exceptions disable the check (as in BuildKit)', code: 'FROM alpine:3.20\nCOPY docs/a.md /a\n', context: { '.dockerignore': 'docs\n!docs/keep.md\n' } },
    { name: 'copy from a stage', code: 'FROM alpine:3.20 AS a\nRUN true\nFROM alpine:3.20\nCOPY --from=a README.md /r\n', context: { '.dockerignore': '*.md\n' } },
    { name: 'a class negated with ^ (Go path.Match)', code: 'FROM alpine:3.20\nCOPY xa /a\n', context: { '.dockerignore': 'x[^a]\n', xa: '' } },
    { name: 'an ignore file BuildKit rejects decides nothing', code: 'FROM alpine:3.20\nCOPY README.md /r\n', context: { '.dockerignore': '*.md\n!\n' } },
    { name: 'dot with ordinary patterns', code: 'FROM alpine:3.20\nCOPY . /src\n', context: { '.dockerignore': '.git\n' } },
  ],
  invalid: [
    {
      name: 'ignored file',
      code: 'FROM alpine:3.20\nCOPY README.md main.go /src/\n',
      context: { '.dockerignore': '*.md\n' },
      errors: [{ messageId: 'ignored', line: 2, column: 6, endLine: 2, endColumn: 15 }],
    },
    {
      name: 'inside an ignored directory, ADD',
      code: 'FROM alpine:3.20\nADD ./build/out/app /app\n',
      context: { '.dockerignore': 'build\n' },
      errors: [{ messageId: 'ignored', line: 2, column: 5 }],
    },
    {
      name: 'dot when everything is ignored',
      code: 'FROM alpine:3.20\nCOPY . /src\n',
      context: { '.dockerignore': '*\n' },
      errors: [{ messageId: 'ignored', line: 2, column: 6 }],
    },
    {
      name: '! inside a class is literal, as in BuildKit',
      code: 'FROM alpine:3.20\nCOPY xa /a\n',
      context: { '.dockerignore': 'x[!a]\n', xa: '' },
      errors: [{ messageId: 'ignored', line: 2, column: 6 }],
    },
    {
      name: 'leading and trailing slashes, ** across directories',
      code: 'FROM alpine:3.20\nCOPY web/dist/app.js gen/a/b/c.pb.go /src/\n',
      context: { '.dockerignore': '/web/dist/\n**/*.pb.go\n' },
      errors: [{ messageId: 'ignored', line: 2, column: 6 }, { messageId: 'ignored', line: 2, column: 22 }],
    },
    {
      name: 'Dockerfile-specific ignore file wins',
      code: 'FROM alpine:3.20\nCOPY secret.txt /s\n',
      context: { 'Dockerfile.dockerignore': 'secret.txt\n', '.dockerignore': '*.md\n' },
      errors: [{ messageId: 'ignored', line: 2, column: 6 }],
    },
  ],
});
