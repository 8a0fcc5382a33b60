import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './consistent-instruction-casing.ts';

runRuleTests(rule, {
  valid: [
    { name: 'all upper', code: 'FROM alpine:3.20\nRUN true\nCMD ["sh"]\n' },
    { name: 'all lower', code: 'from alpine:3.20\nrun true\ncmd ["sh"]\n' },
    { name: 'ONBUILD trigger is part of its instruction', code: 'FROM alpine:3.20\nONBUILD RUN true\n' },
  ],
  invalid: [
    {
      name: 'one lower among upper',
      code: 'FROM alpine:3.20\nrun true\nCMD ["sh"]\n',
      errors: [{ messageId: 'casing', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM alpine:3.20\nRUN true\nCMD ["sh"]\n',
    },
    {
      name: 'majority lower; mixed case is always reported',
      code: 'from alpine:3.20\nrun true\nCopy a /a\nENV A=1\n',
      errors: [
        { messageId: 'casing', line: 3, column: 1 },
        { messageId: 'casing', line: 4, column: 1 },
      ],
      output: 'from alpine:3.20\nrun true\ncopy a /a\nenv A=1\n',
    },
    {
      name: 'a tie counts as upper case',
      code: 'FROM alpine:3.20\nrun true\n',
      errors: [{ messageId: 'casing', line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nRUN true\n',
    },
  ],
});
