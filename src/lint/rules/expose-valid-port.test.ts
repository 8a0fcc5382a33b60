import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './expose-valid-port.ts';

runRuleTests(rule, {
  valid: [
    { name: 'in range', code: 'FROM alpine:3.20\nEXPOSE 0 65535 8000-8010/udp\n' },
    { name: 'variable', code: 'FROM alpine:3.20\nARG PORT=8080\nEXPOSE $PORT\n' },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nEXPOSE $PORT\n' },
  ],
  invalid: [
    {
      name: 'too large',
      code: 'FROM alpine:3.20\nEXPOSE 80800\n',
      errors: [{ messageId: 'range', line: 2, column: 8, endLine: 2, endColumn: 13 }],
    },
    {
      name: 'range end too large, and a backwards range',
      code: 'FROM alpine:3.20\nEXPOSE 65000-70000/tcp 90-80\n',
      errors: [
        { messageId: 'range', line: 2, column: 8 },
        { messageId: 'range', line: 2, column: 24 },
      ],
    },
    {
      name: 'expanded value out of range',
      code: 'FROM alpine:3.20\nARG PORT=99999\nEXPOSE ${PORT}\n',
      errors: [{ messageId: 'range', line: 3, column: 8 }],
    },
  ],
});
