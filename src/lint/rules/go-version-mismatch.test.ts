import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './go-version-mismatch.ts';

const gomod = (go: string, toolchain?: string): Record<string, string> => ({
  'go.mod': `module example.com/x\n\ngo ${go}\n${toolchain === undefined ? '' : `\ntoolchain go${toolchain}\n`}`,
});

runRuleTests(rule, {
  valid: [
    { code: 'FROM golang:1.23\n', context: gomod('1.23.4') },
    { name: 'newer image', code: 'FROM golang:1.24-alpine\n', context: gomod('1.23') },
    { name: 'no go.mod', code: 'FROM golang:1.20\n' },
    { name: 'not a golang image', code: 'FROM alpine:3.20\n', context: gomod('1.23') },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22-alpine AS build\n',
      context: gomod('1.23.0'),
      errors: [{ messageId: 'older', line: 1, column: 6, endLine: 1, endColumn: 24 }],
      suggestions: ['FROM golang:1.23.0-alpine AS build\n'],
    },
    {
      name: 'toolchain line',
      code: 'FROM golang:1.23.1\n',
      context: gomod('1.22', '1.23.4'),
      errors: [{ messageId: 'older', line: 1, column: 6 }],
      suggestions: ['FROM golang:1.23.4\n'],
    },
  ],
});
