import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './copy-multi-arg-dir.ts';

runRuleTests(rule, {
  valid: [
    { name: 'trailing slash', code: 'FROM alpine:3.20\nCOPY go.mod go.sum /src/\n' },
    { name: 'single source', code: 'FROM alpine:3.20\nCOPY go.mod /src\n' },
    { name: 'variable destination', code: 'FROM alpine:3.20\nARG D=/src/\nCOPY a b $D\n' },
  ],
  invalid: [
    {
      name: 'no trailing slash',
      code: 'FROM alpine:3.20\nCOPY go.mod go.sum /src\n',
      errors: [{ messageId: 'dir', line: 2, column: 20, endLine: 2, endColumn: 24 }],
      suggestions: ['FROM alpine:3.20\nCOPY go.mod go.sum /src/\n'],
    },
    {
      name: 'ADD too',
      code: 'FROM alpine:3.20\nADD a.tar b.tar /opt\n',
      errors: [{ messageId: 'dir', line: 2, column: 17 }],
    },
  ],
});
