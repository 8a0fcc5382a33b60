import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './go-cache-mounts.ts';

runRuleTests(rule, {
  valid: [
    { name: 'both mounts present', code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build ./...\n' },
    { name: 'mod download needs only the module cache', code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n' },
    { name: 'a parent directory mount covers both', code: 'FROM golang:1.23\nENV GOCACHE=/cache/build GOMODCACHE=/cache/mod\nRUN --mount=type=cache,target=/cache go build ./...\n' },
    { name: 'not a go command', code: 'FROM golang:1.23\nRUN go version && echo go build\n' },
    { name: 'a wrong-path Go cache mount is left to cache-mount-path-mismatch', code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/root/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build .\n' },
  ],
  invalid: [
    {
      name: 'golang image: GOPATH=/go, HOME=/root',
      code: 'FROM golang:1.23\nRUN go build -o /app .\n',
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 23 }],
      output: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n',
    },
    {
      name: 'paths follow ENV GOPATH and XDG_CACHE_HOME',
      code: 'FROM golang:1.23\nENV GOPATH=/gopath XDG_CACHE_HOME=/xdg\nRUN go test ./...\n',
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: 'FROM golang:1.23\nENV GOPATH=/gopath XDG_CACHE_HOME=/xdg\nRUN --mount=type=cache,target=/gopath/pkg/mod --mount=type=cache,target=/xdg/go-build go test ./...\n',
    },
    {
      name: 'only the missing build cache is added',
      code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod go install ./cmd/x\n',
      errors: [{ messageId: 'missing', line: 2, column: 43 }],
      output: 'FROM golang:1.23\nRUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod go install ./cmd/x\n',
    },
    {
      name: 'non-root USER without HOME: HOME is guessed, so only a suggestion',
      code: 'FROM alpine:3.20\nUSER app\nRUN go mod download\n',
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      suggestions: ['FROM alpine:3.20\nUSER app\nRUN --mount=type=cache,target=/home/app/go/pkg/mod go mod download\n'],
    },
    {
      name: 'heredoc body commands are seen',
      code: 'FROM golang:1.23\nRUN <<EOF\nset -e\ngo mod download\nEOF\n',
      errors: [{ messageId: 'missing', line: 4, column: 1 }],
      output: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod <<EOF\nset -e\ngo mod download\nEOF\n',
    },
  ],
});
