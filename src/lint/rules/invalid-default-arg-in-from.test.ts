import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './invalid-default-arg-in-from.ts';

runRuleTests(rule, {
  valid: [
    { name: 'default gives a valid name', code: 'ARG TAG=3.20\nFROM alpine:${TAG}\n' },
    { name: 'default with a default value in the word', code: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n' },
    { name: 'default built from another ARG', code: 'ARG V=3.20\nARG IMG=alpine:${V}\nFROM $IMG\n' },
    { name: 'platform ARG', code: 'FROM golang:1.23-$TARGETOS\n' },
  ],
  invalid: [
    {
      name: 'empty tag',
      code: 'ARG TAG\nFROM alpine:${TAG}\n',
      errors: [{ messageId: 'invalid', line: 2, column: 6, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'upper-case repository from the default',
      code: 'ARG REPO=Library/Alpine\nFROM ${REPO}:3.20\n',
      errors: [{ messageId: 'invalid', line: 2, column: 6 }],
    },
  ],
});
