import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './workdir-relative-path.ts';

runRuleTests(rule, {
  valid: [
    { name: 'absolute', code: 'FROM golang:1.23\nWORKDIR /src\n' },
    { name: 'relative after an absolute one', code: 'FROM golang:1.23\nWORKDIR /src\nWORKDIR app\n' },
    { name: 'variable from the unknown base image env', code: 'FROM golang:1.23\nWORKDIR $GOPATH/src\n' },
    { name: 'variable that expands to an absolute path', code: 'FROM golang:1.23\nARG DIR=/src\nWORKDIR $DIR\n' },
    { name: 'a parent stage set the workdir (BuildKit inherits it)', code: 'FROM golang:1.23 AS a\nWORKDIR /src\nFROM a\nWORKDIR app\n' },
    { name: 'windows drive path', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\\\app\n' },
  ],
  invalid: [
    {
      name: 'first WORKDIR relative',
      code: 'FROM golang:1.23\nWORKDIR src/app\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 16 }],
    },
    {
      name: 'each stage is checked on its own',
      code: 'FROM golang:1.23 AS a\nWORKDIR /src\nFROM alpine:3.20\nWORKDIR app\n',
      errors: [{ messageId: 'relative', line: 4, column: 9 }],
    },
    {
      name: 'variable expanding to a relative path',
      code: 'FROM golang:1.23\nARG DIR=src\nWORKDIR ${DIR}/x\n',
      errors: [{ messageId: 'relative', line: 3, column: 9 }],
    },
  ],
});
