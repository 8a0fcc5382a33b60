/**
 * @module diagnose/signatures/image_pull_denied
 * A base image cannot be pulled because it does not exist or is private: `pull access denied …
 * repository does not exist or may require 'docker login'`, `manifest unknown`, `failed to
 * resolve source metadata for docker.io/library/golang:1.99: … not found`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const imagePullDenied = definePatternSignature({
  id: 'image_pull_denied',
  title: 'A base image does not exist or is private (pull access denied, manifest unknown)',
  patterns: [
    /pull access denied/,
    /repository does not exist or may require/,
    /manifest unknown/,
    /manifest for [^\s]{1,300} not found/,
    /failed to resolve source metadata for [^\s]{1,300}: [^\n]{0,300}not found/,
    /insufficient_scope/,
    /(?:docker\.io|ghcr\.io|gcr\.io|quay\.io|registry)[^\s]{0,300}:[A-Za-z0-9._-]{1,128}: not found$/,
  ],
  exclude: [/no match for platform/],
  confidence: 0.88,
  summary: (h) => {
    const img = /(?:for|metadata for|pull access denied for) ([^\s,:]{1,300}(?::[^\s,]{1,128})?)/.exec(h.line.text)?.[1];
    return `The image ${img ?? 'named in FROM'} could not be pulled: the name or tag does not exist (a typo or a tag that was never published), or the repository is private and the build is not logged in.`;
  },
  fixes: () => [
    fix.command('docker buildx imagetools inspect <image:tag>', 'check that the image and tag exist'),
    fix.dockerfile('FROM golang:1.24-bookworm', 'use a published tag'),
    fix.command('docker login <registry>', 'log in if the repository is private'),
  ],
});
