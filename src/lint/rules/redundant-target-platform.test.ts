import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './redundant-target-platform.ts';

runRuleTests(rule, {
  valid: [
    { name: 'BUILDPLATFORM', code: 'FROM --platform=$BUILDPLATFORM alpine:3.20\n' },
    { name: 'TARGETPLATFORM with more text', code: 'FROM --platform=${TARGETPLATFORM}x alpine:3.20\n' },
    { name: 'no platform', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: '$TARGETPLATFORM is removed',
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
      errors: [{ messageId: 'redundant', line: 1, column: 6, endLine: 1, endColumn: 32 }],
      output: 'FROM alpine:3.20\n',
    },
    {
      name: 'braced form',
      code: 'FROM --platform=${TARGETPLATFORM} golang:1.23 AS build\n',
      errors: [{ messageId: 'redundant', line: 1, column: 6 }],
      output: 'FROM golang:1.23 AS build\n',
    },
    {
      name: 'no fix when a global ARG redefines TARGETPLATFORM',
      code: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n',
      errors: [{ messageId: 'redundant', line: 2, column: 6 }],
    },
  ],
});
