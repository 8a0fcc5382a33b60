import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './build-error.ts';

runRuleTests(rule, {
  valid: [
    { name: 'a valid multi-stage file', code: 'FROM golang:1.26 AS build\nRUN go version\nFROM scratch\nCOPY --from=build /x /x\n' },
    { name: 'a blank base from an unset ARG is invalid-default-arg-in-from\'s', code: 'ARG BASE\nFROM $BASE\nRUN echo hi\n' },
  ],
  invalid: [
    {
      name: 'an unknown flag',
      code: 'FROM alpine:3.20\nCOPY --frmo=build /out /out\n',
      errors: [{ messageId: 'problem', line: 2, column: 1, endLine: 2, endColumn: 28 }],
    },
    {
      name: 'an unknown instruction, and linting goes on past it',
      code: 'FROM alpine:3.20\nFOO bar\nCOPY --frmo=x a b\n',
      errors: [
        { messageId: 'problem', line: 2, column: 1 },
        { messageId: 'problem', line: 3, column: 1 },
      ],
    },
    {
      name: 'a failed ${VAR:?message} expansion',
      code: 'FROM alpine:3.20\nENV X=${Y:?unset}\n',
      errors: [{ messageId: 'problem', line: 2, column: 5 }],
    },
    {
      name: 'a stage index past the end',
      code: 'FROM alpine:3.20\nCOPY --from=3 /a /b\n',
      errors: [{ messageId: 'problem', line: 2, column: 6 }],
    },
  ],
});
