import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './go-toolchain-in-final-image.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM golang:1.23 AS b\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n' },
    { name: '--target picks the builder on purpose? the last stage is not golang', code: 'FROM golang:1.23 AS test\nFROM alpine:3.20\n' },
    { name: 'a dev-container or CI tool image runs no service (no ENTRYPOINT/CMD)', code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.0\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.23\nRUN go build -o /app .\nCMD ["/app"]\n', errors: [{ messageId: 'golangFinal', line: 1, column: 1 }] },
    { name: 'ENTRYPOINT inherited from a parent stage', code: 'FROM golang:1.23 AS base\nENTRYPOINT ["/app"]\nFROM base\nRUN go build -o /app .\n', errors: [{ messageId: 'golangFinal', line: 3, column: 1 }] },
    { name: 'through a stage chain', code: 'FROM golang:1.23-alpine AS base\nFROM base\nCMD ["/app"]\n', errors: [{ messageId: 'golangFinal', line: 2, column: 1 }] },
  ],
});
