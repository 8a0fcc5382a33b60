import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './invalid-base-image-platform.ts';

runRuleTests(rule, {
  valid: [
    { name: 'matching constant platform', code: 'FROM --platform=linux/arm64 arm64v8/alpine:3.20\n' },
    { name: 'multi-arch image: unknown offline', code: 'FROM --platform=linux/arm64 alpine:3.20\n' },
    { name: 'variable platform: unknown offline', code: 'FROM --platform=$BUILDPLATFORM arm64v8/alpine:3.20\n' },
    { name: 'no platform and no targetPlatform option', code: 'FROM arm64v8/alpine:3.20\n' },
    { name: 'other registry', code: 'FROM --platform=linux/amd64 ghcr.io/arm64v8/alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'constant platform differs from the single-arch namespace',
      code: 'FROM --platform=linux/amd64 arm64v8/alpine:3.20\n',
      errors: [{ messageId: 'mismatch', line: 1, column: 29, endLine: 1, endColumn: 48 }],
    },
    {
      name: 'targetPlatform option applies to FROM without --platform',
      code: 'FROM amd64/golang:1.23\n',
      options: { targetPlatform: 'linux/arm64' },
      errors: [{ messageId: 'mismatch', line: 1, column: 6 }],
    },
  ],
});
