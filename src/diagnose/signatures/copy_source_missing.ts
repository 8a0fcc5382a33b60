/**
 * @module diagnose/signatures/copy_source_missing
 * A COPY/ADD source is not in the build context (or is excluded by .dockerignore): BuildKit's
 * `failed to compute cache key: failed to calculate checksum of ref …: "/x": not found`, the
 * legacy `"/x" not found: not found` / `failed to walk … lstat …`, and the classic builder's
 * `COPY failed: file not found in build context or excluded by .dockerignore`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const copySourceMissing = definePatternSignature({
  id: 'copy_source_missing',
  title: 'A COPY/ADD source is missing from the build context or excluded by .dockerignore',
  patterns: [
    /failed to calculate checksum of ref [^\s]{1,200}: "[^"]{1,500}": not found/,
    /failed to compute cache key: [^\n]{0,300}(?:not found|no such file or directory)/,
    /^(?:ERROR: )?"\/[^"]{0,500}" not found: not found$/,
    /(?:COPY|ADD) failed: (?:file not found in build context|stat |forbidden path outside the build context|no source files were specified|lstat )/,
    /failed to walk [^\s]{1,300}: lstat [^\n]{1,300}: no such file or directory/,
    /lstat \/var\/lib\/docker\/tmp\/[^\s]{1,300}: no such file or directory/,
    /(?:COPY|ADD) --from=[^\s]{1,100}[^\n]{0,300}: not found/,
  ],
  confidence: 0.9,
  when: (_ctx, hits) => !hits.every((h) => /failed to compute cache key: [^\n]{0,100}(?:load metadata|docker\.io|manifest)/.test(h.text)),
  summary: (h) => {
    const path = /"(\/?[^"]{1,300})": not found/.exec(h.line.text)?.[1] ?? /stat ([^\s:]{1,300})/.exec(h.line.text)?.[1];
    return `A COPY/ADD source${path === undefined ? '' : ` (${path})`} is not in the build context. Paths are relative to the context directory (not the Dockerfile), files excluded by .dockerignore are invisible, and generated files must exist before the build.`;
  },
  fixes: (h) => {
    const path = /"\/?([^"]{1,300})": not found/.exec(h.line.text)?.[1] ?? '<path>';
    return [
      fix.command(`ls -la ${path} && grep -n "" .dockerignore`, 'check the file exists in the context directory and is not ignored'),
      fix.file(`!${path}`, 'add a negation to .dockerignore if a pattern excludes the file'),
      fix.flag('-f path/to/Dockerfile .', 'pass the directory that contains the sources as the build context'),
    ];
  },
});
