import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './go-cgo-static.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM golang:1.23 AS b\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n' },
    { name: 'ENV turns cgo off', code: 'FROM golang:1.23 AS b\nENV CGO_ENABLED=0\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=b /app /app\n' },
    { name: 'glibc runtime image', code: 'FROM golang:1.23 AS b\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=b /app /app\n' },
    {
      name: 'a tool installed with go install module@version is not what the final stage copies',
      code: 'FROM golang:1.23 AS b\nRUN CGO_ENABLED=0 go build -o /usr/local/bin/app . && go install github.com/google/go-licenses@latest\nFROM gcr.io/distroless/static-debian12\nCOPY --from=b /usr/local/bin/app /app\n',
    },
    { name: 'alpine builder has no gcc: cgo is off by default', code: 'FROM golang:1.23-alpine AS b\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=b /app /app\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS b\nWORKDIR /src\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n',
      errors: [{ messageId: 'cgoOn', line: 3, column: 5, endLine: 3, endColumn: 23 }],
      output: 'FROM golang:1.23 AS b\nWORKDIR /src\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n',
    },
    {
      name: 'alpine final from a Debian builder',
      code: 'FROM golang:1.23-bookworm AS b\nRUN go mod download && go build -o /app .\nFROM alpine:3.20\nCOPY --from=b /app /app\n',
      errors: [{ messageId: 'cgoOn', line: 2, column: 24 }],
      output: 'FROM golang:1.23-bookworm AS b\nRUN go mod download && CGO_ENABLED=0 go build -o /app .\nFROM alpine:3.20\nCOPY --from=b /app /app\n',
    },
    {
      name: 'a go install module@version tool that the final stage does copy',
      code: 'FROM golang:1.23 AS b\nRUN go install github.com/foo/tool/v2@v2.1.0\nFROM scratch\nCOPY --from=b /go/bin/tool /tool\n',
      errors: [{ messageId: 'cgoOn', line: 2, column: 5 }],
      output: 'FROM golang:1.23 AS b\nRUN CGO_ENABLED=0 go install github.com/foo/tool/v2@v2.1.0\nFROM scratch\nCOPY --from=b /go/bin/tool /tool\n',
    },
  ],
});
