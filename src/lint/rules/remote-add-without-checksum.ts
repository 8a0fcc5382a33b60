/**
 * @module lint/rules/remote-add-without-checksum
 * `ADD https://...` without `--checksum=sha256:...`: the download is not verified, and
 * BuildKit must fetch it to know whether the cache is still valid. Git sources (pinned by
 * commit instead) are not reported.
 */
import { defineRule } from '../rule.ts';
import { isRemote } from './add-instead-of-copy.ts';

export default defineRule({
  id: 'remote-add-without-checksum',
  meta: {
    category: 'security',
    severity: 'warning',
    docs: {
      description: 'ADD of a remote URL should pin its content with --checksum.',
      rationale: 'Without a checksum a compromised or changed download goes unnoticed; with one, BuildKit verifies the bytes.',
      bad: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n',
      good: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/\n',
    },
  },
  messages: {
    noChecksum: 'ADD {{url}} is not verified: add --checksum=sha256:<digest>',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(i) {
        if (i.keyword !== 'ADD' || i.checksum !== undefined) return;
        for (const s of i.sources) {
          if (!isRemote(s.raw) || s.raw.startsWith('git@') || /\.git(#|$)/.test(s.raw)) continue;
          ctx.report({ messageId: 'noChecksum', data: { url: s.raw }, range: s.range });
        }
      },
    };
  },
});
