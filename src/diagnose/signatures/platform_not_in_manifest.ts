/**
 * @module diagnose/signatures/platform_not_in_manifest
 * The base image has no variant for the requested platform: `no match for platform in manifest`,
 * `no matching manifest for linux/arm64/v8 in the manifest list entries`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const platformNotInManifest = definePatternSignature({
  id: 'platform_not_in_manifest',
  title: 'The base image has no variant for the target platform (no match for platform in manifest)',
  patterns: [/no match for platform in manifest/, /no matching manifest for [^\s]{1,60} in the manifest list/, /does not provide the specified platform/, /was found but does not match the specified platform/],
  confidence: 0.95,
  summary: (h) => {
    const plat = /manifest for ([^\s]{1,60})/.exec(h.line.text)?.[1];
    return `A base image is not published for ${plat ?? 'the target platform'}. Use an image that supports it, build only for supported platforms, or pin a platform for that stage.`;
  },
  fixes: () => [
    fix.command('docker buildx imagetools inspect <image:tag>', 'list the platforms the image provides'),
    fix.flag('--platform linux/amd64,linux/arm64', 'build only for platforms all base images support'),
    fix.dockerfile('FROM --platform=$BUILDPLATFORM golang:1.24 AS build', 'run build stages on the native platform and cross-compile'),
  ],
});
