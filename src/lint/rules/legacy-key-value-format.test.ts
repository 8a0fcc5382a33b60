import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './legacy-key-value-format.ts';

runRuleTests(rule, {
  valid: [
    { name: 'key=value', code: 'FROM alpine:3.20\nENV A=1 B="two words"\nLABEL a=b\n' },
  ],
  invalid: [
    {
      name: 'single word value',
      code: 'FROM alpine:3.20\nENV GOPATH /go\n',
      errors: [{ messageId: 'legacy', line: 2, column: 1, endLine: 2, endColumn: 15 }],
      output: 'FROM alpine:3.20\nENV GOPATH=/go\n',
    },
    {
      name: 'several words are quoted; variables expand the same',
      code: 'FROM alpine:3.20\nENV PATH $PATH:/go/bin  extra\n',
      errors: [{ messageId: 'legacy', line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nENV PATH="$PATH:/go/bin  extra"\n',
    },
    {
      name: 'LABEL legacy form',
      code: 'FROM alpine:3.20\nlabel maintainer jane\n',
      errors: [{ messageId: 'legacy', line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nlabel maintainer=jane\n',
    },
    {
      name: 'quoted value: no fix',
      code: 'FROM alpine:3.20\nENV A "x y"\n',
      errors: [{ messageId: 'legacy', line: 2, column: 1 }],
    },
  ],
});
