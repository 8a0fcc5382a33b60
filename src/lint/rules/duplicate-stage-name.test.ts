import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './duplicate-stage-name.ts';

runRuleTests(rule, {
  valid: [
    { name: 'distinct names', code: 'FROM alpine:3.20 AS a\nRUN true\nFROM alpine:3.20 AS b\nRUN true\n' },
    { name: 'unnamed stages', code: 'FROM alpine:3.20\nRUN true\nFROM alpine:3.20\nRUN true\n' },
  ],
  invalid: [
    {
      name: 'same name, different case',
      code: 'FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20 AS BUILD\nRUN true\n',
      errors: [{ messageId: 'duplicate', line: 3, column: 21, endLine: 3, endColumn: 26 }],
    },
  ],
});
