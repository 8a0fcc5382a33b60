import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './multiple-instructions-disallowed.ts';

runRuleTests(rule, {
  valid: [
    { name: 'one of each', code: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["--help"]\nHEALTHCHECK CMD ["/app", "ping"]\n' },
    { name: 'one per stage', code: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n' },
  ],
  invalid: [
    {
      name: 'the earlier CMD is reported',
      code: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n',
      errors: [{ messageId: 'multiple', line: 2, column: 1, endLine: 2, endColumn: 10 }],
      suggestions: ['FROM alpine:3.20\nCMD ["b"]\n'],
    },
    {
      name: 'three ENTRYPOINTs, two reported',
      code: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n',
      errors: [
        { messageId: 'multiple', line: 2, column: 1 },
        { messageId: 'multiple', line: 3, column: 1 },
      ],
    },
    {
      name: 'HEALTHCHECK',
      code: 'FROM alpine:3.20\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["x"]\n',
      errors: [{ messageId: 'multiple', line: 2, column: 1 }],
    },
  ],
});
