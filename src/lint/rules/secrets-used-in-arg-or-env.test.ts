import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './secrets-used-in-arg-or-env.ts';

runRuleTests(rule, {
  valid: [
    { name: 'allow-listed token', code: 'FROM alpine:3.20\nENV GPG_KEY_FILE=/k PUBLIC_KEY=x NODE_AUTH_VERSION=1\n' },
    { name: 'token only as part of a word', code: 'FROM alpine:3.20\nARG TOKENIZER MONKEY AUTHOR\n' },
    { name: 'global ARG is not dispatched by BuildKit', code: 'ARG GITHUB_TOKEN\nFROM alpine:3.20\n' },
    { name: 'dash is not a token separator', code: 'FROM alpine:3.20\nARG my-token\n' },
  ],
  invalid: [
    {
      name: 'ARG token',
      code: 'FROM alpine:3.20\nARG GITHUB_TOKEN\n',
      errors: [{ messageId: 'secret', line: 2, column: 5, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'ENV key and password, case-insensitive',
      code: 'FROM alpine:3.20\nENV api_key=x DB_Password=y AWS_SECRET_ACCESS_KEY=z\n',
      errors: [
        { messageId: 'secret', line: 2, column: 5 },
        { messageId: 'secret', line: 2, column: 15 },
        { messageId: 'secret', line: 2, column: 29 },
      ],
    },
  ],
});
