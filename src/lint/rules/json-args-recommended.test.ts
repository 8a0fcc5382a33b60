import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './json-args-recommended.ts';

runRuleTests(rule, {
  valid: [
    { name: 'exec form', code: 'FROM alpine:3.20\nCMD ["/app", "--port", "80"]\n' },
    { name: 'SHELL set in the stage', code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nCMD /app --port 80\n' },
    { name: 'SHELL set in a parent stage', code: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nENTRYPOINT /app\n' },
    { name: 'RUN is not checked', code: 'FROM alpine:3.20\nRUN echo hi\n' },
  ],
  invalid: [
    {
      name: 'plain words get an exec-form suggestion',
      code: 'FROM alpine:3.20\nCMD /app --port 80\n',
      errors: [{ messageId: 'json', line: 2, column: 1, endLine: 2, endColumn: 19 }],
      suggestions: ['FROM alpine:3.20\nCMD ["/app", "--port", "80"]\n'],
    },
    {
      name: 'shell syntax gets no suggestion',
      code: 'FROM alpine:3.20\nENTRYPOINT exec /app "$@"\n',
      errors: [{ messageId: 'json', line: 2, column: 1 }],
      suggestions: [],
    },
    {
      name: 'SHELL after the CMD does not count',
      code: 'FROM alpine:3.20\nCMD /app\nSHELL ["/bin/ash", "-c"]\n',
      errors: [{ messageId: 'json', line: 2, column: 1 }],
    },
  ],
});
