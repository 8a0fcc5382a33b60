/**
 * @module lint/rules/reserved-stage-name
 * BuildKit's ReservedStageName (hadolint DL3063): `scratch` and `context` are reserved words;
 * a stage named so shadows the empty image or the build context in references.
 */
import { stageNameOf } from '../knowledge/dockerfile-facts.ts';
import { defineRule } from '../rule.ts';

const RESERVED = new Set(['context', 'scratch']);

export default defineRule({
  id: 'reserved-stage-name',
  meta: {
    category: 'correctness',
    severity: 'error',
    aliases: ['ReservedStageName', 'DL3063'],
    docs: {
      description: 'Do not name a stage scratch or context: BuildKit reserves those names for built-in sources.',
      bad: 'FROM alpine:3.20 AS scratch\nRUN true\n',
      good: 'FROM alpine:3.20 AS base\nRUN true\n',
    },
  },
  messages: { reserved: 'a stage named "{{name}}" collides with a name BuildKit reserves for a built-in source (scratch: the empty image, context: the build context), so references to it become ambiguous; pick another name' },
  defaultOptions: {},
  create(ctx) {
    return {
      stage(stage) {
        const name = stageNameOf(stage)?.toLowerCase();
        const word = stage.from.stageName;
        if (name === undefined || word === undefined || !RESERVED.has(name)) return;
        ctx.report({ messageId: 'reserved', data: { name }, range: word.range });
      },
    };
  },
});
