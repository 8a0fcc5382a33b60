import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './runs-as-root.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nUSER 1000\nCMD ["sh"]\n' },
    { name: 'nonroot distroless tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'USER inherited from a parent stage', code: 'FROM alpine:3.20 AS base\nUSER app\nFROM base\nCMD ["sh"]\n' },
    { name: 'Chainguard static runs as 65532', code: 'FROM cgr.dev/chainguard/static@sha256:0000000000000000000000000000000000000000000000000000000000000000 AS base\nFROM base\nCOPY app /app\n' },
    { name: 'base from --build-arg only: its USER is unknowable', code: 'ARG BASE\nFROM $BASE\nCOPY app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'malformed with the defaults (registry from --build-arg)', code: 'ARG REG\nFROM ${REG}/runtime:1.0\nCOPY app /app\n' },
    { name: 'only the final stage counts', code: 'FROM golang:1.23 AS b\nRUN id\nFROM alpine:3.20\nUSER nobody\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 1 }],
      suggestions: ['FROM alpine:3.20\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n'],
    },
    { code: 'FROM alpine:3.20\nUSER app\nRUN id\nUSER root\n', errors: [{ messageId: 'rootUser', line: 4, column: 1 }] },
    { name: 'USER root is reported even on an unknown base', code: 'ARG BASE\nFROM $BASE\nUSER root\n', errors: [{ messageId: 'rootUser', line: 3, column: 1 }] },
    { name: 'no entrypoint: no suggestion position', code: 'FROM scratch\nCOPY app /app\n', errors: [{ messageId: 'noUser', line: 1, column: 1 }] },
  ],
});
