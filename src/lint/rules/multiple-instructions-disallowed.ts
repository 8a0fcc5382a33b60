/**
 * @module lint/rules/multiple-instructions-disallowed
 * BuildKit's MultipleInstructionsDisallowed (hadolint DL4003 CMD, DL4004 ENTRYPOINT, DL3012
 * HEALTHCHECK): only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect. As in
 * BuildKit, the earlier, ignored instruction is reported. Deleting it is offered as a
 * suggestion: the image config is the same, but the history changes.
 */
import type { InstructionNode } from '../../dockerfile/index.ts';
import { defineRule } from '../rule.ts';

const KINDS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export default defineRule({
  id: 'multiple-instructions-disallowed',
  meta: {
    category: 'correctness',
    severity: 'warning',
    hasSuggestions: true,
    aliases: ['MultipleInstructionsDisallowed', 'DL4003', 'DL4004', 'DL3012'],
    docs: {
      description: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage is used; earlier ones are dead code.',
      bad: 'FROM alpine:3.20\nCMD ["echo", "first"]\nCMD ["echo", "second"]\n',
      good: 'FROM alpine:3.20\nCMD ["echo", "second"]\n',
    },
  },
  messages: {
    multiple: 'this {{keyword}} has no effect: a later {{keyword}} in the same stage replaces it, and only the last one reaches the image',
    remove: 'Remove this ignored {{keyword}}',
  },
  defaultOptions: {},
  create(ctx) {
    const text = ctx.text;
    /** The edit deleting a node's lines (it starts a line and ends one, as instructions do). */
    const deletion = (node: InstructionNode): { start: number; end: number; text: string } => {
      let end = node.range.end.offset;
      if (text[end] === '\r') end++;
      if (text[end] === '\n') end++;
      return { start: node.range.start.offset - (node.range.start.column - 1), end, text: '' };
    };
    return {
      stage(stage) {
        const last = new Map<string, InstructionNode>();
        for (const step of stage.steps) {
          const kw = step.instruction.keyword;
          if (!KINDS.has(kw)) continue;
          const prev = last.get(kw);
          if (prev !== undefined) {
            ctx.report({
              messageId: 'multiple', data: { keyword: step.instruction.node.keywordText }, range: prev.range,
              suggestions: [{ message: `Remove this ignored ${kw}`, fix: { edits: [deletion(prev)] } }],
            });
          }
          last.set(kw, step.instruction.node);
        }
      },
    };
  },
});
