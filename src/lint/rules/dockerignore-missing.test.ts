import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './dockerignore-missing.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY . .\n', context: { '.dockerignore': '.git\n' } },
    { name: 'only named files are copied', code: 'FROM alpine:3.20\nCOPY main.go /src/\n', context: { 'main.go': '' } },
    { name: 'copy from a stage', code: 'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a . .\n' },
  ],
  invalid: [
    // The fix only creates a context file (FixData.files), so the Dockerfile text is unchanged: no `output`.
    { code: 'FROM alpine:3.20\nCOPY . .\n', errors: [{ messageId: 'missing', line: 2, column: 1 }] },
    { code: 'FROM alpine:3.20\nADD ./ /app\nCOPY . /again\n', context: { 'node_modules/x/index.js': '' }, errors: [{ messageId: 'missing', line: 2, column: 1 }] },
  ],
});
