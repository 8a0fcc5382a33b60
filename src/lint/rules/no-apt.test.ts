import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './no-apt.ts';

runRuleTests(rule, {
  valid: [
    { name: 'apt-get', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'apt as a package name', code: 'FROM debian:12\nRUN apt-get install -y apt\n' },
  ],
  invalid: [
    {
      name: 'apt install gets an apt-get suggestion',
      code: 'FROM debian:12\nRUN apt install -y curl\n',
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 24 }],
      suggestions: ['FROM debian:12\nRUN apt-get install -y curl\n'],
    },
    {
      name: 'apt list has no apt-get equivalent',
      code: 'FROM debian:12\nRUN apt list --installed\n',
      errors: [{ messageId: 'apt', line: 2, column: 5 }],
      suggestions: [],
    },
  ],
});
