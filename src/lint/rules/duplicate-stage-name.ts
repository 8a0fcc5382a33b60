/**
 * @module lint/rules/duplicate-stage-name
 * BuildKit's DuplicateStageName (hadolint DL3024): two stages with the same name (compared
 * case-insensitively, as BuildKit lower-cases names). References resolve to one of them only.
 */
import { stageNameOf } from '../knowledge/dockerfile-facts.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'duplicate-stage-name',
  meta: {
    category: 'correctness',
    severity: 'error',
    aliases: ['DuplicateStageName', 'DL3024'],
    docs: {
      description: 'Give every stage its own name; a repeated name makes `--from` and `--target` references ambiguous.',
      bad: 'FROM golang:1.23 AS build\nRUN go version\nFROM alpine:3.20 AS build\nRUN true\n',
      good: 'FROM golang:1.23 AS build\nRUN go version\nFROM alpine:3.20 AS runtime\nRUN true\n',
    },
  },
  messages: { duplicate: 'stage name "{{name}}" is already taken by an earlier stage, so FROM, --from and --target references to it are ambiguous; rename one of them' },
  defaultOptions: {},
  create(ctx) {
    const seen = new Set<string>();
    return {
      stage(stage) {
        const name = stageNameOf(stage);
        const word = stage.from.stageName;
        if (name === undefined || word === undefined) return;
        const lower = name.toLowerCase();
        if (seen.has(lower)) ctx.report({ messageId: 'duplicate', data: { name: lower }, range: word.range });
        seen.add(lower);
      },
    };
  },
});
