/**
 * @module lint/rules/consistent-instruction-casing
 * BuildKit's ConsistentInstructionCasing: every instruction keyword should use the casing of
 * the majority (all-upper or all-lower keywords are counted; a tie counts as upper case, and a
 * mixed-case keyword such as `From` is always reported). Keywords are case-insensitive, so the
 * fix rewrites the keyword in the majority's case.
 */
import type { InstructionNode } from '../../dockerfile/index.ts';
import { defineRule } from '../rule.ts';

const KEYWORDS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

export default defineRule({
  id: 'consistent-instruction-casing',
  meta: {
    category: 'style',
    severity: 'warning',
    fixable: 'code',
    aliases: ['ConsistentInstructionCasing'],
    docs: {
      description: 'Write every instruction keyword in the case most of the file already uses.',
      bad: 'FROM alpine:3.20\nrun echo hello\nCMD ["echo", "bye"]\n',
      good: 'FROM alpine:3.20\nRUN echo hello\nCMD ["echo", "bye"]\n',
    },
  },
  messages: { casing: "instruction '{{keyword}}' is not {{casing}} like most instructions in this file; keywords work in any case, but mixing cases makes the file harder to read and search" },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        // Unknown keywords fail the build in BuildKit before this check runs; they are not counted.
        const nodes: InstructionNode[] = ctx.ast.instructions.filter((n) => KEYWORDS.has(n.keyword));
        let lowerCount = 0;
        let upperCount = 0;
        for (const n of nodes) {
          const k = n.keywordText;
          if (k === k.toLowerCase()) lowerCount++;
          else if (k === k.toUpperCase()) upperCount++;
        }
        const majorityLower = lowerCount > upperCount;
        for (const n of nodes) {
          const k = n.keywordText;
          const want = majorityLower ? k.toLowerCase() : k.toUpperCase();
          if (k === want) continue;
          ctx.report({
            messageId: 'casing', data: { keyword: k, casing: majorityLower ? 'lowercase' : 'uppercase' }, range: n.keywordRange,
            fix: { edits: [{ start: n.keywordRange.start.offset, end: n.keywordRange.end.offset, text: want }] },
          });
        }
      },
    };
  },
});
