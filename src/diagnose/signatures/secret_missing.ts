/**
 * @module diagnose/signatures/secret_missing
 * A `RUN --mount=type=secret` needed a secret that the build did not provide: `secret X: not
 * found` (required=true), `could not parse secrets`, or the mounted file absent at
 * `/run/secrets/X`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const secretMissing = definePatternSignature({
  id: 'secret_missing',
  title: 'A build secret (--mount=type=secret) was not provided',
  patterns: [
    /secret [A-Za-z0-9_.-]{1,100}: not found/,
    /could not parse secrets/,
    /\/run\/secrets\/[^\s:]{1,200}: No such file or directory/,
    /failed to stat [^\n]{1,300}(?:secret|netrc|npmrc|token)[^\n]{0,100}no such file/i,
    /secret [A-Za-z0-9_.-]{1,100} not found/,
  ],
  confidence: 0.9,
  summary: (h) => {
    const id = /secrets?\/?\s?([A-Za-z0-9_.-]{1,100})/.exec(h.line.text)?.[1];
    return `The step mounts a build secret${id === undefined ? '' : ` (${id})`} that was not passed to the build, so the file is missing (or the build fails when the mount is required).`;
  },
  fixes: (h) => {
    const id = /secret ([A-Za-z0-9_.-]{1,100})/.exec(h.line.text)?.[1] ?? 'mysecret';
    return [
      fix.flag(`--secret id=${id},src=./${id}.txt`, 'pass the secret to docker buildx build'),
      fix.flag(`--secret id=${id},env=${id.toUpperCase().replaceAll(/[^A-Z0-9]/g, '_')}`, 'or take it from an environment variable (buildx ≥ 0.13)'),
    ];
  },
});
