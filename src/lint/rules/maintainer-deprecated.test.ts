import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './maintainer-deprecated.ts';

runRuleTests(rule, {
  valid: [
    { name: 'authors label', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"\n' },
  ],
  invalid: [
    {
      name: 'rewritten to the OCI label',
      code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
      errors: [{ messageId: 'deprecated', line: 2, column: 1, endLine: 2, endColumn: 39 }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    {
      name: 'quotes and dollars are escaped so LABEL keeps them verbatim',
      code: 'from alpine:3.20\nmaintainer "J" $USER\n',
      errors: [{ messageId: 'deprecated', line: 2, column: 1 }],
      output: 'from alpine:3.20\nlabel org.opencontainers.image.authors="\\"J\\" \\$USER"\n',
    },
    {
      name: 'multi-line MAINTAINER is reported without a fix',
      code: 'FROM alpine:3.20\nMAINTAINER Jane \\\n  Doe\n',
      errors: [{ messageId: 'deprecated', line: 2, column: 1 }],
    },
  ],
});
