import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './go-proxy-config.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM golang:1.23\nENV GOPROXY=https://proxy.golang.org,direct\n' },
    { code: 'FROM golang:1.23\nENV GOPRIVATE=example.com GONOSUMDB=example.com\n' },
    { code: 'FROM golang:1.23\nRUN GOFLAGS=-mod=mod go build .\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.23\nENV GOPROXY=direct GOSUMDB=off\n', errors: [{ messageId: 'proxyDirect', line: 2, column: 5 }, { messageId: 'sumdbOff', line: 2, column: 20 }] },
    { code: 'FROM golang:1.23\nARG GOPROXY=off\n', errors: [{ messageId: 'proxyOff', line: 2, column: 5 }] },
    { code: 'FROM golang:1.23\nRUN GOINSECURE=example.com go mod download\n', errors: [{ messageId: 'insecure', line: 2, column: 5 }] },
    { code: 'FROM golang:1.23\nRUN go env -w GOFLAGS=-insecure\n', errors: [{ messageId: 'flagsInsecure', line: 2, column: 5 }] },
  ],
});
