import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './go-cross-compile-platform.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS b\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n' },
    { name: 'no TARGET* ARGs: not a multi-platform file', code: 'FROM golang:1.23\nRUN go build -o /app .\n' },
    { name: 'GOOS/GOARCH from ENV', code: 'FROM --platform=$BUILDPLATFORM golang:1.23\nARG TARGETOS TARGETARCH\nENV GOOS=$TARGETOS GOARCH=$TARGETARCH\nRUN go build .\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS b\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n',
      errors: [{ messageId: 'emulated', line: 1, column: 1 }],
      suggestions: ['FROM --platform=$BUILDPLATFORM golang:1.23 AS b\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n'],
    },
    {
      code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS b\nARG TARGETOS TARGETARCH\nRUN go build -o /app .\n',
      errors: [{ messageId: 'ignoresTarget', line: 3, column: 5 }],
      suggestions: ['FROM --platform=$BUILDPLATFORM golang:1.23 AS b\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n'],
    },
  ],
});
