/**
 * @module diagnose/signatures/dockerfile_syntax
 * The Dockerfile does not parse: `dockerfile parse error on line N: unknown instruction: X`
 * (BuildKit), `Dockerfile parse error line N: …` (classic), bad ARG/ENV forms, unterminated
 * variables or heredocs, wrong FROM arity.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const dockerfileSyntax = definePatternSignature({
  id: 'dockerfile_syntax',
  title: 'The Dockerfile does not parse (unknown instruction, bad arguments)',
  patterns: [
    /[Dd]ockerfile parse error (?:on )?line \d{1,6}: /,
    /unknown instruction: /,
    /(?:ARG|ENV|FROM|COPY|ADD|EXPOSE|LABEL|HEALTHCHECK|SHELL|ONBUILD|USER|WORKDIR) requires /,
    /failed to process "[^"]{0,300}": (?:missing|unsupported|syntax)/,
    /[Ss]yntax error - can't find = in /,
    /unterminated heredoc|unexpected end of statement/,
    /empty continuation lines will become errors/,
    /the Dockerfile cannot be empty|file with no instructions/,
  ],
  exclude: [/[Uu]nknown flag: (?:mount|link|chmod|exclude|parents|checksum|keep-git-dir|network|security|device)/],
  confidence: 0.9,
  adjust: (h) => (/empty continuation/.test(h.line.text) ? 0.3 : 0.9),
  summary: (h) => {
    const m = /line (\d{1,6}): (.{1,200})/.exec(h.line.text);
    return m === null
      ? 'The Dockerfile does not parse.'
      : `The Dockerfile does not parse at line ${m[1]}: ${m[2]}. Check the instruction spelling and arguments on that line (or the line before it if a continuation "\\" is missing or extra).`;
  },
  fixes: () => [
    fix.command('stevedore lint Dockerfile', 'find the offending line with its exact position'),
    fix.dockerfile('RUN apt-get update && \\\n    apt-get install -y curl', 'join multi-line commands with a trailing backslash on every continued line'),
  ],
});
