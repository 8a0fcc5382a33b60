import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './pin-apt-versions.ts';

runRuleTests(rule, {
  valid: [
    { name: 'pinned', code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 ./local.deb\n' },
    { name: 'target release value is not a package', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports git=1:2.43\n' },
    { name: 'variable list', code: 'FROM debian:12\nRUN apt-get install -y $PACKAGES\n' },
    { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update\n' },
  ],
  invalid: [
    {
      name: 'one finding per unpinned package',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39\n',
      errors: [{ messageId: 'pin', line: 2, column: 23, endLine: 2, endColumn: 81 }],
    },
    {
      name: 'two packages',
      code: 'FROM debian:12\nRUN apt-get install -y curl git\n',
      errors: [{ messageId: 'pin', line: 2, column: 5 }, { messageId: 'pin', line: 2, column: 5 }],
    },
  ],
});
