import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './secret-in-layer.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY app.go config.yaml /src/\n' },
    { name: 'public key', code: 'FROM alpine:3.20\nCOPY id_rsa.pub /root/\n' },
    { name: 'example env file', code: 'FROM alpine:3.20\nCOPY .env.example /app/\n' },
    { name: 'secret excluded by .dockerignore', code: 'FROM alpine:3.20\nCOPY . .\n', context: { '.npmrc': 'x', '.dockerignore': '.npmrc\n' } },
  ],
  invalid: [
    { code: 'FROM golang:1.23\nCOPY .netrc /root/.netrc\n', errors: [{ messageId: 'copied', line: 2, column: 6, endLine: 2, endColumn: 12 }] },
    { code: 'FROM alpine:3.20\nADD certs/server.pem .ssh/ /etc/\n', errors: [{ messageId: 'copied', line: 2, column: 5 }, { messageId: 'copied', line: 2, column: 22 }] },
    { name: 'whole-context copy carries a key', code: 'FROM alpine:3.20\nCOPY . .\n', context: { 'deploy/id_ed25519': 'k', '.dockerignore': '.git\n' }, errors: [{ messageId: 'fromContext', line: 2, column: 1 }] },
  ],
});
