import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './undefined-var.ts';

runRuleTests(rule, {
  valid: [
    { name: 'ARG and ENV before use', code: 'FROM scratch\nARG V=1\nENV W=$V\nLABEL v=$V w=$W\n' },
    { name: 'ARG without value counts as defined', code: 'FROM scratch\nARG V\nLABEL v=$V\n' },
    { name: 'shell-form RUN and CMD are not checked', code: 'FROM scratch\nRUN echo $NOPE\nCMD echo $NOPE\n' },
    { name: 'PATH is always defined', code: 'FROM scratch\nENV PATH=$PATH:/go/bin\n' },
    { name: 'external base image env is unknown', code: 'FROM golang:1.23\nENV PATH=$GOPATH/bin:$PATH\n' },
    { name: 'inherited from a parent stage', code: 'FROM scratch AS a\nENV A=1\nFROM a\nLABEL a=$A\n' },
    { name: 'ARG of a parent stage stays defined', code: 'FROM scratch AS s\nARG V=1\nFROM s\nLABEL x=$V\n' },
    { name: 'quoted heredoc delimiter: body not expanded', code: 'FROM scratch\nCOPY <<"EOF" /x\nhello $NOPE\nEOF\n' },
    { name: 'RUN heredoc is for the shell', code: 'FROM scratch\nRUN <<EOF\necho $NOPE\nEOF\n' },
    { name: 'single quotes do not expand', code: "FROM scratch\nLABEL a='$NOPE'\n" },
    { name: 'escaped dollar', code: 'FROM scratch\nLABEL a=\\$NOPE\n' },
  ],
  invalid: [
    {
      name: 'undefined in LABEL on scratch',
      code: 'FROM scratch\nLABEL a=$NOPE\n',
      errors: [{ messageId: 'undefined', line: 2, column: 9, endLine: 2, endColumn: 14 }],
    },
    {
      name: 'typo is reported even on an external image',
      code: 'FROM alpine:3.20\nARG VERSION=1\nCOPY app-${VERSON} /app\n',
      errors: [{ messageId: 'undefinedSuggest', line: 3, column: 10, endLine: 3, endColumn: 19 }],
    },
    {
      name: 'same ENV instruction does not see its own keys; default form counts',
      code: 'FROM scratch\nENV A=1 B=${A:-2}\n',
      errors: [{ messageId: 'undefined', line: 2, column: 11 }],
    },
    {
      name: 'COPY heredoc body is expanded, quotes are literal',
      code: "FROM scratch\nCOPY <<EOF /x\nhello '$NOPE'\nEOF\n",
      errors: [{ messageId: 'undefined', line: 3, column: 8, endLine: 3, endColumn: 13 }],
    },
    {
      name: 'global ARG is not in stage scope',
      code: 'ARG V=1\nFROM scratch\nWORKDIR /v$V\n',
      errors: [{ messageId: 'undefined', line: 3, column: 11 }],
    },
    {
      name: 'mount options and chown are expanded',
      code: 'FROM scratch\nRUN --mount=type=cache,target=$CACHE true\nCOPY --chown=$USR a /a\n',
      errors: [
        { messageId: 'undefined', line: 2, column: 31 },
        { messageId: 'undefined', line: 3, column: 14 },
      ],
    },
  ],
});
