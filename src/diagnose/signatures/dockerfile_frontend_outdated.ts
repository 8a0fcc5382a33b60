/**
 * @module diagnose/signatures/dockerfile_frontend_outdated
 * BuildKit is on but its Dockerfile frontend predates the syntax used: `unknown flag: mount`
 * (needs `# syntax=docker/dockerfile:1`), `--link`/`--chmod`/`--exclude`/`--parents` flags,
 * heredocs, or an `unsupported frontend capability`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const dockerfileFrontendOutdated = definePatternSignature({
  id: 'dockerfile_frontend_outdated',
  title: 'The Dockerfile frontend is too old for the syntax used (unknown flag: mount/link/chmod)',
  patterns: [
    /[Uu]nknown flag: (?:mount|link|chmod|exclude|parents|checksum|keep-git-dir|network|security|device)/,
    /unsupported frontend capability/,
    /(?:requires|needs) (?:the )?(?:labs|dockerfile:1\.\d)/,
    /not supported in this (?:frontend|version)/,
    /(?:heredoc|here-document)s? (?:is|are) not supported/,
    // An old frontend reads a heredoc body as instructions and stops at its terminator.
    /unknown instruction: (?:EOF|EOT|END|EOS)\b/i,
  ],
  when: (ctx) => !/^(?:classic)$/.test(ctx.record.format) && !ctx.lines.some((l) => /Error response from daemon: [Dd]ockerfile parse error|legacy builder is deprecated/.test(l.text)),
  confidence: 0.88,
  summary: () =>
    'BuildKit parsed the Dockerfile with an old built-in frontend that does not know this syntax (RUN --mount, COPY --link/--chmod, heredocs). Pin a current frontend with a syntax directive.',
  fixes: () => [
    fix.dockerfile('# syntax=docker/dockerfile:1', 'put this first line in the Dockerfile to use the current stable frontend'),
    fix.command('docker buildx version', 'or upgrade Docker/buildx so the built-in frontend is current'),
  ],
});
