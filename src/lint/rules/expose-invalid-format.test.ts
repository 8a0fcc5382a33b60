import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './expose-invalid-format.ts';

runRuleTests(rule, {
  valid: [
    { name: 'ports, ranges, protocols', code: 'FROM alpine:3.20\nEXPOSE 80 8000-8010/udp 443/tcp\n' },
  ],
  invalid: [
    {
      name: 'host mapping is dropped',
      code: 'FROM alpine:3.20\nEXPOSE 8080:80/tcp\n',
      errors: [{ messageId: 'format', line: 2, column: 8, endLine: 2, endColumn: 19 }],
      output: 'FROM alpine:3.20\nEXPOSE 80/tcp\n',
    },
    {
      name: 'IP and host port',
      code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:8080:80 9090\n',
      errors: [{ messageId: 'format', line: 2, column: 8 }],
      output: 'FROM alpine:3.20\nEXPOSE 80 9090\n',
    },
    {
      name: 'expanded mapping, without a fix',
      code: 'FROM alpine:3.20\nARG MAP=8080:80\nEXPOSE $MAP\n',
      errors: [{ messageId: 'format', line: 3, column: 8 }],
    },
  ],
});
