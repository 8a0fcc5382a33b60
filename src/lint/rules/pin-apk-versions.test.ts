import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './pin-apk-versions.ts';

runRuleTests(rule, {
  valid: [
    { name: 'pinned with = and ~', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.12.1-r0 git~2.45\n' },
    { name: 'virtual package name is not a package', code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc=14.2.0-r4\n' },
    { name: 'not add', code: 'FROM alpine:3.20\nRUN apk update\n' },
  ],
  invalid: [
    {
      name: 'unpinned',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      errors: [{ messageId: 'pin', line: 2, column: 5, endLine: 2, endColumn: 28 }],
    },
  ],
});
