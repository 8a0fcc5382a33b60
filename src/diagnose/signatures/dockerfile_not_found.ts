/**
 * @module diagnose/signatures/dockerfile_not_found
 * The Dockerfile was not where the build looked: `failed to read dockerfile: open …: no such
 * file or directory` (with `transferring dockerfile: 2B`), `unable to evaluate symlinks in
 * Dockerfile path`, `Cannot locate specified Dockerfile`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const dockerfileNotFound = definePatternSignature({
  id: 'dockerfile_not_found',
  title: 'The Dockerfile was not found at the given path or in the context',
  patterns: [
    /failed to read dockerfile: open [^\n]{1,300}: no such file or directory/,
    /unable to evaluate symlinks in Dockerfile path/,
    /Cannot locate specified Dockerfile/,
    /lstat [^\s]{0,300}(?:Dockerfile|Containerfile|\.dockerfile)[^\s:]{0,100}: no such file or directory/i,
    /open [^\s]{0,300}Dockerfile[^\s:]{0,100}: no such file or directory/,
    /failed to read dockerfile/,
  ],
  confidence: 0.93,
  summary: () =>
    'The build could not find the Dockerfile. -f is resolved relative to the current directory, the file name is case-sensitive, and a Dockerfile excluded by .dockerignore or outside the context is not sent.',
  fixes: () => [
    fix.flag('-f ./path/to/Dockerfile', 'pass the Dockerfile path explicitly'),
    fix.command('ls -la Dockerfile* && grep -n -i dockerfile .dockerignore', 'check the name and that .dockerignore does not exclude it'),
  ],
});
