import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './prefer-workdir.ts';

runRuleTests(rule, {
  valid: [
    { name: 'WORKDIR', code: 'FROM golang:1.23\nWORKDIR /src\nRUN go build ./...\n' },
    { name: 'cd as an argument', code: 'FROM golang:1.23\nRUN echo cd\n' },
  ],
  invalid: [
    {
      name: 'cd in a chain',
      code: 'FROM golang:1.23\nRUN cd /src && go build ./...\n',
      errors: [{ messageId: 'cd', line: 2, column: 5, endLine: 2, endColumn: 12 }],
    },
  ],
});
