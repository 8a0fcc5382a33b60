import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './cache-mount-path-mismatch.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build .\n' },
    { name: 'GOMODCACHE moved by ENV', code: 'FROM golang:1.23\nENV GOMODCACHE=/mods/pkg/mod\nRUN --mount=type=cache,target=/mods/pkg/mod go mod download\n' },
    { name: 'unrelated cache mount', code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/var/cache/apt go build .\n' },
    { name: 'builder image from --build-arg sets its own GOPATH', code: 'ARG BUILDER\nFROM ${BUILDER}\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n' },
    { name: 'a Go builder image other than golang may set its own GOPATH', code: 'FROM quay.io/prometheus/golang-builder:1.22-base\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n' },
    { name: 'no go command in the RUN', code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/root/go/pkg/mod ls\n' },
  ],
  invalid: [
    {
      name: 'GOPATH is /go in the golang image',
      code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/root/go/pkg/mod go mod download\n',
      errors: [{ messageId: 'mismatch', line: 2, column: 5 }],
      output: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n',
    },
    {
      name: 'GOCACHE follows ENV HOME',
      code: 'FROM golang:1.23\nENV HOME=/home/build\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build .\n',
      errors: [{ messageId: 'mismatch', line: 3, column: 43 }],
      output: 'FROM golang:1.23\nENV HOME=/home/build\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/home/build/.cache/go-build go build .\n',
    },
    {
      name: 'guessed HOME of a non-root user: suggestion only',
      code: 'FROM golang:1.23\nUSER app\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build .\n',
      errors: [{ messageId: 'mismatch', line: 3, column: 43 }],
      suggestions: ['FROM golang:1.23\nUSER app\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/home/app/.cache/go-build go build .\n'],
    },
    {
      name: 'pip cache',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/cache/.cache/pip pip install -r requirements.txt\n',
      errors: [{ messageId: 'mismatch', line: 2, column: 5 }],
      output: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    },
  ],
});
