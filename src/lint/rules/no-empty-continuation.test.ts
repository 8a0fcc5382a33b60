import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './no-empty-continuation.ts';

runRuleTests(rule, {
  valid: [
    { name: 'continuation without blank lines', code: 'FROM alpine:3.20\nRUN apk add \\\n    curl\n' },
    { name: 'comment lines inside a continuation are fine', code: 'FROM alpine:3.20\nRUN apk add \\\n# the client\n    curl\n' },
    { name: 'blank line after a finished instruction', code: 'FROM alpine:3.20\n\nRUN true\n' },
    { name: 'escaped escape at end of line is not a continuation', code: 'FROM alpine:3.20\nENV P=C:\\\\\n\nRUN true\n' },
    { name: 'blank lines in a heredoc body', code: 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n' },
  ],
  invalid: [
    {
      name: 'one blank line',
      code: 'FROM alpine:3.20\nRUN apk add \\\n\n    curl\n',
      errors: [{ messageId: 'empty', line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: 'FROM alpine:3.20\nRUN apk add \\\n    curl\n',
    },
    {
      name: 'several blank lines, one finding, all removed',
      code: 'FROM alpine:3.20\nRUN apk add \\\n  \n    curl \\\n\n    git\n',
      errors: [{ messageId: 'empty', line: 3, column: 1, endLine: 3, endColumn: 3 }],
      output: 'FROM alpine:3.20\nRUN apk add \\\n    curl \\\n    git\n',
    },
    {
      name: 'backtick escape directive',
      code: '# escape=`\nFROM alpine:3.20\nRUN echo a `\n\n    b\n',
      errors: [{ messageId: 'empty', line: 4, column: 1 }],
      output: '# escape=`\nFROM alpine:3.20\nRUN echo a `\n    b\n',
    },
  ],
});
