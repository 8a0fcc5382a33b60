import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './stage-name-casing.ts';

runRuleTests(rule, {
  valid: [
    { name: 'lower-case name', code: 'FROM golang:1.23 AS build\nRUN go version\n' },
    { name: 'unnamed stage', code: 'FROM golang:1.23\nRUN go version\n' },
    { name: 'digits and dashes', code: 'FROM golang:1.23 AS build-1.x\nRUN go version\n' },
  ],
  invalid: [
    {
      name: 'name and every reference are lower-cased',
      code: 'FROM golang:1.23 AS Build\nRUN go version\nFROM Build AS test\nRUN --mount=type=cache,from=Build,target=/x true\nFROM alpine:3.20\nCOPY --from=Build /go/bin /bin\n',
      errors: [{ messageId: 'lowercase', line: 1, column: 21, endLine: 1, endColumn: 26 }],
      output: 'FROM golang:1.23 AS build\nRUN go version\nFROM build AS test\nRUN --mount=type=cache,from=build,target=/x true\nFROM alpine:3.20\nCOPY --from=build /go/bin /bin\n',
    },
    {
      name: 'lower-case as keyword',
      code: 'from alpine:3.20 as BASE\nrun true\n',
      errors: [{ messageId: 'lowercase', line: 1, column: 21 }],
      output: 'from alpine:3.20 as base\nrun true\n',
    },
  ],
});
