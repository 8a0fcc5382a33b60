import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './undefined-arg-in-from.ts';

runRuleTests(rule, {
  valid: [
    { name: 'declared global ARG', code: 'ARG GO_VERSION=1.23\nFROM golang:${GO_VERSION}\n' },
    { name: 'declared without default', code: 'ARG BASE=alpine\nARG TAG\nFROM ${BASE}:3${TAG}\n' },
    { name: 'predefined platform ARGs', code: 'FROM --platform=$BUILDPLATFORM golang:1.23-${TARGETOS}\n' },
    { name: 'no variables', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'typo with suggestion',
      code: 'ARG GO_VERSION=1.23\nFROM golang:${GOVERSION}\n',
      errors: [{ messageId: 'undeclaredSuggest', line: 2, column: 13, endLine: 2, endColumn: 25 }],
    },
    {
      name: 'stage ARG is not visible to FROM',
      code: 'FROM alpine:3.20\nARG TAG=3.20\nFROM alpine:$TAG\n',
      errors: [{ messageId: 'undeclared', line: 3, column: 13, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'in --platform',
      code: 'FROM --platform=$PLATFORM alpine:3.20\n',
      errors: [{ messageId: 'undeclared', line: 1, column: 17, endLine: 1, endColumn: 26 }],
    },
  ],
});
