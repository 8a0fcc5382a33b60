import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './invalid-definition-description.ts';

runRuleTests(rule, {
  valid: [
    { name: 'not opted in: BuildKit does not run experimental checks', code: '# Compile the server\nFROM golang:1.23 AS build\n' },
    { name: 'description starts with the stage name', code: '# build compiles the server\nFROM golang:1.23 AS build\n', options: { requireOptIn: false } },
    { name: 'ARG description', code: 'FROM alpine:3.20\n# VERSION of the app\nARG VERSION=1\n', options: { requireOptIn: false } },
    { name: 'an empty comment line resets', code: 'FROM alpine:3.20\n# Some notes\n#\nARG VERSION=1\n', options: { requireOptIn: false } },
    { name: 'parser directives are not comments', code: '# syntax=docker/dockerfile:1\n# check=experimental=all\nFROM golang:1.23 AS build\n' },
    { name: 'no comment', code: 'FROM golang:1.23 AS build\n', options: { requireOptIn: false } },
    { name: 'unnamed stage', code: '# Base image\nFROM golang:1.23\n', options: { requireOptIn: false } },
  ],
  invalid: [
    {
      name: 'opted in by the check directive',
      code: '# check=skip=JSONArgsRecommended;experimental=InvalidDefinitionDescription\n# Compile the server\nFROM golang:1.23 AS build\n',
      errors: [{ messageId: 'format', line: 3, column: 1, endLine: 3, endColumn: 26 }],
    },
    {
      name: 'blank lines do not break the comment block (BuildKit)',
      code: 'FROM alpine:3.20\n# Version to install\n\nARG VERSION=1\n',
      options: { requireOptIn: false },
      errors: [{ messageId: 'format', line: 4, column: 1 }],
    },
  ],
});
