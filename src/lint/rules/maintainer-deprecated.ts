/**
 * @module lint/rules/maintainer-deprecated
 * BuildKit's MaintainerDeprecated (hadolint DL4000): MAINTAINER is deprecated; the author goes
 * in the OCI label `org.opencontainers.image.authors`. The fix rewrites the instruction to that
 * LABEL, quoting the value so LABEL's variable expansion and quote removal keep it verbatim.
 */
import { defineRule } from '../rule.ts';

/** A double-quoted LABEL value that expands to exactly `value`. */
function quote(value: string, escape: string): string {
  let out = '"';
  for (const c of value) out += c === '"' || c === '$' || c === escape ? escape + c : c;
  return out + '"';
}

export default defineRule({
  id: 'maintainer-deprecated',
  meta: {
    category: 'style',
    severity: 'warning',
    fixable: 'code',
    aliases: ['MaintainerDeprecated', 'DL4000'],
    docs: {
      description: 'Replace the obsolete MAINTAINER instruction with an org.opencontainers.image.authors label.',
      bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
  },
  messages: { deprecated: 'MAINTAINER is an obsolete instruction that only fills the legacy author field of the image config; record the author with LABEL org.opencontainers.image.authors' },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(ins) {
        if (ins.keyword !== 'MAINTAINER') return;
        const node = ins.node;
        const value = node.rest.trim();
        const label = node.keywordText === node.keywordText.toLowerCase() ? 'label' : 'LABEL';
        // Only a one-line MAINTAINER is rewritten: comments inside a continuation would be lost.
        const oneLine = node.range.start.line === node.restRange.end.line && node.heredocs.length === 0;
        ctx.report({
          messageId: 'deprecated', range: node.range,
          ...(oneLine && value !== ''
            ? { fix: { edits: [{ start: node.keywordRange.start.offset, end: node.restRange.end.offset, text: `${label} org.opencontainers.image.authors=${quote(value, ctx.ast.escapeChar)}` }] } }
            : {}),
        });
      },
    };
  },
});
