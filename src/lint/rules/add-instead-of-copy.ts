/**
 * @module lint/rules/add-instead-of-copy
 * ADD for plain local files and folders: ADD also fetches URLs and unpacks local tar archives,
 * so readers (and BuildKit's cache) must treat it as more than a copy. The fix turns it into
 * COPY only when that provably changes nothing: no URL or git source, no archive (which ADD
 * would extract), no ADD-only flag, no variables in the sources.
 */
import { defineRule } from '../rule.ts';

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst|lz4)|gz|bz2|xz|zst)$/i;

export function isRemote(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@');
}

export default defineRule({
  id: 'add-instead-of-copy',
  meta: {
    category: 'correctness',
    severity: 'warning',
    fixable: 'code',
    aliases: ['DL3020'],
    docs: {
      description: 'Copy local files with COPY; keep ADD for what only it does (remote sources, archive extraction).',
      rationale: 'ADD has side effects (URL downloads, archive extraction); COPY states the intent and behaves predictably.',
      bad: 'FROM alpine:3.20\nADD config.yaml /etc/app/\n',
      good: 'FROM alpine:3.20\nCOPY config.yaml /etc/app/\n',
    },
  },
  messages: {
    useCopy: 'ADD of local files does the same as COPY here, but makes readers check for archive extraction or downloads; use COPY',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(i) {
        if (i.keyword !== 'ADD' || i.node.heredocs.length > 0) return;
        if (i.sources.length === 0 || i.sources.some((s) => isRemote(s.raw))) return;
        const archive = i.sources.some((s) => ARCHIVE.test(s.raw) || s.raw.includes('$') || s.raw.includes('*'));
        const addOnly = i.checksum !== undefined || i.keepGitDir || i.node.flags.some((f) => f.name === 'unpack' || f.name === 'checksum' || f.name === 'keep-git-dir');
        if (i.sources.some((s) => ARCHIVE.test(s.raw))) return; // extraction is ADD's job
        const kw = i.node.keywordRange;
        ctx.report({
          messageId: 'useCopy',
          range: kw,
          ...(archive || addOnly ? {} : { fix: { edits: [{ start: kw.start.offset, end: kw.end.offset, text: i.node.keywordText === i.node.keywordText.toLowerCase() ? 'copy' : 'COPY' }] } }),
        });
      },
    };
  },
});
