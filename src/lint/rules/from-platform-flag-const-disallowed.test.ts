import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './from-platform-flag-const-disallowed.ts';

runRuleTests(rule, {
  valid: [
    { name: 'BUILDPLATFORM', code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n' },
    { name: 'stage name carries the architecture', code: 'FROM --platform=linux/arm64 alpine:3.20 AS runtime-arm64\n' },
    { name: 'stage name carries the OS', code: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-base\n' },
    { name: 'a global ARG is a variable', code: 'ARG P=linux/amd64\nFROM --platform=$P alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'constant platform',
      code: 'FROM --platform=linux/amd64 golang:1.23 AS build\n',
      errors: [{ messageId: 'constant', line: 1, column: 6, endLine: 1, endColumn: 28 }],
    },
    {
      name: 'aarch64 normalises to arm64, name does not match',
      code: 'FROM --platform=linux/aarch64 alpine:3.20\n',
      errors: [{ messageId: 'constant', line: 1, column: 6 }],
    },
  ],
});
