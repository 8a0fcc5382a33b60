import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './base-image-unpinned.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM golang:1.23@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' },
    { name: 'scratch and stage references', code: 'FROM scratch AS a\nFROM a\n' },
    { name: 'ARG-built reference resolving to a pinned image', code: 'ARG REG=docker.io/library/\nFROM ${REG}golang:1.23@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' },
    { name: 'malformed with the ARG defaults: the image comes from --build-arg', code: 'ARG GO_VERSION\nFROM golang:${GO_VERSION}\nARG NS\nFROM ${NS}/app-base:1.0\n' },
  ],
  invalid: [
    { code: 'FROM golang\n', errors: [{ messageId: 'noTag', line: 1, column: 6, endLine: 1, endColumn: 12 }] },
    { code: 'FROM alpine:latest AS x\n', errors: [{ messageId: 'latest', line: 1, column: 6 }] },
    { name: 'tag without digest is info', code: 'FROM registry.example.com:5000/team/app:1.2\n', errors: [{ messageId: 'noDigest', line: 1, column: 6 }] },
    { name: 'ARG default is expanded', code: 'ARG V=latest\nFROM alpine:${V}\n', errors: [{ messageId: 'latest', line: 2, column: 6 }] },
  ],
});
