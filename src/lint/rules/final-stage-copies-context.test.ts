import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './final-stage-copies-context.ts';

runRuleTests(rule, {
  valid: [
    { name: 'single stage may copy the context', code: 'FROM golang:1.23\nCOPY . /src\n' },
    { name: 'build stage copies, final copies the artefact', code: 'FROM golang:1.23 AS build\nCOPY . /src\nRUN go build -o /app /src\nFROM alpine:3.20\nCOPY --from=build /app /app\n' },
    { name: 'final stage copies specific files', code: 'FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nCOPY config.yaml /etc/\n' },
  ],
  invalid: [
    {
      name: 'COPY . in the final stage',
      code: 'FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nCOPY . /srv\n',
      errors: [{ messageId: 'context', line: 4, column: 6, endLine: 4, endColumn: 7 }],
    },
    {
      name: 'COPY ./ with other sources',
      code: 'FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nCOPY --chown=1000 a ./ /srv/\n',
      errors: [{ messageId: 'context', line: 4, column: 21 }],
    },
  ],
});
