import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './from-as-casing.ts';

runRuleTests(rule, {
  valid: [
    { name: 'both upper', code: 'FROM alpine:3.20 AS base\nRUN true\n' },
    { name: 'both lower', code: 'from alpine:3.20 as base\nrun true\n' },
    { name: 'mixed-case FROM is left to consistent-instruction-casing', code: 'From alpine:3.20 as base\nRUN true\n' },
    { name: 'no AS', code: 'FROM alpine:3.20\nRUN true\n' },
  ],
  invalid: [
    {
      name: 'upper FROM, lower as',
      code: 'FROM alpine:3.20 as base\nRUN true\n',
      errors: [{ messageId: 'mismatch', line: 1, column: 18, endLine: 1, endColumn: 20 }],
      output: 'FROM alpine:3.20 AS base\nRUN true\n',
    },
    {
      name: 'lower from, upper AS, with --platform',
      code: 'from --platform=$BUILDPLATFORM alpine:3.20 AS base\nrun true\n',
      errors: [{ messageId: 'mismatch', line: 1, column: 44 }],
      output: 'from --platform=$BUILDPLATFORM alpine:3.20 as base\nrun true\n',
    },
    {
      name: 'mixed-case As',
      code: 'FROM alpine:3.20 As base\nRUN true\n',
      errors: [{ messageId: 'mismatch', line: 1, column: 18 }],
      output: 'FROM alpine:3.20 AS base\nRUN true\n',
    },
  ],
});
