import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './arg-invalidates-cache.ts';

runRuleTests(rule, {
  valid: [
    { name: 'declared right before use', code: 'FROM alpine:3.20\nRUN echo a\nARG V=1\nRUN echo $V\n' },
    { name: 'no value', code: 'FROM alpine:3.20\nARG V\nRUN echo a\nRUN echo $V\n' },
    { name: 'global ARG (before FROM) is not a stage ARG', code: 'ARG BASE=3.20\nFROM alpine:${BASE}\nRUN echo a\n' },
    { name: 'unused ARG is not reported', code: 'FROM alpine:3.20\nARG V=1\nRUN echo a\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nARG VERSION=dev\nRUN apk add --no-cache git\nRUN echo ${VERSION}\n',
      errors: [{ messageId: 'early', line: 2, column: 1, endLine: 2, endColumn: 16 }],
      suggestions: ['FROM alpine:3.20\nRUN apk add --no-cache git\nARG VERSION=dev\nRUN echo ${VERSION}\n'],
    },
    {
      name: 'counts every RUN in between',
      code: 'FROM alpine:3.20\nARG N=1\nRUN a\nRUN b\nCOPY x$N /x\n',
      errors: [{ messageId: 'early', line: 2, column: 1 }],
      suggestions: ['FROM alpine:3.20\nRUN a\nRUN b\nARG N=1\nCOPY x$N /x\n'],
    },
  ],
});
