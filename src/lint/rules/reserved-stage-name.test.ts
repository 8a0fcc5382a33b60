import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './reserved-stage-name.ts';

runRuleTests(rule, {
  valid: [
    { name: 'ordinary name', code: 'FROM alpine:3.20 AS base\nRUN true\n' },
    { name: 'FROM scratch is the reserved image, not a stage name', code: 'FROM scratch\nCOPY a /a\n' },
  ],
  invalid: [
    {
      name: 'scratch',
      code: 'FROM alpine:3.20 AS scratch\nRUN true\n',
      errors: [{ messageId: 'reserved', line: 1, column: 21, endLine: 1, endColumn: 28 }],
    },
    {
      name: 'Context in any case',
      code: 'FROM alpine:3.20 AS Context\nRUN true\n',
      errors: [{ messageId: 'reserved', line: 1, column: 21 }],
    },
  ],
});
