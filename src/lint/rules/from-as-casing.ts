/**
 * @module lint/rules/from-as-casing
 * BuildKit's FromAsCasing: in `FROM image AS name` the `AS` keyword should have the case of
 * `FROM` (both upper or both lower). As in BuildKit, a FROM keyword of mixed case is left to
 * consistent-instruction-casing. Keywords are case-insensitive, so the fix is always safe.
 */
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'from-as-casing',
  meta: {
    category: 'style',
    severity: 'warning',
    fixable: 'code',
    aliases: ['FromAsCasing'],
    docs: {
      description: 'Write AS in the same letter case as the FROM it belongs to.',
      bad: 'FROM golang:1.23 as build\nRUN go version\n',
      good: 'FROM golang:1.23 AS build\nRUN go version\n',
    },
  },
  messages: { mismatch: "'{{as}}' and '{{from}}' on this line are in different letter case; BuildKit accepts both, but the stage line reads inconsistently — write AS in the case of FROM" },
  defaultOptions: {},
  create(ctx) {
    return {
      stage(stage) {
        const from = stage.from;
        const name = from.stageName;
        if (name === undefined) return;
        const keyword = from.node.keywordText;
        const lower = keyword === keyword.toLowerCase();
        const upper = keyword === keyword.toUpperCase();
        if (!lower && !upper) return;
        const gapStart = from.image.range.end.offset;
        const gap = ctx.text.slice(gapStart, name.range.start.offset);
        const m = /(?:^|\s)([Aa][Ss])(?=\s)/.exec(gap);
        if (m === null) return;
        const as = m[1]!;
        const want = lower ? as.toLowerCase() : as.toUpperCase();
        if (as === want) return;
        const start = gapStart + m.index + m[0].length - 2;
        ctx.report({
          messageId: 'mismatch', data: { as, from: keyword }, range: rangeAt(ctx.text, start, start + 2),
          fix: { edits: [{ start, end: start + 2, text: want }] },
        });
      },
    };
  },
});
