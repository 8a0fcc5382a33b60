import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './secret-in-layer.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY app.go config.yaml /src/\n' },
    { name: 'public key', code: 'FROM alpine:3.20\nCOPY id_rsa.pub /root/\n' },
    { name: 'example env file', code: 'FROM alpine:3.20\nCOPY .env.example /app/\n' },
    { name: 'CA bundles and certificate chains are public', code: 'FROM alpine:3.20 AS b\nFROM scratch\nCOPY --from=b /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem /etc/pki/\nCOPY certs/fullchain.pem /etc/ssl/\n' },
    { name: 'secret excluded by .dockerignore', code: 'FROM alpine:3.20\nCOPY . .\n', context: { '.npmrc': 'x', '.dockerignore': '.npmrc\n' } },
  ],
  invalid: [
    { code: 'FROM golang:1.23\nCOPY .netrc /root/.netrc\n', errors: [{ messageId: 'copied', line: 2, column: 6, endLine: 2, endColumn: 12 }] },
    { code: 'FROM alpine:3.20\nADD certs/server.pem .ssh/ /etc/\n', errors: [{ messageId: 'copied', line: 2, column: 5 }, { messageId: 'copied', line: 2, column: 22 }] },
    { name: 'a CA private key is still a credential', code: 'FROM alpine:3.20\nCOPY tls/ca-key.pem /etc/\n', errors: [{ messageId: 'copied', line: 2, column: 6 }] },
    { name: 'whole-context copy carries a key', code: 'FROM alpine:3.20\nCOPY . .\n', context: { 'deploy/id_ed25519': 'k', '.dockerignore': '.git\n' }, errors: [{ messageId: 'fromContext', line: 2, column: 1 }] },
  ],
});
