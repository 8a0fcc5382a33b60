import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './no-sudo.ts';

runRuleTests(rule, {
  valid: [
    { name: 'no sudo', code: 'FROM debian:12\nRUN apt-get update\n' },
    { name: 'sudo as an argument', code: 'FROM debian:12\nRUN apt-get install -y sudo\n' },
  ],
  invalid: [
    {
      name: 'sudo in a chain',
      code: 'FROM debian:12\nRUN apt-get update && sudo apt-get install -y curl\n',
      errors: [{ messageId: 'sudo', line: 2, column: 23, endLine: 2, endColumn: 51 }],
    },
    {
      name: 'inside ONBUILD',
      code: 'FROM debian:12\nONBUILD RUN /usr/bin/sudo make install\n',
      errors: [{ messageId: 'sudo', line: 2, column: 13 }],
    },
  ],
});
