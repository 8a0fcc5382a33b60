import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './package-cache.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir requests\n' },
    { code: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add curl\n',
      errors: [{ messageId: 'apk', line: 2, column: 5, endLine: 2, endColumn: 17 }],
      suggestions: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n'],
    },
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ messageId: 'apt', line: 2, column: 23 }],
      suggestions: [
        'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y curl\n',
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      ],
    },
    {
      code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n',
      errors: [{ messageId: 'pip', line: 2, column: 5 }],
      suggestions: ['FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n'],
    },
    {
      code: 'FROM node:22\nUSER node\nENV HOME=/home/node\nRUN npm ci\n',
      errors: [{ messageId: 'npm', line: 4, column: 5 }],
      suggestions: ['FROM node:22\nUSER node\nENV HOME=/home/node\nRUN --mount=type=cache,target=/home/node/.npm npm ci\n'],
    },
  ],
});
