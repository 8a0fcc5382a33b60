import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './copy-from-unknown-stage.ts';

runRuleTests(rule, {
  valid: [
    { name: 'known stage', code: 'FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=build /a /a\n' },
    { name: 'stage name in another case', code: 'FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=BUILD /a /a\n' },
    { name: 'image with tag, registry or digest', code: 'FROM alpine:3.20\nCOPY --from=golang:1.23 /a /a\nCOPY --from=ghcr.io/x/y /b /b\nCOPY --from=busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /c /c\n' },
    { name: 'variable', code: 'FROM alpine:3.20\nARG SRC=build\nCOPY --from=$SRC /a /a\n' },
    { name: 'existing stage index', code: 'FROM golang:1.23\nRUN true\nFROM alpine:3.20\nCOPY --from=0 /a /a\n' },
    { name: 'mount from a known stage', code: 'FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nRUN --mount=from=build,source=/a,target=/a true\n' },
  ],
  invalid: [
    {
      name: 'typo with a suggestion',
      code: 'FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=biuld /a /a\n',
      errors: [{ messageId: 'unknownSuggest', line: 4, column: 13, endLine: 4, endColumn: 18 }],
      suggestions: ['FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=build /a /a\n'],
    },
    {
      name: 'bare word that is no stage is pulled as an image',
      code: 'FROM alpine:3.20\nCOPY --from=builder /a /a\n',
      errors: [{ messageId: 'unknown', line: 2, column: 13 }],
    },
    {
      name: 'mount from an unknown stage',
      code: 'FROM golang:1.23 AS deps\nRUN true\nFROM golang:1.23\nRUN --mount=type=cache,from=dpes,target=/go true\n',
      errors: [{ messageId: 'unknownSuggest', line: 4, column: 29, endLine: 4, endColumn: 33 }],
    },
  ],
});
