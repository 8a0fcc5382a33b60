import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './expose-proto-casing.ts';

runRuleTests(rule, {
  valid: [
    { name: 'lower case and none', code: 'FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 8080\n' },
    { name: 'variable from the unknown base image env', code: 'FROM alpine:3.20\nEXPOSE $PORT/TCP\n' },
  ],
  invalid: [
    {
      name: 'upper-case protocol',
      code: 'FROM alpine:3.20\nEXPOSE 80/TCP 53/Udp\n',
      errors: [
        { messageId: 'casing', line: 2, column: 11, endLine: 2, endColumn: 14 },
        { messageId: 'casing', line: 2, column: 18, endLine: 2, endColumn: 21 },
      ],
      output: 'FROM alpine:3.20\nEXPOSE 80/tcp 53/udp\n',
    },
    {
      name: 'after variable expansion, without a fix',
      code: 'FROM alpine:3.20\nARG P=80/TCP\nEXPOSE $P\n',
      errors: [{ messageId: 'casing', line: 3, column: 8, endLine: 3, endColumn: 10 }],
    },
  ],
});
