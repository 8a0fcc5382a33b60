import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './go-deps-before-source.ts';

runRuleTests(rule, {
  valid: [
    { name: 'modules downloaded first', code: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n' },
    { name: 'glob copy of go.* first', code: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.* ./\nRUN go mod download\nCOPY . .\nRUN go build .\n' },
    { name: 'only .go files are copied: no go.mod, no modules to download', code: 'FROM golang:1.23-alpine AS b\nCOPY main.go .\nRUN go build -o /main .\n' },
    { name: 'no go command after the copy', code: 'FROM golang:1.23\nCOPY . .\nRUN ls\n' },
    { name: 'copy from another stage is not the source', code: 'FROM golang:1.23 AS b\nFROM golang:1.23\nCOPY --from=b /src /src\nRUN go build ./...\n' },
  ],
  invalid: [
    {
      name: 'whole context then build',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n',
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1, endLine: 3, endColumn: 9 }],
      output: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n',
    },
    {
      name: 'a lone go mod download after the source copy is moved, not repeated',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nRUN go build -o /app .\n',
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1 }],
      output: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\nRUN go build -o /app .\n',
    },
    {
      name: 'a download combined with other commands is left in place',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go mod download && go build -o /app .\n',
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1 }],
      output: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nCOPY . .\nRUN go mod download && go build -o /app .\n',
    },
    {
      name: 'destination equal to WORKDIR keeps ./',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . /src\nRUN go build .\n',
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1 }],
      output: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nCOPY . /src\nRUN go build .\n',
    },
    {
      name: 'another destination: suggestion that downloads there',
      code: 'FROM golang:1.23\nCOPY . /build\nRUN cd /build && go build .\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1 }],
      suggestions: ['FROM golang:1.23\nCOPY go.mod go.sum* /build/\nRUN cd /build && go mod download\nCOPY . /build\nRUN cd /build && go build .\n'],
    },
    {
      name: 'local replace directories are copied with go.mod',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build .\n',
      context: { 'go.mod': 'module x\n\nrequire a.example/auth v1.0.0\n\nreplace a.example/auth => ./third_party/auth // vendored\n' },
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1 }],
      output: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum* ./\nCOPY third_party/auth/go.mod third_party/auth/go.sum* ./third_party/auth/\nRUN go mod download\nCOPY . .\nRUN go build .\n',
    },
    {
      name: 'replace outside the context: report without a fix',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build .\n',
      context: { 'go.mod': 'module x\n\nreplace (\n\ta.example/auth v1.0.0 => ../auth\n)\n' },
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1 }],
    },
    {
      name: 'no go.mod at the context root: report without a fix',
      code: 'FROM golang:1.23\nCOPY . .\nRUN go build ./...\n',
      context: { 'svc/go.mod': 'module x\n' },
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1 }],
    },
  ],
});
