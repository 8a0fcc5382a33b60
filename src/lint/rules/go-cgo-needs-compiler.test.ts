import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './go-cgo-needs-compiler.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM golang:1.23-alpine\nRUN apk add --no-cache gcc musl-dev\nRUN CGO_ENABLED=1 go build .\n' },
    { code: 'FROM golang:1.23-alpine\nRUN apk add --no-cache build-base && CGO_ENABLED=1 go build .\n' },
    { name: 'cgo not requested', code: 'FROM golang:1.23-alpine\nRUN go build .\n' },
    { name: 'Debian image has gcc', code: 'FROM golang:1.23\nRUN CGO_ENABLED=1 go build .\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23-alpine\nRUN CGO_ENABLED=1 go build .\n',
      errors: [{ messageId: 'noCompiler', line: 2, column: 5 }],
      suggestions: ['FROM golang:1.23-alpine\nRUN apk add --no-cache gcc musl-dev\nRUN CGO_ENABLED=1 go build .\n'],
    },
    {
      name: '-race needs cgo',
      code: 'FROM golang:1.23-alpine\nRUN go test -race ./...\n',
      errors: [{ messageId: 'noCompiler', line: 2, column: 5 }],
      suggestions: ['FROM golang:1.23-alpine\nRUN apk add --no-cache gcc musl-dev\nRUN go test -race ./...\n'],
    },
  ],
});
