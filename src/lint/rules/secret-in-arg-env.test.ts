import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './secret-in-arg-env.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nARG VERSION=1\nENV APP_HOME=/app PUBLIC_KEY_PATH=/k\n' },
    { code: 'FROM alpine:3.20\nRUN git clone https://github.com/x/y.git && curl -fsSL https://user@example.com/x\n' },
    { code: 'FROM alpine:3.20\nARG TOKEN_FILE=/run/secrets/token\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nARG GITHUB_TOKEN\n', errors: [{ messageId: 'name', line: 2, column: 5 }] },
    { code: 'FROM alpine:3.20\nENV DB_PASSWORD=hunter2 apiKey=x\n', errors: [{ messageId: 'name', line: 2, column: 5 }, { messageId: 'name', line: 2, column: 25 }] },
    { code: 'FROM golang:1.23\nRUN git config --global url."https://${GH_PAT}@github.com/".insteadOf "https://github.com/"\n', errors: [{ messageId: 'url', line: 2, column: 5 }] },
    { code: 'FROM alpine:3.20\nRUN curl -o x https://bob:s3cret@example.com/file\n', errors: [{ messageId: 'url', line: 2, column: 5 }] },
  ],
});
